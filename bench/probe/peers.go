package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

// peer is another program measured beside supine, in the same window on the
// same machine, so that the noise of a shared machine falls on all of them
// alike and the ratios hold when the absolute figures do not.
type peer struct {
	name string
	bin  string
	keys bool // space pauses it: its keys are timed like supine's
	// supine is another build of supine: it is walked to the heat
	// countdown in a home of its own (heat is once a night) and its keys
	// are timed as supine's are.
	supine bool

	t    *term
	home string // a private home, removed at the end
	a    sample
	idle window
	key  []time.Duration
}

// newPeers lists the peers given on the command line: the bubbletea
// countdown at bubbletea's defaults and the floor program.
func newPeers(o options) []*peer {
	var ps []*peer
	if o.peer != "" {
		ps = append(ps, &peer{name: "bubbletea defaults (bench/peer, 60 fps)", bin: o.peer, keys: true})
	}
	if o.floor != "" {
		ps = append(ps, &peer{name: "floor: a Go loop, one line a second (bench/floor)", bin: o.floor})
	}
	if o.other != "" {
		ps = append(ps, &peer{name: o.otherAs, bin: o.other, keys: true, supine: true})
	}
	return ps
}

// peerEnv is env without the Go runtime settings a sweep passes to supine:
// each peer runs at Go's defaults, as it would on a person's machine.
func peerEnv(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		return strings.HasPrefix(kv, "GOMAXPROCS=") || strings.HasPrefix(kv, "GOGC=")
	})
}

// startPeers starts every peer in its own pseudo-terminal and waits for it
// to draw, and for its countdown to move.
func startPeers(ps []*peer, o options, env []string) error {
	for _, p := range ps {
		fmt.Fprintf(os.Stderr, "probe: starting %s beside supine...\n", p.name)
		if p.supine {
			if err := startSupinePeer(p, o, env); err != nil {
				return err
			}
			continue
		}
		t, err := startTerm(p.bin, nil, peerEnv(env), o.width, o.height)
		if err != nil {
			return err
		}
		p.t = t
		if _, _, err := t.send("", nonBlank, 10*time.Second); err != nil {
			return fmt.Errorf("waiting for %s to draw: %w", p.name, err)
		}
		if err := t.changesOnItsOwn(1, 5*time.Second); err != nil {
			return fmt.Errorf("waiting for %s to count down: %w", p.name, err)
		}
	}
	return nil
}

// startSupinePeer walks another build of supine to the heat countdown, in
// a private home of its own, with the same runtime settings as supine.
func startSupinePeer(p *peer, o options, env []string) error {
	home, err := os.MkdirTemp("", "supine-bench-other")
	if err != nil {
		return fmt.Errorf("making a private home: %w", err)
	}
	p.home = home
	own, err := privateEnv(home)
	if err != nil {
		return err
	}
	t, err := startTerm(p.bin, heatArgs, own, o.width, o.height)
	if err != nil {
		return err
	}
	p.t = t
	if _, _, err := t.send("", nonBlank, 10*time.Second); err != nil {
		return fmt.Errorf("waiting for %s to draw: %w", p.name, err)
	}
	if err := walkToHeat(t); err != nil {
		return fmt.Errorf("%s: %w", p.name, err)
	}
	if err := t.changesOnItsOwn(2, 5*time.Second); err != nil {
		return fmt.Errorf("waiting for %s to count down: %w", p.name, err)
	}
	return nil
}

// sampleStart and sampleEnd bracket the shared window.
func sampleStart(ps []*peer) error {
	for _, p := range ps {
		s, err := readSample(p.t.cmd.Process.Pid)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		p.a = s
	}
	return nil
}

func sampleEnd(ps []*peer) error {
	for _, p := range ps {
		s, err := readSample(p.t.cmd.Process.Pid)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		p.idle = between(p.a, s)
	}
	return nil
}

// pressPeers times n presses of space on every peer that pauses on it.
func pressPeers(ps []*peer, n int) error {
	for _, p := range ps {
		if !p.keys {
			continue
		}
		press := pressSpace
		if p.supine {
			press = pressMinutes
		}
		var err error
		if p.key, err = press(p.t, n); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return nil
}

func stopPeers(ps []*peer) {
	for _, p := range ps {
		if p.t != nil {
			p.t.stop()
		}
		if p.home != "" {
			os.RemoveAll(p.home)
		}
	}
}

// printSideBySide writes supine and its peers from the same window, with
// the ratios docs/PERFORMANCE.md reports.
func printSideBySide(w io.Writer, r results, o options) {
	if len(r.peers) == 0 {
		return
	}
	fmt.Fprintf(w, "\nSide by side, the same %.0f s window (every program in its own %dx%d pseudo-terminal):\n\n",
		r.idle.seconds, o.width, o.height)
	fmt.Fprintln(w, "| program | CPU of a core (schedstat) | switches/s | threads | key p95 (p50) |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	row := func(name string, win window, keys []time.Duration) {
		k := "-"
		if len(keys) > 0 {
			k = fmt.Sprintf("%s (%s)", ms(percentile(keys, 95)), ms(percentile(keys, 50)))
		}
		fmt.Fprintf(w, "| %s | %.3f%% (%.3f%%) | %.1f | %d | %s |\n",
			name, win.cpuPct, win.runPct, win.switchesPS, win.threads, k)
	}
	row("supine", r.idle, r.keys)
	for _, p := range r.peers {
		row(p.name, p.idle, p.key)
	}
	fmt.Fprintln(w)
	for _, p := range r.peers {
		fmt.Fprintf(w, "supine / %s: switches %s, CPU (schedstat) %s\n",
			p.name, ratio(r.idle.switchesPS, p.idle.switchesPS), ratio(r.idle.runPct, p.idle.runPct))
	}
}

// ratio is a/b to two places, or "-" when b is zero.
func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", a/b)
}
