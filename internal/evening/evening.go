package evening

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// AfterWait is how long the "after" check-in waits for an answer before
// lights out comes by itself: a person who fell asleep after the last
// stretch must not be left on a lit screen (issue 18). A minute is enough
// to read one question and type a number.
const AfterWait = time.Minute

// Config is what an evening is opened with: the routine as the library has
// it (the precautions and tonight's rules adapt it later, from the store)
// and the person's settings.
type Config struct {
	Entry   Entry
	Routine routines.Routine
	// Plan is the plan's options from the settings: heat minutes,
	// get-ready, settle, osteoporosis, whether the get-ready fits a
	// voice and whether lights out starts at once.
	Plan     routines.Options
	Rollover int
	// CheckIns asks the tightness before and after the routine.
	CheckIns bool
	// Osteoporosis is the setting or flag, on top of the precautions.
	Osteoporosis bool
	// AfterWait overrides AfterWait (tests); 0 keeps it.
	AfterWait time.Duration
}

// purpose is the decision a Read is for.
type purpose int

const (
	decideStart   purpose = iota // disclaimer, precautions, void, check or shortcut
	decideOutcome                // what the check just answered leads to
	decideRun                    // the routine tonight allows
)

// Evening is one evening. Make one with New; drive it with Do; draw State.
// It is not safe for concurrent use: a front end owns it (and Clone gives
// a copy, for front ends whose models are values).
type Evening struct {
	cfg   Config
	stage Stage
	begun time.Time // when the evening began: the session's start

	// What the store said at the last Read, and this evening's own
	// answers laid over it (the store may not have them back yet).
	recent  history.Recent
	readErr error
	read    bool
	seen    night.Tonight
	pending purpose

	// Failing closed: the two answers, once given this evening.
	unknownAsked             bool
	unknownPain, unknownHeat bool // the safe answer: sleep set-up only, no heat

	disclaimerSeen bool
	precautions    *history.Precautions // answered this evening

	// The check.
	checked   bool // a check was answered: there is a session to keep
	fullCheck bool // the full check was answered this evening
	check     night.Check
	tier      safety.Tier // the highest this evening reached
	void      night.Gate  // the void shown at Void

	// The check-ins and questions.
	before, after *int
	woke          *bool
	eased         *bool
	wokeAsked     bool // the waking question is answered tonight (here or in another session)
	afterSince    time.Time
	afterGiven    bool
	heatAnswer    Answer
	heatLeftOut   string   // why heat is not in tonight's plan, when it was in the routine
	reasons       []string // what tonight left out of the routine when it started, and why

	// The run.
	routine   routines.Routine // tonight's routine: adapted, gated
	run       *night.Run
	claiming  bool
	claimAt   Moment
	heatStart time.Time // wall time the pad went on
	painStep  string
	skinAt    time.Time
	lastClock time.Duration
	// lightsOutSeen: the quiet time of lights out ran; an end after it is
	// the night ending in the dark.
	lightsOutSeen bool
	padOffKept    bool // the pad-off answer was saved
	asking        bool // "Stop for tonight?" is open
	pausedToAsk   bool
	silent        bool // the heat-done reminder's player failed
	// voidAfterPad: the claim found tonight closed; once the pad is off,
	// the outcome again.
	voidAfterPad bool

	// How it ended.
	reason  End
	ended   time.Time
	dark    bool
	padLine bool

	// Saving.
	seq      int
	savedSeq int
	final    bool
	saveErr  error
}

// End says how an evening ended.
type End int

const (
	NotEnded    End = iota
	Finished        // the routine ran to its end (lights out, or the summary)
	Pain            // stopped for pain
	RedFlag         // the check ended it: EMERGENCY, URGENT, a BOOK answered no, or a void found at a decision
	Left            // left midway: quit, Ctrl+C, a signal, esc home
	CheckedOnly     // the check on its own
	VoidAgain       // a void night: its outcome again, nothing else
)

// New opens an evening at now. Its first reply asks the store what it
// holds (Reading): nothing is decided on an empty gate.
func New(cfg Config, now Moment) (*Evening, Reply) {
	if cfg.AfterWait <= 0 {
		cfg.AfterWait = AfterWait
	}
	e := &Evening{cfg: cfg, begun: now.Wall, lastClock: now.Clock}
	e.seen = night.Tonight{Night: history.Night(now.Wall, cfg.Rollover), Rollover: cfg.Rollover}
	var r Reply
	e.readFor(decideStart, now, &r)
	return e, r
}

// Clone is an independent copy, so that a front end whose models are
// values never shares one evening between two copies.
func (e *Evening) Clone() *Evening {
	c := *e
	if e.run != nil {
		c.run = e.run.Clone()
	}
	c.seen.Checks = append([]night.Check(nil), e.seen.Checks...)
	c.seen.Heat = append([]night.HeatUse(nil), e.seen.Heat...)
	c.seen.Pain = append([]night.PainStop(nil), e.seen.Pain...)
	return &c
}

// Do carries out one input at now.
func (e *Evening) Do(in Input, now Moment) Reply {
	var r Reply
	if e.stage == Closed {
		if s, ok := in.(Saved); ok {
			e.saved(s, &r)
		}
		return r
	}
	switch in := in.(type) {
	case Read:
		e.readDone(in, now, &r)
	case Saved:
		e.saved(in, &r)
	case Claimed:
		e.claimed(in, now, &r)
	case Tick:
		e.tick(now, &r)
	case Leave:
		e.leave(now, &r)
	case AskLeave:
		e.askLeave(now, &r)
	case KeepGoing:
		e.keepGoing(now, &r)
	case ReminderFailed:
		e.silent = true
	case RunCommand:
		e.runCommand(in.Command, now, &r)
	default:
		e.answer(in, now, &r)
	}
	return r
}
