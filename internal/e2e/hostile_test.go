package e2e

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/textsafe/hostile"
)

// A routine file that loads, to give hostile names something to carry.
const goodRoutine = "title = \"Good\"\n[[steps]]\nkind = \"settle\"\ntitle = \"Settle in\"\n"

// Tokens that only a payload carries: if either reaches the terminal, a
// clipboard write or a window title got through.
const (
	clipboardToken = "Y3VybCBldmlsLnNoIHwgc2g"
	titleToken     = "pwned"
)

// tomlEscaped writes s as the inside of a TOML basic string, every
// character outside printable ASCII as \uXXXX, so a file can hold any
// payload as an escape.
func tomlEscaped(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "") {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r < 0x20 || r >= 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hostileHomes are the hostile inputs: each builds a home that every
// command below runs in.
var hostileHomes = []struct {
	name  string
	build func(t *testing.T, home string)
}{
	{"escape payloads in file names", func(t *testing.T, home string) {
		dir := routinesDir(home)
		for name, p := range hostile.Payloads {
			writeFile(t, filepath.Join(dir, "r"+p+".toml"), goodRoutine)
			_ = name
		}
	}},
	{"escape payloads inside files", func(t *testing.T, home string) {
		all := tomlEscaped(hostile.All())
		writeFile(t, filepath.Join(routinesDir(home), "inside.toml"), fmt.Sprintf(
			"title = \"T%s\"\n\"k%s\" = 1\n[[steps]]\nkind = \"paced\"\ntitle = \"S%s\"\ncues = [\"C%s\"]\nreps = 1\nphases = [{ name = \"p%s\", time = \"1s\" }]\n",
			all, all, all, all, all))
		writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), fmt.Sprintf(
			"routine = \"r%s\"\n\"k%s\" = 1\nposition = \"%s\"\n[sound_commands]\n\"c%s\" = \"x\"\nnext_step = \"x%s\"\n",
			all, all, all, all, all))
	}},
	{"FIFOs", func(t *testing.T, home string) {
		dir := routinesDir(home)
		writeFile(t, filepath.Join(dir, "good.toml"), goodRoutine)
		for _, p := range []string{filepath.Join(dir, "pipe.toml"), filepath.Join(home, "config", "supine", "config.toml")} {
			if err := mkfifo(p); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}
	}},
	{"links", func(t *testing.T, home string) {
		dir := routinesDir(home)
		writeFile(t, filepath.Join(home, "elsewhere", "real.toml"), goodRoutine)
		os.MkdirAll(dir, 0o700)
		for name, target := range map[string]string{
			"linked.toml": filepath.Join(home, "elsewhere", "real.toml"), // a link to a file is fine
			"zero.toml":   "/dev/zero",
			"loop.toml":   "loop.toml",
			"gone.toml":   "nowhere.toml",
			".#good.toml": "user@host.1234:1700000000", // an Emacs lock link
		} {
			if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
		os.Symlink("/dev/zero", filepath.Join(home, "config", "supine", "config.toml"))
	}},
	{"huge and binary files", func(t *testing.T, home string) {
		dir := routinesDir(home)
		writeFile(t, filepath.Join(dir, "huge.toml"), "# "+strings.Repeat("x", 3<<20))
		junk := make([]byte, 4096)
		rand.Read(junk)
		writeFile(t, filepath.Join(dir, "binary.toml"), string(junk))
		writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), string(junk))
	}},
	{"bad config quotes", func(t *testing.T, home string) {
		writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), "routine = \"tonight\nheat_minutes = '15\n\"\x1b]0;pwned\a = 1\n")
	}},
	{"hostile database", func(t *testing.T, home string) {
		st, _, err := history.Open(filepath.Join(home, "data", "supine", "supine.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for _, p := range hostile.Payloads {
			// Begin stores text as given: the database is as hostile as a
			// hand-edited one.
			if _, err := st.Begin(history.Session{Start: time.Now().Add(-time.Hour), Routine: "r" + p,
				Completed: []string{`=HYPERLINK("http://x")` + p}, RedFlag: history.TierNone}); err != nil {
				t.Fatal(err)
			}
		}
	}},
}

