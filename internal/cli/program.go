package cli

import (
	"os"
	"runtime"
	"runtime/debug"
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

// tickerFrameRate is the frame rate of a build against bubbletea as
// released (go install from the module proxy reads go.mod alone, so it
// never sees third_party/bubbletea). That bubbletea writes frames on a
// ticker that runs at the frame rate for the whole session, changed or not,
// so there the rate is what waiting costs, and a key waits up to one period
// for the next tick. bench/run --sweep --installed at GOMAXPROCS=1 (the
// session's setting): 60 fps 0.75% of a core, 217 switches/s, key p95
// 44 ms; 15 fps 0.30%, 67/s, 63 ms; 10 fps 0.30%, 63/s, 99 ms. 15 fps keeps
// a key under 70 ms for a third of the wakes; docs/PERFORMANCE.md.
const tickerFrameRate = 15

// bubbleteaPath is the module whose build decides the renderer.
const bubbleteaPath = "charm.land/bubbletea/v2"

// benchFrameRate lets bench/run --sweep measure other frame rates with the
// same code. It is set only by the linker, with
// -ldflags "-X github.com/supine-app/supine/internal/cli.benchFrameRate=N", and is
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
// every ~20 s). Peak memory is now over its 25 MB target at 100 (26.4-27.0
// MB, mostly the binary's own pages); 50 would meet it for a little more
// CPU and more wakes, and is not taken (docs/PERFORMANCE.md, "The settings").
func tuneRuntimeForWaiting() {
	if _, set := os.LookupEnv("GOMAXPROCS"); !set {
		runtime.GOMAXPROCS(1)
	}
}

// programOptions are the bubbletea settings that decide what supine costs
// while it waits: see docs/PERFORMANCE.md for the numbers behind each
// choice.
func programOptions() []tea.ProgramOption {
	info, _ := debug.ReadBuildInfo()
	return []tea.ProgramOption{tea.WithFPS(frameRateFor(info, benchFrameRate))}
}

// frameRateFor is the frame rate for a build: benchFrameRate when the
// linker set one, frameRate with frames on demand, and tickerFrameRate
// when bubbletea is the release, whose ticker costs at every frame.
func frameRateFor(info *debug.BuildInfo, bench string) int {
	if n, err := strconv.Atoi(bench); err == nil && n > 0 {
		return n
	}
	if framesOnDemand(info) {
		return frameRate
	}
	return tickerFrameRate
}

// framesOnDemand reports whether this binary was built with the patched
// bubbletea in third_party/bubbletea, which draws only when the view
// changes. The build info is the one record of that: a build from a clone
// uses go.work, and a module used from a workspace (or from a replace line
// to a folder) has no version, so Go records "(devel)" (or the folder);
// go install from the module proxy records the release, "v2.1.1" with its
// checksum. When in doubt (no build info) it says no, so the unknown case
// gets the frame rate that stays cheap on a ticker.
func framesOnDemand(info *debug.BuildInfo) bool {
	if info == nil {
		return false
	}
	for _, d := range info.Deps {
		if d.Path != bubbleteaPath {
			continue
		}
		if d.Replace != nil {
			d = d.Replace
		}
		return d.Version == "" || d.Version == "(devel)"
	}
	return false
}
