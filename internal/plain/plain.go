// Package plain is supine's plain mode, for screen readers, pipes and dumb
// terminals: no full screen, no cursor movement, no colour and no escape
// sequences. Every event is one new line of text that a screen reader can
// speak ("Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds."),
// and the person answers with single keys or with lines of text.
//
// Plain mode decides nothing about the night itself: it is a front end of
// the night engine (package night), as the full-screen app is. The gate
// (night.Tonight) says what may start; a night.Run keeps the timeline and
// the heat clock, and plain mode turns keys into the run's commands and
// prints its state and events as lines. Between lines Run sleeps on one
// timer or the next key, never in a polling loop.
package plain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/textsafe"
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

	// Tonight is what happened tonight before this run (read from the
	// store). Its gate decides what may start: nothing but the outcome
	// after an EMERGENCY or URGENT check tonight, the sleep set-up alone
	// after a stop for pain, no heat when heat was used. The zero value is
	// a night with nothing in it yet.
	Tonight night.Tonight
	// Now is the wall clock, for the times the store keeps; nil means
	// time.Now.
	Now func() time.Time
	// Save stores the session as it stands: after the check, when the
	// routine starts, after every step, and at the end. final is true once
	// the session is over on purpose (not partial). Its error is printed
	// once. nil saves nothing.
	Save func(res Result, final bool) error
	// SaveCheck stores a red-flag check as soon as it is answered. nil
	// saves nothing.
	SaveCheck func(night.Check) error

	// Voice says every cue's words as they are printed; nil says nothing.
	// *sound.Voice is one.
	Voice Voice
	// Tones plays each cue's tone, as the full-screen app does; nil plays
	// none. *sound.Player is one. When Play returns false (the player
	// failed or is closed) one line says so and the cues are lines of text
	// from then on. There is no bell fallback here: a BEL byte would be
	// written into the transcript a screen reader reads and a pipe keeps,
	// and a terminal may flash or say nothing for it anyway.
	Tones Tones
	// Sound says which cues have a tone (Audible: soft keeps the few that
	// matter, off keeps none); the zero value sounds them all.
	Sound cues.Settings
	// Guard keeps the machine awake from the pad going on to the pad-off
	// answer (or the end of the run), as in the full-screen app: a laptop
	// that suspends mid-heat says nothing when the time is up. nil holds
	// nothing.
	Guard SleepGuard

	// wait replaces the real input and timers in tests.
	wait waiter
}

// SleepGuard keeps the machine from sleeping while the pad is on. Hold
// may take a moment (it starts a program); its error is one sentence
// saying why the machine may sleep anyway. Release is safe to call more
// than once. The CLI's guard over sound.StartInhibitor is one.
type SleepGuard interface {
	Hold(reason string) error
	Release()
}

// Voice speaks a line in the background and returns at once; Quiet
// silences it for good.
type Voice interface {
	Say(k cues.Kind, line string) bool
	Quiet()
}

// Tones plays a cue's tone in the background and returns at once; false
// means it cannot (the player failed or is closed). If it also has an
// Err() error method, that error is said when the tones stop.
type Tones interface {
	Play(k cues.Kind, phase string) bool
}

// Result is what happened, for the caller to store. Run fills it on every
// way out, an error included: a session cut short is stored as partial.
type Result struct {
	// Interrupted is Ctrl+C read as a key: the caller ends with the
	// status an interrupt gives (130), as for the signal.
	Interrupted   bool
	Tier          safety.Tier
	Yes           []string // IDs of the red-flag questions answered yes
	Before, After *int     // tightness 0..10; nil when skipped or not reached
	Completed     []int    // indexes into Routine.Steps, in plan order
	Skipped       []int    // indexes into Routine.Steps, in plan order
	HeatMins      int      // tonight's heat minutes; 0 without a heat step
	// HeatStart is when the pad went on (wall time); zero when heat never
	// started. HeatSeconds is how long it was on: to the answer "the pad
	// is off", or to the end of the session when that never came.
	HeatStart   time.Time
	HeatSeconds int
	// PainStep names the step during which the person stopped for pain,
	// with its side ("Knee to chest (left)"); "" without a stop for pain.
	PainStep string
	Reason   string // Finished, Pain, Quit or RedFlag
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
		res.Interrupted = true
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
	// checked: the red-flag check was answered, so there is a session to
	// keep.
	checked    bool
	saveFailed bool
	// tonesOff: the tone player failed and it was said; no more tones.
	tonesOff bool
	// steps maps the steps of tonight's plan to Options.Routine's when
	// tonight leaves some out (Gate.Routine); nil when it is the same.
	steps []int
}

