package remind

import (
	"fmt"
	"time"

	"github.com/supine-app/supine/internal/night"
)

// Rules of the nudge (issue 22).
const (
	// LateBy is the latest a nudge may come after its time: a laptop that
	// slept through 22:30 must not nudge at 07:00.
	LateBy = 90 * time.Minute
	// PadGap is how recently the pad must not have been on: the same gap
	// as between two heat sessions.
	PadGap = night.HeatGap
)

// Message is the whole notification: an invitation with no health detail,
// because a notification can show on a locked screen or a shared desk.
const (
	Title   = "supine"
	Message = "Time for your back routine? Type supine."
)

// Facts are what the nudge knows when it runs.
type Facts struct {
	Now time.Time
	At  Clock // the time the reminder was set for
	// Tonight is what happened tonight (night.FromHistory), and Gate what
	// it allows now.
	Tonight night.Tonight
	Gate    night.Gate
	// Started: a session began tonight (done, under way or left).
	Started bool
	// Skipped: the person said "not tonight"; Nudged: a nudge spoke
	// tonight already. Both are of tonight's night (State.Skips, Nudged).
	Skipped, Nudged bool
}

// Verdict is the nudge's decision: speak, or stay silent and why.
type Verdict struct {
	Speak bool
	Why   string // one sentence, for `supine nudge --why`
}

// Decide is the one rule of the nudge: at most one a night, and silent
// whenever tonight is not a night for the routine, or not now. It is a
// pure function of the facts.
func Decide(f Facts) Verdict {
	if v, silent := Timely(f); silent {
		return v
	}
	silent := func(why string) Verdict { return Verdict{Why: why} }
	// A void or a stop for pain holds for the rest of its night and at
	// least night.VoidAtLeast: one of the evening before may still hold.
	switch {
	case f.Gate.IsVoid:
		return silent("Silent: a check ended the routine" + untilWords(f.Gate.VoidUntil, f.Now) + ".")
	case f.Gate.PainToday:
		return silent("Silent: you stopped for pain; the routine is the sleep set-up only" + untilWords(f.Gate.PainUntil, f.Now) + ".")
	}
	for _, h := range f.Tonight.Heat {
		if f.Now.Sub(h.End()) < PadGap {
			return silent("Silent: the heating pad was on less than 2 hours ago.")
		}
	}
	if f.Started || len(f.Tonight.Checks) > 0 || len(f.Tonight.Pain) > 0 {
		return silent("Silent: tonight's routine is done or under way.")
	}
	return Verdict{Speak: true, Why: "A reminder: " + Message}
}

// untilWords says until when a void or a pain stop holds, as the routine
// says it (night.OpensAt): " until 10:00 today", or " for now" for a gate
// given without its end.
func untilWords(until, now time.Time) string {
	if until.IsZero() {
		return " for now"
	}
	return " until " + night.OpensAt(until, now)
}

// Timely is the part of Decide that needs no history: silent when a nudge
// spoke tonight already, when it is too late, or when the person said not
// tonight. The nudge reads the history only when these let it speak.
func Timely(f Facts) (Verdict, bool) {
	late := f.Now.Sub(f.At.Last(f.Now))
	switch {
	case f.Nudged:
		return Verdict{Why: "Silent: a reminder was sent tonight already."}, true
	case late > LateBy:
		return Verdict{Why: fmt.Sprintf("Silent: the reminder was due at %s, %s ago; a reminder is never sent more than %d minutes late.",
			f.At, Span(late), int(LateBy/time.Minute))}, true
	case f.Skipped:
		return Verdict{Why: "Silent: you said not tonight."}, true
	}
	return Verdict{}, false
}
