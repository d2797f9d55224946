package night

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/routines"
)

// The property test drives a Run with random sequences of every command,
// ticks, small time steps and long suspends, over several plans, and checks
// the safety invariants of issue 9 and CONTENT.md section 3 after every step.
// FuzzRun does the same with sequences decoded from the fuzzer's bytes:
//
//	go test -fuzz FuzzRun ./night

// userRoutine is a routine as a person might write it: heat first, paced
// phases named "settle" and "heat" (labels only: they must stay paced), per
// side holds with no switch pause, a rest step, a settle step in the middle,
// and reps with rests.
const userRoutine = `
title = "Mine"

[[steps]]
kind = "heat"
title = "Warm"
minutes = 17

[[steps]]
kind = "paced"
title = "Odd names"
reps = 2
rest = "3s"
phases = [{ name = "settle", time = "4s" }, { name = "heat", time = "3s" }]

[[steps]]
kind = "hold"
title = "Sides"
hold = "7s"
reps = 2
per_side = true

[[steps]]
kind = "settle"
title = "Pause for water"

[[steps]]
kind = "rest"
title = "Breathe"
time = "5s"

[[steps]]
kind = "hold"
title = "Reps"
hold = "4s"
reps = 3
rest = "2s"

[[steps]]
kind = "hold"
title = "Sides with a switch"
hold = "6s"
reps = 2
per_side = true
switch = "2s"
`