// stepIndexes turns indexes into tonight's plan's steps into indexes into
// Options.Routine's steps.
func (s *session) stepIndexes(idx []int) []int {
	if s.steps == nil || idx == nil {
		return idx
	}
	out := make([]int, 0, len(idx))
	for _, i := range idx {
		if i >= 0 && i < len(s.steps) {
			out = append(out, s.steps[i])
		}
	}
	return out
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
	gate := s.o.Tonight.Gate(s.now())
	if gate.IsVoid {
		s.voidNight(gate.Void, res)
		return nil
	}
	if !s.o.SkipCheck {
		goOn, err := s.check(res)
		if s.checked {
			// The session ended at the outcome on purpose (EMERGENCY,
			// URGENT, a BOOK answered no): it is finished, not partial.
			s.save(res, !goOn && err == nil)
		}
		if err != nil || !goOn {
			return err
		}
		gate = s.o.Tonight.Gate(s.now()) // with the check just answered
	}
	if !s.o.SkipCheckIns {
		v, err := s.checkIn()
		res.Before = v
		if err != nil {
			return err
		}
	}
	plan := s.plan(gate)
	for _, l := range gate.Reasons(hasHeat(plan.Routine)) {
		s.say(l)
	}
	pl := newPlayer(s, plan, res)
	reason, err := pl.play()
	res.Reason = reason
	if err != nil && !errors.Is(err, errInterrupted) {
		s.save(res, false)
		return err
	}
	if reason == Pain {
		a := safety.PainStop()
		s.say(a.Headline)
		for _, l := range a.Lines {
			s.say(l)
		}
	}
	if reason == Finished && !s.o.SkipCheckIns {
		v, cerr := s.checkIn()
		res.After = v
		if cerr != nil {
			s.save(res, true)
			return cerr
		}
	}
	s.say(summary(*res, len(plan.Steps())))
	if reason == Finished {
		s.say("Lights out. Sleep well.")
	}
	s.save(res, reason != Quit)
	if pl.padOn() {
		// The last line, where it is seen when the program has ended.
		s.say(night.LeftWithPadOn)
	}
	return err
}

// plan is tonight's timeline: the options' plan (or the routine expanded),
// with what tonight's gate leaves out of it: the stretches after severe
// pain during them, heat once it is used, all but the sleep set-up after a
// stop for pain.
func (s *session) plan(g night.Gate) routines.Plan {
	p := s.o.Plan
	if len(p.Segments) == 0 {
		p = routines.Expand(s.o.Routine, routines.Options{HeatMinutes: s.o.HeatMinutes})
	}
	if kept := g.Kept(p.Routine); len(kept) != len(p.Routine.Steps) {
		// Result keeps indexes into the whole routine.
		s.steps = kept
		p = routines.Expand(g.Routine(p.Routine), p.Options)
	}
	if o := g.Options(p.Options); o != p.Options {
		p = routines.Expand(p.Routine, o)
	}
	if s.o.HeatMinutes != 0 && p.HeatMinutes() != 0 && p.HeatMinutes() != routines.ClampHeatMinutes(s.o.HeatMinutes) {
		p = p.WithHeatMinutes(s.o.HeatMinutes)
	}
	return p
}

func hasHeat(r routines.Routine) bool {
	for _, st := range r.Steps {
		if st.Kind == routines.KindHeat {
			return true
		}
	}
	return false
}

// now is the wall clock.
func (s *session) now() time.Time {
	if s.o.Now != nil {
		return s.o.Now()
	}
	return time.Now()
}

// save hands the session as it stands to Options.Save. A failure is said
// once: the routine goes on, the person is told it is not being kept.
func (s *session) save(res *Result, final bool) {
	if s.o.Save == nil {
		return
	}
	if err := s.o.Save(*res, final); err != nil && !s.saveFailed {
		s.saveFailed = true
		s.say(err.Error())
	}
}

// next waits for input or for d to pass (see waiter), and notes the end
// of the input.
func (s *session) next(d time.Duration) (event, bool, error) {
	ev, ok, err := s.wait.next(s.ctx, d)
	if err == nil && s.out.err != nil {
		err = s.out.err // nobody can hear us: stop
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
