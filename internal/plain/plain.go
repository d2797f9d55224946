// Package plain is supine's plain mode, for screen readers, pipes and dumb
// terminals: no full screen, no cursor movement, no colour and no escape
// sequences. Every event is one new line of text that a screen reader can
// speak ("Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds."),
// and the person answers with single keys or with lines of text.
//
// Plain mode decides nothing about the evening: it is a front end of the
// evening (package evening), as the full-screen app is. It asks the
// question of the evening's stage, hands the answer back, carries out the
// evening's store effects with its Keeper (between lines: plain mode has
// no screen to keep drawing), and says the run's events as lines. Between
// lines it sleeps on one timer or the next key, never in a polling loop.
package plain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/textsafe"
)

// Options is what Run needs for one evening.
type Options struct {
	// Evening is what the evening is opened with: the entry (a routine, or
	// the check on its own), the routine, the plan's options, the rollover
	// hour, the check-ins.
	Evening evening.Config
	// Keeper carries out the evening's effects on the store;
	// evening.NewKeeper(nil, ...) keeps and reads nothing (the evening
	// then fails closed).
	Keeper *evening.Keeper
	// Setup is the pillow set-up the settle step reads out; the zero value
	// reads none.
	Setup guide.Setup
	// Clock times the routine; nil means routines.SystemClock().
	Clock routines.Clock
	// Now is the wall clock; nil means time.Now.
	Now func() time.Time
	In  io.Reader
	Out io.Writer
	// Keys says In is a terminal in key mode (see KeyMode): each byte is a
	// key press, and Run echoes what is typed at its prompts. Otherwise In
	// is read as lines: a line holds a command ("n", "q", "y") or an
	// answer, and an empty line is Enter.
	Keys bool

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
	// Ratings keeps the weekly activity rating (the Patient-Specific
	// Functional Scale), asked with the "before" check-in when it is due;
	// nil asks nothing.
	Ratings RatingStore
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

// Result is how the evening ended, for the caller's exit status.
type Result struct {
	End evening.End
	// PadLine: the evening ended with the pad maybe on; the line was said
	// last.
	PadLine bool
	// SaveFailed: tonight could not be kept in the history.
	SaveFailed bool
	// Record is the evening as it was kept, for tests and the caller;
	// Stored says a session was begun.
	Record history.Session
	Stored bool
	// Interrupted is Ctrl+C read as a key: the caller ends with the
	// status an interrupt gives (130), as for the signal.
	Interrupted bool
}

// errInterrupted is Ctrl+C read as a key: leave at once, as the full-screen
// app does, without asking.
var errInterrupted = errors.New("interrupted")

// Run leads one evening in plain text. It returns when the evening ends,
// the input or output is gone, or ctx is done (a signal); however it ends,
// an evening under way is left through the evening (so what was done is
// kept) and, with the pad maybe on, the pad line is the last line said.
// The error is ctx's, or the output's when it cannot be written to.
func Run(ctx context.Context, o Options) (Result, error) {
	s := newSession(ctx, o)
	err := s.run()
	interrupted := errors.Is(err, errInterrupted)
	if interrupted {
		err = nil
	}
	res := s.finish()
	res.Interrupted = interrupted
	if err == nil {
		err = s.out.err
	}
	return res, err
}

// session is one evening: its options, output and input.
type session struct {
	ctx   context.Context
	o     Options
	clock routines.Clock
	wait  waiter
	out   lineWriter
	ev    *evening.Evening
	// saveFailed: a save failed and it was said.
	saveFailed bool
	// tonesOff: the tone player failed and it was said; no more tones.
	tonesOff bool
	// pl is the run's front end while the run is on.
	pl *player
	// early holds the run's events that came before the player was there.
	early []night.Event
	// summarySaid: the summary was said; introduced: the routine was.
	summarySaid, introduced bool
	// precautionsAsked: this evening asked the precautions; ratingAsked:
	// the weekly activity rating was looked at (weeklyRating).
	precautionsAsked, ratingAsked bool
}

func newSession(ctx context.Context, o Options) *session {
	s := &session{ctx: ctx, o: o, clock: o.Clock, wait: o.wait, out: lineWriter{w: o.Out}}
	if s.clock == nil {
		s.clock = routines.SystemClock()
	}
	if s.o.In == nil {
		s.o.In = strings.NewReader("")
	}
	if s.o.Keeper == nil {
		s.o.Keeper = evening.NewKeeper(nil, o.Evening.Rollover)
	}
	if s.wait == nil {
		s.wait = newInputWaiter(ctx, s.o.In, o.Keys)
	}
	return s
}

// moment is now on both clocks.
func (s *session) moment() evening.Moment {
	return evening.Moment{Wall: s.now(), Clock: s.clock.Now()}
}

// now is the wall clock.
func (s *session) now() time.Time {
	if s.o.Now != nil {
		return s.o.Now()
	}
	return time.Now()
}

func (s *session) state() evening.State { return s.ev.State(s.moment()) }

// do hands one input to the evening and takes in its reply.
func (s *session) do(in evening.Input) {
	s.apply(s.ev.Do(in, s.moment()))
}

// apply takes in a reply: the run's events said as lines (the player does
// that while the run is on), the notes said, and the store effects carried
// out in order, their answers handed back.
func (s *session) apply(r evening.Reply) {
	// Notes first: "the pad may still be on" is the first thing said on
	// waking, and why heat is left out comes before the pad-off line. The
	// skin stop's first aid comes after "switch the pad off now".
	var after []evening.Note
	for _, n := range r.Notes {
		switch n.Kind {
		case evening.SkinStopAdvice:
			after = append(after, n)
		case evening.SaveFailed:
			if !s.saveFailed {
				s.saveFailed = true
				s.say("Tonight's session could not be saved: " + n.Words)
			}
		case evening.AllClear:
			// The all-clear, with its safety net and the stop rules, as
			// the outcome of a check on its own says it.
			s.advice(safety.AdviceIn(safety.None, safety.Situation{}), "")
		default:
			s.say(n.Words)
		}
	}
	if s.pl != nil {
		s.pl.show(r.Events)
	} else {
		s.early = append(s.early, r.Events...)
	}
	for _, n := range after {
		s.say(n.Words)
	}
	for _, e := range r.Effects {
		if in := s.o.Keeper.Perform(e); in != nil {
			s.do(in)
		}
	}
}

// run asks the question of each stage until the evening is over.
func (s *session) run() error {
	var r evening.Reply
	s.ev, r = evening.New(s.o.Evening, s.moment())
	s.apply(r)
	for {
		st := s.state()
		var err error
		switch st.Stage {
		case evening.Closed:
			return nil
		case evening.Reading:
			// The store answers between lines: a Reading left over means
			// an effect had no answer. Nothing can be decided.
			return errors.New("the history gave no answer")
		case evening.Unknown:
			err = s.unknown()
		case evening.Disclaimer:
			err = s.disclaimer()
		case evening.Precautions:
			err = s.precautions()
		case evening.Void:
			s.voidNight(st)
			s.do(evening.Stop{})
		case evening.Check:
			err = s.check()
		case evening.Shortcut:
			err = s.shortcut(st.Since, st.ShortcutQuestions)
		case evening.Outcome:
			err = s.outcome(st)
		case evening.Before:
			err = s.before(st)
		case evening.Eased:
			err = s.eased()
		case evening.HeatQuestion:
			err = s.heatQuestion()
		case evening.Running:
			err = s.playRun()
		case evening.After:
			err = s.after(st)
		case evening.PainStopped:
			s.painStopped()
			s.do(evening.Stop{})
		case evening.Summary:
			s.sayEnd()
			s.do(evening.Stop{})
		}
		if err != nil {
			return err
		}
	}
}

// finish leaves an evening still under way (a signal, the input gone, an
// error), says the summary when the routine ran, and says the pad line
// last when the pad may still be on.
func (s *session) finish() Result {
	if s.ev == nil {
		return Result{}
	}
	if s.state().Stage != evening.Closed {
		s.do(evening.Leave{})
	}
	if s.pl != nil {
		s.pl.releaseGuard()
	}
	st := s.state()
	if st.HasRun && !s.summarySaid && !st.Dark {
		// Never into the dark: after lights out someone is asleep.
		s.sayEnd()
	}
	if st.PadLine {
		// The last line, where it is seen when the program has ended.
		s.say(night.LeftWithPadOn)
	}
	return Result{End: st.End, PadLine: st.PadLine, SaveFailed: st.SaveErr != nil || s.saveFailed,
		Record: s.ev.Record(s.moment()), Stored: st.Stored}
}

// sayEnd says the summary of a run, once, and "Lights out" after a night
// that ran to its end.
func (s *session) sayEnd() {
	if s.summarySaid {
		return
	}
	s.summarySaid = true
	st := s.state()
	rec := s.ev.Record(s.moment())
	s.say(summary(rec, len(s.ev.Run().Plan().Steps()), st.End))
	if st.End == evening.Finished && !st.Dark {
		s.say(night.LightsOutWords)
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
