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

// heatArgs start the heat routine at 15 minutes, the countdown measured.
var heatArgs = []string{"start", "heat", "--heat", "15"}

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

	t, err := startTerm(o.bin, heatArgs, env, o.width, o.height)
	if err != nil {
		return err
	}
	defer t.stop()
	if _, _, err := t.send("", nonBlank, 10*time.Second); err != nil {
		return fmt.Errorf("waiting for the red-flag check: %w", err)
	}
	// Walk to the heat countdown as a person would: the first night's
	// About page (enter), its precautions ("n" to each, enter to the
	// summary, enter to save), the red-flag check ("n" on each page, enter
	// on the confirm page), the Before check-in ("s" skips the number, "s"
	// the waking question), tonight's heat question ("n") and the heat
	// step's ready screen (enter starts the countdown).
	if err := walkToHeat(t); err != nil {
		return err
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

	press := pressMinutes
	if !strings.Contains(t.Screen(), "Heating · ") {
		press = pressSpace // bench/bare, which pauses on space
	}
	if r.keys, err = press(t, o.presses); err != nil {
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

// pressMinutes times n key presses on supine's heat countdown, each to
// the read that shows its effect. Heat cannot be paused (the pad keeps
// heating), so the keys are + and - in turn, to the read that shows "16
// min" and "15 min". The gaps between presses are random so the presses
// land at every phase of the countdown's second and of the frame period, as
// a person's would.
func pressMinutes(t *term, n int) ([]time.Duration, error) {
	// The status line: "Heating · 14:59 left · 15 min · +/- to change".
	const more, less = "left · 16 min ·", "left · 15 min ·"
	if !strings.Contains(t.Screen(), less) {
		return nil, fmt.Errorf("the countdown does not show %q before any key was pressed", less)
	}
	out := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		time.Sleep(time.Duration(40+rand.IntN(120)) * time.Millisecond)
		key, cond := "+", contains(more)
		if i%2 == 1 {
			key, cond = "-", contains(less)
		}
		sent, at, err := t.send(key, cond, 3*time.Second)
		if err != nil {
			return nil, fmt.Errorf("press %d (%s): %w", i+1, key, err)
		}
		out = append(out, at.Sub(sent))
	}
	if n%2 == 1 {
		// Leave the minutes as found.
		_, _, _ = t.send("-", contains(less), 3*time.Second)
	}
	fmt.Fprintf(os.Stderr, "probe: %d presses timed\n", n)
	return out, nil
}

// pressSpace times n presses of space on a peer, each to the read that
// shows (or clears) PAUSED, with the same random gaps.
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
		_, _, _ = t.send(" ", lacks(pausedMark), 3*time.Second)
	}
	return out, nil
}

// walkToHeat answers each screen before the heat countdown by what it
// shows, until the heat step's ready screen has been started.
func walkToHeat(t *term) error {
	for i := 0; i < 40; i++ {
		if err := t.settle(300*time.Millisecond, 10*time.Second); err != nil {
			return fmt.Errorf("waiting for a screen to settle: %w", err)
		}
		s := t.Screen()
		var key, what string
		switch {
		case strings.Contains(s, "Ready ·"), strings.Contains(s, "Heat, 15 minutes"):
			// supine's heat step, or bench/bare's stand-in for it
			key, what = "\r", "the heat step's ready screen"
		case strings.Contains(s, "What tonight's routine becomes"), strings.Contains(s, "Is this what you marked"),
			strings.Contains(s, "5 of 5 answered"):
			key, what = "\r", "a confirm page"
		case strings.Contains(s, "About supine"):
			key, what = "\r", "the first night's About page"
		case strings.Contains(s, "Precautions"), strings.Contains(s, "Red-flag check"),
			strings.Contains(s, "Before the pad goes on"):
			key, what = "n", "the precautions, the check or the heat question"
		case strings.Contains(s, "how tight"), strings.Contains(s, "wake you last night"):
			key, what = "s", "the check-in"
		default:
			return fmt.Errorf("on the way to the heat countdown, a screen the probe does not know:\n%s", s)
		}
		if _, _, err := t.send(key, differs(s), 5*time.Second); err != nil {
			return fmt.Errorf("pressing %q on %s: %w", key, what, err)
		}
		if key == "\r" && what == "the heat step's ready screen" {
			return nil
		}
	}
	return fmt.Errorf("did not reach the heat countdown after 40 screens")
}
