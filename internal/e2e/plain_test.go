package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// TestPlainTranscript: with its output piped, supine speaks in plain lines.
// The check is answered ("none"), a short routine runs on its own to the
// settle step, whose enter is typed when it asks, and the transcript matches testdata/TestPlainTranscript.golden line
// by line. Refresh with `go test ./e2e -run Plain -update`.
func TestPlainTranscript(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home)
	writeFile(t, filepath.Join(home, "config", "supine", "routines", "short.toml"), `title = "Short"
[[steps]]
kind = "hold"
title = "Knee hug"
cues = ["Hug one knee gently toward your chest."]
hold = "4s"
reps = 1
per_side = true
switch = "1s"
[[steps]]
kind = "paced"
title = "Tilts"
reps = 2
phases = [{ name = "tilt", time = "1s" }, { name = "relax", time = "1s" }]
[[steps]]
kind = "settle"
title = "Settle in"
`)
	writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), "checkins = false\nsettle = \"3s\"\n")

	// As a person would: enter at each group of the check (none of these
	// apply) and enter at the read-back, then the routine runs on its own:
	// with no check-in after it, lights out starts with the sleep set-up
	// and ends the night by itself.
	p := startPiped(t, home, "start", "short")
	p.noneOfThese()
	s, err := p.wait(wait + 30*time.Second)
	if err != nil {
		t.Fatalf("supine start short, piped: %v\n%s", err, s)
	}
	out := []byte(s)
	if strings.ContainsRune(s, '\x1b') {
		t.Fatalf("plain output holds escape sequences:\n%q", out)
	}
	golden.RequireEqual(t, out)

	sessions := exportJSON(t, home)
	if len(sessions) != 1 || sessions[0]["partial"] != false {
		t.Fatalf("history = %v, want one complete session", sessions)
	}
}

// TestPlainEmergency: a red-flag answer ends plain mode with the advice,
// what was reported with the time, and no routine line. The input ends
// after the first group: what was marked there already ends the night.
func TestPlainEmergency(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home)
	cmd := exec.Command(binary, "--plain")
	cmd.Env = envFor(home)
	cmd.Stdin = strings.NewReader("1\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("supine --plain: %v\n%s", err, out)
	}
	s := string(out)
	if !strings.Contains(s, "EMERGENCY") || strings.Contains(s, "Step 1 of") {
		t.Fatalf("plain emergency transcript:\n%s", s)
	}
	for _, want := range []string{"(take this with you):", "- Numbness or tingling between the legs", "supine report --card"} {
		if !strings.Contains(s, want) {
			t.Errorf("plain emergency transcript lacks %q:\n%s", want, s)
		}
	}
}

// TestPlainTonesAndVoice: plain mode with a player and a speech program on
// PATH plays each cue's tone and says its words, as the full-screen app
// does, in order; the transcript holds no bell.
func TestPlainTonesAndVoice(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home)
	bin, log := fakeBin(t)
	t.Setenv("PATH", bin+":"+os.Getenv("PATH"))
	dir := filepath.Join(home, "config", "supine")
	writeFile(t, filepath.Join(dir, "routines", "short.toml"), shortSoundRoutine)
	writeFile(t, filepath.Join(dir, "config.toml"), "checkins = false\nsound = \"tones\"\nvoice = \"auto\"\nget_ready = \"2s\"\nsettle = \"3s\"\n")
	p := startPiped(t, home, "start", "short", "--plain")
	p.noneOfThese()
	s, err := p.wait(wait + 30*time.Second)
	if err != nil {
		t.Fatalf("supine start short --plain: %v\n%s", err, s)
	}
	if strings.ContainsAny(s, "\a\x1b") {
		t.Fatalf("plain output holds a bell or an escape sequence:\n%q", s)
	}
	// The last tone and line are played in the background.
	waitLogged(t, log, "play phase-tilt")
	waitLogged(t, log, "say Stretches done.")
	lines := readLog(t, log)
	t.Logf("played and said:\n%s", strings.Join(lines, "\n"))
	// The tone player and the voice run side by side, so each is checked
	// in its own order.
	var plays, says []string
	for _, l := range lines {
		if strings.HasPrefix(l, "play ") {
			plays = append(plays, l)
		} else if strings.HasPrefix(l, "say ") {
			says = append(says, l)
		}
	}
	if missing := inOrder(plays, []string{"play next_step", "play switch_sides", "play next_step", "play phase-tilt"}); missing != "" {
		t.Errorf("the tone %q was not played in its place: %q", missing, plays)
	}
	if missing := inOrder(says, []string{"say Get ready: knee hug, left side.", "say Switch sides: now your right side.",
		"say Get ready: tilts.", "say Stretches done. Settle into your sleep position, then lights out. Sleep well."}); missing != "" {
		t.Errorf("%q was not said in its place: %q", missing, says)
	}
	if strings.Contains(s, "tones stopped") {
		t.Errorf("the tones were said to have stopped:\n%s", s)
	}
}

