package cli

import (
	"os"
	"runtime"
	"strconv"

	tea "charm.land/bubbletea/v2"
)

// frameRate is the most frames bubbletea may write in a second: 60, one
// every 17 ms (bubbletea's own default).
//
// supine runs a bubbletea patched to draw a frame only when the view may
// have changed (third_party/bubbletea, issue 15): the first change after a
// quiet spell is drawn at once, and changes that follow within one period
// wait for its end and are drawn together. So the rate no longer sets what
// waiting costs (the countdown changes the screen once a second, whatever
// the rate) nor when the first frame goes out (at once). What it still sets
// is how long a change can wait behind the frame before it: at most one
// period, 17 ms at 60 fps, inside the 20 ms key-to-screen target even when a
// key lands just after the countdown's own frame. The old free-running
// ticker made 18 fps the compromise between idle cost and latency; that
// trade is gone, so bubbletea's default is kept.
const frameRate = 60

// benchFrameRate lets bench/run --sweep measure other frame rates with the
// same code. It is set only by the linker, with
// -ldflags "-X github.com/supine-app/supine/cli.benchFrameRate=N", and is
// empty in every other build.
var benchFrameRate string

// tuneRuntimeForWaiting sets the Go runtime for a session that mostly waits
// (the full screen or the plain lines), unless the person set GOMAXPROCS
// themselves (which also lets bench/run compare). The commands that print
// and exit do not call it: resizing the Ps stops the world, about 4% of
// `supine --help`, for nothing there.
//
// One P: with two, each wake-up (the countdown's once a second) also wakes a
// second thread to look for work that is not there. Measured side by side
// with the on-demand renderer, 40 s, heat countdown: 13 switches/s with one
// P against 19.5 with two; bench/run --sweep 60: 4 against 23 and 0.13%
// against 0.19% of a core. Nothing supine does needs two cores; the
// scheduler still preempts a long history query every 10 ms, so keys are
// answered meanwhile. Setting GOMAXPROCS also stops the runtime re-reading
// the CPU limit once a second.
//
// The garbage collector keeps Go's default (GOGC=100). supine once set 50
// to save ~2 MB of peak memory, but with frames on demand the collections
// and the scavenger's returning of memory after each became the largest
// source of wakes left that supine can choose: five pairs side by side,
// 60 s each, 16.7-21.5 switches/s at 50 against 9.7-16.7 at 100 (a cycle
// every ~20 s), with peak memory still under its 25 MB target (README,
// Performance).
func tuneRuntimeForWaiting() {
	if _, set := os.LookupEnv("GOMAXPROCS"); !set {
		runtime.GOMAXPROCS(1)
	}
}

// programOptions are the bubbletea settings that decide what supine costs
// while it waits: see the Performance section of README.md for the numbers
// behind each choice.
func programOptions() []tea.ProgramOption {
	fps := frameRate
	if n, err := strconv.Atoi(benchFrameRate); err == nil && n > 0 {
		fps = n
	}
	return []tea.ProgramOption{tea.WithFPS(fps)}
}
