package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// TestTrialCommands starts, shows and stops a heat trial through the
// binary, and checks what the history keeps.
func TestTrialCommands(t *testing.T) {
	home := newHome(t)
	run := func(args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command(binary, args...)
		cmd.Env = envFor(home)
		out, err := cmd.CombinedOutput()
		// Lines are wrapped for the terminal: read them as one text.
		return strings.Join(strings.Fields(string(out)), " "), err
	}
	out, err := run("trial")
	if err != nil || !strings.Contains(out, "No trial yet") {
		t.Fatalf("supine trial with none: %v\n%s", err, out)
	}
	out, err = run("trial", "heat")
	if err != nil || !strings.Contains(out, "The trial has started.") || !strings.Contains(out, "Heat trial, night 1 of 16") {
		t.Fatalf("supine trial heat: %v\n%s", err, out)
	}
	if out, err = run("trial", "heat"); err == nil || !strings.Contains(out, "already running") {
		t.Errorf("a second supine trial heat: %v\n%s", err, out)
	}
	out, err = run("trial")
	if err != nil || !strings.Contains(out, "The results stay hidden until the last pair is done") {
		t.Errorf("supine trial while it runs: %v\n%s", err, out)
	}
	out, err = run("trial", "stop")
	if err != nil || !strings.Contains(out, "The trial is stopped.") || !strings.Contains(out, "this is what it had") {
		t.Errorf("supine trial stop: %v\n%s", err, out)
	}
	if out, err = run("trial", "stop"); err == nil || !strings.Contains(out, "no heat trial running") {
		t.Errorf("a second supine trial stop: %v\n%s", err, out)
	}
	st, _, err := history.Open(filepath.Join(home, "data", "supine", "supine.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	trials, err := st.Trials()
	if err != nil || len(trials) != 1 || trials[0].Stopped.IsZero() || len(trials[0].HeatFirst) != 8 || trials[0].Outcome == "" {
		t.Fatalf("the history keeps %+v, %v; want one stopped trial of 8 pairs with its outcome", trials, err)
	}
	if time.Since(trials[0].Started) > time.Minute {
		t.Errorf("the trial was started at %v", trials[0].Started)
	}
	// The Heat only routine has heat; a routine without it is refused.
	out, err = run("trial", "heat")
	if err != nil {
		t.Fatalf("a new trial after the stop: %v\n%s", err, out)
	}
}
