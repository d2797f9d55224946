package night

import (
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// SmallKneeRollsCue is the line knee rolls gain with osteoporosis
// (CONTENT.md sections 2 and 6): twisting kept small.
const SmallKneeRollsCue = "Keep the roll small and slow, never to the end of the range."

// SideSleepCue is the line the settle step gains when the sleep set-up is
// on the side (pregnancy, CONTENT.md section 6).
const SideSleepCue = "Tonight, settle on your side, with the pillows of the side-sleeping set-up."

// AdaptationFor is what the newest stored answers, and the osteoporosis
// setting or flag, do to tonight's routine: one rule for the app, plain
// mode and the commands that print plans.
func AdaptationFor(pr history.Precautions, osteoporosis bool) safety.Adaptation {
	answers := make(map[string]bool, len(pr.Latest)+1)
	for id, p := range pr.Latest {
		answers[id] = p.Yes
	}
	if osteoporosis {
		answers[safety.Osteoporosis] = true
	}
	return safety.Adapt(answers)
}

// Adapt is the routine the precautions allow (safety.Adapt, CONTENT.md
// section 6), before it expands into a plan. It is a pure function: r is
// never changed, the same input always gives the same routine.
//
// Knee-to-chest is a step with move = "knee-to-chest" or
// skip_with_osteoporosis; knee rolls are move = "knee-rolls". NoStretches
// keeps heat and settle steps only; HeatAfterClinician leaves heat out (home
// and `routines show` say why, from the Reasons). Nothing takes the sleep
// set-up away: a routine left with no step gets the settle step.
func Adapt(r routines.Routine, a safety.Adaptation) routines.Routine {
	if !a.NoKneeToChest && !a.NoKneeRolls && !a.NoStretches && !a.SmallKneeRolls && !a.HeatAfterClinician && !a.SideSleep {
		return r
	}
	out := r
	out.Steps = make([]routines.Step, 0, len(r.Steps))
	for _, st := range r.Steps {
		switch {
		case st.Kind == routines.KindHeat && a.HeatAfterClinician:
			continue
		case a.NoStretches && st.Kind != routines.KindHeat && st.Kind != routines.KindSettle:
			continue
		case a.NoKneeToChest && st.IsKneeToChest():
			continue
		case a.NoKneeRolls && st.Move == routines.MoveKneeRolls:
			continue
		}
		if a.SmallKneeRolls && st.Move == routines.MoveKneeRolls {
			st.Cues = withLine(st.Cues, SmallKneeRollsCue)
			st.Small = true
		}
		if a.SideSleep && st.Kind == routines.KindSettle {
			st.Cues = withLine(st.Cues, SideSleepCue)
		}
		out.Steps = append(out.Steps, st)
	}
	if len(out.Steps) == 0 {
		st := routines.Step{Kind: routines.KindSettle, Title: "Settle in", Cues: []string{
			"Get into the position you sleep in.",
			"Set up your pillows the way the sleep setup shows.",
			"Lights out.",
		}}
		if a.SideSleep {
			st.Cues = withLine(st.Cues, SideSleepCue)
		}
		out.Steps = append(out.Steps, st)
	}
	return out
}

// withLine is lines with one more at the end, in a new slice: the
// routine's own steps are shared and never changed.
func withLine(lines []string, line string) []string {
	out := make([]string, 0, len(lines)+1)
	out = append(out, lines...)
	return append(out, line)
}
