// Command probe measures what supine costs as a person's machine sees it:
// it starts the built binary in a pseudo-terminal, reads the screen through
// a terminal emulator, reads /proc for CPU time, context switches and peak
// memory while the heat step counts down, times key presses to the changed
// screen, runs the Go benchmarks behind the last two figures, and prints
// one table. Given -peer and -floor it measures those countdowns in the
// same window and prints the ratios; given -helppeer it times supine's
// commands that print and exit against that program's --help. bench/run
// builds the binaries and calls it; see docs/PERFORMANCE.md.
//
// It never fails on slow numbers: the exit status is 0 when every figure
// was measured, 1 when the probe itself could not run.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// options are the probe's flags.
type options struct {
	bin     string
	quick   bool
	window  time.Duration // CPU window while the heat counts down
	presses int           // key presses timed
	starts  int           // cold starts timed for the first frame
	width   int
	height  int
	gobench bool
	label   string // a name for this run in the one-line summary

	peer     string // a bubbletea countdown at bubbletea's defaults, measured beside supine
	floor    string // a Go loop that writes a line a second, measured beside supine
	helpPeer string // a minimal cobra/fang program whose --help supine's commands are timed against
	other    string // another build of supine (bench/run --installed: as go install builds it), walked to the same countdown
	otherAs  string // what to call it in the table
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "", "the supine binary to measure (bench/run builds it)")
	flag.BoolVar(&o.quick, "quick", false, "a short smoke run: 10 s window, 20 presses, 3 starts, short benchmarks")
	flag.DurationVar(&o.window, "window", 60*time.Second, "how long to watch the heat count down")
	flag.IntVar(&o.presses, "presses", 100, "key presses to time")
	flag.IntVar(&o.starts, "starts", 10, "starts to time for the first frame")
	flag.IntVar(&o.width, "width", 100, "terminal width while counting down")
	flag.IntVar(&o.height, "height", 30, "terminal height while counting down")
	flag.BoolVar(&o.gobench, "gobench", true, "also run the View() and history Go benchmarks")
	flag.StringVar(&o.label, "label", "", "name this run in a final one-line summary (for sweeps)")
	flag.StringVar(&o.peer, "peer", "", "a bubbletea countdown at defaults to measure in the same window (bench/peer)")
	flag.StringVar(&o.floor, "floor", "", "a once-a-second Go loop to measure in the same window (bench/floor)")
	flag.StringVar(&o.helpPeer, "helppeer", "", "a minimal cobra/fang program to time supine's non-TUI commands against (bench/helppeer)")
	flag.StringVar(&o.other, "other", "", "another build of supine to walk to the same heat countdown and measure in the same window")
	flag.StringVar(&o.otherAs, "other-name", "supine, other build", "what to call -other in the table")
	flag.Parse()
	if o.quick {
		o.window, o.presses, o.starts = 10*time.Second, 20, 3
	}
	if o.bin == "" {
		fmt.Fprintln(os.Stderr, "probe: -bin is missing; run bench/run, which builds supine and passes it")
		os.Exit(1)
	}
	r, err := run(o)
	if err != nil {
		fmt.Fprintf(os.Stderr, "probe: %v\n", err)
		os.Exit(1)
	}
	r.print(os.Stdout, o)
}

// results are every figure the probe measured.
type results struct {
	firstFrames []time.Duration
	keys        []time.Duration
	idle        window
	peakKB      uint64
	goBench     []benchResult
	benchErr    error
	load        string       // /proc/loadavg after the pseudo-terminal runs, before the Go benchmarks
	peers       []*peer      // measured in the same window as supine
	startups    []startupRow // non-TUI commands against the peer's --help
}

func run(o options) (results, error) {
	var r results
	home, err := os.MkdirTemp("", "supine-bench")
	if err != nil {
		return r, fmt.Errorf("making a private home: %w", err)
	}
	defer os.RemoveAll(home)
	env, err := privateEnv(home)
	if err != nil {
		return r, err
	}

	fmt.Fprintf(os.Stderr, "probe: %d starts for the first frame...\n", o.starts)
	if r.firstFrames, err = firstFrames(o, env); err != nil {
		return r, err
	}
	fmt.Fprintf(os.Stderr, "probe: heat countdown at %dx%d, %v window, then %d key presses...\n",
		o.width, o.height, o.window, o.presses)
	if err := heat(o, env, &r); err != nil {
		return r, err
	}
	r.load = loadAverage()
	if o.helpPeer != "" {
		fmt.Fprintln(os.Stderr, "probe: timing the commands that print and exit...")
		if r.startups, err = startups(o, env); err != nil {
			return r, err
		}
	}
	if o.gobench {
		fmt.Fprintln(os.Stderr, "probe: Go benchmarks...")
		r.goBench, r.benchErr = goBenchmarks(o.quick)
	}
	return r, nil
}

// privateEnv is a clean environment with its own XDG folders, so a run never
// reads or writes the person's settings and history. The Go runtime's own
// variables pass through, so a sweep can set them.
func privateEnv(home string) ([]string, error) {
	env := []string{
		"HOME=" + home,
		"PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
	}
	for _, d := range []string{"config", "data", "state", "cache"} {
		p := filepath.Join(home, d)
		if err := os.MkdirAll(p, 0o700); err != nil {
			return nil, fmt.Errorf("making a private home: %w", err)
		}
	}
	env = append(env,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
	)
	for _, k := range []string{"GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GODEBUG", "BARE_FPS"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env, nil
}

// firstFrames starts bare `supine` (home) o.starts times, after one start
// that is not counted (it creates the database and warms the page cache,
// which a person's second night would find done), and times each from the
// fork to the read that put text on the screen.
func firstFrames(o options, env []string) ([]time.Duration, error) {
	var out []time.Duration
	for i := 0; i <= o.starts; i++ {
		t, err := startTerm(o.bin, nil, env, o.width, o.height)
		if err != nil {
			return nil, err
		}
		_, at, err := t.send("", nonBlank, 10*time.Second)
		if err == nil && i > 0 {
			out = append(out, at.Sub(t.started))
		}
		if err == nil {
			// Let it finish starting (history load, background colour)
			// so SIGTERM meets a settled app, as the next start would.
			err = t.settle(300*time.Millisecond, 5*time.Second)
		}
		t.stop()
		if err != nil {
			return nil, fmt.Errorf("waiting for the first frame of supine: %w", err)
		}
	}
	return out, nil
}
