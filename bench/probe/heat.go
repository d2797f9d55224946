package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"time"
)

// countdown is an m:ss time on screen.
var countdown = regexp.MustCompile(`\b\d{1,2}:[0-5]\d\b`)

// pausedMark is what the player shows while paused.
const pausedMark = "PAUSED"

// heat runs `supine start heat` to the countdown, watches it for o.window,
// then times o.presses presses of space (pause, resume, ...).
func heat(o options, env []string, r *results) error {
	// The peers start first, so they are counting down when supine's window
	// opens, and the window is the same for all.
	r.peers = newPeers(o)
	defer stopPeers(r.peers)
	if err := startPeers(r.peers, o, env); err != nil {
		return err
	}

	t, err := startTerm(o.bin, []string{"start", "heat", "--heat", "15"}, env, o.width, o.height)
	if err != nil {
		return err
	}
	defer t.stop()
	if _, _, err := t.send("", nonBlank, 10*time.Second); err != nil {
		return fmt.Errorf("waiting for the red-flag check: %w", err)
	}
	// The red-flag check ("n": none apply), the Before check-in ("s": skip)
	// and the heat step's ready screen (enter starts the countdown).
	for _, step := range []struct{ key, what string }{
		{"n", "the red-flag check"}, {"s", "the check-in"}, {"\r", "the heat step's ready screen"},
	} {
		if err := t.settle(400*time.Millisecond, 10*time.Second); err != nil {
			return fmt.Errorf("waiting for %s to settle: %w", step.what, err)
		}
		if _, _, err := t.send(step.key, differs(t.Screen()), 5*time.Second); err != nil {
			return fmt.Errorf("pressing %q on %s: %w", step.key, step.what, err)
		}
	}
	if err := t.changesOnItsOwn(2, 5*time.Second); err != nil {
		return fmt.Errorf("waiting for the heat countdown: %w", err)
	}
	if s := t.Screen(); !countdown.MatchString(s) || strings.Contains(s, pausedMark) {
		return fmt.Errorf("the screen changes on its own but shows no running m:ss countdown:\n%s", s)
	}

	// Two seconds for anything started with the step (a save, the cue
	// plan) to finish, then the window.
	time.Sleep(2 * time.Second)
	pid := t.cmd.Process.Pid
	a, err := readSample(pid)
	if err != nil {
		return err
	}
	if err := sampleStart(r.peers); err != nil {
		return err
	}
	before := t.Screen()
	time.Sleep(o.window)
	b, err := readSample(pid)
	if err != nil {
		return err
	}
	if err := sampleEnd(r.peers); err != nil {
		return err
	}
	if t.Screen() == before {
		return fmt.Errorf("the countdown stopped during the window; the screen shows:\n%s", before)
	}
	r.idle = between(a, b)

	if r.keys, err = pressSpace(t, o.presses); err != nil {
		return err
	}
	if err := pressPeers(r.peers, o.presses); err != nil {
		return err
	}
	c, err := readSample(pid)
	if err != nil {
		return err
	}
	r.peakKB = c.hwmKB
	return nil
}

// pressSpace times n presses of space, each to the read that shows (or
// clears) PAUSED. The gaps between presses are random so the presses land
// at every phase of the countdown's second and of the frame period, as a
// person's would.
func pressSpace(t *term, n int) ([]time.Duration, error) {
	if strings.Contains(t.Screen(), pausedMark) {
		return nil, fmt.Errorf("the countdown shows %s before any key was pressed", pausedMark)
	}
	out := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		time.Sleep(time.Duration(40+rand.IntN(120)) * time.Millisecond)
		cond := contains(pausedMark)
		if i%2 == 1 {
			cond = lacks(pausedMark)
		}
		sent, at, err := t.send(" ", cond, 3*time.Second)
		if err != nil {
			return nil, fmt.Errorf("press %d of space: %w", i+1, err)
		}
		out = append(out, at.Sub(sent))
	}
	if n%2 == 1 {
		// Leave it running, as found.
		_, _, _ = t.send(" ", lacks(pausedMark), 3*time.Second)
	}
	fmt.Fprintf(os.Stderr, "probe: %d presses timed\n", n)
	return out, nil
}
