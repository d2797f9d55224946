package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// userHZ is the unit of utime and stime in /proc/PID/stat. The kernel
// reports them in USER_HZ, which is 100 on every Linux ABI Go supports.
const userHZ = 100

// sample is what /proc says about a process at one moment.
type sample struct {
	at       time.Time
	cpuTicks uint64 // utime + stime of every thread, dead or alive, in 1/userHZ s
	runNS    uint64 // time on a CPU summed over live threads (schedstat), in ns
	switches uint64 // voluntary + involuntary context switches over live threads
	threads  int
	hwmKB    uint64 // peak resident set (VmHWM)
	rssKB    uint64 // resident set now (VmRSS)
}

// readSample reads /proc/PID/stat, /proc/PID/status and every thread's
// status and schedstat. /proc/PID/status alone counts the context switches
// of the main thread only, so the threads are summed.
func readSample(pid int) (sample, error) {
	s := sample{at: time.Now()}
	dir := fmt.Sprintf("/proc/%d", pid)
	stat, err := os.ReadFile(filepath.Join(dir, "stat"))
	if err != nil {
		return s, fmt.Errorf("reading the process's CPU time: %w", err)
	}
	// The command name can hold spaces and parentheses: fields start after
	// the last ')'. Field 3 (state) is then index 0, utime (14) index 11.
	rest := string(stat[strings.LastIndexByte(string(stat), ')')+2:])
	f := strings.Fields(rest)
	if len(f) < 13 {
		return s, fmt.Errorf("%s/stat has %d fields after the name; expected at least 13", dir, len(f))
	}
	utime, _ := strconv.ParseUint(f[11], 10, 64)
	stime, _ := strconv.ParseUint(f[12], 10, 64)
	s.cpuTicks = utime + stime

	st, err := statusFields(filepath.Join(dir, "status"))
	if err != nil {
		return s, err
	}
	s.hwmKB, s.rssKB = st["VmHWM"], st["VmRSS"]

	tasks, err := os.ReadDir(filepath.Join(dir, "task"))
	if err != nil {
		return s, fmt.Errorf("listing the process's threads: %w", err)
	}
	for _, task := range tasks {
		tdir := filepath.Join(dir, "task", task.Name())
		ts, err := statusFields(filepath.Join(tdir, "status"))
		if err != nil {
			continue // the thread ended between the listing and the read
		}
		s.switches += ts["voluntary_ctxt_switches"] + ts["nonvoluntary_ctxt_switches"]
		if b, err := os.ReadFile(filepath.Join(tdir, "schedstat")); err == nil {
			if v := strings.Fields(string(b)); len(v) > 0 {
				ns, _ := strconv.ParseUint(v[0], 10, 64)
				s.runNS += ns
			}
		}
		s.threads++
	}
	return s, nil
}

// statusFields reads the numeric fields of a /proc status file (kB units
// dropped).
func statusFields(path string) (map[string]uint64, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	out := map[string]uint64{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		fields := strings.Fields(v)
		if len(fields) == 0 {
			continue
		}
		if n, err := strconv.ParseUint(fields[0], 10, 64); err == nil {
			out[k] = n
		}
	}
	return out, sc.Err()
}

// window is the cost of a process between two samples.
type window struct {
	seconds    float64
	cpuPct     float64 // utime+stime, % of one core
	runPct     float64 // schedstat, % of one core (finer grained)
	switchesPS float64
	threads    int
}

func between(a, b sample) window {
	sec := b.at.Sub(a.at).Seconds()
	return window{
		seconds:    sec,
		cpuPct:     float64(grew(a.cpuTicks, b.cpuTicks)) / userHZ / sec * 100,
		runPct:     float64(grew(a.runNS, b.runNS)) / 1e9 / sec * 100,
		switchesPS: float64(grew(a.switches, b.switches)) / sec,
		threads:    b.threads,
	}
}

// grew is b-a, or 0 when a thread that ended took its count with it.
func grew(a, b uint64) uint64 {
	if b < a {
		return 0
	}
	return b - a
}
