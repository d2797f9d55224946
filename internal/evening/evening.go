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
	// get-ready, settle, last seconds, osteoporosis.
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

// answer takes an answer to the question of the stage on show. An answer
// to another stage's question (a key typed late) changes nothing.
func (e *Evening) answer(in Input, now Moment, r *Reply) {
	switch in := in.(type) {
	case Seen:
		if e.stage == Disclaimer {
			e.disclaimerSeen = true
			e.readFor(decideStart, now, r)
		}
	case AnsweredPrecautions:
		if e.stage == Precautions {
			p := history.Precautions{Asked: now.Wall, Latest: map[string]history.Precaution{}}
			for id, pr := range e.recent.Precautions.Latest {
				p.Latest[id] = pr
			}
			for id, yes := range in.Answers {
				p.Latest[id] = history.Precaution{At: now.Wall, ID: id, Yes: yes}
			}
			e.precautions = &p
			r.effect(SavePrecautions{At: now.Wall, Answers: in.Answers})
			e.readFor(decideStart, now, r)
		}
	case AnsweredUnknown:
		if e.stage == Unknown {
			e.unknownAsked = true
			e.unknownPain = in.HelpOrPain != No
			e.unknownHeat = in.HeatRecently != No
			e.decide(now, r)
		}
	case AnsweredCheck:
		if e.stage == Check {
			e.checkAnswered(night.Check{At: now.Wall, Tier: in.Tier, Yes: in.Yes, Full: true}, now, r)
		}
	case AnsweredShortcut:
		if e.stage == Shortcut {
			if in.Woke != nil {
				e.woke, e.wokeAsked = in.Woke, true
			}
			c := night.Check{At: now.Wall.Truncate(time.Millisecond), Tier: safety.None, Yes: in.Yes}
			if len(in.Yes) > 0 {
				// A yes or "not sure": the full check, now. The answer is
				// kept: any yes tonight means the full check later too.
				e.seen.AddCheck(c)
				r.effect(SaveCheck{Check: c.Record()})
				e.stage = Check
				return
			}
			e.checkAnswered(c, now, r)
		}
	case GoOn:
		if e.stage == Outcome && e.cfg.Entry == ForRoutine && e.check.Tier == safety.Book {
			e.afterCheck(now, r)
		}
	case Stop:
		switch e.stage {
		case Outcome, Void, PainStopped, Summary:
			e.close(e.endReason(RedFlag), now, true, r)
		}
	case AnsweredBefore:
		if e.stage == Before {
			e.before = in.Tightness
			if !e.wokeAsked && in.Woke != nil {
				e.woke, e.wokeAsked = in.Woke, true
			}
			e.save(now, false, r)
			e.afterBefore(now, r)
		}
	case AnsweredEased:
		if e.stage == Eased {
			eased := in.Eased
			e.eased = &eased
			e.save(now, false, r)
			if !eased && !e.fullCheck {
				// Woken by pain that nothing eased: the full check at
				// once (its URGENT question covers pain nothing eases).
				e.stage = Check
				return
			}
			e.readFor(decideRun, now, r)
		}
	case AnsweredHeat:
		if e.stage == HeatQuestion && in.Answer != NotAsked {
			e.heatAnswer = in.Answer
			if in.Answer != No {
				e.heatLeftOut = HeatQuestionNo
				r.note(Note{Kind: HeatLeftOut, Words: HeatQuestionNo})
			}
			e.startRun(now, r)
		}
	case AnsweredAfter:
		if e.stage == After {
			e.after, e.afterGiven = in.Tightness, true
			e.afterDone(now, false, r)
		}
	}
}

// readFor asks the store for what a decision needs; the evening waits in
// Reading until the answer (Read) comes.
func (e *Evening) readFor(p purpose, now Moment, r *Reply) {
	e.pending = p
	e.stage = Reading
	r.effect(ReadTonight{At: now.Wall})
}

func (e *Evening) readDone(in Read, now Moment, r *Reply) {
	if e.stage != Reading {
		return
	}
	e.read = true
	e.readErr = in.Err
	if in.Err == nil {
		e.recent = in.Recent
	}
	e.decide(now, r)
}

// tonight is what the store said, with this evening's own answers laid
// over it.
func (e *Evening) tonight(now time.Time) night.Tonight {
	var t night.Tonight
	if e.readErr == nil && e.read {
		t = night.FromHistory(e.recent.Sessions, e.recent.Checks, now, e.cfg.Rollover)
	} else {
		t = night.Tonight{Night: history.Night(now, e.cfg.Rollover), Rollover: e.cfg.Rollover}
	}
	for _, c := range e.seen.Checks {
		t.AddCheck(c)
	}
	for _, h := range e.seen.Heat {
		t.AddHeat(h)
	}
	for _, p := range e.seen.Pain {
		t.AddPainStop(p)
	}
	return t
}

