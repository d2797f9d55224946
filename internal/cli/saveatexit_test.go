package cli

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// savingLine is what saveAtExit says when the save keeps the person
// waiting (SAFETY.md quotes it).
const savingLine = "supine: saving tonight's session; the history is busy, this can take a few seconds…\n"

// lockedBuffer is output written by saveAtExit and read by the test at
// the same time; every write is signalled, so a reader waits for the
// output, not for time.
type lockedBuffer struct {
	mu      sync.Mutex
	b       strings.Builder
	written chan struct{} // made lazily; one pending signal is enough
}

func (l *lockedBuffer) signal() chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.written == nil {
		l.written = make(chan struct{}, 1)
	}
	return l.written
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	written := l.signal()
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.b.Write(p)
	select {
	case written <- struct{}{}:
	default:
	}
	return n, err
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitForOutput waits until out holds want. The deadline is only there so
// that a line that never comes fails the test instead of hanging it.
func waitForOutput(t *testing.T, out *lockedBuffer, want string) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	written := out.signal()
	for !strings.Contains(out.String(), want) {
		select {
		case <-written:
		case <-deadline:
			t.Fatalf("waited 20 s for %q; the output is %q", want, out.String())
		}
	}
}

// slowSave is a save that waits until release is closed, as a save on a
// history another window holds locked does, then returns err.
func slowSave(release <-chan struct{}, err error) func() error {
	return func() error {
		<-release
		return err
	}
}

// TestASlowExitSaveSaysSoAndIsWaitedFor: a save on the way out that keeps
// the person waiting gets the one line that says so; saveAtExit waits for
// the save to end and returns what it returned, a failure or nil.
func TestASlowExitSaveSaysSoAndIsWaitedFor(t *testing.T) {
	for _, want := range []error{errors.New("database is locked"), nil} {
		release := make(chan struct{})
		var out lockedBuffer
		got := make(chan error, 1)
		go func() { got <- saveAtExit(&out, slowSave(release, want)) }()
		waitForOutput(t, &out, savingLine)
		select {
		case err := <-got:
			t.Fatalf("saveAtExit returned (%v) while the save was still running", err)
		default:
		}
		close(release)
		if err := <-got; err != want {
			t.Errorf("saveAtExit returned %v, want the save's own %v", err, want)
		}
		if out.String() != savingLine {
			t.Errorf("said %q, want the one line %q", out.String(), savingLine)
		}
	}
}
