package night

import (
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/routines"
)

// Timing rules of a run.
const (
	// RemindEvery is how often the heat-done cue sounds until the person
	// says the pad is off. It is also the longest a run waits between two
	// wakes while the pad is on, so that a machine waking from suspend
	// reminds within this time.
	RemindEvery = cues.HeatDoneRepeat
	// restartAfter: Back restarts the current step when the person is
	// further into it than this, and goes to the previous step otherwise.
	restartAfter = 3 * time.Second
	// lastSeconds is how many seconds at the end of a hold are cued.
	lastSeconds = 3
)

// afterPad is what the pad-off answer leads to.
type afterPad struct {
	end  EndReason // NotEnded: go on at next
	next int       // segment to start; past the end finishes the run
	why  PadReason
}

// Run is one routine from its first step to lights out. It is driven by Do
// and Tick and never reads a clock itself. Use New to make one.
type Run struct {
	plan   routines.Plan
	steps  []int // plan.Steps(): "step 2 of 5" counts in it
	mode   Mode
	seg    int
	cd     routines.Countdown // a stretch's countdown; heat runs on heat.Deadline
	status []Status           // by index into plan.Routine.Steps
	heat   Heat
	after  afterPad
	remind time.Duration // clock time of the next heat-done reminder (PadOff)
	cued   int           // the last shown second cued at the end of a hold
	reason EndReason
	painAt int
}

// New starts a run of plan at clock time now. The first step comes on at
// once, except heat, which waits for StartHeat (the person switches the
// pad on first).
func New(plan routines.Plan, now time.Duration) (*Run, []Event) {
	r := &Run{
		plan:   plan,
		steps:  plan.Steps(),
		status: make([]Status, len(plan.Routine.Steps)),
		painAt: -1,
		heat:   Heat{Minutes: plan.HeatMinutes()},
	}
	if len(plan.Segments) == 0 {
		r.seg = -1
		r.mode = Settle // nothing to run: the person finishes when ready
		return r, nil
	}
	return r, r.enter(0, now, true)
}

// Plan is the timeline the run follows, with tonight's heat minutes.
func (r *Run) Plan() routines.Plan { return r.plan }

// Mode is what the run is doing.
func (r *Run) Mode() Mode { return r.mode }

// Heat is the heat clock.
func (r *Run) Heat() Heat { return r.heat }

// Do carries out a command at clock time now. Commands that are not
// allowed now change nothing and answer with a Refused event that says
// why, so a front end can tell the person.
func (r *Run) Do(c Command, now time.Duration) []Event {
	if r.mode == Ended {
		return nil
	}
	// Whatever the command, the clock has moved: what was due happens first.
	ev := r.Tick(now)
	if r.mode == Ended {
		return ev
	}
	switch c {
	case Leave:
		return append(ev, r.leave(now)...)
	case StopForPain:
		return append(ev, r.stopForPain(now)...)
	case PadIsOff:
		return append(ev, r.padIsOff(now)...)
	case SkinStop:
		return append(ev, r.skinStop(now)...)
	}
	if r.mode == PadOff {
		return append(ev, refuse("Switch the pad off and take it out of the bed first, then say so (enter)."))
	}
	switch c {
	case StartHeat:
		return append(ev, r.startHeat(now)...)
	case HeatRefused:
		return append(ev, r.heatRefused(now)...)
	case TogglePause:
		return append(ev, r.togglePause(now)...)
	case Skip:
		return append(ev, r.skip(now)...)
	case Back:
		return append(ev, r.back(now)...)
	case HeatMore:
		return append(ev, r.adjustHeat(now, 1)...)
	case HeatLess:
		return append(ev, r.adjustHeat(now, -1)...)
	case Finish:
		return append(ev, r.finish(now)...)
	case StartSettle:
		return append(ev, r.startSettle(now)...)
	}
	return ev
}

func refuse(words string) Event { return Event{Kind: Refused, Words: words, Seg: -1} }

func (r *Run) segment() routines.Segment { return r.plan.Segments[r.seg] }

func (r *Run) onHeat() bool { return r.seg >= 0 && r.segment().Kind == routines.SegHeat }