func routinesDir(home string) string { return filepath.Join(home, "config", "supine", "routines") }

// hostileCommands are every command that prints something from a file, a
// file name, the database or the settings.
var hostileCommands = [][]string{
	{"routines"},
	{"routines", "show", "tonight"},
	{"routines", "validate"},
	{"config"},
	{"history"},
	{"history", "--csv"},
	{"history", "--json"},
	{"check", "--plain"},
	{"start", "nosuch"},
}

type result struct {
	stdout, stderr string
	code           int
}

// runCmd runs supine with its output piped and fails the test when it does
// not end within wait (a FIFO read would hang forever).
func runCmd(t *testing.T, home, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = envFor(home)
	cmd.Stdin = strings.NewReader(stdin)
	r, err := resultOf(cmd)
	if ctx.Err() != nil {
		t.Fatalf("supine %s hung (killed after %v)", strings.Join(args, " "), wait)
	}
	if err != nil {
		t.Fatalf("supine %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// resultOf runs cmd and returns what it printed and its exit status; err
// is for a command that could not run or was killed.
func resultOf(cmd *exec.Cmd) (result, error) {
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errOut.String()}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.Exited() {
		r.code = ee.ExitCode()
		return r, nil
	}
	return r, err
}

// TestHostileInputsThroughEveryCommand runs every command over every hostile
// home: none may hang, crash, or print anything a terminal would act on.
func TestHostileInputsThroughEveryCommand(t *testing.T) {
	for _, h := range hostileHomes {
		t.Run(h.name, func(t *testing.T) {
			home := newHome(t)
			h.build(t, home)
			for _, args := range hostileCommands {
				r := runCmd(t, home, "\n", args...)
				all := r.stdout + r.stderr
				if m := hostile.Found(all); m != "" {
					t.Errorf("supine %s printed %s:\n%s", strings.Join(args, " "), m, all)
				}
				if strings.Contains(all, "panic") || strings.Contains(all, "goroutine ") {
					t.Errorf("supine %s crashed:\n%s", strings.Join(args, " "), all)
				}
				if r.code > 2 && r.code < 128 {
					t.Errorf("supine %s exited with %d:\n%s", strings.Join(args, " "), r.code, all)
				}
			}
			// Every file validate is pointed at by hand gets the same care.
			files, _ := filepath.Glob(filepath.Join(routinesDir(home), "*"))
			if len(files) > 0 {
				r := runCmd(t, home, "", append([]string{"routines", "validate"}, files...)...)
				if m := hostile.Found(r.stdout + r.stderr); m != "" {
					t.Errorf("routines validate FILE... printed %s:\n%s", m, r.stdout+r.stderr)
				}
			}
		})
	}
}

// What the hostile inputs must come to, command by command.
func TestHostileInputsAreReported(t *testing.T) {
	t.Run("file names", func(t *testing.T) {
		home := newHome(t)
		hostileHomes[0].build(t, home)
		r := runCmd(t, home, "", "routines", "validate")
		if r.code != 1 || strings.Count(r.stdout, "the file name holds control or direction characters") != len(hostile.Payloads) {
			t.Errorf("validate: %d\n%s", r.code, r.stdout)
		}
		if !strings.Contains(r.stdout, `\x1b]52;c;`+clipboardToken) {
			t.Errorf("validate should show the escape visibly so the file can be found:\n%s", r.stdout)
		}
		if r := runCmd(t, home, "", "routines"); !strings.Contains(r.stdout, fmt.Sprintf("%d routine file(s)", len(hostile.Payloads))) {
			t.Errorf("routines:\n%s", r.stdout)
		}
	})
	t.Run("FIFOs", func(t *testing.T) {
		home := newHome(t)
		hostileHomes[2].build(t, home)
		r := runCmd(t, home, "", "routines", "validate")
		if !strings.Contains(r.stdout, "pipe.toml: this is a named pipe (FIFO), not an ordinary file") || !strings.Contains(r.stdout, "good.toml: ok") {
			t.Errorf("validate:\n%s", r.stdout)
		}
		r = runCmd(t, home, "", "config")
		if r.code != 1 || !strings.Contains(r.stdout, "config.toml: this is a named pipe (FIFO)") {
			t.Errorf("config: %d\n%s", r.code, r.stdout)
		}
	})
	t.Run("links", func(t *testing.T) {
		home := newHome(t)
		hostileHomes[3].build(t, home)
		r := runCmd(t, home, "", "routines", "validate")
		for _, want := range []string{"linked.toml: ok", "zero.toml: this is a device", "loop.toml: the file could not be read", "gone.toml: there is no such file"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("validate lacks %q:\n%s", want, r.stdout)
			}
		}
		if strings.Contains(r.stdout, ".#good.toml") {
			t.Errorf("validate checked an editor lock link the loader ignores:\n%s", r.stdout)
		}
	})
	t.Run("database", func(t *testing.T) {
		home := newHome(t)
		hostileHomes[6].build(t, home)
		r := runCmd(t, home, "", "history", "--csv")
		if strings.Contains(r.stdout, ",=HYPERLINK") || !strings.Contains(r.stdout, `'=HYPERLINK`) {
			t.Errorf("a formula cell got through:\n%s", r.stdout)
		}
	})
}

// TestHostileInputsInTheApp opens the full-screen app over each hostile
// home: no clipboard write or window title from a payload reaches the
// terminal, and q still quits.
func TestHostileInputsInTheApp(t *testing.T) {
	for _, h := range hostileHomes {
		t.Run(h.name, func(t *testing.T) {
			home := newHome(t)
			h.build(t, home)
			// home, then the history screen: each key with the screen it
			// leads to ("" for q, which quits)
			for _, keys := range [][]step{
				{{"q", ""}},
				{{"h", "esc back"}, {"esc", "enter choose"}, {"q", ""}},
			} {
				raw := runInPty(t, home, keys)
				for _, token := range []string{clipboardToken, titleToken, "\u202e", "\u009b2J", "\x9b2J"} {
					if bytes.Contains(raw, []byte(token)) {
						t.Errorf("keys %v: the terminal received %q", keys, token)
					}
				}
			}
		})
	}
}

// step is a key and the text of the screen it leads to.
type step struct{ key, then string }

// runInPty starts the app in a pseudo-terminal, waits for its first frame,
// types each key once the screen the one before led to is up, and returns
// every byte it wrote.
func runInPty(t *testing.T, home string, steps []step) []byte {
	t.Helper()
	tm := start(t, termOpts{home: home, firstUse: true})
	tm.waitFor(wait, "Start tonight's routine")
	for _, s := range steps {
		tm.press(s.key)
		if s.then != "" {
			tm.waitFor(wait, s.then)
		}
	}
	tm.wait(wait)
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return append([]byte(nil), tm.raw...)
}

// TestTheCheckWorksAtTheSmallestWindowWithHelpOpen: at 40x12 with the full
// help open, n on an unread page once crashed the check (and ended with
// status 0). It must say there are more questions and stay usable.
func TestTheCheckWorksAtTheSmallestWindowWithHelpOpen(t *testing.T) {
	tm := start(t, termOpts{args: []string{"check"}, w: 40, h: 12})
	tm.waitFor(wait, "Red-flag check")
	tm.press("?")
	tm.press("n")
	tm.waitFor(wait, "There are more questions on this page.")
	if s := tm.screen(); strings.Contains(s, "panic") {
		t.Fatalf("the check crashed:\n%s", s)
	}
	tm.press("q")
	if code := tm.wait(wait); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
}