func builtin(t testing.TB, name string) routines.Routine {
	t.Helper()
	for _, r := range routines.Builtins() {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no built-in routine %q", name)
	return routines.Routine{}
}

func mine(t testing.TB) routines.Routine {
	t.Helper()
	r, ps := routines.Parse("mine.toml", []byte(userRoutine))
	if len(ps) > 0 {
		t.Fatalf("user routine: %v", ps)
	}
	return r
}

type namedPlan struct {
	name string
	plan routines.Plan
}

// plans is every plan the property test runs.
func plans(t testing.TB) []namedPlan {
	tonight, quick, heat, user := builtin(t, "tonight"), builtin(t, "quick"), builtin(t, "heat"), mine(t)
	var out []namedPlan
	add := func(name string, r routines.Routine, o routines.Options) {
		out = append(out, namedPlan{fmt.Sprintf("%s%+v", name, o), routines.Expand(r, o)})
	}
	for m := routines.MinHeatMinutes; m <= routines.MaxHeatMinutes; m++ {
		add("tonight", tonight, routines.Options{HeatMinutes: m})
		add("heat", heat, routines.Options{HeatMinutes: m})
	}
	add("tonight", tonight, routines.Options{})
	add("tonight", tonight, routines.Options{Osteoporosis: true})
	add("tonight", tonight, routines.Options{NoHeat: true})
	add("tonight", tonight, routines.Options{SettleOnly: true})
	add("tonight", tonight, routines.Options{SettleOnly: true, NoHeat: true, Osteoporosis: true})
	add("quick", quick, routines.Options{})
	add("quick", quick, routines.Options{Osteoporosis: true})
	add("heat", heat, routines.Options{NoHeat: true}) // empty
	add("heat", heat, routines.Options{SettleOnly: true})
	add("mine", user, routines.Options{})
	add("mine", user, routines.Options{NoHeat: true})
	add("mine", user, routines.Options{HeatMinutes: 20})
	add("empty", routines.Routine{Name: "empty"}, routines.Options{})
	// The options of issue 11, every combination on the routines that
	// have what they change: get-ready 0, 5 or 30 s, lights out 0 or 2 min,
	// last seconds off or on.
	for _, ready := range []time.Duration{0, 5 * time.Second, 30 * time.Second} {
		for _, settle := range []time.Duration{0, 2 * time.Minute} {
			for _, last := range []bool{false, true} {
				o := routines.Options{GetReady: ready, Settle: settle, LastSeconds: last}
				if ready == 0 && settle == 0 && !last {
					continue // above already
				}
				add("tonight", tonight, o)
				add("quick", quick, o)
				add("mine", user, o)
				o.SettleOnly = true
				add("tonight", tonight, o)
			}
		}
	}
	return out
}

// opKind is one kind of step in a sequence.
type opKind int

const (
	opCmd  opKind = iota // a command at now + dt
	opTick               // a tick at now + dt
	opDue                // a tick at the run's Due, or a small step when none
	opJump               // a suspend of dt, then a tick
	opSkew               // time passes with no tick, then a command
)

type op struct {
	kind opKind
	cmd  Command
	dt   time.Duration
}

func (o op) String() string {
	switch o.kind {
	case opCmd:
		return fmt.Sprintf("+%v %s", o.dt, cmdName(o.cmd))
	case opTick:
		return fmt.Sprintf("+%v tick", o.dt)
	case opDue:
		return "tick@due"
	case opJump:
		return fmt.Sprintf("suspend %v, tick", o.dt)
	case opSkew:
		return fmt.Sprintf("+%v (no tick) %s", o.dt, cmdName(o.cmd))
	}
	return "?"
}

// Commands lists every command, for tests that try them all.
func Commands() []Command {
	return []Command{StartHeat, TogglePause, Skip, Back, HeatMore, HeatLess, PadIsOff, Finish, StopForPain, Leave, StartSettle, SkinStop, HeatRefused}
}

func cmdName(c Command) string {
	return [...]string{"StartHeat", "TogglePause", "Skip", "Back", "HeatMore", "HeatLess", "PadIsOff", "Finish", "StopForPain", "Leave", "StartSettle", "SkinStop", "HeatRefused"}[c]
}

// randomOp draws one op. The weights keep runs long enough to reach the
// later steps: ending commands are rare, ticks common.
func randomOp(rng *rand.Rand) op {
	cmds := Commands()
	switch n := rng.IntN(100); {
	case n < 30:
		return op{kind: opDue}
	case n < 42:
		return op{kind: opTick, dt: time.Duration(rng.IntN(2500)) * time.Millisecond}
	case n < 47:
		return op{kind: opJump, dt: time.Duration(1+rng.IntN(8*60)) * time.Minute}
	case n < 50:
		return op{kind: opJump, dt: time.Duration(1+rng.IntN(120)) * time.Second}
	case n < 53:
		return op{kind: opSkew, cmd: cmds[rng.IntN(len(cmds))], dt: time.Duration(1+rng.IntN(40*60)) * time.Second}
	}
	c := cmds[rng.IntN(len(cmds))]
	if c == Leave || c == StopForPain {
		if rng.IntN(6) != 0 { // keep them rare, so runs go on
			c = StartHeat
		}
	}
	return op{kind: opCmd, cmd: c, dt: time.Duration(rng.IntN(1500)) * time.Millisecond}
}

// decodeOps turns fuzz bytes into ops: one byte per op, its high bits the
// kind, the low bits the command or the time.
func decodeOps(data []byte) []op {
	cmds := Commands()
	var out []op
	for _, b := range data {
		lo := int(b & 0x1f)
		switch b >> 5 {
		case 0, 1:
			out = append(out, op{kind: opCmd, cmd: cmds[lo%len(cmds)], dt: time.Duration(lo/len(cmds)) * 700 * time.Millisecond})
		case 2, 3:
			out = append(out, op{kind: opDue})
		case 4:
			out = append(out, op{kind: opTick, dt: time.Duration(lo) * 250 * time.Millisecond})
		case 5:
			out = append(out, op{kind: opJump, dt: time.Duration(lo+1) * 37 * time.Second})
		case 6:
			out = append(out, op{kind: opJump, dt: time.Duration(lo+1) * 23 * time.Minute})
		case 7:
			out = append(out, op{kind: opSkew, cmd: cmds[lo%len(cmds)], dt: time.Duration(lo+1) * 61 * time.Second})
		}
	}
	return out
}

// clone copies a run so that the checker can see what a plain tick would
// have done before a command.
func clone(r *Run) *Run {
	c := *r
	c.status = slices.Clone(r.status)
	return &c
}

// checker runs ops on one run and checks the invariants after every step.
type checker struct {
	t     testing.TB
	name  string
	r     *Run
	now   time.Duration
	trace []traced // the steps so far, formatted only on failure

	heatStarts   int           // HeatStarted events seen
	startedAt    time.Duration // the heat clock's start, once set
	leftHeat     bool          // the run has been on a segment after heat
	lastHeatCue  time.Duration // when a HeatDone cue last sounded
	heatCueSeen  bool
	padOffSaid   bool // PadIsOff took effect
	endedSnap    State
	endedSnapSet bool

	// the segment on show, for the full-hold check
	seg         int
	enteredAt   time.Duration
	paused      bool
	pausedAt    time.Duration
	pausedTotal time.Duration

	lightsOutAt  time.Duration // when StartSettle started lights out
	lightsOutSet bool
}

func (c *checker) fail(format string, args ...any) {
	c.t.Helper()
	tail := c.trace
	if len(tail) > 40 {
		tail = tail[len(tail)-40:]
	}
	var lines []string
	for _, s := range tail {
		lines = append(lines, s.String())
	}
	c.t.Fatalf("%s: %s\nlast steps:\n  %s", c.name, fmt.Sprintf(format, args...), strings.Join(lines, "\n  "))
}

func newChecker(t testing.TB, name string, plan routines.Plan) *checker {
	c := &checker{t: t, name: name, now: time.Hour, seg: -1}
	r, ev := New(plan, c.now)
	c.r = r
	c.trace = append(c.trace, traced{now: c.now, op: op{kind: -1}, ev: ev, mode: r.mode, seg: r.seg})
	before := State{Mode: Ready, Seg: -1, Heat: Heat{Minutes: plan.HeatMinutes()}}
	c.check(before, r.heat, op{kind: opTick}, ev, false)
	return c
}

// traced is one step of a sequence, for the failure message.
type traced struct {
	now  time.Duration
	op   op
	ev   []Event
	mode Mode
	seg  int
}

func (s traced) String() string {
	what := "New"
	if s.op.kind >= 0 {
		what = s.op.String()
	}
	return fmt.Sprintf("%v: %s -> %s (mode %d seg %d)", s.now, what, evString(s.ev), s.mode, s.seg)
}

func evString(ev []Event) string {
	var parts []string
	for _, e := range ev {
		s := [...]string{"Cue", "Entered", "StepEnded", "Refused", "RunEnded", "HeatStarted"}[e.Kind]
		if e.Kind == Cue {
			s += "(" + e.Cue.String()
			if e.Reminder {
				s += ",reminder"
			}
			s += ")"
		}
		if e.Kind == Entered {
			s += fmt.Sprintf("(%d", e.Seg)
			if e.ByKey {
				s += ",key"
			}
			s += ")"
		}
		if e.Words != "" && e.Kind != Entered {
			s += fmt.Sprintf("%q", e.Words)
		}
		parts = append(parts, s)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// step carries out one op and checks everything.
func (c *checker) step(o op) {
	c.t.Helper()
	r := c.r
	before := r.State(c.now)
	isTick := false
	var cmd Command
	switch o.kind {
	case opCmd, opTick, opSkew:
		c.now += o.dt
	case opJump:
		c.now += o.dt
	case opDue:
		if at, ok := r.Due(c.now); ok {
			if at < c.now {
				c.fail("Due %v is before now %v", at, c.now)
			}
			c.now = at
		} else {
			c.now += 500 * time.Millisecond
		}
	}
	// What a plain tick at now would give: the baseline for commands.
	base := clone(r)
	base.Tick(c.now)
	baseState := base.State(c.now)

	var ev []Event
	switch o.kind {
	case opCmd, opSkew:
		cmd = o.cmd
		ev = r.Do(cmd, c.now)
	default:
		isTick = true
		ev = r.Tick(c.now)
	}
	c.trace = append(c.trace, traced{now: c.now, op: o, ev: ev, mode: r.mode, seg: r.seg})
	if isTick {
		c.checkTick(before, ev)
	} else {
		c.checkCommand(before, baseState, cmd, ev)
	}
	c.check(before, baseState.Heat, o, ev, isTick)
}

// checkTick: what only ticks must do.
func (c *checker) checkTick(before State, ev []Event) {
	c.t.Helper()
	cuesN, reminders := 0, 0
	for _, e := range ev {
		if e.Kind == Cue {
			if e.Reminder {
				reminders++
			} else {
				cuesN++
			}
		}
		if e.ByKey {
			c.fail("a tick reported an event as caused by a key: %+v", e)
		}
		if e.Kind == HeatStarted || e.Kind == Refused {
			c.fail("a tick gave %+v", e)
		}
	}
	if cuesN > 1 || reminders > 1 {
		c.fail("one tick gave %d cues and %d reminders: a burst", cuesN, reminders)
	}
	st := c.r.State(c.now)
	if st.Heat.Off != before.Heat.Off || st.Heat.Started != before.Heat.Started {
		c.fail("a tick switched the pad: before %+v after %+v", before.Heat, st.Heat)
	}
	if before.Mode == Ended || before.Mode == Paused || before.Mode == Ready || before.Mode == Settle {
		if len(ev) > 0 || st.Mode != before.Mode || st.Seg != before.Seg {
			c.fail("a tick in mode %d did something: %s, mode %d seg %d", before.Mode, evString(ev), st.Mode, st.Seg)
		}
	}
}

// checkCommand: what each command may and may not do.
func (c *checker) checkCommand(before, base State, cmd Command, ev []Event) {
	c.t.Helper()
	st := c.r.State(c.now)
	if before.Mode == Ended {
		if ev != nil {
			c.fail("%s after the end gave %s", cmdName(cmd), evString(ev))
		}
		return
	}
	switch cmd {
	case TogglePause, Back:
		if st.Heat != base.Heat {
			c.fail("%s changed the heat: %+v -> %+v", cmdName(cmd), base.Heat, st.Heat)
		}
	case HeatMore, HeatLess:
		h, b := st.Heat, base.Heat
		h.Minutes, h.Deadline, b.Minutes, b.Deadline = 0, 0, 0, 0
		h.Ended, h.EndedAt, b.Ended, b.EndedAt = false, 0, false, 0 // a shorter heat may end now
		if h != b {
			c.fail("%s changed more of the heat than its minutes: %+v -> %+v", cmdName(cmd), base.Heat, st.Heat)
		}
	}
	// Only PadIsOff and Leave leave PadOff mode.
	if base.Mode == PadOff && st.Mode != PadOff {
		switch {
		case cmd == PadIsOff && st.Heat.Off:
		case cmd == Leave && st.Mode == Ended && st.Reason == leaveReason(base):
		default:
			c.fail("%s left PadOff mode for mode %d", cmdName(cmd), st.Mode)
		}
	}
	if base.Mode == PadOff && cmd != PadIsOff && cmd != Leave && cmd != StopForPain && cmd != SkinStop {
		if !hasKind(ev, Refused) {
			c.fail("%s in PadOff mode was not refused: %s", cmdName(cmd), evString(ev))
		}
	}
	if cmd == PadIsOff && base.Mode == PadOff {
		if !st.Heat.Off {
			c.fail("PadIsOff in PadOff mode did not record the pad off")
		}
		if base.AfterPad == StoppedForPain && (st.Mode != Ended || st.Reason != StoppedForPain) {
			c.fail("pad off after a stop for pain: mode %d reason %d, want Ended StoppedForPain", st.Mode, st.Reason)
		}
	}
	switch cmd {
	case StopForPain:
		if base.Mode == Ended {
			break
		}
		if base.Heat.On() {
			if st.Mode != PadOff || st.AfterPad != StoppedForPain || !st.Heat.Ended {
				c.fail("stop for pain with the pad on: mode %d afterPad %d heat %+v, want PadOff first", st.Mode, st.AfterPad, st.Heat)
			}
			if !hasWords(ev, "skin") {
				c.fail("stop for pain with the pad on did not say to look at the skin: %s", evString(ev))
			}
		} else if st.Mode != Ended || st.Reason != StoppedForPain {
			c.fail("stop for pain without the pad: mode %d reason %d, want Ended StoppedForPain", st.Mode, st.Reason)
		}
		if st.PainAt != base.Seg && base.PainAt < 0 {
			c.fail("PainAt %d, want %d", st.PainAt, base.Seg)
		}
	case Leave:
		if base.Mode == Ended {
			break
		}
		if st.Mode != Ended || st.Reason != leaveReason(base) {
			c.fail("Leave: mode %d reason %d, want %d", st.Mode, st.Reason, leaveReason(base))
		}
		said := hasExactWords(ev, LeftWithPadOn)
		if base.Heat.On() && (!said || !st.Heat.On()) {
			c.fail("Leave with the pad on: line said %v, Heat().On() %v", said, st.Heat.On())
		}
		if !base.Heat.On() && said {
			c.fail("Leave with no pad on said the pad-off line")
		}
	case StartHeat:
		if hasKind(ev, HeatStarted) && (base.Mode != Ready || base.Heat.Started) {
			c.fail("StartHeat in mode %d (heat %+v) started the heat", base.Mode, base.Heat)
		}
	case SkinStop:
		switch {
		case base.Heat.On() && !base.Heat.Skin:
			if st.Mode != PadOff || !st.Heat.Skin || !st.Heat.Ended || st.Pad != PadSkin || !hasWords(ev, "skin") {
				c.fail("skin stop with the pad on: mode %d heat %+v pad %d: %s, want the pad-off gate for the skin", st.Mode, st.Heat, st.Pad, evString(ev))
			}
			if st.AfterPad != base.AfterPad {
				c.fail("the skin stop changed what the pad-off answer leads to: %d -> %d", base.AfterPad, st.AfterPad)
			}
			if st.PainAt != base.PainAt {
				c.fail("the skin stop was taken for a stop for pain")
			}
		case !base.Heat.On() && base.Mode != Ended && !hasKind(ev, Refused):
			c.fail("skin stop with no pad on was not refused: %s", evString(ev))
		}
	case HeatRefused:
		if base.Mode == Ready && !base.Heat.Started {
			if st.Mode != PadOff || !st.Heat.Refused || st.Pad != PadRefused || hasKind(ev, HeatStarted) {
				c.fail("a refused claim: mode %d heat %+v pad %d: %s, want the pad-off gate without heat", st.Mode, st.Heat, st.Pad, evString(ev))
			}
		} else if st.Heat.Refused != base.Heat.Refused {
			c.fail("HeatRefused in mode %d changed the heat", base.Mode)
		}
	case TogglePause:
		if base.Mode == Running && base.Segment.Kind == routines.SegHeat && base.Seg >= 0 {
			if !hasKind(ev, Refused) || st.Mode != Running {
				c.fail("TogglePause on heat was not refused: %s mode %d", evString(ev), st.Mode)
			}
		}
	case Back:
		if base.Mode == Running && base.Seg >= 0 && base.Segment.Kind == routines.SegHeat && !hasKind(ev, Refused) {
			c.fail("Back on the running heat was not refused: %s", evString(ev))
		}
	case StartSettle:
		quiet := base.Mode == Settle && base.Seg >= 0 && base.Segment.Kind == routines.SegSettle && base.Segment.Duration > 0
		switch {
		case base.Mode == Ended: // the clock ended it first
		case quiet:
			if !st.LightsOut || st.Mode != Running || st.Seg != base.Seg || !hasExactCue(ev, cues.Done, LightsOutWords) {
				c.fail("StartSettle in Settle mode with a quiet time: %s, mode %d lights out %v", evString(ev), st.Mode, st.LightsOut)
			}
			c.lightsOutAt, c.lightsOutSet = c.now, true
		case !hasRefusedWords(ev):
			c.fail("StartSettle in mode %d on a %v segment (duration %v) was not refused with words: %s", base.Mode, base.Segment.Kind, base.Segment.Duration, evString(ev))
		case st.LightsOut != base.LightsOut || st.Mode != base.Mode || st.Seg != base.Seg:
			c.fail("a refused StartSettle changed the run: mode %d -> %d", base.Mode, st.Mode)
		}
	case Finish, Skip:
		if base.LightsOut && (st.Mode != Ended || st.Reason != Finished) {
			c.fail("%s during lights out: mode %d reason %d, want Ended Finished at once", cmdName(cmd), st.Mode, st.Reason)
		}
	}
}

func hasExactCue(ev []Event, k cues.Kind, words string) bool {
	return slices.ContainsFunc(ev, func(e Event) bool { return e.Kind == Cue && e.Cue == k && e.Words == words })
}

func hasRefusedWords(ev []Event) bool {
	return slices.ContainsFunc(ev, func(e Event) bool { return e.Kind == Refused && e.Words != "" })
}

// checkCues: the cue set of issue 11 (cueAt): a get-ready always says
// "Get ready" with a NextStep cue as it comes on, by the clock or a key; the
// last seconds only when asked for; lights out ends in silence; a paced cue
// names its phase.
func (c *checker) checkCues(before, st State, o op, ev []Event, isTick bool) {
	c.t.Helper()
	plan := c.r.Plan()
	for i, e := range ev {
		switch {
		case e.Kind == Entered && plan.Segments[e.Seg].Kind == routines.SegReady:
			if i+1 >= len(ev) || ev[i+1].Kind != Cue || ev[i+1].Cue != cues.NextStep || ev[i+1].Seg != e.Seg ||
				!strings.HasPrefix(ev[i+1].Words, "Get ready") || ev[i+1].ByKey != e.ByKey {
				c.fail("a get-ready came on without its cue: %s", evString(ev))
			}
		case e.Kind == Cue && e.Cue == cues.LastSeconds && !plan.Options.LastSeconds:
			c.fail("a last-seconds cue with LastSeconds off: %s", evString(ev))
		case e.Kind == Cue && e.Seg >= 0 && plan.Segments[e.Seg].Kind == routines.SegPaced && e.Phase != plan.Segments[e.Seg].Phase:
			c.fail("a paced cue without its phase name: %+v", e)
		}
	}
	// The quiet time ends in silence: someone is asleep.
	if before.LightsOut && isTick && st.Mode == Ended && hasKind(ev, Cue) {
		c.fail("lights out ended with a cue: %s", evString(ev))
	}
	if before.LightsOut && isTick && st.Mode == Ended && st.Reason != Finished {
		c.fail("lights out ran out with reason %d, want Finished", st.Reason)
	}
	_ = o
}

func hasKind(ev []Event, k EventKind) bool {
	return slices.ContainsFunc(ev, func(e Event) bool { return e.Kind == k })
}

func hasWords(ev []Event, sub string) bool {
	return slices.ContainsFunc(ev, func(e Event) bool { return e.Kind == Cue && strings.Contains(e.Words, sub) })
}

func hasExactWords(ev []Event, w string) bool {
	return slices.ContainsFunc(ev, func(e Event) bool { return e.Kind == Cue && e.Cue == cues.HeatDone && e.Words == w })
}

// check: the invariants that hold after every step. baseHeat is the heat a
// plain tick at now would give.
func (c *checker) check(before State, baseHeat Heat, o op, ev []Event, isTick bool) {
	c.t.Helper()
	r, now := c.r, c.now
	st := r.State(now)
	plan := r.Plan()
	h := st.Heat

	if st.Mode != r.Mode() {
		c.fail("State.Mode %d != Mode() %d", st.Mode, r.Mode())
	}
	if r.Heat() != h {
		c.fail("Heat() differs from State().Heat")
	}

	// Ended is final.
	if c.endedSnapSet {
		if len(ev) > 0 || st.Mode != Ended || st.Reason != c.endedSnap.Reason || st.Heat != c.endedSnap.Heat {
			c.fail("something happened after the end: %s, state %+v", evString(ev), st)
		}
		if _, ok := r.Due(now); ok {
			c.fail("an ended run is due for a tick")
		}
		return
	}

	// Heat is started at most once, its clock never moves.
	for _, e := range ev {
		if e.Kind == HeatStarted || e.Kind == Cue && e.Pad == PadRefused && !before.Heat.Started {
			c.heatStarts++
			c.startedAt = now
		}
	}
	if c.heatStarts > 1 {
		c.fail("heat started %d times", c.heatStarts)
	}
	if h.Started != (c.heatStarts == 1) {
		c.fail("Heat.Started %v after %d HeatStarted events", h.Started, c.heatStarts)
	}
	if h.Started {
		if h.StartedAt != c.startedAt {
			c.fail("the heat clock moved: StartedAt %v, started at %v", h.StartedAt, c.startedAt)
		}
		if h.Minutes < routines.MinHeatMinutes || h.Minutes > routines.MaxHeatMinutes {
			c.fail("heat minutes %d", h.Minutes)
		}
		if h.Deadline != h.StartedAt+time.Duration(h.Minutes)*time.Minute {
			c.fail("Deadline %v != StartedAt %v + %d min", h.Deadline, h.StartedAt, h.Minutes)
		}
		if now >= h.Deadline && !h.Ended {
			c.fail("heat still counting at %v, past its deadline %v", now, h.Deadline)
		}
		if h.Ended && (h.EndedAt > h.Deadline || h.EndedAt < h.StartedAt) {
			c.fail("heat ended at %v, outside %v..%v", h.EndedAt, h.StartedAt, h.Deadline)
		}
		if h.Ended && !h.Early && h.EndedAt != h.Deadline {
			c.fail("heat ended on time at %v, not at its deadline %v", h.EndedAt, h.Deadline)
		}
		if st.Seg >= 0 && st.Segment.Kind == routines.SegHeat && st.Left > time.Duration(h.Minutes)*time.Minute {
			c.fail("heat shows %v left, more than its %d minutes", st.Left, h.Minutes)
		}
	} else if h.Ended || h.Off {
		c.fail("heat ended or off without starting: %+v", h)
	}
	if !h.Started && st.Mode == PadOff {
		c.fail("PadOff mode with no heat started")
	}
	// Never back into heat once it has started and been left.
	if h.Started && st.Seg >= 0 {
		if st.Segment.Kind == routines.SegHeat {
			if c.leftHeat {
				c.fail("back on the heat segment after leaving it")
			}
		} else {
			c.leftHeat = true
		}
	}

	// From heat start to the pad-off answer: a reminder is never more than
	// RemindEvery away, or the night has ended with the pad-off line.
	for _, e := range ev {
		if e.Kind == Cue && e.Cue == cues.HeatDone {
			if c.padOffSaid {
				c.fail("the heat-done cue sounded after the pad-off answer: %+v", e)
			}
			c.lastHeatCue, c.heatCueSeen = now, true
		}
	}
	if h.On() {
		switch {
		case st.Mode == Ended:
			if (st.Reason != Left && st.Reason != StoppedForPain) || !hasExactWords(ev, LeftWithPadOn) {
				c.fail("ended with the pad on (reason %d) without the pad-off line: %s", st.Reason, evString(ev))
			}
		case st.Mode == PadOff:
			if !h.Ended {
				c.fail("PadOff with the heat still counting")
			}
			at, ok := r.Due(now)
			if !ok || at-now > RemindEvery {
				c.fail("PadOff: next tick at %v (ok %v), more than %v from now %v", at, ok, RemindEvery, now)
			}
			if !c.heatCueSeen || at > max(c.lastHeatCue+RemindEvery, now) {
				c.fail("PadOff: next reminder at %v, last heat-done cue at %v", at, c.lastHeatCue)
			}
		case st.Mode == Running && st.Segment.Kind == routines.SegHeat:
			if h.Ended {
				c.fail("running heat already ended")
			}
			at, ok := r.Due(now)
			if !ok || at-now > RemindEvery || at > max(h.Deadline, now+time.Millisecond) {
				c.fail("heat running: next tick at %v (ok %v), now %v, deadline %v", at, ok, now, h.Deadline)
			}
		default:
			c.fail("the pad is on in mode %d on segment %d (%v)", st.Mode, st.Seg, st.Segment.Kind)
		}
	}
	if h.Off {
		if !c.padOffSaid {
			c.padOffSaid = true
			if o.kind == opTick || o.kind == opDue || o.kind == opJump || o.cmd != PadIsOff {
				c.fail("the pad was marked off by %s", o)
			}
		}
		if st.Mode == PadOff {
			c.fail("PadOff mode after the pad-off answer")
		}
	}
	// A reminder sounds at least every RemindEvery of PadOff time, when ticked.
	if before.Mode == PadOff && c.heatCueSeen && now >= c.lastHeatCue+RemindEvery && !c.padOffSaid {
		c.fail("in PadOff at %v, no heat-done cue since %v", now, c.lastHeatCue)
	}
	_ = baseHeat

	// Every timed stretch segment left by the clock ran its full time.
	c.trackSegments(st, ev, isTick)

	// The cues of issue 11.
	c.checkCues(before, st, o, ev, isTick)

	// State is consistent.
	steps := plan.Steps()
	for _, s := range st.Completed {
		if !slices.Contains(steps, s) {
			c.fail("completed step %d not in the plan %v", s, steps)
		}
		if slices.Contains(st.Skipped, s) {
			c.fail("step %d both completed and skipped", s)
		}
	}
	for _, s := range st.Skipped {
		if !slices.Contains(steps, s) {
			c.fail("skipped step %d not in the plan %v", s, steps)
		}
	}
	if st.Left < 0 {
		c.fail("Left %v", st.Left)
	}
	if st.Behind < 0 || st.Behind > plan.Total {
		c.fail("Behind %v outside 0..%v", st.Behind, plan.Total)
	}
	if st.Steps != len(steps) {
		c.fail("Steps %d, plan has %d", st.Steps, len(steps))
	}
	if len(plan.Segments) == 0 {
		if !st.Empty() {
			c.fail("empty plan with segment %d", st.Seg)
		}
	} else {
		if st.Seg < 0 || st.Seg >= len(plan.Segments) {
			c.fail("segment %d of %d", st.Seg, len(plan.Segments))
		}
		if st.StepNumber < 1 || st.StepNumber > st.Steps {
			c.fail("step %d of %d", st.StepNumber, st.Steps)
		}
		if st.Segment.Kind != routines.SegHeat && st.Left > st.Segment.Duration {
			c.fail("Left %v longer than the segment %v", st.Left, st.Segment.Duration)
		}
	}
	switch st.Mode {
	case Running:
		if at, ok := r.Due(now); !ok || at < now {
			c.fail("running, next tick %v (ok %v) at now %v", at, ok, now)
		}
	case Ready, Paused, Settle, Ended:
		if _, ok := r.Due(now); ok {
			c.fail("mode %d asks for a tick", st.Mode)
		}
	}
	if st.Mode == Ready && (st.Seg < 0 || st.Segment.Kind != routines.SegHeat || h.Started) {
		c.fail("Ready on segment %d (%v), heat %+v", st.Seg, st.Segment.Kind, h)
	}
	if st.Mode == Paused && st.Segment.Kind == routines.SegHeat {
		c.fail("heat paused")
	}
	if st.Mode == Settle && st.Seg >= 0 && st.Segment.Kind != routines.SegSettle {
		c.fail("Settle mode on a %v segment", st.Segment.Kind)
	}
	// A settle segment waits, or counts the quiet time of lights out: only
	// the last segment, with a Duration, never paused.
	if st.Seg >= 0 && st.Segment.Kind == routines.SegSettle && st.Mode != Settle && st.Mode != Ended {
		if st.Mode != Running || !st.LightsOut || st.Segment.Duration <= 0 || st.Seg != len(plan.Segments)-1 {
			c.fail("settle segment in mode %d (lights out %v, duration %v)", st.Mode, st.LightsOut, st.Segment.Duration)
		}
	}
	if st.LightsOut && (st.Mode != Running || st.Segment.Kind != routines.SegSettle) {
		c.fail("lights out in mode %d on a %v segment", st.Mode, st.Segment.Kind)
	}
	// A stop for pain ends with the pad confirmed off, or by Leave, which
	// must have said the pad-off line (checked where the pad is on above).
	if (st.Mode == Ended) != (st.Reason != NotEnded) {
		c.fail("mode %d with reason %d", st.Mode, st.Reason)
	}
	if st.Mode == Ended {
		c.endedSnap, c.endedSnapSet = st, true
		if !hasKind(ev, RunEnded) {
			c.fail("ended with no RunEnded event")
		}
	}
}

// trackSegments follows the segment on show through Entered events and
// pauses, and checks that a timed stretch segment the clock ended ran its
// Duration of unpaused time.
func (c *checker) trackSegments(st State, ev []Event, isTick bool) {
	c.t.Helper()
	plan := c.r.Plan()
	closeSeg := func(byClock bool) {
		if c.seg < 0 || !byClock {
			return
		}
		s := plan.Segments[c.seg]
		if s.Kind == routines.SegHeat || s.Duration == 0 {
			return
		}
		ran := c.now - c.enteredAt - c.pausedTotal
		if c.paused {
			ran -= c.now - c.pausedAt
		}
		if ran < s.Duration {
			c.fail("segment %d (%v, side %v, rep %d) ended by the clock after %v of its %v", c.seg, s.Kind, s.Side, s.Rep, ran, s.Duration)
		}
	}
	for _, e := range ev {
		switch e.Kind {
		case Entered:
			if plan.Segments[e.Seg].Kind == routines.SegHeat && c.heatStarts > 0 {
				c.fail("the heat segment came on again after the heat started: %+v", e)
			}
			closeSeg(!e.ByKey)
			c.seg, c.enteredAt, c.paused, c.pausedTotal = e.Seg, c.now, false, 0
		case RunEnded:
			// The clock finished the run on its last, timed segment. A key
			// may finish lights out early (Finish), never a stretch.
			last := len(plan.Segments) - 1
			if st.Reason == Finished && c.seg == last && c.seg >= 0 && slices.Contains(st.Completed, plan.Segments[last].Step) {
				if plan.Segments[last].Kind != routines.SegSettle {
					closeSeg(true)
				} else if isTick {
					// Lights out ran its quiet time from StartSettle.
					if ran := c.now - c.lightsOutAt; !c.lightsOutSet || ran < plan.Segments[last].Duration {
						c.fail("lights out ended by the clock after %v of its %v", ran, plan.Segments[last].Duration)
					}
				}
			}
			c.seg = -1
		}
	}
	if c.seg >= 0 && st.Seg != c.seg && st.Mode != Ended {
		c.fail("on segment %d without an Entered event (tracked %d)", st.Seg, c.seg)
	}
	switch {
	case st.Mode == Paused && !c.paused:
		c.paused, c.pausedAt = true, c.now
	case st.Mode != Paused && c.paused:
		c.paused = false
		c.pausedTotal += c.now - c.pausedAt
	}
	// A stretch counts down exactly its unpaused time since it came on:
	// no time lost in a pause, none gained, never stuck. Lights out counts
	// from StartSettle.
	if c.seg >= 0 && st.LightsOut {
		if want := max(st.Segment.Duration-(c.now-c.lightsOutAt), 0); st.Left != want {
			c.fail("lights out shows %v left, want %v", st.Left, want)
		}
	}
	if c.seg >= 0 && (st.Mode == Running || st.Mode == Paused) {
		s := plan.Segments[c.seg]
		if s.Kind != routines.SegHeat && s.Kind != routines.SegSettle {
			ran := c.now - c.enteredAt - c.pausedTotal
			if c.paused {
				ran -= c.now - c.pausedAt
			}
			if want := max(s.Duration-ran, 0); st.Left != want {
				c.fail("segment %d shows %v left after %v of its %v unpaused; want %v", c.seg, st.Left, ran, s.Duration, want)
			}
		}
	}
}

func runOps(t testing.TB, p namedPlan, ops []op) *checker {
	t.Helper()
	c := newChecker(t, p.name, p.plan)
	for _, o := range ops {
		c.step(o)
	}
	return c
}

// TestRunProperties runs many random sequences over every plan.
func TestRunProperties(t *testing.T) {
	iterations := 300
	if testing.Short() {
		iterations = 40
	}
	for pi, p := range plans(t) {
		t.Run(p.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(pi)+1, 0x5eed))
			for range iterations {
				c := newChecker(t, p.name, p.plan)
				for range 1500 {
					c.step(randomOp(rng))
					if c.r.Mode() == Ended {
						// A few more steps after the end: nothing may happen.
						for range 5 {
							c.step(randomOp(rng))
						}
						break
					}
				}
			}
		})
	}
}

