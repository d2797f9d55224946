package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Each command has the flags it uses and no others: the app's flags on the
// commands that open it, the plan's on routines, none on the commands that
// only print (issue 20: `supine about --heat 99` was accepted).
func TestFlagsBelongToTheCommandsThatUseThem(t *testing.T) {
	root := newRoot()
	app := []string{"plain", "heat", "position", "osteoporosis", "breathing", "no-bell", "voice", "no-voice", "palette"}
	for _, tc := range []struct {
		path []string
		want []string // of the app's flags
	}{
		{nil, app},
		{[]string{"start"}, app},
		{[]string{"check"}, app},
		{[]string{"tips"}, app},
		{[]string{"precautions"}, app},
		{[]string{"history"}, app},
		{[]string{"routines"}, []string{"heat", "osteoporosis"}},
		{[]string{"routines", "show"}, []string{"heat", "osteoporosis"}},
		{[]string{"routines", "new"}, nil},
		{[]string{"about"}, nil},
		{[]string{"why"}, nil},
		{[]string{"config"}, nil},
		{[]string{"report"}, nil},
	} {
		cmd, _, err := root.Find(tc.path)
		if err != nil {
			t.Fatalf("%v: %v", tc.path, err)
		}
		for _, name := range app {
			has := cmd.Flags().Lookup(name) != nil || cmd.InheritedFlags().Lookup(name) != nil
			if want := contains(tc.want, name); has != want {
				t.Errorf("supine %s: --%s present = %v, want %v", strings.Join(tc.path, " "), name, has, want)
			}
		}
	}
	if _, stderr, code := run(t, "about", "--heat", "99"); code == 0 || !strings.Contains(stderr, "nknown flag: --heat") {
		t.Errorf("supine about --heat 99: status %d, %q; want an unknown flag", code, stderr)
	}
}

// Flags that take a value complete values, never file names (only -o
// takes a file).
func TestFlagValuesComplete(t *testing.T) {
	home(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--format", ""}, "md"},
		{[]string{"report", "--weeks", ""}, "12"},
		{[]string{"history", "--what", ""}, "checks"},
		{[]string{"history", "--since", ""}, "-01"},
		{[]string{"start", "--heat", ""}, "18"},
		{[]string{"routines", "--heat", ""}, "20"},
		{[]string{"tips", "--position", ""}, "back"},
	} {
		out, _, _ := run(t, append([]string{cobra.ShellCompRequestCmd}, tc.args...)...)
		if !strings.Contains(out, tc.want) || !strings.Contains(out, ":4") { // 4: no file completion
			t.Errorf("completing %v: %q, want %q and no file names", tc.args, out, tc.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The manual page's header names the manual (the root's long Short
// overflowed it), and a flag with a shorthand reads "-o, --output".
func TestManPage(t *testing.T) {
	home(t)
	out, _, code := run(t, "man")
	first, _, _ := strings.Cut(out, "\n")
	if code != 0 || !strings.HasSuffix(first, `"supine" "supine manual"`) {
		t.Errorf("man: status %d, header %q", code, first)
	}
	if !strings.Contains(out, `-o, --output`) || strings.Contains(out, "--o ") {
		t.Errorf("man: the report's -o, --output is not written so:\n%s", out)
	}
}
