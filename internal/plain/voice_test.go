package plain

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
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
