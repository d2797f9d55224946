package evening

import (
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
)

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

// askLeave opens "Stop for tonight?". A stretch waits while it is open;
// heat never does (the pad keeps heating), nor does lights out.
func (e *Evening) askLeave(now Moment, r *Reply) {
	if e.asking {
		return
	}
	e.asking = true
	if e.stage == Running && e.run != nil {
		st := e.run.State(now.Clock)
		if st.Mode == night.Running && !st.LightsOut && st.Segment.Kind != routines.SegHeat {
			e.moved(e.run.Do(night.TogglePause, now.Clock), now, r)
			e.pausedToAsk = true
		}
	}
}

// keepGoing closes "Stop for tonight?" and resumes what it paused.
func (e *Evening) keepGoing(now Moment, r *Reply) {
	if !e.asking {
		return
	}
	e.asking = false
	if e.pausedToAsk && e.stage == Running && e.run != nil && e.run.Mode() == night.Paused {
		e.moved(e.run.Do(night.TogglePause, now.Clock), now, r)
	}
	e.pausedToAsk = false
}
