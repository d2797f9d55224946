package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestSignalsRestoreTerminal: Ctrl+C, SIGINT, SIGTERM and SIGHUP
// mid-routine all leave the alternate screen and keep the session as
// partial; a signal ends with 128+n, as a shell expects.
func TestSignalsRestoreTerminal(t *testing.T) {
	status := map[string]int{"ctrl+c": 130, "SIGINT": 130, "SIGTERM": 143, "SIGHUP": 129, "q then y": 0}
	for _, how := range []string{"ctrl+c", "SIGINT", "SIGTERM", "SIGHUP", "q then y"} {
		t.Run(how, func(t *testing.T) {
			tm := start(t, termOpts{})
			walkToPlayer(t, tm, "5")
			tm.waitFor(wait, "Ready · 15 min")
			tm.press("enter")
			tm.waitFor(wait, "14:5")
			// Quit in a later second than any save so far, so that an end
			// time from then on can only come from the save on the way out:
			// without it the session started at the player would still be
			// there, partial, with before 5, and the test would pass.
			quitAt := time.Now().Truncate(time.Second).Add(time.Second)
			time.Sleep(time.Until(quitAt))
			switch how {
			case "ctrl+c":
				tm.press("ctrl+c")
			case "SIGINT":
				_ = tm.cmd.Process.Signal(syscall.SIGINT)
			case "SIGTERM":
				_ = tm.cmd.Process.Signal(syscall.SIGTERM)
			case "SIGHUP":
				_ = tm.cmd.Process.Signal(syscall.SIGHUP)
			case "q then y":
				tm.press("q")
				tm.waitFor(wait, "Stop for tonight?")
				tm.press("y")
			}
			if code := tm.wait(wait); code != status[how] {
				t.Errorf("after %s supine exited with %d, want %d", how, code, status[how])
			}
			if !tm.restored() {
				t.Fatalf("after %s the terminal was left in the alternate screen", how)
			}
			sessions := exportJSON(t, tm.home)
			if len(sessions) != 1 || sessions[0]["partial"] != true || sessions[0]["before"] != 5.0 {
				t.Fatalf("after %s the history holds %v, want one partial session with before 5", how, sessions)
			}
			end, _ := sessions[0]["end"].(string)
			if at, err := time.Parse(time.RFC3339, end); err != nil || at.Before(quitAt) {
				t.Fatalf("after %s the session ends at %q, before the quit at %s: the save on the way out is missing",
					how, end, quitAt.Format(time.RFC3339))
			}
		})
	}
}

// TestQuitAsksMidRoutine: q mid-routine asks first, and n keeps going with
// the timer still running.
func TestQuitAsksMidRoutine(t *testing.T) {
	tm := start(t, termOpts{})
	walkToPlayer(t, tm, "s")
	tm.waitFor(wait, "Ready · 15 min")
	tm.press("enter")
	tm.waitFor(wait, "14:5")
	tm.press("q")
	tm.waitFor(wait, "Stop for tonight?")
	tm.press("n")
	tm.waitGone(wait, "Stop for tonight?")
	tm.waitFor(wait, "14:5")
}

// TestResizeKeepsTimer: a resize mid-step redraws at the new size and the
// countdown keeps going; below 40x12 one line asks for more room.
func TestResizeKeepsTimer(t *testing.T) {
	tm := start(t, termOpts{})
	walkToPlayer(t, tm, "s")
	tm.waitFor(wait, "Ready · 15 min")
	tm.press("enter")
	tm.waitFor(wait, "14:5")

	tm.resize(120, 40)
	tm.waitFor(wait, "Heat")
	tm.resize(30, 10)
	tm.waitFor(wait, "Enlarge the window to 40×12.")
	tm.resize(80, 24)
	tm.waitFor(wait, "14:4") // still counting after ten seconds and three resizes
}

func (tm *term) resize(w, h int) {
	tm.mu.Lock()
	tm.emu.Resize(w, h)
	tm.mu.Unlock()
	if err := pty.Setsize(tm.pty, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		tm.t.Fatal(err)
	}
}