// TestRunPropertiesReachTheEnd makes sure the random runs are not all cut
// short: following the clock and the obvious keys, every plan finishes.
func TestRunPropertiesReachTheEnd(t *testing.T) {
	for _, p := range plans(t) {
		c := newChecker(t, p.name, p.plan)
		for i := 0; i < 5000 && c.r.Mode() != Ended; i++ {
			switch c.r.Mode() {
			case Ready:
				c.step(op{kind: opCmd, cmd: StartHeat})
			case PadOff:
				c.step(op{kind: opCmd, cmd: PadIsOff, dt: 3 * time.Second})
			case Settle:
				if c.r.State(c.now).Segment.Duration > 0 {
					c.step(op{kind: opCmd, cmd: StartSettle})
				} else {
					c.step(op{kind: opCmd, cmd: Finish})
				}
			default:
				c.step(op{kind: opDue})
			}
		}
		st := c.r.State(c.now)
		if st.Reason != Finished || len(st.Skipped) > 0 || len(st.Completed) != len(p.plan.Steps()) {
			t.Errorf("%s: ended %d with completed %v skipped %v", p.name, st.Reason, st.Completed, st.Skipped)
		}
	}
}

func FuzzRun(f *testing.F) {
	f.Add(byte(0), []byte{0, 0x40, 0x40, 0x40, 8, 9})
	f.Add(byte(1), []byte{0, 0xd0, 0x40, 0x40, 6, 0x40, 0x40, 7})
	f.Add(byte(2), []byte{0, 0x40, 0xff, 0x40, 3, 1, 2, 3, 8, 0x40, 6})
	f.Add(byte(3), []byte{0, 2, 0x40, 1, 0x40, 0x40, 1, 3, 0xa3, 0x40, 9})
	f.Add(byte(30), []byte{0, 4, 4, 5, 5, 0x40, 0xc2, 0x40, 0x40, 8, 0x40, 6})
	f.Fuzz(func(t *testing.T, which byte, data []byte) {
		ps := plans(t)
		p := ps[int(which)%len(ps)]
		if len(data) > 1500 {
			data = data[:1500]
		}
		runOps(t, p, decodeOps(data))
	})
}

// leaveReason is how Leave ends a run in state base: a stop for pain that
// was asked for stays one (the rest of the night is the sleep set-up).
func leaveReason(base State) EndReason {
	if base.PainAt >= 0 {
		return StoppedForPain
	}
	return Left
}