// TestPlainSleepGuardHoldsWhileThePadIsOn: plain mode keeps the machine
// awake from the pad going on to the pad-off answer, as the full screen
// does (a suspended laptop prints no reminder).
func TestPlainSleepGuardHoldsWhileThePadIsOn(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home)
	bin, log := fakeBin(t)
	t.Setenv("PATH", bin+":"+os.Getenv("PATH"))
	writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), "checkins = false\nsound = \"off\"\n")
	p := startPiped(t, home, "start", "heat", "--plain")
	p.noneOfThese()
	p.answer("alcohol, a sleeping tablet", "n")
	p.waitFor(wait, "press enter to start the heat")
	if lines := readLog(t, log); inOrder(lines, []string{"inhibit"}) == "" {
		t.Fatalf("the guard was held before the pad went on: %q", lines)
	}
	p.answer("press enter to start the heat", "")
	p.waitFor(wait, "Heat on for 15 minutes.")
	waitLogged(t, log, "inhibit --what=")
	p.answer("Heat on for 15 minutes.", "n") // heat ends early: the pad-off question
	p.waitFor(wait, "Press enter when it is off.")
	time.Sleep(300 * time.Millisecond)
	if inOrder(readLog(t, log), []string{"inhibit released"}) == "" {
		t.Fatal("the guard was let go before the pad-off answer")
	}
	if strings.Contains(p.output(), "awake yourself") {
		t.Errorf("a guard that holds was said to have failed:\n%s", p.output())
	}
	p.answer("Press enter when it is off.", "")
	waitLogged(t, log, "inhibit --what=", "inhibit released")
	if _, err := p.wait(wait); err != nil {
		t.Fatalf("supine start heat --plain: %v\n%s", err, p.output())
	}
}

// waitLogged waits until the fake programs' log holds want in order.
func waitLogged(t *testing.T, log string, want ...string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for inOrder(readLog(t, log), want) != "" && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if missing := inOrder(readLog(t, log), want); missing != "" {
		t.Fatalf("%q was never logged: %q", missing, readLog(t, log))
	}
}

// TestPlainRunsTheSoundCommands: sound = "command" plays the person's own
// programs in plain mode too, one per cue that has one.
func TestPlainRunsTheSoundCommands(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home)
	bin := t.TempDir()
	log := filepath.Join(bin, "log")
	writeFile(t, filepath.Join(bin, "chime"), "#!/bin/sh\necho \"chime $*\" >> \""+log+"\"\n")
	if err := os.Chmod(filepath.Join(bin, "chime"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+":"+os.Getenv("PATH"))
	dir := filepath.Join(home, "config", "supine")
	writeFile(t, filepath.Join(dir, "routines", "short.toml"), shortSoundRoutine)
	writeFile(t, filepath.Join(dir, "config.toml"), "checkins = false\nsound = \"command\"\nget_ready = \"2s\"\n"+
		"settle = \"3s\"\n[sound_commands]\nnext_step = \"chime next\"\nswitch_sides = \"chime switch\"\n")
	p := startPiped(t, home, "start", "short", "--plain")
	p.noneOfThese()
	if s, err := p.wait(wait + 30*time.Second); err != nil {
		t.Fatalf("supine start short --plain: %v\n%s", err, s)
	}
	waitLogged(t, log, "chime next", "chime switch")
}