// lightsOut reports whether the quiet time of lights out is counting.
func (r *Run) lightsOut() bool {
	return r.mode == Running && r.seg >= 0 && r.segment().Kind == routines.SegSettle
}

// enter puts segment i on at now. byKey: the person's key brought it. The
// clock's arrivals cue as cueAt decides; of the arrivals by a key only a
// get-ready cues (the person pressed a key but, eyes closed, needs the step
// and side named).
func (r *Run) enter(i int, now time.Duration, byKey bool) []Event {
	prev := r.seg
	r.seg = i
	s := r.segment()
	ev := []Event{{Kind: Entered, Seg: i, ByKey: byKey, Words: r.enterWords(i), Phase: pacedPhase(s)}}
	switch s.Kind {
	case routines.SegHeat:
		r.mode = Ready
		if r.heat.Started {
			// Heat runs once a night: never again, whatever brought us here.
			return append(ev, r.afterStep(now, byKey)...)
		}
		return ev
	case routines.SegSettle:
		r.mode = Settle
	default:
		r.mode = Running
		r.cd = routines.StartCountdown(now, s.Duration)
		r.cued = routines.ShownSeconds(s.Duration)
	}
	if k, ok := r.cueAt(prev, i, byKey); ok {
		ev = append(ev, Event{Kind: Cue, Cue: k, Seg: i, ByKey: byKey, Words: r.cueWords(k, i), Phase: pacedPhase(s)})
	}
	return ev
}

// pacedPhase is the phase name of a paced segment, "" for any other.
func pacedPhase(s routines.Segment) string {
	if s.Kind == routines.SegPaced {
		return s.Phase
	}
	return ""
}

// cueAt is the one cue decision: the cue, if any, for arriving at segment
// next from segment prev (by the clock, or by a key when byKey).
//
// The set is designed for the ears of a person lying with the eyes closed
// and of someone asleep beside them (issue 11): a cue only where the person
// must do something different, never a count. The built-in quick routine
// with a 5 s get-ready sounds 27 cues from start to lights out (the test
// TestQuickCueCount prints it), where the old set sounded 89.
//
//   - A get-ready (SegReady) always cues, by the clock or by a key (the
//     first step, after the pad-off answer, after skip or back): NextStep,
//     naming the step and side, or for a paced step how the rhythm goes.
//     It is the step's "next step" cue.
//   - Other arrivals by a key are silent: the person pressed it.
//   - A new step with no get-ready (a rest step, a settle step in the
//     middle, any step when GetReady is 0): NextStep.
//   - The last settle segment of the plan: Done ("stretches done").
//   - A switch segment: SwitchSides, naming the side that comes next; the
//     hold after it does not cue again (the switch cue said what to do;
//     "hold again" after every switch was half the noise of the old set).
//     Per-side holds with no switch pause cue SwitchSides at the hold.
//   - A hold: Phase ("Hold 20 seconds.") after the get-ready, after a rest
//     between reps and between reps of a hold that is not per side, because
//     otherwise nothing would tell the person that a new hold counts.
//   - A rest between the reps of a hold: Phase ("Rest."), the only sign,
//     with the eyes closed, that the hold is over.
//   - A paced step: one Phase cue per rep, at its first phase ("Tilt", with
//     Event.Phase "tilt"); the other phases are silent: the person relaxes
//     when the tilt's time is up, counting as the get-ready told them.
//   - The last seconds of a hold cue only with Options.LastSeconds.
//   - Lights out cues once at its start ("Lights out. Sleep well."), by the
//     StartSettle key, and never at its end: someone is asleep.
func (r *Run) cueAt(prev, next int, byKey bool) (cues.Kind, bool) {
	n := r.plan.Segments[next]
	if n.Kind == routines.SegReady {
		return cues.NextStep, true
	}
	if byKey || prev < 0 || prev == next {
		return 0, false
	}
	p := r.plan.Segments[prev]
	switch {
	case n.Kind == routines.SegSettle && next == len(r.plan.Segments)-1:
		return cues.Done, true
	case n.Step != p.Step:
		return cues.NextStep, true
	case n.Kind == routines.SegSwitch:
		return cues.SwitchSides, true
	case n.Kind == routines.SegHold && n.Side != routines.NoSide && p.Kind == routines.SegHold && n.Side != p.Side:
		return cues.SwitchSides, true // sides change with no pause between them
	case n.Kind == routines.SegHold && p.Kind == routines.SegSwitch:
		return 0, false // the switch cue said it
	case n.Kind == routines.SegHold:
		return cues.Phase, true // after the get-ready, a rest, or another hold
	case n.Kind == routines.SegRest && p.Kind == routines.SegHold:
		return cues.Phase, true // the hold is over: rest
	case n.Kind == routines.SegPaced && (p.Kind != routines.SegPaced || p.Rep != n.Rep):
		return cues.Phase, true // the first phase of a rep
	}
	return 0, false
}

