package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// home gives a test its own config and data folders.
func home(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir+"/config")
	t.Setenv("XDG_DATA_HOME", dir+"/data")
	t.Setenv("XDG_STATE_HOME", dir+"/state")
	return dir
}

// run runs the command line as a person would type it and returns what it
// printed and its exit code.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	err := execute(context.Background(), root, "v9.9.9")
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
	default:
		code = 1
	}
	return ansi.Strip(out.String()), ansi.Strip(errb.String()), code
}

// TestHelpFitsEightyColumns: a description longer than its column wraps
// mid-word in an 80-column terminal (fang does not wrap them).
func TestHelpFitsEightyColumns(t *testing.T) {
	t.Setenv("__FANG_TEST_WIDTH", "80")
	home(t)
	for _, args := range [][]string{
		{}, {"start"}, {"check"}, {"tips"}, {"why"}, {"about"}, {"history"}, {"routines"},
		{"routines", "show"}, {"routines", "new"}, {"routines", "validate"}, {"config"}, {"config", "init"},
		{"completion"}, {"man"}, {"remind"}, {"remind", "at"}, {"remind", "off"}, {"nudge"},
	} {
		out, _, _ := run(t, append(args, "--help")...)
		if out == "" {
			t.Fatalf("supine %s --help printed nothing", strings.Join(args, " "))
		}
		for _, line := range strings.Split(out, "\n") {
			line = strings.TrimRight(line, " ")
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("supine %s --help: a line is %d columns wide:\n%s", strings.Join(args, " "), w, line)
			}
		}
	}
}

func TestAnUnknownRoutineInTheSettingsFileIsAPositionedError(t *testing.T) {
	dir := home(t)
	if err := os.MkdirAll(dir+"/config/supine", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/config/supine/config.toml", []byte("routine = \"quik\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "start")
	want := dir + `/config/supine/config.toml:1:11: routine: there is no routine called "quik"; did you mean "quick"?`
	if code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("supine start: exit %d, stderr %q; want a failure naming %q", code, stderr, want)
	}
	out, _, code := run(t, "config")
	if code == 0 || !strings.Contains(out, `config.toml:1:11: routine: there is no routine called "quik"`) {
		t.Errorf("supine config: exit %d, output %q; want the problem with its line and column", code, out)
	}
}

func TestConfigInitTwiceSaysTheFileExistsWithItsPathAsItIs(t *testing.T) {
	dir := home(t)
	path := dir + "/config/supine/config.toml"
	out, _, code := run(t, "config", "init")
	if code != 0 || !strings.Contains(out, "Wrote "+path) {
		t.Fatalf("first config init: exit %d, output %q", code, out)
	}
	_, stderr, code := run(t, "config", "init")
	want := "supine: " + path + " already exists; edit it, or move it away and run supine config init again."
	if code == 0 || strings.TrimSpace(stderr) != want {
		t.Errorf("second config init: exit %d, stderr\n%q\nwant\n%q", code, stderr, want)
	}
}

func TestCompletionOffersWordsNotFiles(t *testing.T) {
	home(t)
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"start", ""}, []string{"tonight\t", "quick\t", "heat\t", ":4"}},
		{[]string{"routines", "show", ""}, []string{"tonight\t", "quick\t", ":4"}},
		{[]string{"routines", "new", "mine", "--from", ""}, []string{"tonight\t", ":4"}},
		{[]string{"--position", ""}, []string{"side", "back", "stomach", ":4"}},
		{[]string{"start", "--palette", ""}, []string{"auto", "night", "light", ":4"}},
		{[]string{"--heat", ""}, []string{"15", "20", ":4"}},
		{[]string{"tips", ""}, []string{":4"}},
		{[]string{"routines", "validate", ""}, []string{"toml", ":8"}},
	} {
		out, _, _ := run(t, append([]string{"__complete"}, tt.args...)...)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("__complete %q: output %q lacks %q", tt.args, out, w)
			}
		}
	}
}

func writeConfig(t *testing.T, dir, text string) {
	t.Helper()
	if err := os.MkdirAll(dir+"/config/supine", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/config/supine/config.toml", []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestRoutinesShowThePlanThatWillRun: heat minutes and osteoporosis change
// the plan, from the file or a flag.
func TestRoutinesShowThePlanThatWillRun(t *testing.T) {
	dir := home(t)
	out, _, _ := run(t, "routines", "show", "tonight")
	if !strings.Contains(out, "Knee to chest") || !strings.Contains(out, "15:00") {
		t.Fatalf("routines show tonight without settings lacks knee-to-chest or the 15-minute heat:\n%s", out)
	}
	writeConfig(t, dir, "heat_minutes = 20\nosteoporosis = true\n")
	out, _, _ = run(t, "routines", "show", "tonight")
	if strings.Contains(out, "Knee to chest") || !strings.Contains(out, "20:00") || !strings.Contains(out, "osteoporosis") {
		t.Errorf("routines show tonight with heat_minutes = 20 and osteoporosis = true:\n%s", out)
	}
	out, _, _ = run(t, "routines")
	if !strings.Contains(out, "heat 20 min") || !regexp.MustCompile(`heat\s+Heat only\s+20 min`).MatchString(out) {
		t.Errorf("routines with heat_minutes = 20 does not list Heat only at 20 min:\n%s", out)
	}
	writeConfig(t, dir, "")
	out, _, _ = run(t, "routines", "show", "tonight", "--osteoporosis")
	if strings.Contains(out, "Knee to chest") {
		t.Errorf("routines show tonight --osteoporosis still has knee-to-chest:\n%s", out)
	}
}

func TestRoutinesNewWithABuiltinsNameCopiesThatBuiltin(t *testing.T) {
	dir := home(t)
	out, _, code := run(t, "routines", "new", "quick")
	if code != 0 || !strings.Contains(out, "(a copy of Quick)") || !strings.Contains(out, "replaces it") {
		t.Fatalf("routines new quick: exit %d, output:\n%s", code, out)
	}
	data, err := os.ReadFile(dir + "/config/supine/routines/quick.toml")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Heat") {
		t.Errorf("quick.toml copies a routine with heat (Tonight?), not Quick:\n%s", data)
	}
	out, _, _ = run(t, "routines", "new", "heat", "--from", "tonight")
	if !strings.Contains(out, "(a copy of Tonight)") {
		t.Errorf("routines new heat --from tonight: %s", out)
	}
}

func TestAMistypedCommandLinePointsToTheHelp(t *testing.T) {
	home(t)
	_, stderr, code := run(t, "bogus")
	if code == 0 || !strings.Contains(stderr, `Unknown command "bogus" for "supine". Run supine help`) {
		t.Errorf("supine bogus: exit %d, stderr %q", code, stderr)
	}
}

// TestRunErrorMakesAPanicAFailure: bubbletea reports a caught panic as
// "killed"; supine must still end with an error, while Ctrl+C and signals
// end without one (their exit status is set elsewhere).
func TestRunErrorMakesAPanicAFailure(t *testing.T) {
	for _, tc := range []struct {
		err  error
		fail bool
	}{
		{nil, false},
		{tea.ErrInterrupted, false},
		{tea.ErrProgramKilled, false},
		{fmt.Errorf("%w: %w", tea.ErrProgramKilled, tea.ErrProgramPanic), true},
		{errors.New("the terminal went away"), true},
	} {
		if got := runError(tc.err); (got != nil) != tc.fail {
			t.Errorf("runError(%v) = %v, want failure %v", tc.err, got, tc.fail)
		}
	}
}
