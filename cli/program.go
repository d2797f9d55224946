package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"

	tea "charm.land/bubbletea/v2"
)

// frameRate is how often bubbletea may write a frame: 18 a second, one
// every 56 ms.
//
// bubbletea v2 writes frames only on a free-running ticker at this rate
// (tea.go, startRenderer), whether or not anything changed. So this one
// number sets three things at once:
//   - what waiting costs: every tick wakes the process, about 4 context
//     switches each;
//   - the first frame: it goes out on the first tick, a whole period after
//     the program starts (period + ~8 ms of start-up);
//   - the delay after a key: up to one period, 0.95 of a period in 95 of
//     100 presses.
//
// The targets (issue 6) pull against each other: 90 switches a second caps
// it near 21 fps; 70 ms for 95 of 100 key presses and 80 ms to the first
// frame need at least 15-16 fps. Measured with bench/run on a 2-core
// machine, GOMAXPROCS=1, three 60 s runs each (switches/s; key p95; first
// frame):
//
//	16 fps: 72-78;  58-61 ms; 70-72 ms   closest to the key and frame targets
//	18 fps: 78-81;  51-55 ms; 64 ms      at least 10% under every target
//	20 fps: 82-87;  48-50 ms; 58 ms      within 3-9% of the switch target
//
// 18 keeps the widest margin on the figure that is tightest for each
// neighbour, and leaves 16 ms for a slower start-up than this machine's.
// CPU is 0.2-0.3% of a core at all three: the rate does not decide it.
const frameRate = 18

// gcPercent is the garbage collector's target (Go's default is 100).
// While the heat counts down supine keeps about 1 MB live and makes about
// 100 KB of garbage a second, so at 50 the collector runs every ~10 s for
// under 1 ms, and the heap the process ever touches stays ~2 MB smaller:
// peak RSS 23.7 MB at the default, 21.5-22.3 MB at 50 (target 25 MB), for
// no CPU that the measurement can see.
const gcPercent = 50

// benchFrameRate lets bench/run --sweep measure other frame rates with the
// same code. It is set only by the linker, with
// -ldflags "-X github.com/supine-app/supine/cli.benchFrameRate=N", and is
// empty in every other build.
var benchFrameRate string

// init sets the runtime for an app that mostly waits, unless the person
// set GOMAXPROCS or GOGC themselves (which also lets bench/run compare).
//
// One P: with two, each wake-up of the frame ticker also wakes a second
// thread to look for work that is not there. At 18 fps that measured
// 112-116 switches/s (over the target) and 0.30-0.33% CPU with two Ps,
// 78-83/s and 0.22-0.32% with one. Nothing
// supine does needs two cores; the Go scheduler still preempts a long
// history query every 10 ms, so keys are answered meanwhile. Calling
// GOMAXPROCS also stops the runtime re-reading the CPU limit in the
// background.
func init() {
	if _, set := os.LookupEnv("GOMAXPROCS"); !set {
		runtime.GOMAXPROCS(1)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
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