// Tick moves the run on to clock time now: ends segments whose time is up,
// ends heat at its deadline, repeats the heat-done reminder. However long
// the gap since the last tick (a suspended laptop), it sounds at most one
// cue for where it arrives and one reminder, never a burst.
func (r *Run) Tick(now time.Duration) []Event {
	var ev []Event
	switch r.mode {
	case Running:
		if r.onHeat() {
			if now >= r.heat.Deadline {
				ev = append(ev, r.endHeat(r.heat.Deadline, now, false)...)
			}
			return ev
		}
		if !r.cd.Done(now) {
			return r.lastSecondsCue(now)
		}
		return r.segmentEnded(now)
	case PadOff:
		if now >= r.remind {
			r.remind = now + RemindEvery
			return []Event{{Kind: Cue, Cue: cues.HeatDone, Seg: r.seg, Reminder: true, Words: r.padOffWords(), Pad: r.after.why}}
		}
	}
	return ev
}

// segmentEnded moves on from a stretch segment whose time is up. The next
// one starts now, when its cue sounds, so that every hold is counted from
// the moment the person hears it, however late the tick. The end of the
// quiet time of lights out ends the night in silence.
func (r *Run) segmentEnded(now time.Duration) []Event {
	cur := r.segment()
	next := r.seg + 1
	if cur.Kind == routines.SegSettle {
		ev := []Event{r.setStatus(cur.Step, Done)}
		if next >= len(r.plan.Segments) {
			return append(ev, r.end(Finished)...)
		}
		return append(ev, r.enter(next, now, false)...)
	}
	var ev []Event
	if next >= len(r.plan.Segments) || r.plan.Segments[next].Step != cur.Step {
		ev = append(ev, r.setStatus(cur.Step, Done))
	}
	if next >= len(r.plan.Segments) {
		ev = append(ev, Event{Kind: Cue, Cue: cues.Done, Seg: r.seg, Words: "That is the routine done. Sleep well."})
		return append(ev, r.end(Finished)...)
	}
	return append(ev, r.enter(next, now, false)...)
}

func (r *Run) lastSecondsCue(now time.Duration) []Event {
	s := r.segment()
	if s.Kind != routines.SegHold || !r.plan.Options.LastSeconds {
		return nil
	}
	shown := routines.ShownSeconds(r.cd.Left(now))
	if shown < 1 || shown > lastSeconds || shown >= r.cued {
		return nil
	}
	r.cued = shown
	return []Event{{Kind: Cue, Cue: cues.LastSeconds, Seg: r.seg, Words: itoa(shown)}}
}

func (r *Run) setStatus(step int, st Status) Event {
	r.status[step] = st
	return Event{Kind: StepEnded, Seg: r.seg}
}

// afterStep starts the step after the current one, or ends the run.
func (r *Run) afterStep(now time.Duration, byKey bool) []Event {
	_, last := r.plan.StepRange(r.segment().Step)
	if last+1 >= len(r.plan.Segments) {
		return r.end(Finished)
	}
	return r.enter(last+1, now, byKey)
}

func (r *Run) end(reason EndReason) []Event {
	r.mode = Ended
	r.reason = reason
	return []Event{{Kind: RunEnded, Seg: r.seg}}
}

func (r *Run) togglePause(now time.Duration) []Event {
	switch {
	case r.mode == Running && r.onHeat():
		return []Event{refuse("Heat cannot be paused: the pad keeps heating. Press n to end it early.")}
	case r.lightsOut():
		return nil // lights out does not pause: any key ends it (Finish)
	case r.mode == Running:
		r.cd = r.cd.Pause(now)
		r.mode = Paused
	case r.mode == Paused:
		r.cd = r.cd.Resume(now)
		r.mode = Running
	}
	return nil
}

