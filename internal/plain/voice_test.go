package plain

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/night"
)

type fakeVoice struct {
	mu    sync.Mutex
	lines []string
}

func (v *fakeVoice) Say(_ cues.Kind, line string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.lines = append(v.lines, line)
	return true
}

func (v *fakeVoice) Quiet() {}

// TestTheVoiceSaysWhatIsPrinted: every cue's words are printed and, with a
// voice, spoken: the same words, in the same order.
func TestTheVoiceSaysWhatIsPrinted(t *testing.T) {
	v := &fakeVoice{}
	o := withCheckIns(Options{Evening: config(tonightLike()), Setup: sideSetup, Voice: v})
	_, out := play(t, o,
		now(noneApply), now("6\n"), now("n\n"), now("n\n"), now("\n"),
		typed{15*time.Minute + 25*sec, "\n"},
		typed{22 * time.Minute, "\n"}, now("4\n"))
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.lines) < 3 {
		t.Fatalf("the voice said %d lines: %q", len(v.lines), v.lines)
	}
	rest := out
	for _, l := range v.lines {
		i := strings.Index(rest, l)
		if i < 0 {
			t.Fatalf("the voice said %q, which was not printed (in order):\n%s", l, out)
		}
		rest = rest[i+len(l):]
	}
	for _, want := range []string{"Switch sides: now your right side.", "Heat done"} {
		if !strings.Contains(strings.Join(v.lines, "\n"), want) {
			t.Errorf("the voice never said %q: %q", want, v.lines)
		}
	}
}

// TestWithCheckInsOffTheEndIsOneLine: with no after check-in, lights out
// starts as the stretches end, and plain mode says, and the voice speaks,
// one line for both (night.LightsOutAtOnceWords): a voice given two lines
// at once keeps only the newer. Nothing is said after it.
func TestWithCheckInsOffTheEndIsOneLine(t *testing.T) {
	v := &fakeVoice{}
	o := Options{Evening: config(shortRoutine()), Voice: v}
	o.Evening.Plan.Settle = 3 * time.Minute
	_, out := play(t, o, ready(o, typed{time.Hour, "\n"})...)
	for _, alone := range []string{night.StretchesDoneWords, night.LightsOutWords} {
		if has(out, alone) {
			t.Errorf("%q is said on its own:\n%s", alone, out)
		}
	}
	if last := lastLines(out, 1)[0]; last != night.LightsOutAtOnceWords {
		t.Errorf("the last line is %q, want %q:\n%s", last, night.LightsOutAtOnceWords, out)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if n := len(v.lines); n == 0 || v.lines[n-1] != night.LightsOutAtOnceWords {
		t.Errorf("the voice said %q, want the one line last", v.lines)
	}
}
