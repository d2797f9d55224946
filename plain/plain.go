// Package plain is supine's plain mode, for screen readers, pipes and dumb
// terminals: no full screen, no cursor movement, no colour and no escape
// sequences. Every event is one new line of text that a screen reader can
// speak ("Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds."),
// and the person answers with single keys or with lines of text.
//
// The timing follows the same rules as the full-screen player: every
// segment runs on a routines.Countdown read from a routines.Clock, segments
// chain from one deadline to the next, and between lines Run sleeps on one
// timer or the next key, never in a polling loop.
package plain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/supine-app/supine/guide"
	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/textsafe"
)

// Why a run ended, as Result.Reason.
const (
	Finished = "finished" // the routine ran to its end
	Pain     = "pain"     // x: stopped for pain
	Quit     = "quit"     // q and yes, Ctrl+C, the input or output gone, or ctx done
	RedFlag  = "red-flag" // the check ended the session before the routine
	// CheckedOnly: the check ran on its own (Options.CheckOnly).
	CheckedOnly = "checked"
)

// Options is what Run needs for one session.
type Options struct {
	Routine routines.Routine
	// Plan is tonight's timeline. When it has no segments, Run expands
	// Routine itself.
	Plan routines.Plan
	// HeatMinutes sets tonight's heat (clamped to 15..20); 0 keeps the
	// plan's.
	HeatMinutes int
	// Setup is the pillow set-up the settle step reads out; the zero value
	// reads none.
	Setup guide.Setup
	// Clock times the routine; nil means routines.SystemClock().
	Clock routines.Clock
	In    io.Reader
	Out   io.Writer
	// Keys says In is a terminal in key mode (see KeyMode): each byte is a
	// key press, and Run echoes what is typed at its prompts. Otherwise In
	// is read as lines: a line holds a command ("n", "q", "y") or an
	// answer, and an empty line is Enter.
	Keys bool
	// SkipCheck leaves out the red-flag check (the caller ran it).
	SkipCheck bool
	// CheckOnly runs the red-flag check on its own (`supine check`).
	CheckOnly bool
	// SkipCheckIns leaves out the tightness check-ins before and after.
	SkipCheckIns bool

	// wait replaces the real input and timers in tests.
	wait waiter
}

// Result is what happened, for the caller to store. Run fills it on every
// way out, an error included: a session cut short is stored as partial.
type Result struct {
	Tier          safety.Tier
	Yes           []string // IDs of the red-flag questions answered yes
	Before, After *int     // tightness 0..10; nil when skipped or not reached
	Completed     []int    // indexes into Routine.Steps, in plan order
	Skipped       []int    // indexes into Routine.Steps, in plan order
	HeatMins      int      // tonight's heat minutes; 0 without a heat step
	Reason        string   // Finished, Pain, Quit or RedFlag
}

// errInterrupted is Ctrl+C read as a key: leave at once, as the full-screen
// app does, without asking.
var errInterrupted = errors.New("interrupted")

// Run leads one session in plain text: the red-flag check, a check-in,
// the routine, a check-in, and a summary. It returns when the session ends
// or ctx is done; the error is ctx's, or the output's when it cannot be
// written to (a closed terminal).
func Run(ctx context.Context, o Options) (Result, error) {
	s := newSession(ctx, o)
	res := Result{Reason: Quit}
	err := s.run(&res)
	if errors.Is(err, errInterrupted) {
		err = nil
	}
	if err == nil {
		err = s.out.err
	}
	return res, err
}

// session is one run: its options, output and input.
type session struct {
	ctx   context.Context
	o     Options
	clock routines.Clock
	wait  waiter
	out   lineWriter
	eof   bool // the input has ended
}

func newSession(ctx context.Context, o Options) *session {
	s := &session{ctx: ctx, o: o, clock: o.Clock, wait: o.wait, out: lineWriter{w: o.Out}}
	if s.clock == nil {
		s.clock = routines.SystemClock()
	}
	if s.o.In == nil {
		s.o.In = strings.NewReader("")
	}
	if s.wait == nil {
		s.wait = newInputWaiter(ctx, s.o.In, o.Keys)
	}
	return s
}

func (s *session) run(res *Result) error {
	if s.o.CheckOnly {
		_, err := s.check(res)
		res.Reason = CheckedOnly
		return err
	}
	if !s.o.SkipCheck {
		goOn, err := s.check(res)
		if err != nil || !goOn {
			return err
		}
	}
	if !s.o.SkipCheckIns {
		v, err := s.checkIn()
		res.Before = v
		if err != nil {
			return err
		}
	}
	pl := newPlayer(s, s.plan())
	reason, err := pl.run()
	res.Reason = reason
	res.Completed, res.Skipped = pl.progress()
	res.HeatMins = pl.plan.HeatMinutes()
	if err != nil && !errors.Is(err, errInterrupted) {
		return err
	}
	if reason == Finished && !s.o.SkipCheckIns {
		v, err := s.checkIn()
		res.After = v
		if err != nil {
			return err
		}
	}
	s.say(summary(*res, len(pl.steps)))
	if reason == Finished {
		s.say("Lights out. Sleep well.")
	}
	return err
}

// plan is tonight's timeline from the options.
func (s *session) plan() routines.Plan {
	p := s.o.Plan
	if len(p.Segments) == 0 {
		p = routines.Expand(s.o.Routine, routines.Options{HeatMinutes: s.o.HeatMinutes})
	}
	if s.o.HeatMinutes != 0 && p.HeatMinutes() != 0 && p.HeatMinutes() != routines.ClampHeatMinutes(s.o.HeatMinutes) {
		p = p.WithHeatMinutes(s.o.HeatMinutes)
	}
	return p
}

// next waits for input or for d to pass (see waiter), and notes the end
// of the input.
func (s *session) next(d time.Duration) (event, bool, error) {
	ev, ok, err := s.wait.next(s.ctx, d)
	if err == nil && s.out.err != nil {
		err = s.out.err // nobody can hear us: stop
	}
	if ok && ev.kind == evEOF {
		s.eof = true
	}
	if ok && ev.kind == evInterrupt {
		err = errInterrupted
	}
	return ev, ok, err
}

// say writes one line.
func (s *session) say(text string) { s.out.line(text) }

// sayf writes one formatted line.
func (s *session) sayf(format string, args ...any) { s.out.line(fmt.Sprintf(format, args...)) }

// lineWriter writes clean lines and keeps the first write error.
type lineWriter struct {
	w   io.Writer
	err error
}

func (l *lineWriter) line(text string) { l.put(clean(text) + "\n") }

// put writes text as it is; callers pass only clean text.
func (l *lineWriter) put(text string) {
	if l.err != nil || l.w == nil {
		return
	}
	_, l.err = io.WriteString(l.w, text)
}

// clean makes a line plain text: nothing from a routine file, the history
// or the settings can move the cursor, colour the text or reach the
// clipboard. It is textsafe's sanitiser, the one every output path uses.
func clean(s string) string { return textsafe.Clean(s) }
