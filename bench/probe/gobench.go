package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// benchResult is one Go benchmark's figures.
type benchResult struct {
	pkg, name string
	perOp     time.Duration
	bytesOp   int64
	allocsOp  int64
}

// goBenchmarks runs the benchmarks behind the last two figures: one View()
// of the player at 120x40, and opening history on ten years of nights (the
// store's queries and figures, then the screen). Run from the module root.
func goBenchmarks(quick bool) ([]benchResult, error) {
	specs := []struct{ pkg, name, quickTime string }{
		{"./screens/player", "BenchmarkPlayerView", "2000x"},
		{"./history", "BenchmarkHistory10Years", "5x"},
		{"./screens/history", "BenchmarkOpen10Years", "20x"},
	}
	var out []benchResult
	for _, s := range specs {
		benchtime := "1s"
		if quick {
			benchtime = s.quickTime
		}
		cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^"+s.name+"$", "-benchmem",
			"-benchtime", benchtime, "-count", "1", s.pkg)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return out, fmt.Errorf("go test -bench %s %s: %v\n%s%s", s.name, s.pkg, err, stdout.String(), stderr.String())
		}
		r, ok := parseBench(stdout.String(), s.name)
		if !ok {
			return out, fmt.Errorf("go test -bench %s %s printed no result:\n%s", s.name, s.pkg, stdout.String())
		}
		r.pkg = s.pkg
		out = append(out, r)
	}
	return out, nil
}

// parseBench finds name's line in go test output, e.g.
// "BenchmarkPlayerView-2  12345  95000 ns/op  1234 B/op  12 allocs/op".
func parseBench(out, name string) (benchResult, bool) {
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || (f[0] != name && !strings.HasPrefix(f[0], name+"-")) {
			continue
		}
		r := benchResult{name: name}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				r.perOp = time.Duration(v)
			case "B/op":
				r.bytesOp = int64(v)
			case "allocs/op":
				r.allocsOp = int64(v)
			}
		}
		return r, true
	}
	return benchResult{}, false
}

func findBench(rs []benchResult, name string) (benchResult, bool) {
	for _, r := range rs {
		if r.name == name {
			return r, true
		}
	}
	return benchResult{}, false
}