// gate is what may start now, failing closed when tonight is not known:
// no shortcut, and the answers to the two questions of failing closed
// stand for the rest of the evening, even when a later read works (a yes
// is the person's word against a history that could not be read).
func (e *Evening) gate(now time.Time) night.Gate {
	t := e.tonight(now)
	g := t.Gate(now)
	if e.unknown() || e.unknownAsked {
		g.Shortcut, g.Since = false, time.Time{}
	}
	if e.unknownHeat {
		g.HeatOK = false
	}
	if e.unknownPain && !g.PainToday {
		g.PainToday = true
		g.PainStop = night.PainStop{At: now}
		g.PainUntil = now.Add(night.VoidAtLeast)
	}
	return g
}

// unknown reports whether tonight could not be read.
func (e *Evening) unknown() bool { return !e.read || e.readErr != nil }

// decide takes the decision a Read was made for.
func (e *Evening) decide(now Moment, r *Reply) {
	if e.unknown() && !e.unknownAsked && e.cfg.Entry == ForRoutine {
		e.stage = Unknown
		return
	}
	switch e.pending {
	case decideStart:
		e.decideStart(now, r)
	case decideOutcome:
		e.decideOutcome(now, r)
	case decideRun:
		e.decideRun(now, r)
	}
}

func (e *Evening) decideStart(now Moment, r *Reply) {
	g := e.gate(now.Wall)
	if g.IsVoid {
		e.showVoid(g, now, r)
		return
	}
	if e.cfg.Entry == ForCheck {
		e.stage = Check
		return
	}
	p := e.Precautions()
	if p.Asked.IsZero() && !e.disclaimerSeen {
		e.stage = Disclaimer
		return
	}
	if p.Due(now.Wall) && e.precautions == nil {
		e.stage = Precautions
		return
	}
	if g.Shortcut {
		e.stage = Shortcut
		return
	}
	e.stage = Check
}

// showVoid shows tonight's EMERGENCY or URGENT outcome again: the only
// thing a void night leads to. A session under way ends here.
func (e *Evening) showVoid(g night.Gate, now Moment, r *Reply) {
	e.void = g
	e.stage = Void
	if e.checked {
		e.reason = RedFlag
		e.ended = now.Wall
		e.save(now, true, r)
	}
}

// checkAnswered keeps a check and asks the store what it leads to.
func (e *Evening) checkAnswered(c night.Check, now Moment, r *Reply) {
	c.At = c.At.Truncate(time.Millisecond) // as the store keeps it
	e.check = c
	if c.Full {
		e.fullCheck = true
	}
	if c.Tier > e.tier {
		e.tier = c.Tier
	}
	e.seen.AddCheck(c)
	r.effect(SaveCheck{Check: c.Record()})
	if e.cfg.Entry == ForRoutine {
		e.checked = true
		e.save(now, safety.EndsSession(c.Tier), r)
	}
	e.readFor(decideOutcome, now, r)
}

func (e *Evening) decideOutcome(now Moment, r *Reply) {
	c := e.check
	if e.cfg.Entry == ForCheck {
		e.stage = Outcome
		e.reason = CheckedOnly
		return
	}
	if safety.EndsSession(c.Tier) {
		e.stage = Outcome
		e.reason, e.ended = RedFlag, now.Wall
		return
	}
	if g := e.gate(now.Wall); g.IsVoid {
		// Another window, plain mode or a second device reported an
		// EMERGENCY or URGENT while this check was answered.
		e.showVoid(g, now, r)
		return
	}
	if c.Tier == safety.Book {
		e.stage = Outcome
		return
	}
	if c.Tier == safety.None {
		r.note(Note{Kind: AllClear, Words: safety.AdviceFor(safety.None).Headline + " " + safety.SafetyNet})
	}
	e.afterCheck(now, r)
}

// afterCheck goes on from a check that lets the routine go on: to the
// "before" check-in, or (after the full check that a waking answer called
// for) to the routine.
func (e *Evening) afterCheck(now Moment, r *Reply) {
	switch {
	case !e.cfg.CheckIns:
		e.readFor(decideRun, now, r)
	case e.eased != nil:
		e.readFor(decideRun, now, r) // the full check the waking answer asked for
	default:
		e.stage = Before
		if !e.wokeAsked {
			if t := e.tonight(now.Wall); t.Woke != nil {
				// Asked once a night, in whichever window or mode.
				e.woke, e.wokeAsked = t.Woke, true
				if *t.Woke && t.NothingEased != nil {
					eased := !*t.NothingEased
					e.eased = &eased
				}
			}
		}
	}
}

// afterBefore goes on from the "before" check-in: the follow-up of a yes to
// waking, or the routine.
func (e *Evening) afterBefore(now Moment, r *Reply) {
	if e.woke != nil && *e.woke && e.eased == nil {
		e.stage = Eased
		return
	}
	e.readFor(decideRun, now, r)
}