func (r *Run) skip(now time.Duration) []Event {
	switch r.mode {
	case Running, Paused, Ready:
		if r.mode == Running && r.onHeat() {
			return r.endHeat(now, now, true)
		}
		if r.lightsOut() {
			return r.finish(now)
		}
		ev := []Event{r.setStatus(r.segment().Step, Skipped)}
		return append(ev, r.afterStep(now, true)...)
	case Settle:
		return []Event{refuse("This is the last step: press enter when you are settled.")}
	}
	return nil
}

// back restarts the current step when the person is a few seconds into
// it, and goes to the previous step otherwise; never back into heat.
func (r *Run) back(now time.Duration) []Event {
	if r.seg < 0 {
		return nil
	}
	if r.onHeat() {
		if r.mode == Running {
			return []Event{refuse("Heat cannot be restarted: the pad is on. Press n to end it early.")}
		}
		return nil
	}
	step := r.segment().Step
	first, _ := r.plan.StepRange(step)
	target := first
	if r.intoStep(now) <= restartAfter && first > 0 {
		prev, _ := r.plan.StepRange(r.plan.Segments[first-1].Step)
		// Back into heat only while the pad was never on: heat runs once.
		if r.plan.Segments[prev].Kind != routines.SegHeat || !r.heat.Started {
			target = prev
		}
	}
	r.status[step] = Pending
	r.status[r.plan.Segments[target].Step] = Pending
	return r.enter(target, now, true)
}

// intoStep is how far the timeline is into the current step.
func (r *Run) intoStep(now time.Duration) time.Duration {
	first, _ := r.plan.StepRange(r.segment().Step)
	return r.behind(now) - r.plan.Segments[first].Start
}

// behind is how much of the plan is behind at now.
func (r *Run) behind(now time.Duration) time.Duration {
	if r.seg < 0 {
		return 0
	}
	s := r.segment()
	switch r.mode {
	case Running, Paused:
		return s.Start + s.Duration - r.left(now)
	case PadOff, Ended:
		return s.End()
	}
	return s.Start
}

// left is the time left of the segment on show.
func (r *Run) left(now time.Duration) time.Duration {
	if r.seg < 0 {
		return 0
	}
	if r.onHeat() {
		switch {
		case r.heat.Ended:
			return 0
		case r.heat.Started:
			return max(r.heat.Deadline-now, 0)
		}
		return time.Duration(r.heat.Minutes) * time.Minute
	}
	switch r.mode {
	case Running, Paused:
		return r.cd.Left(now)
	}
	return r.segment().Duration
}

// finish ends the sleep set-up: in Settle mode, or during lights out,
// which it ends at once.
func (r *Run) finish(now time.Duration) []Event {
	if r.mode != Settle && !r.lightsOut() {
		return nil
	}
	if r.seg < 0 {
		return r.end(Finished)
	}
	ev := []Event{r.setStatus(r.segment().Step, Done)}
	return append(ev, r.afterStep(now, true)...)
}

// LightsOutWords is what the lights-out cue says as the quiet time starts.
const LightsOutWords = "Lights out. Sleep well."

// startSettle starts lights out: the quiet time of the settle segment.
func (r *Run) startSettle(now time.Duration) []Event {
	switch {
	case r.lightsOut():
		return []Event{refuse("Lights out is on already: any key ends it.")}
	case r.mode != Settle || r.seg < 0 || r.segment().Kind != routines.SegSettle:
		return []Event{refuse("Lights out comes at the end, with the sleep set-up.")}
	case r.segment().Duration <= 0:
		return []Event{refuse("No quiet time is set: press enter when you are settled.")}
	}
	r.mode = Running
	r.cd = routines.StartCountdown(now, r.segment().Duration)
	return []Event{{Kind: Cue, Cue: cues.Done, Seg: r.seg, ByKey: true, Words: LightsOutWords}}
}

