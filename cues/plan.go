package cues

import (
	"slices"
	"time"

	"github.com/supine-app/supine/routines"
)

// Cue is one sound on a plan's timeline.
type Cue struct {
	At      time.Duration // offset from the start of the plan
	Kind    Kind
	Segment int // index into Plan.Segments the cue belongs to
}

// lastSeconds are the moments before the end of a hold that get a bell.
var lastSeconds = []time.Duration{3 * time.Second, 2 * time.Second, time.Second}

// Plan lists which cue fires at which moment of p, in time order, with
// these settings. Offsets are on the plan's own timeline: a settle step or
// an unacknowledged heat-done cue holds the real routine back, and the
// player shifts later cues by that wait. The heat-done cue is listed once;
// repeating it every HeatDoneRepeat until acknowledged is the player's job.
//
// The rules:
//   - next step at the start of every step, except the last settle step;
//   - switch sides at the start of each switch segment, or at the change of
//     side when a per-side step has no switch time;
//   - phase at every change of segment inside a paced step;
//   - last seconds 3, 2 and 1 s before the end of every hold segment long
//     enough to have them;
//   - heat done at the end of the heat segment;
//   - done at the start of the settle step that ends the plan, or at the end
//     of a plan that has none.
func Plan(p routines.Plan, s Settings) []Cue {
	var out []Cue
	add := func(at time.Duration, k Kind, seg int) {
		if s.Audible(k) {
			out = append(out, Cue{At: at, Kind: k, Segment: seg})
		}
	}
	segs := p.Segments
	for i, seg := range segs {
		step := p.Routine.Steps[seg.Step]
		firstOfStep := i == 0 || segs[i-1].Step != seg.Step
		lastSeg := i == len(segs)-1
		switch {
		case seg.Phase == routines.PhaseSettle && lastSeg:
			add(seg.Start, Done, i)
		case firstOfStep:
			add(seg.Start, NextStep, i)
		case seg.Phase == routines.PhaseSwitch:
			add(seg.Start, SwitchSides, i)
		case step.Kind == routines.KindPaced:
			add(seg.Start, Phase, i)
		case seg.Phase == routines.PhaseHold && seg.Side != routines.NoSide && sideChanged(segs, i):
			add(seg.Start, SwitchSides, i)
		case seg.Phase == routines.PhaseHold && pauseBefore(segs, i):
			// The pause to switch or rest is over: hold again.
			add(seg.Start, Phase, i)
		}
		if seg.Phase == routines.PhaseHold {
			for _, before := range lastSeconds {
				if at := seg.End() - before; at > seg.Start {
					add(at, LastSeconds, i)
				}
			}
		}
		if seg.Phase == routines.PhaseHeat {
			add(seg.End(), HeatDone, i)
		}
	}
	if n := len(segs); n > 0 && segs[n-1].Phase != routines.PhaseSettle {
		add(p.Total, Done, n-1)
	}
	// Cues are made in segment order, which is time order already; the
	// stable sort only guards that promise against segments of length 0.
	slices.SortStableFunc(out, func(a, b Cue) int { return int(a.At - b.At) })
	return out
}

// sideChanged reports whether hold segment i works another side than the
// hold before it in the same step, with no switch segment in between.
func sideChanged(segs []routines.Segment, i int) bool {
	prev := segs[i-1]
	return prev.Step == segs[i].Step && prev.Phase == routines.PhaseHold &&
		prev.Side != routines.NoSide && prev.Side != segs[i].Side
}

// pauseBefore reports whether hold segment i follows a switch or a rest of
// the same step.
func pauseBefore(segs []routines.Segment, i int) bool {
	prev := segs[i-1]
	return prev.Step == segs[i].Step && (prev.Phase == routines.PhaseSwitch || prev.Phase == routines.PhaseRest)
}

// Between returns the cues with from < At <= to: the ones a player crossed
// since it last looked. A cue at 0 is due when from is negative.
func Between(cs []Cue, from, to time.Duration) []Cue {
	var out []Cue
	for _, c := range cs {
		if c.At > from && c.At <= to {
			out = append(out, c)
		}
	}
	return out
}
