package cli

import (
	"os"
	"runtime"
	"strconv"

	tea "charm.land/bubbletea/v2"
)

// frameRate is how often bubbletea may write a frame. PROVISIONAL: being
// measured by bench/run --sweep.
const frameRate = 16

// benchFrameRate lets bench/run --sweep measure other frame rates with the
// same code. It is set only by the linker, with
// -ldflags "-X github.com/supine-app/supine/cli.benchFrameRate=N", and is
// empty in every other build.
var benchFrameRate string

func init() {
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