// stopForPain ends the stretches for tonight. With the pad on, the pad
// comes first: "pad off now, look at your skin", and the run ends only at
// the pad-off answer.
func (r *Run) stopForPain(now time.Duration) []Event {
	if r.painAt < 0 {
		r.painAt = r.seg
	}
	if r.heat.On() {
		var ev []Event
		if !r.heat.Ended {
			r.heat.Ended, r.heat.EndedAt, r.heat.Early = true, now, true
		}
		if r.mode != PadOff {
			ev = append(ev, r.setStatus(r.segment().Step, Skipped))
		}
		r.mode = PadOff
		r.after = afterPad{end: StoppedForPain, why: PadPain}
		r.remind = now + RemindEvery
		return append(ev, Event{Kind: Cue, Cue: cues.HeatDone, Seg: r.seg, ByKey: true,
			Words: padOffForPain, Pad: PadPain})
	}
	return r.end(StoppedForPain)
}

// leave ends the run now. With the pad on, the last word is the pad-off
// line: the front end shows it after it closes (Heat().On() stays true).
//
// A stop for pain already asked for stays one: leaving at the pad-off gate
// that followed it does not undo it (the rest of the night is the sleep
// set-up only). Heat left while it ran counts as skipped, as n would.
func (r *Run) leave(now time.Duration) []Event {
	var ev []Event
	if r.heat.On() {
		if !r.heat.Ended {
			r.heat.Ended, r.heat.EndedAt, r.heat.Early = true, now, true
			ev = append(ev, r.setStatus(r.segment().Step, Skipped))
		}
		ev = append(ev, Event{Kind: Cue, Cue: cues.HeatDone, Seg: r.seg, ByKey: true, Words: LeftWithPadOn, Pad: PadLeft})
	}
	reason := Left
	if r.painAt >= 0 {
		reason = StoppedForPain
	}
	return append(ev, r.end(reason)...)
}

// LeftWithPadOn is the line printed when the app closes while the pad may
// still be on.
const LeftWithPadOn = "The heating pad may still be on: switch it off now and take it out of the bed."

func (r *Run) startHeat(now time.Duration) []Event {
	if r.mode != Ready || !r.onHeat() || r.heat.Started {
		return nil
	}
	r.heat.Started, r.heat.StartedAt = true, now
	r.heat.Deadline = now + time.Duration(r.heat.Minutes)*time.Minute
	r.mode = Running
	return []Event{{Kind: HeatStarted, Seg: r.seg, ByKey: true,
		Words: "Heat on for " + itoa(r.heat.Minutes) + " minutes. I will tell you when to switch it off."}}
}

// adjustHeat changes tonight's heat minutes by delta before or during the
// heat, never outside MinHeatMinutes..MaxHeatMinutes. The plan is expanded
// again so the routine's total stays right; the heat clock keeps its start.
func (r *Run) adjustHeat(now time.Duration, delta int) []Event {
	if !r.onHeat() || r.heat.Ended || (r.mode != Ready && r.mode != Running) {
		return nil
	}
	m := r.heat.Minutes + delta
	if m < routines.MinHeatMinutes || m > routines.MaxHeatMinutes {
		return []Event{refuse("Heat runs " + itoa(routines.MinHeatMinutes) + " to " + itoa(routines.MaxHeatMinutes) + " minutes.")}
	}
	r.heat.Minutes = m
	r.plan = r.plan.WithHeatMinutes(m)
	if r.heat.Started {
		r.heat.Deadline = r.heat.StartedAt + time.Duration(m)*time.Minute
		return r.Tick(now)
	}
	return nil
}

// endHeat ends the heat at clock time at (its deadline, or now when left
// early) and asks for the pad to come off.
func (r *Run) endHeat(at, now time.Duration, early bool) []Event {
	r.heat.Ended, r.heat.EndedAt, r.heat.Early = true, at, early
	st := Done
	if early {
		st = Skipped
	}
	ev := []Event{r.setStatus(r.segment().Step, st)}
	_, last := r.plan.StepRange(r.segment().Step)
	r.mode = PadOff
	why := PadTimeUp
	if early {
		why = PadEarly
	}
	r.after = afterPad{next: last + 1, why: why}
	r.remind = now + RemindEvery
	return append(ev, Event{Kind: Cue, Cue: cues.HeatDone, Seg: r.seg, ByKey: early, Words: r.padOffWords(), Pad: why})
}

