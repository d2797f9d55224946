package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// fakeDesktop is a folder of shell scripts named systemctl and notify-send
// that log their arguments, one line a call; it goes first on PATH.
func fakeDesktop(t *testing.T) (path string, calls func() []string) {
	t.Helper()
	dir := t.TempDir()
	log := filepath.Join(dir, "calls.log")
	for _, name := range []string{"systemctl", "notify-send"} {
		s := "#!/bin/sh\necho \"" + name + " $*\" >> '" + log + "'\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir + string(os.PathListSeparator) + os.Getenv("PATH"), func() []string {
		data, _ := os.ReadFile(log)
		os.Remove(log)
		if s := strings.TrimSpace(string(data)); s != "" {
			return strings.Split(s, "\n")
		}
		return nil
	}
}

// supineIn runs the built binary with home's folders and the fake desktop
// on PATH, and returns its output and exit code.
func supineIn(t *testing.T, home, path string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(envFor(home), "PATH="+path)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// TestTheReminderEndToEnd: the built binary sets a systemd user timer that
// runs itself, nudges once a night through notify-send without writing to
// the history, stays silent once tonight's routine has begun, and removes
// exactly what it set.
func TestTheReminderEndToEnd(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home) // a history that holds something already
	path, calls := fakeDesktop(t)

	out, code := supineIn(t, home, path, "remind", "at", "22:30")
	if code != 0 || !strings.Contains(out, "A reminder at 22:30 is set") {
		t.Fatalf("remind at: %d %s", code, out)
	}
	if got := calls(); strings.Join(got, "|") != "systemctl --user daemon-reload|systemctl --user enable --now supine-reminder.timer" {
		t.Errorf("remind at ran %q", got)
	}
	units := filepath.Join(home, "config", "systemd", "user")
	service, err := os.ReadFile(filepath.Join(units, "supine-reminder.service"))
	if err != nil || !strings.Contains(string(service), `ExecStart="`+binary+`" nudge --at 22:30`) {
		t.Errorf("the service does not run this binary's nudge (%v):\n%s", err, service)
	}
	if timer, err := os.ReadFile(filepath.Join(units, "supine-reminder.timer")); err != nil ||
		!strings.Contains(string(timer), "OnCalendar=*-*-* 22:30:00") || strings.Contains(string(timer), "Persistent=true") {
		t.Errorf("the timer (%v):\n%s", err, timer)
	}
	if out, _ := supineIn(t, home, path, "remind"); !strings.Contains(out, "A reminder at 22:30 is set, in the systemd user timer supine-reminder.timer; next:") {
		t.Errorf("remind says %q", out)
	}

	db := filepath.Join(home, "data", "supine", "supine.db")
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().Format("15:04")
	out, code = supineIn(t, home, path, "nudge", "--at", now)
	if code != 0 || out != "" {
		t.Errorf("the nudge is not quiet: %d %q", code, out)
	}
	if got := calls(); len(got) != 1 || got[0] != "notify-send --app-name=supine --urgency=low -- supine Time for your back routine? Type supine." {
		t.Errorf("the nudge ran %q", got)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Errorf("the nudge changed the history")
	}
	if out, _ := supineIn(t, home, path, "nudge", "--at", now, "--why"); !strings.Contains(out, "sent tonight already") || len(calls()) != 0 {
		t.Errorf("a second nudge the same night: %q", out)
	}

	out, code = supineIn(t, home, path, "remind", "off")
	if code != 0 || !strings.Contains(out, "The reminder is removed") {
		t.Errorf("remind off: %d %s", code, out)
	}
	if got := calls(); strings.Join(got, "|") != "systemctl --user disable --now supine-reminder.timer|systemctl --user daemon-reload" {
		t.Errorf("remind off ran %q", got)
	}
	if entries, _ := os.ReadDir(units); len(entries) != 0 {
		t.Errorf("left in the unit folder: %v", entries)
	}
}

// TestTheNudgeIsSilentOnceTheRoutineBegan: a session tonight in the
// history, written by another supine, silences the nudge.
func TestTheNudgeIsSilentOnceTheRoutineBegan(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home)
	path, calls := fakeDesktop(t)
	st, _, err := history.Open(filepath.Join(home, "data", "supine", "supine.db"))
	if err != nil {
		t.Fatal(err)
	}
	begun := time.Now().Add(-time.Minute)
	if history.Night(begun, history.DefaultRolloverHour) != history.Night(time.Now(), history.DefaultRolloverHour) {
		begun = time.Now()
	}
	if _, err := st.Begin(history.Session{Start: begun, Routine: "quick"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, code := supineIn(t, home, path, "nudge", "--at", time.Now().Format("15:04"), "--why")
	if code != 0 || !strings.Contains(out, "done or under way") || len(calls()) != 0 {
		t.Errorf("%d %q", code, out)
	}
}

// TestNotTonightFromHome: n on home keeps the reminder quiet tonight, where
// the nudge reads it.
func TestNotTonightFromHome(t *testing.T) {
	home := newHome(t)
	path, calls := fakeDesktop(t)
	if err := os.MkdirAll(filepath.Join(home, "config", "supine"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "config", "supine", "config.toml"), []byte("reminder = \"22:30\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := start(t, termOpts{home: home, env: []string{"PATH=" + path}})
	tm.waitFor(10*time.Second, "Not tonight: no reminder at 22:30")
	tm.press("n")
	tm.waitFor(10*time.Second, "No reminder tonight")
	tm.press("q")
	if code := tm.wait(10 * time.Second); code != 0 {
		t.Fatalf("supine ended with %d", code)
	}
	out, _ := supineIn(t, home, path, "nudge", "--at", time.Now().Format("15:04"), "--why")
	if !strings.Contains(out, "you said not tonight") || len(calls()) != 0 {
		t.Errorf("after n on home the nudge says %q", out)
	}
}
