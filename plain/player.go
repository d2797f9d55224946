package plain

import (
	"time"

	"github.com/supine-app/supine/cues"
	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/safety"
)

// maxWait caps one wait. Go's timers stop while the machine sleeps but the
// routine's clock does not (the pad keeps heating), so after a suspend a
// long timer would wake late; waking at least this often keeps every line
// within a few seconds of its moment at a cost of one wake-up per wait.
const maxWait = 5 * time.Second

// holding is what the player waits for instead of a countdown.
type holding int

const (
	running  holding = iota // the countdown runs (or is paused)
	padOff                  // heat is over: waits for Enter that the pad is off
	settling                // the settle step: waits for Enter
)

// player runs a plan: one segment at a time on a countdown, lines at their
// moments, keys between them.
type player struct {
	s        *session
	plan     routines.Plan
	steps    []int // plan.Steps(): "Step 2 of 5" counts in here
	seg      int
	cd       routines.Countdown
	marks    []time.Duration // time-left moments still to announce, largest first
	hold     holding
	remindAt time.Duration // clock time of the next pad-off reminder
	afterPad int           // segment to start once the pad is off; -1 for the end
	status   map[int]bool  // step -> true completed, false skipped
	done     bool
}

func newPlayer(s *session, p routines.Plan) *player {
	return &player{s: s, plan: p, steps: p.Steps(), status: map[int]bool{}}
}

// run plays the plan to its end, or until the person stops it.
func (pl *player) run() (reason string, err error) {
	if len(pl.plan.Segments) == 0 {
		pl.s.say("This routine has no steps.")
		return Finished, nil
	}
	pl.s.say(introLine(pl.plan, len(pl.steps)))
	pl.s.say(keysLine(pl.s.o.Keys))
	pl.start(0, routines.StartCountdown(pl.s.clock.Now(), pl.plan.Segments[0].Duration))
	for {
		d := pl.due()
		if pl.done {
			return Finished, nil
		}
		ev, ok, err := pl.s.next(d)
		if err != nil {
			pl.padWarning()
			return Quit, err
		}
		if !ok {
			continue // a moment came: due() says what
		}
		if reason, end, err := pl.handle(ev); end {
			return reason, err
		}
		if pl.done {
			return Finished, nil
		}
	}
}

// due says everything whose moment has come, and returns how long to wait
// for the next one (negative: nothing is timed, wait for a key).
func (pl *player) due() time.Duration {
	for !pl.done {
		now := pl.s.clock.Now()
		switch pl.hold {
		case settling:
			if pl.s.eof {
				// No one is left to press Enter: the routine is done.
				pl.finishStep()
				pl.done = true
				return -1
			}
			return -1
		case padOff:
			if pl.s.eof {
				pl.padIsOff(now)
				continue
			}
			if now >= pl.remindAt {
				pl.s.say(padOffLine())
				for pl.remindAt <= now { // after a suspend: one reminder, not a burst
					pl.remindAt += cues.HeatDoneRepeat
				}
			}
			return clampWait(pl.remindAt - now)
		}
		if pl.cd.Paused() {
			if pl.s.eof {
				pl.cd = pl.cd.Resume(now) // no one is left to resume it
				pl.s.say("Resumed.")
				continue
			}
			return -1
		}
		left := pl.cd.Left(now)
		if left == 0 {
			pl.segmentEnded()
			continue
		}
		pl.announceMarks(left)
		if len(pl.marks) > 0 {
			return clampWait(left - pl.marks[0])
		}
		return clampWait(left)
	}
	return -1
}

func clampWait(d time.Duration) time.Duration {
	return min(max(d, time.Millisecond), maxWait)
}

// start begins segment i on countdown cd and says its line.
func (pl *player) start(i int, cd routines.Countdown) {
	pl.seg, pl.cd, pl.hold = i, cd, running
	seg := pl.plan.Segments[i]
	for _, l := range segmentLines(pl.plan, i, pl.position(seg.Step), len(pl.steps), pl.s.o.Setup) {
		pl.s.say(l)
	}
	if seg.Phase == routines.PhaseSettle {
		pl.hold = settling
		return
	}
	pl.marks = marksFor(seg, pl.cd.Left(pl.s.clock.Now()))
}

// position is the 1-based place of step in the plan's steps.
func (pl *player) position(step int) int {
	for i, s := range pl.steps {
		if s == step {
			return i + 1
		}
	}
	return 0
}

// announceMarks says the latest time-left line that has come. After a
// suspend several may have come at once; only the last one is still true.
func (pl *player) announceMarks(left time.Duration) {
	crossed := time.Duration(-1)
	for len(pl.marks) > 0 && pl.marks[0] >= left {
		crossed, pl.marks = pl.marks[0], pl.marks[1:]
	}
	if crossed >= 0 {
		pl.s.say(markLine(pl.plan.Segments[pl.seg], crossed))
	}
}

// segmentEnded moves on from a segment whose time is up. The next segment
// starts at this one's deadline (Then), so late wake-ups never stretch the
// routine, except after heat: the next step waits until the pad is off.
func (pl *player) segmentEnded() {
	seg := pl.plan.Segments[pl.seg]
	if pl.lastOfStep(pl.seg) {
		pl.finishStep()
	}
	next := pl.seg + 1
	if seg.Phase == routines.PhaseHeat {
		pl.waitForPad(pl.cd.Deadline(), next)
		return
	}
	if next >= len(pl.plan.Segments) {
		pl.done = true
		return
	}
	pl.start(next, pl.cd.Then(pl.plan.Segments[next].Duration))
}

func (pl *player) lastOfStep(i int) bool {
	segs := pl.plan.Segments
	return i == len(segs)-1 || segs[i+1].Step != segs[i].Step
}

func (pl *player) finishStep() { pl.status[pl.plan.Segments[pl.seg].Step] = true }

// waitForPad says the pad-off cue and holds the routine until Enter; next
// is the segment to start then. at is when the heat ended.
func (pl *player) waitForPad(at time.Duration, next int) {
	pl.s.say(padOffLine())
	pl.hold, pl.afterPad = padOff, next
	// Remind from when the cue was said: after a suspend that is later
	// than the heat's end, and a burst of reminders would help no one.
	pl.remindAt = max(at, pl.s.clock.Now()) + cues.HeatDoneRepeat
}

// padIsOff goes on after the pad-off cue, from now.
func (pl *player) padIsOff(now time.Duration) {
	next := pl.afterPad
	if next >= len(pl.plan.Segments) || next < 0 {
		pl.done = true
		return
	}
	pl.start(next, routines.StartCountdown(now, pl.plan.Segments[next].Duration))
}

// heatRunning reports whether the pad is on: the heat segment runs.
func (pl *player) heatRunning() bool {
	return pl.hold == running && pl.plan.Segments[pl.seg].Phase == routines.PhaseHeat
}

// padWarning reminds about the pad when the session ends with it on.
func (pl *player) padWarning() {
	if pl.heatRunning() || pl.hold == padOff {
		pl.s.say(safety.HeatDoneCue())
	}
}

// progress lists the steps completed and skipped, in plan order.
func (pl *player) progress() (completed, skipped []int) {
	for _, st := range pl.steps {
		done, seen := pl.status[st]
		switch {
		case !seen:
		case done:
			completed = append(completed, st)
		default:
			skipped = append(skipped, st)
		}
	}
	return completed, skipped
}