// decideRun works out the routine tonight allows and starts it, after
// tonight's heat question when the plan has heat.
func (e *Evening) decideRun(now Moment, r *Reply) {
	g := e.gate(now.Wall)
	if g.IsVoid {
		e.showVoid(g, now, r)
		return
	}
	rt := night.Adapt(e.cfg.Routine, night.AdaptationFor(e.Precautions(), e.cfg.Osteoporosis))
	e.routine = g.Routine(rt)
	opts := g.Options(e.cfg.Plan)
	if hasHeat(e.routine) && !g.HeatOK && !g.PainToday && e.heatLeftOut == "" {
		e.heatLeftOut = UnknownHeatLine
		if !e.unknownHeat {
			rs := g.Reasons(true)
			e.heatLeftOut = rs[len(rs)-1]
		}
	}
	plan := routines.Expand(e.routine, opts)
	if plan.HeatMinutes() > 0 && e.heatAnswer == NotAsked {
		e.stage = HeatQuestion
		return
	}
	e.startRun(now, r)
}

// startRun starts tonight's routine.
func (e *Evening) startRun(now Moment, r *Reply) {
	g := e.gate(now.Wall)
	e.reasons = e.reasonsFor(g)
	opts := g.Options(e.cfg.Plan)
	if e.heatAnswer == Yes || e.heatAnswer == NotSure || e.unknownHeat {
		opts.NoHeat = true
	}
	plan := routines.Expand(e.routine, opts)
	run, ev := night.New(plan, now.Clock)
	e.run = run
	e.lastClock = now.Clock
	e.stage = Running
	e.save(now, false, r)
	e.moved(ev, now, r)
}

func hasHeat(rt routines.Routine) bool {
	for _, st := range rt.Steps {
		if st.Kind == routines.KindHeat {
			return true
		}
	}
	return false
}

// reasonsFor says what tonight leaves out of the routine, and why: the
// gate's reasons, with the answers of failing closed in their own words.
func (e *Evening) reasonsFor(g night.Gate) []string {
	if e.unknownPain {
		return []string{safety.UnknownSettleOnly}
	}
	if !e.unknownHeat {
		return g.Reasons(hasHeat(e.cfg.Routine))
	}
	g.HeatOK = true // the heat reason is the question's, not a heat time
	out := g.Reasons(hasHeat(e.cfg.Routine))
	if hasHeat(e.cfg.Routine) {
		out = append(out, UnknownHeatLine)
	}
	return out
}

// Adaptation is what the precautions (and the osteoporosis setting) do to
// tonight's routine.
func (e *Evening) Adaptation() safety.Adaptation {
	return night.AdaptationFor(e.Precautions(), e.cfg.Osteoporosis)
}

// Precautions are the newest answers: given this evening, or as stored.
func (e *Evening) Precautions() history.Precautions {
	if e.precautions != nil {
		return *e.precautions
	}
	return e.recent.Precautions
}

// endReason is how an evening that stops on purpose ended.
func (e *Evening) endReason(dflt End) End {
	switch e.stage {
	case Void:
		if !e.checked {
			return VoidAgain
		}
	case Summary:
		return Finished
	case PainStopped:
		return Pain
	case Outcome:
		if e.cfg.Entry == ForCheck {
			return CheckedOnly
		}
	}
	if e.reason != NotEnded {
		return e.reason
	}
	return dflt
}

// close ends the evening. final keeps the session as finished (ended on
// purpose); otherwise it stays partial.
func (e *Evening) close(reason End, now Moment, final bool, r *Reply) {
	if e.run != nil && e.run.Mode() != night.Ended {
		r.Events = append(r.Events, e.run.Do(night.Leave, now.Clock)...)
	}
	e.padLine = e.run != nil && e.run.Heat().On()
	if e.reason == NotEnded || reason == Left {
		e.reason = reason
	}
	if e.ended.IsZero() {
		e.ended = now.Wall
	}
	e.stage = Closed
	e.asking = false
	e.save(now, final, r)
}

// leave ends the evening now. Whatever was done is kept: as finished when
// the routine was over or the evening had ended at an outcome, partial
// otherwise.
func (e *Evening) leave(now Moment, r *Reply) {
	switch e.stage {
	case Outcome, Void, PainStopped, Summary:
		e.close(e.endReason(RedFlag), now, true, r)
	case After:
		// The routine is over: the night is kept as finished, its "after"
		// unanswered.
		e.close(Finished, now, true, r)
	default:
		if e.run != nil && e.run.State(now.Clock).PainAt >= 0 {
			// x at the pad-off gate, then leaving: still a stop for pain.
			e.notePain(now)
			e.close(Pain, now, true, r)
			return
		}
		if e.lightsOutSeen {
			// Leaving in the dark: the routine was over, the night is
			// finished (Leave ends lights out as a key does).
			r.Events = append(r.Events, e.run.Do(night.Finish, now.Clock)...)
			e.dark = true
			e.close(Finished, now, true, r)
			return
		}
		e.close(Left, now, false, r)
	}
}
