package main

import (
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

// nonTUICommands are supine's commands that print and exit. Each must start
// within 1.5x of the smallest cobra/fang program's --help (issue 15). The
// app's own entries (bare supine, start, check, tips, history without a
// flag) open a session instead: their start is the first-frame figure.
var nonTUICommands = [][]string{
	{"--help"}, {"--version"}, {"about"}, {"why"}, {"routines"}, {"config"}, {"history", "--csv"},
}

// nudgeArgs is the bedtime reminder's nudge as its scheduler runs it, set
// for now: it reads the settings, its state and tonight from the history,
// where the heat probe's session (tonight, with the pad on less than 2
// hours ago) keeps it silent, so that no notification is raised on the
// machine running the bench. Issue 22: within 1.5x of supine --version.
func nudgeArgs(now time.Time) []string {
	return []string{"nudge", "--at", now.Format("15:04")}
}

// startupRow is one command's run times, output to a pipe (not a terminal).
type startupRow struct {
	name  string
	times []time.Duration
}

// startups runs every non-TUI command and the peer's --help n times each,
// interleaved so that a busy moment falls on all of them alike, after one
// uncounted round that warms the page cache.
func startups(o options, env []string) ([]startupRow, error) {
	type job struct {
		bin  string
		args []string
	}
	jobs := []job{{o.helpPeer, []string{"--help"}}}
	rows := []startupRow{{name: "peer: cobra+fang --help (bench/helppeer)"}}
	for _, args := range append(nonTUICommands, nudgeArgs(time.Now())) {
		jobs = append(jobs, job{o.bin, args})
		rows = append(rows, startupRow{name: "supine " + strings.Join(args, " ")})
	}
	for round := 0; round <= o.starts*2; round++ {
		for i, j := range jobs {
			cmd := exec.Command(j.bin, j.args...)
			cmd.Env = env
			cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
			start := time.Now()
			if err := cmd.Run(); err != nil {
				return nil, fmt.Errorf("%s %v: %w", j.bin, j.args, err)
			}
			if round > 0 {
				rows[i].times = append(rows[i].times, time.Since(start))
			}
		}
	}
	return rows, nil
}

// printStartups writes each command's median start with its ratio to the
// peer's --help.
func printStartups(w io.Writer, rows []startupRow) {
	if len(rows) == 0 {
		return
	}
	base := percentile(rows[0].times, 50)
	fmt.Fprintf(w, "\nStart-up of the commands that print and exit (median of %d runs, output to a pipe):\n\n", len(rows[0].times))
	fmt.Fprintln(w, "| command | median | worst | vs peer --help | |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rows {
		m := percentile(r.times, 50)
		x := float64(m) / float64(base)
		fmt.Fprintf(w, "| %s | %.1f ms | %.1f ms | %.2fx | %s |\n", r.name,
			float64(m)/1e6, float64(percentile(r.times, 100))/1e6, x, verdict(x <= 1.5))
	}
	var version, nudge time.Duration
	for _, r := range rows {
		switch {
		case r.name == "supine --version":
			version = percentile(r.times, 50)
		case strings.HasPrefix(r.name, "supine nudge"):
			nudge = percentile(r.times, 50)
		}
	}
	if version > 0 && nudge > 0 {
		x := float64(nudge) / float64(version)
		fmt.Fprintf(w, "\nsupine nudge against supine --version: %.2fx (target <= 1.5x) %s\n", x, verdict(x <= 1.5))
	}
}
