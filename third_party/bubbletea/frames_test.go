package tea

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/charmbracelet/colorprofile"
)

// Tests of the local patch that draws frames on demand (frames.go, see
// PATCH.md). They run in a synctest bubble: time is a fake clock that moves
// only when every goroutine waits, so "at once" means "before the clock
// moved" and nothing depends on how fast the machine is.

// testFramePeriod is the frame period of the programs below (10 fps).
const testFramePeriod = 100 * time.Millisecond

// showMsg makes frameTestModel show n.
type showMsg int

// frameTestModel shows one number.
type frameTestModel struct{ n int }

func (m frameTestModel) Init() Cmd { return nil }

func (m frameTestModel) Update(msg Msg) (Model, Cmd) {
	if n, ok := msg.(showMsg); ok {
		m.n = int(n)
	}
	return m, nil
}

func (m frameTestModel) View() View { return NewView(fmt.Sprintf("view %d", m.n)) }

// frameLog is the renderer with a record of every frame it was asked to
// draw: the view it held at each flush, drawn or skipped as unchanged.
type frameLog struct {
	*cursedRenderer
	mu     sync.Mutex
	frames []string
}

func (l *frameLog) flush(closing bool) error {
	l.cursedRenderer.mu.Lock()
	content := l.cursedRenderer.view.Content
	l.cursedRenderer.mu.Unlock()

	l.mu.Lock()
	l.frames = append(l.frames, content)
	l.mu.Unlock()
	return l.cursedRenderer.flush(closing)
}

// drawn returns a copy of the frames flushed so far.
func (l *frameLog) drawn() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.frames)
}

// runFrameTestProgram starts a program that shows frameTestModel through a
// frameLog, lets its start-up settle, and returns the log; the program quits
// when the test ends. Call it inside a synctest bubble.
func runFrameTestProgram(t *testing.T) (*Program, *frameLog) {
	t.Helper()
	log := &frameLog{cursedRenderer: newCursedRenderer(io.Discard, nil, 80, 24)}
	p := NewProgram(frameTestModel{},
		WithInput(nil),
		WithOutput(io.Discard),
		WithWindowSize(80, 24),
		WithColorProfile(colorprofile.ANSI),
		WithEnvironment([]string{"TERM=xterm-256color"}),
		WithoutSignalHandler(),
		WithFPS(int(time.Second/testFramePeriod)),
	)
	p.renderer = log

	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := p.Run(); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	t.Cleanup(func() {
		p.Quit()
		<-done
	})

	// The first frame goes out at once; the start-up messages (size, colour
	// profile, environment) that follow it are drawn one period later.
	synctest.Wait()
	if got := log.drawn(); len(got) == 0 || got[0] != "view 0" {
		t.Fatalf("frames right after start = %q, want the first frame %q at once", got, "view 0")
	}
	time.Sleep(2 * testFramePeriod)
	return p, log
}

func TestFrameFirstChangeAfterQuietIsDrawnAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, log := runFrameTestProgram(t)
		before := len(log.drawn())
		now := time.Now()

		p.Send(showMsg(1))
		synctest.Wait()

		got := log.drawn()
		if len(got) != before+1 || got[len(got)-1] != "view 1" {
			t.Fatalf("frames after the change = %q, want one more showing %q", got[before:], "view 1")
		}
		if waited := time.Since(now); waited != 0 {
			t.Errorf("the frame waited %v of the fake clock, want none", waited)
		}
	})
}

func TestFrameBurstIsMergedAndEndsOnItsLastView(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, log := runFrameTestProgram(t)
		before := len(log.drawn())

		for n := 1; n <= 4; n++ {
			p.Send(showMsg(n))
		}
		synctest.Wait()
		if got := log.drawn()[before:]; !slices.Equal(got, []string{"view 1"}) {
			t.Fatalf("frames within the burst's period = %q, want only the first change", got)
		}

		time.Sleep(testFramePeriod)
		synctest.Wait()
		if got := log.drawn()[before:]; !slices.Equal(got, []string{"view 1", "view 4"}) {
			t.Fatalf("frames after the burst = %q, want the first change and then the last", got)
		}
	})
}

func TestFrameNothingWakesWhileNothingChanges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, log := runFrameTestProgram(t)
		before := log.drawn()

		time.Sleep(time.Hour)
		synctest.Wait()

		if got := log.drawn(); len(got) != len(before) {
			t.Fatalf("an idle hour flushed %d more frames, want none", len(got)-len(before))
		}
	})
}
