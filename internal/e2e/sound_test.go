package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// shortSoundRoutine is a routine with a per-side hold, two paced reps and
// the sleep set-up: every kind of cue in a few seconds.
const shortSoundRoutine = `title = "Short"
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
reps = 2
phases = [{ name = "tilt", time = "1s" }, { name = "relax", time = "1s" }]
[[steps]]
kind = "settle"
title = "Settle in"
`

// fakeBin writes shell scripts standing in for a sound player, a speech
// program and the sleep inhibitor; each appends what it was asked to a log,
// in order. It returns the PATH entry and the log's path.
func fakeBin(t *testing.T) (dir, log string) {
	t.Helper()
	dir = t.TempDir()
	log = filepath.Join(dir, "log")
	scripts := map[string]string{
		"pw-play":   `echo "play $(basename "$1")" >> "` + log + `"`,
		"espeak-ng": `for a; do last="$a"; done; echo "say $last" >> "` + log + `"`,
		"systemd-inhibit": `echo "inhibit $*" >> "` + log + `"
trap 'echo "inhibit released" >> "` + log + `"; exit 0' TERM INT HUP
while :; do sleep 0.1; done`,
	}
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir, log
}

func readLog(t *testing.T, log string) []string {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// inOrder reports the first of want that does not follow the one before it
// in lines ("" when all do).
func inOrder(lines, want []string) string {
	i := 0
	for _, w := range want {
		for i < len(lines) && !strings.Contains(lines[i], w) {
			i++
		}
		if i == len(lines) {
			return w
		}
		i++
	}
	return ""
}

// TestTonesAndVoiceFollowTheRoutine: issue 11's eyes-closed run of a short
// routine with a player and a speech program on PATH: each cue plays a tone
// and the voice says the engine's words, in order, ending with lights out;
// the night then ends by itself, saved as complete.
func TestTonesAndVoiceFollowTheRoutine(t *testing.T) {
	home := newHome(t)
	bin, log := fakeBin(t)
	dir := filepath.Join(home, "config", "supine")
	writeFile(t, filepath.Join(dir, "routines", "short.toml"), shortSoundRoutine)
	writeFile(t, filepath.Join(dir, "config.toml"), "checkins = false\nsound = \"tones\"\nvoice = \"auto\"\nget_ready = \"2s\"\nsettle = \"3s\"\n")
	tm := start(t, termOpts{args: []string{"start", "short"}, home: home, env: []string{"PATH=" + bin + ":" + os.Getenv("PATH")}})
	tm.waitFor(wait, "Press n if none")
	tm.noneOfThese()
	tm.waitFor(wait, "Knee hug")
	if code := tm.wait(40 * time.Second); code != 0 {
		t.Errorf("the night ended with status %d, want 0", code)
	}
	lines := readLog(t, log)
	t.Logf("played and said:\n%s", strings.Join(lines, "\n"))
	if missing := inOrder(lines, []string{
		"say Get ready: knee hug, left side.",
		"say Hold 3 seconds.",
		"say Switch sides: now your right side.",
		"say Get ready: tilts.",
		"say Tilt",
		// "Stretches done." may be cut by lights out a moment later: a newer
		// line replaces an older one (sound.Voice), the heat-done line only
		// excepted.
		"say Lights out. Sleep well.",
	}); missing != "" {
		t.Errorf("%q was not said in its place", missing)
	}
	plays, says := 0, 0
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "play "):
			plays++
		case strings.HasPrefix(l, "say "):
			says++
		}
	}
	if plays < 5 || says < plays-1 || says > plays {
		t.Errorf("%d tones for %d spoken lines: each cue is a tone and its words (one line may be replaced by the next)", plays, says)
	}
	sessions := exportJSON(t, home)
	if len(sessions) != 1 || sessions[0]["partial"] != false {
		t.Errorf("the night that ended in lights out is stored as %v, want one complete session", sessions)
	}
}

// TestTheSleepGuardHoldsWhileThePadIsOn: a sleep inhibitor runs from the
// moment the pad goes on until the person says it is off.
func TestTheSleepGuardHoldsWhileThePadIsOn(t *testing.T) {
	home := newHome(t)
	bin, log := fakeBin(t)
	writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), "checkins = false\nsound = \"off\"\n")
	tm := start(t, termOpts{args: []string{"start", "heat"}, home: home, env: []string{"PATH=" + bin + ":" + os.Getenv("PATH")}})
	tm.waitFor(wait, "Press n if none")
	tm.noneOfThese()
	tm.heatQuestion("n")
	tm.waitFor(wait, "Ready")
	if lines := readLog(t, log); inOrder(lines, []string{"inhibit"}) == "" {
		t.Fatalf("the guard was held before the pad went on: %q", lines)
	}
	tm.press("enter") // the pad goes on
	deadline := time.Now().Add(wait)
	for inOrder(readLog(t, log), []string{"inhibit --what="}) != "" && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if missing := inOrder(readLog(t, log), []string{"inhibit --what="}); missing != "" {
		t.Fatalf("no sleep inhibitor when the pad went on: %q", readLog(t, log))
	}
	tm.press("n") // heat ended early: the pad-off gate
	tm.waitFor(wait, "Press enter once the pad is off")
	time.Sleep(300 * time.Millisecond)
	if inOrder(readLog(t, log), []string{"inhibit released"}) == "" {
		t.Fatal("the guard was let go before the pad-off answer")
	}
	tm.press("enter")
	deadline = time.Now().Add(wait)
	for inOrder(readLog(t, log), []string{"inhibit released"}) != "" && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if missing := inOrder(readLog(t, log), []string{"inhibit --what=", "inhibit released"}); missing != "" {
		t.Errorf("the guard was not let go at the pad-off answer: %q", readLog(t, log))
	}
	tm.press("q", "y")
	tm.wait(wait)
}
