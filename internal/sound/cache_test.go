package sound

import (
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