// skinStop ends heat for the skin under the pad: the pad comes off first,
// and what follows is what would have followed heat (the stretches may
// go on). At the pad-off gate already, it changes the words to the skin's.
func (r *Run) skinStop(now time.Duration) []Event {
	switch {
	case !r.heat.On():
		return []Event{refuse("The skin stop is for while the pad is on.")}
	case r.heat.Skin:
		return nil // said already: the gate shows it
	}
	r.heat.Skin, r.heat.SkinAt = true, now
	var ev []Event
	if !r.heat.Ended {
		r.heat.Ended, r.heat.EndedAt, r.heat.Early = true, now, true
		ev = append(ev, r.setStatus(r.segment().Step, Skipped))
	}
	if r.mode != PadOff {
		_, last := r.plan.StepRange(r.segment().Step)
		r.after = afterPad{next: last + 1}
	}
	r.mode = PadOff
	r.after.why = PadSkin
	r.remind = now + RemindEvery
	return append(ev, Event{Kind: Cue, Cue: cues.HeatDone, Seg: r.seg, ByKey: true, Words: r.padOffWords(), Pad: PadSkin})
}

// heatRefused answers a refused claim: heat will not run tonight, and in
// case the pad was switched on before the key, the pad-off gate comes at
// once (only "the pad is off" passes it).
func (r *Run) heatRefused(now time.Duration) []Event {
	if r.mode != Ready || !r.onHeat() || r.heat.Started {
		return nil
	}
	r.heat.Started, r.heat.StartedAt = true, now
	r.heat.Deadline = now + time.Duration(r.heat.Minutes)*time.Minute
	r.heat.Refused = true
	ev := r.endHeat(now, now, true)
	r.after.why = PadRefused
	ev[len(ev)-1].Pad, ev[len(ev)-1].Words = PadRefused, r.padOffWords()
	return ev
}

func (r *Run) padIsOff(now time.Duration) []Event {
	if r.mode != PadOff {
		return nil
	}
	r.heat.Off, r.heat.OffAt = true, now
	if r.after.end != NotEnded {
		return r.end(r.after.end)
	}
	if r.after.next >= len(r.plan.Segments) {
		return r.end(Finished)
	}
	return r.enter(r.after.next, now, true)
}

// Due is the clock time at which the run next needs a Tick: when the shown
// second changes, a segment ends, or a reminder is due. ok is false when
// nothing is timed (waiting for a key). While the pad is on, it is never
// more than RemindEvery away.
func (r *Run) Due(now time.Duration) (at time.Duration, ok bool) {
	switch r.mode {
	case Running:
		if r.onHeat() {
			left := max(r.heat.Deadline-now, 0)
			next := routines.StartCountdown(now, left).NextChange(now)
			return now + min(next, RemindEvery), true
		}
		return now + r.cd.NextChange(now), true
	case PadOff:
		return max(r.remind, now), true
	}
	return 0, false
}

// State is the run at clock time now.
func (r *Run) State(now time.Duration) State {
	s := State{Mode: r.mode, Seg: r.seg, Heat: r.heat, Reason: r.reason, PainAt: r.painAt,
		AfterPad: r.after.end, Steps: len(r.steps)}
	if r.mode == PadOff {
		s.Pad = r.after.why
	}
	if r.seg >= 0 {
		s.Segment = r.segment()
		s.Step = r.plan.Routine.Steps[s.Segment.Step]
		for i, st := range r.steps {
			if st == s.Segment.Step {
				s.StepNumber = i + 1
			}
		}
		s.Left = r.left(now)
		s.Behind = r.behind(now)
		s.LightsOut = r.lightsOut()
	}
	for _, st := range r.steps {
		switch r.status[st] {
		case Done:
			s.Completed = append(s.Completed, st)
		case Skipped:
			s.Skipped = append(s.Skipped, st)
		}
	}
	return s
}

// Clone is an independent copy of the run, so that a front end whose
// models are values (bubbletea's) never shares one run between two copies.
func (r *Run) Clone() *Run {
	c := *r
	c.status = append([]Status(nil), r.status...)
	return &c
}
