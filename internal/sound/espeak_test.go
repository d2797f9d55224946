package sound

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestEspeakSpeaksARealLine checks that the real espeak-ng, with the soft
// settings the voice uses, produces speech and not silence. CI installs
// the Debian package espeak-ng and sets CI=true, so there a missing
// espeak-ng fails instead of skipping.
func TestEspeakSpeaksARealLine(t *testing.T) {
	path, err := exec.LookPath("espeak-ng")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("espeak-ng is not installed in CI; install the Debian package espeak-ng")
		}
		t.Skip("espeak-ng is not installed; install it (apt-get install espeak-ng) to check real speech")
	}
	out := filepath.Join(t.TempDir(), "line.wav")
	var soft []string
	for _, s := range speakers {
		if s.name == "espeak-ng" {
			soft = s.args
		}
	}
	args := append(append([]string{}, soft...), "-w", out, "Heat done. Switch the pad off and take it out of the bed.")
	if b, err := exec.Command(path, args...).CombinedOutput(); err != nil {
		t.Fatalf("espeak-ng failed: %v: %s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	w, err := readWAV(b)
	if err != nil {
		t.Fatalf("espeak-ng wrote a WAV that does not parse: %v", err)
	}
	if w.bits != 16 || w.channels != 1 {
		t.Fatalf("espeak-ng wrote %d-bit, %d-channel audio; want 16-bit mono", w.bits, w.channels)
	}
	secs := float64(len(w.samples)) / float64(w.rate)
	var sum float64
	for _, s := range w.samples {
		sum += float64(s) * float64(s)
	}
	rms := math.Sqrt(sum / math.Max(1, float64(len(w.samples))))
	t.Logf("espeak-ng: %.1f s at %d Hz, RMS %.0f", secs, w.rate, rms)
	if secs < 1 || rms < 300 {
		t.Errorf("the spoken line is %.1f s long with RMS %.0f: that is silence, not speech", secs, rms)
	}
}