// TestUserRoutineRunsItself: issue 3's user routine with 3-second holds,
// started by name, runs to its summary with no key but the check.
func TestUserRoutineRunsItself(t *testing.T) {
	home := newHome(t)
	dir := filepath.Join(home, "config", "supine", "routines")
	writeFile(t, filepath.Join(dir, "short.toml"), `title = "Short"
[[steps]]
kind = "hold"
title = "Knee hug"
hold = "3s"
reps = 1
per_side = true
switch = "1s"
[[steps]]
kind = "paced"
title = "Tilts"
reps = 1
phases = [{ name = "tilt", time = "1s" }, { name = "relax", time = "1s" }]
`)
	writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), "checkins = false\n")
	tm := start(t, termOpts{args: []string{"start", "short"}, home: home})
	tm.waitFor(wait, "Press n if none")
	tm.noneOfThese()
	tm.waitFor(wait, "Knee hug")
	tm.waitFor(wait+40*time.Second, "Lights out")
	tm.press("q")
	tm.wait(wait)
}

// TestBadRoutineFileIsReported: a broken file never stops the app; home says
// how many were skipped and validate says why, with file, line and column.
func TestBadRoutineFileIsReported(t *testing.T) {
	home := newHome(t)
	dir := filepath.Join(home, "config", "supine", "routines")
	writeFile(t, filepath.Join(dir, "knees.toml"), "title = \"Knees\"\n[[steps]]\nkind = \"hold\"\ntitle = \"Hug\"\nhold = \"20\"\nreps = 3\n")
	tm := start(t, termOpts{home: home})
	tm.waitFor(wait, "Start tonight's routine", "1 routine file skipped")
	tm.press("q")
	tm.wait(wait)

	cmd := exec.Command(binary, "routines", "validate")
	cmd.Env = envFor(home)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("validate exited with %v, want 1\n%s", err, out)
	}
	if !strings.Contains(string(out), "knees.toml:5:8: steps[1].hold:") {
		t.Fatalf("validate printed:\n%s", out)
	}
}

// TestHelpAndVersion: --help lists every command with one line each.
func TestHelpAndVersion(t *testing.T) {
	out, err := exec.Command(binary, "--help").CombinedOutput()
	if err != nil {
		t.Fatalf("--help: %v\n%s", err, out)
	}
	for _, c := range []string{"start", "check", "tips", "why", "about", "history", "routines", "config"} {
		if !strings.Contains(string(out), c) {
			t.Errorf("--help does not list %q:\n%s", c, out)
		}
	}
	out, err = exec.Command(binary, "--version").CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) == 0 {
		t.Fatalf("--version: %v\n%s", err, out)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCtrlCInPlainKeyModeIsAnInterrupt: in plain mode on a terminal, keys
// are read one by one, so Ctrl+C arrives as a key, not as SIGINT; it ends
// with 130 all the same, as in the full screen.
func TestCtrlCInPlainKeyModeIsAnInterrupt(t *testing.T) {
	tm := start(t, termOpts{args: []string{"start", "quick", "--plain"}})
	tm.waitFor(wait, "Group 1 of ")
	tm.press("ctrl+c")
	if code := tm.wait(wait); code != 130 {
		t.Errorf("Ctrl+C in plain key mode ended with %d, want 130", code)
	}
}

// TestAccessibleAndThePlainSettingTurnOnPlainMode: a screen-reader user
// sets ACCESSIBLE (any value) or plain = true once, not --plain every
// night; on a terminal the app then speaks in plain lines.
func TestAccessibleAndThePlainSettingTurnOnPlainMode(t *testing.T) {
	withSetting := newHome(t)
	writeFile(t, filepath.Join(withSetting, "config", "supine", "config.toml"), "plain = true\n")
	for name, o := range map[string]termOpts{
		"ACCESSIBLE=1":   {args: []string{"start"}, env: []string{"ACCESSIBLE=1"}},
		"plain = true":   {args: []string{"start"}, home: withSetting},
		"neither (full)": {args: []string{"start"}},
	} {
		t.Run(name, func(t *testing.T) {
			tm := start(t, o)
			if name == "neither (full)" {
				tm.waitFor(wait, "Press n if none")
			} else {
				tm.waitFor(wait, "Group 1 of ")
			}
			tm.press("ctrl+c")
			tm.wait(wait)
			if strings.Contains(string(tm.raw), "\x1b[?1049h") != (name == "neither (full)") {
				t.Errorf("%s: the alternate screen was used = %v", name, !(name == "neither (full)"))
			}
		})
	}
}
