package evening

import (
	"errors"
	"time"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// wokeAfter is a gap between two looks at the clock, with the pad on,
// that only a suspended machine explains: while the pad is on the run is
// never more than night.RemindEvery from its next tick.
const wokeAfter = 30 * time.Second

// runCommand passes a command to the run. The pad going on is the
// store's to grant: StartHeat becomes a claim (ClaimHeat), and the run
// starts the heat only when the store says yes.
func (e *Evening) runCommand(c night.Command, now Moment, r *Reply) {
	if e.stage != Running || e.run == nil || c == night.HeatRefused || c == night.Leave {
		return
	}
	if e.claiming {
		r.Events = append(r.Events, night.Event{Kind: night.Refused, Seg: -1, Words: ClaimingLine})
		return
	}
	if c == night.StartHeat {
		st := e.run.State(now.Clock)
		if st.Mode == night.Ready && !st.Heat.Started {
			e.claim(now, r)
			return
		}
	}
	e.moved(e.run.Do(c, now.Clock), now, r)
}

// claim asks the store for the pad to go on now.
func (e *Evening) claim(now Moment, r *Reply) {
	e.claiming = true
	e.claimAt = Moment{Wall: now.Wall.Truncate(time.Millisecond), Clock: now.Clock}
	e.checked = true // a claim writes the session
	e.seq++
	rec := e.Record(now)
	// The claim counts the heat whole from now: until the pad-off answer
	// says otherwise, another process must take it as on.
	rec.HeatStart, rec.HeatKnown = e.claimAt.Wall, true
	rec.HeatMinutes = e.run.Heat().Minutes
	rec.HeatSeconds = rec.HeatMinutes * 60
	r.effect(ClaimHeat{Session: rec, Seq: e.seq, Rollover: e.cfg.Rollover})
}

// claimed takes the store's answer to the claim: the heat starts from the
// moment of the key, or, refused, the pad-off gate comes at once in case
// the pad went on before the key.
func (e *Evening) claimed(in Claimed, now Moment, r *Reply) {
	if !e.claiming || e.stage != Running {
		return
	}
	e.claiming = false
	e.heatStart = e.claimAt.Wall
	if in.Err == nil {
		ev := e.run.Do(night.StartHeat, e.claimAt.Clock)
		e.moved(ev, now, r)
		return
	}
	var taken *night.HeatTakenError
	var void *night.VoidError
	why := ClaimUnknownLine
	switch {
	case errors.As(in.Err, &taken):
		why = "No heat tonight: the pad went on at " + taken.At.Format("15:04") +
			" (in another window or an earlier session), and heat runs once a night, at least 2 hours apart."
	case errors.As(in.Err, &void):
		// Reported meanwhile in another window: once the pad is off, the
		// outcome again and nothing else.
		why = "No heat: " + tierWords(void.Gate.Void.Tier) + " was reported at " + void.Gate.Void.At.Format("15:04") + "."
		e.voidAfterPad = true
	}
	e.heatLeftOut = why
	r.note(Note{Kind: HeatLeftOut, Words: why})
	e.moved(e.run.Do(night.HeatRefused, now.Clock), now, r)
}

// tick moves the evening on to now.
func (e *Evening) tick(now Moment, r *Reply) {
	switch e.stage {
	case After:
		if !now.Wall.Before(e.afterSince.Add(e.cfg.AfterWait)) {
			r.note(Note{Kind: LightsOutByItself, Words: LightsOutByItselfLine})
			e.afterDone(now, true, r)
		}
	case Running:
		if e.run != nil {
			e.moved(e.run.Tick(now.Clock), now, r)
		}
	}
}

// moved takes in what the run just did: saves, tonight's heat, the
// suspend note, and the evening's next stage when the run reached lights
// out or its end.
func (e *Evening) moved(ev []night.Event, now Moment, r *Reply) {
	r.Events = append(r.Events, ev...)
	st := e.run.State(now.Clock)
	if st.Heat.On() && now.Clock-e.lastClock > wokeAfter {
		// The machine slept with the pad on. The pad did not.
		r.note(Note{Kind: PadMayBeOn, Minutes: int((now.Clock - st.Heat.StartedAt) / time.Minute),
			Words: PadMayBeOnLine(int((now.Clock - st.Heat.StartedAt) / time.Minute))})
	}
	e.lastClock = now.Clock
	if st.Heat.Started {
		e.seen.AddHeat(night.HeatUse{Start: e.heatStart, Seconds: st.Heat.Seconds(now.Clock)})
	}
	if st.LightsOut {
		e.lightsOutSeen = true
	}
	if e.voidAfterPad && st.Heat.Off {
		e.voidAfterPad = false
		r.Events = append(r.Events, e.run.Do(night.Leave, now.Clock)...)
		e.readFor(decideStart, now, r)
		return
	}
	if st.Heat.Skin && e.skinAt.IsZero() {
		e.skinAt = now.Wall.Add(st.Heat.SkinAt - now.Clock)
		r.note(Note{Kind: SkinStopAdvice, Words: SkinAdvice()})
	}
	progress := st.Heat.Off && !e.padOffKept
	if st.Heat.Off && !e.padOffKept && st.Heat.Skin {
		// The pad is off: now is when the skin is looked at. The advice
		// is said again for the screen that follows the gate.
		r.note(Note{Kind: SkinStopAdvice, Words: SkinAdvice()})
	}
	if st.Heat.Off {
		// The pad-off answer is kept at once: until then the history
		// counts the pad as on.
		e.padOffKept = true
	}
	for _, x := range ev {
		switch x.Kind {
		case night.StepEnded, night.HeatStarted:
			progress = true
		case night.RunEnded:
			e.runEnded(st, now, r)
			return
		}
	}
	if e.awaitingLightsOut(st) {
		if e.cfg.CheckIns && !e.afterGiven && didSomething(st) {
			e.stage, e.afterSince = After, now.Wall
			e.save(now, false, r)
			return
		}
		e.moved(e.run.Do(night.StartSettle, now.Clock), now, r)
		return
	}
	if progress {
		e.save(now, false, r)
	}
}

func tierWords(t safety.Tier) string {
	return "an " + safety.TierName(t) + " answer"
}

// didSomething reports whether the run did a step before the sleep set-up:
// the "after" check-in asks how the back feels after them, so a night of
// the sleep set-up alone (after a stop for pain) goes straight to lights
// out.
func didSomething(st night.State) bool {
	n := len(st.Completed) + len(st.Skipped)
	if st.Seg >= 0 && st.Segment.Kind == routines.SegSettle {
		for _, i := range st.Completed {
			if i == st.Segment.Step {
				n--
			}
		}
	}
	return n > 0
}

// awaitingLightsOut: the stretches are over and the quiet time of lights
// out waits to start.
func (e *Evening) awaitingLightsOut(st night.State) bool {
	return st.Mode == night.Settle && !st.Empty() && st.Segment.Kind == routines.SegSettle && st.Segment.Duration > 0
}

func (e *Evening) runEnded(st night.State, now Moment, r *Reply) {
	switch st.Reason {
	case night.StoppedForPain:
		e.notePain(now)
		e.stage = PainStopped
		e.reason, e.ended = Pain, now.Wall
		e.save(now, true, r)
	case night.Finished:
		if e.lightsOutSeen {
			// The night ended in the dark, as it should: kept as complete,
			// and nothing lights the screen again.
			e.dark = true
			e.close(Finished, now, true, r)
			return
		}
		if e.cfg.CheckIns && !e.afterGiven && didSomething(st) {
			e.stage, e.afterSince = After, now.Wall
			e.save(now, false, r)
			return
		}
		e.reason, e.ended = Finished, now.Wall
		e.stage = Summary
		e.save(now, true, r)
	default:
		e.close(Left, now, false, r)
	}
}

// afterDone goes on from the "after" check-in, answered or not: lights
// out when the plan has a quiet time, the end of the night otherwise.
func (e *Evening) afterDone(now Moment, timedOut bool, r *Reply) {
	st := e.run.State(now.Clock)
	if e.awaitingLightsOut(st) {
		e.stage = Running
		e.save(now, false, r)
		e.moved(e.run.Do(night.StartSettle, now.Clock), now, r)
		return
	}
	if timedOut {
		// Nobody answered and there is no quiet time: the night ends by
		// itself, in the dark.
		e.dark = true
		e.close(Finished, now, true, r)
		return
	}
	e.reason, e.ended = Finished, now.Wall
	e.stage = Summary
	e.save(now, true, r)
}

// notePain keeps a stop for pain in tonight's record.
func (e *Evening) notePain(now Moment) {
	if e.painStep != "" || e.run == nil {
		return
	}
	e.painStep = e.run.PainStep()
	e.seen.AddPainStop(night.PainStop{At: now.Wall, Step: e.painStep})
}

// Due is how long from now until the evening next needs a Tick, and false
// when nothing is timed (it waits for the person).
func (e *Evening) Due(now Moment) (time.Duration, bool) {
	switch e.stage {
	case After:
		return max(e.afterSince.Add(e.cfg.AfterWait).Sub(now.Wall), 0), true
	case Running:
		if e.run == nil {
			return 0, false
		}
		at, ok := e.run.Due(now.Clock)
		if !ok {
			return 0, false
		}
		return max(at-now.Clock, 0), true
	}
	return 0, false
}
