package sound

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

func TestToneFileIsWrittenOnceAndReused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "supine", "tones")
	p := PatternFor(cues.Done, "")
	path, err := ToneFile(dir, p, false)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("tone folder: %v, mode %v; want 0700", err, fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if w, err := readWAV(b); err != nil || len(w.samples) != len(Render(p, PeakNormal)) {
		t.Fatalf("cached tone does not parse back to the pattern: %v", err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	if again, err := ToneFile(dir, p, false); err != nil || again != path {
		t.Fatalf("second call: %q, %v", again, err)
	}
	if fi, _ := os.Stat(path); !fi.ModTime().Equal(old) {
		t.Errorf("a complete cached tone was written again")
	}
	soft, _ := ToneFile(dir, p, true)
	if soft == path {
		t.Errorf("soft and normal share the file %s", path)
	}
	// A truncated file (a crash mid-write in an older version) is redone.
	os.WriteFile(path, b[:100], 0o600)
	if _, err := ToneFile(dir, p, false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Size() != int64(len(b)) {
		t.Errorf("a truncated tone was kept (%d bytes, want %d)", fi.Size(), len(b))
	}
}

func TestToneFileSaysWhatToDo(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(file, nil, 0o600)
	_, err := ToneFile(filepath.Join(file, "tones"), PatternFor(cues.Done, ""), false)
	if err == nil || !contains(err.Error(), `sound = "bell"`) {
		t.Errorf("error %v; want one that names the folder and the bell", err)
	}
}

func TestSampleCountIsRendersLength(t *testing.T) {
	for _, p := range patterns {
		for _, peak := range []float64{PeakNormal, PeakSoft} {
			if got, want := sampleCount(p), len(Render(p, peak)); got != want {
				t.Errorf("%s at %v: sampleCount = %d, Render gives %d samples", p.Name, peak, got, want)
			}
		}
	}
}

// A cached tone is checked for what it holds, not only its size: a damaged
// header, a full-scale file of the same size (even with a matching hash
// beside it), quiet noise of the same size, or a missing hash each make
// ToneFile write the tone again. Before, each was played every night.
func TestACachedToneIsCheckedForItsContent(t *testing.T) {
	dir := t.TempDir()
	p := PatternFor(cues.HeatDone, "")
	path, err := ToneFile(dir, p, true)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	fullScale := func(b []byte) []byte {
		for i := 44; i+1 < len(b); i += 2 {
			binary.LittleEndian.PutUint16(b[i:], uint16(math.MaxInt16))
		}
		return b
	}
	for name, spoil := range map[string]func(){
		"a damaged header": func() {
			b := bytes.Clone(good)
			copy(b[20:], []byte{3, 0, 2, 0}) // float, stereo
			os.WriteFile(path, b, 0o600)
		},
		"a full-scale file of the same size": func() { os.WriteFile(path, fullScale(bytes.Clone(good)), 0o600) },
		"a full-scale file with its hash": func() {
			b := fullScale(bytes.Clone(good))
			os.WriteFile(path, b, 0o600)
			os.WriteFile(path+sumSuffix, []byte(digest(b)), 0o600)
		},
		"quiet noise of the same size": func() {
			b := bytes.Clone(good)
			for i := 44; i+1 < len(b); i += 2 {
				binary.LittleEndian.PutUint16(b[i:], uint16(i%100))
			}
			os.WriteFile(path, b, 0o600)
		},
		"no hash": func() { os.Remove(path + sumSuffix) },
	} {
		spoil()
		if again, err := ToneFile(dir, p, true); err != nil || again != path {
			t.Fatalf("%s: %q, %v", name, again, err)
		}
		if b, _ := os.ReadFile(path); !bytes.Equal(b, good) {
			t.Errorf("%s was kept", name)
		}
		if !cached(path, sampleCount(p), PeakSoft) {
			t.Errorf("%s: the tone written again does not pass the check", name)
		}
	}
}
