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
// of the player at 120x40 (the whole frame, and the player screen alone at
// the 80 columns the root gives it), and opening history on ten years of
// nights (the store's queries and figures, then the screen). One go test
// builds the packages in parallel. Run from the module root.
func goBenchmarks(quick bool) ([]benchResult, error) {
	specs := []struct{ pkg, name string }{
		{"./internal/model", "BenchmarkRootView/heat-counting"},
		{"./internal/screens/player", "BenchmarkPlayerView"},
		{"./internal/history", "BenchmarkHistory10Years"},
		{"./internal/screens/history", "BenchmarkOpen10Years"},
	}
	// A pattern with a sub-benchmark level skips benchmarks that have none,
	// so the root's frame gets a go test of its own. In quick mode the
	// microsecond views still get enough rounds to be steady.
	runs := []struct {
		pattern, quickTime string
		pkgs               []string
	}{
		{"^BenchmarkRootView$/^heat-counting$", "2000x", []string{"./internal/model"}},
		{"^BenchmarkPlayerView$", "2000x", []string{"./internal/screens/player"}},
		{"^(BenchmarkHistory10Years|BenchmarkOpen10Years)$", "20x", []string{"./internal/history", "./internal/screens/history"}},
	}
	var all strings.Builder
	for _, r := range runs {
		benchtime := "1s"
		if quick {
			benchtime = r.quickTime
		}
		args := append([]string{"test", "-run", "^$", "-bench", r.pattern,
			"-benchmem", "-benchtime", benchtime, "-count", "1"}, r.pkgs...)
		cmd := exec.Command("go", args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
		}
		all.Write(stdout.Bytes())
	}
	var out []benchResult
	for _, s := range specs {
		r, ok := parseBench(all.String(), s.name)
		if !ok {
			return out, fmt.Errorf("go test printed no result for %s in %s:\n%s", s.name, s.pkg, all.String())
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
