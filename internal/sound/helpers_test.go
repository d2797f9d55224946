package sound

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fakeBin is a folder of fake programs that is the whole PATH for one
// test, so that real players and speech programs are never found.
type fakeBin struct {
	dir   string
	log   string // every fake appends what it did here, in order
	sleep string // absolute path of sleep, since PATH no longer has it
}

func newFakeBin(t *testing.T) *fakeBin {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake programs are shell scripts")
	}
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Fatalf("the fake programs need sleep on PATH: %v", err)
	}
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	return &fakeBin{dir: dir, log: filepath.Join(dir, "log"), sleep: sleep}
}

// add writes a fake program that logs "start <last arg>" (once it is
// ready to be stopped), waits secs
// seconds, then logs "end <last arg>" (or "cut <last arg>" when it is
// told to stop) and exits with code. A path as last argument is logged
// by its base name.
func (f *fakeBin) add(t *testing.T, name string, secs float64, code int) {
	t.Helper()
	script := fmt.Sprintf(`#!/bin/sh
for last; do :; done
what="${last##*/}"
echo "%[1]s $*" >> %[2]q.args
trap 'echo "cut $what" >> %[2]q; exit 143' TERM
secs=%[4]g
[ "$1" = -C ] && secs=0 # spd-say -C cancels at once
%[3]q $secs &
echo "start $what" >> %[2]q
wait
echo "end $what" >> %[2]q
echo "no sound device" >&2
exit %[5]d
`, name, f.log, f.sleep, secs, code)
	if code == 0 {
		script = strings.Replace(script, "echo \"no sound device\" >&2\n", "", 1)
	}
	if err := os.WriteFile(filepath.Join(f.dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
}

// lines is the log so far.
func (f *fakeBin) lines() []string {
	b, _ := os.ReadFile(f.log)
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// args is every command line the fakes were run with, in order.
func (f *fakeBin) args() []string {
	b, _ := os.ReadFile(f.log + ".args")
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// waitLog waits until the log is want, failing with what it was.
func (f *fakeBin) waitLog(t *testing.T, want ...string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Join(f.lines(), "|") == strings.Join(want, "|") {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the fakes logged\n  %q\nwant\n  %q", f.lines(), want)
}

// notYet fails when the log already has line: what a call that returned
// at once cannot have waited for.
func (f *fakeBin) notYet(t *testing.T, line string) {
	t.Helper()
	for _, l := range f.lines() {
		if l == line {
			t.Errorf("the fakes already logged %q: the call waited for the program", line)
		}
	}
}

// noOverlap fails when one program started before the previous ended.
func noOverlap(t *testing.T, log []string) {
	t.Helper()
	busy := ""
	for _, l := range log {
		verb, what, _ := strings.Cut(l, " ")
		switch verb {
		case "start":
			if busy != "" {
				t.Fatalf("%q started while %q was still playing: %q", what, busy, log)
			}
			busy = what
		case "end", "cut":
			busy = ""
		}
	}
}

// wavFile is a parsed WAV file.
type wavFile struct {
	format, channels, bits uint16
	rate                   uint32
	samples                []int16
}

// readWAV parses a PCM WAV file chunk by chunk (espeak-ng's files are not
// always the canonical 44-byte header).
func readWAV(b []byte) (wavFile, error) {
	var w wavFile
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return w, fmt.Errorf("not a RIFF/WAVE file")
	}
	if got := binary.LittleEndian.Uint32(b[4:8]); int(got) != len(b)-8 {
		return w, fmt.Errorf("RIFF size %d, file has %d after it", got, len(b)-8)
	}
	rest := b[12:]
	gotFmt := false
	for len(rest) >= 8 {
		id, size := string(rest[:4]), int(binary.LittleEndian.Uint32(rest[4:8]))
		body := rest[8:]
		if size > len(body) {
			return w, fmt.Errorf("chunk %q says %d bytes, %d left", id, size, len(body))
		}
		body = body[:size]
		switch id {
		case "fmt ":
			w.format = binary.LittleEndian.Uint16(body[0:])
			w.channels = binary.LittleEndian.Uint16(body[2:])
			w.rate = binary.LittleEndian.Uint32(body[4:])
			w.bits = binary.LittleEndian.Uint16(body[14:])
			if br := binary.LittleEndian.Uint32(body[8:]); br != w.rate*uint32(w.channels)*uint32(w.bits)/8 {
				return w, fmt.Errorf("byte rate %d does not match", br)
			}
			gotFmt = true
		case "data":
			if !gotFmt {
				return w, fmt.Errorf("data before fmt")
			}
			w.samples = make([]int16, size/2)
			if err := binary.Read(bytes.NewReader(body), binary.LittleEndian, w.samples); err != nil {
				return w, err
			}
			return w, nil
		}
		rest = rest[8+size+size%2:]
	}
	return w, fmt.Errorf("no data chunk")
}

// lookIn is a LookPath that finds exactly the names given.
func lookIn(names ...string) LookPath {
	return func(file string) (string, error) {
		for _, n := range names {
			if n == file {
				return "/usr/bin/" + n, nil
			}
		}
		return "", exec.ErrNotFound
	}
}

// execCommand is exec.Command, named so tests read as what they do.
var execCommand = exec.Command
