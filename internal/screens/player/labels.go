package player

import (
	"fmt"
	"strings"

	"github.com/supine-app/supine/internal/routines"
)

// step is the routine step on screen.
func (m Model) step() routines.Step {
	return m.plan().Routine.Steps[m.segment().Step]
}

func (m Model) stepTitle() string { return m.step().Title }

// nextTitle is the title of the step after this one, or "" at the end.
func (m Model) nextTitle() string {
	_, last := m.plan().StepRange(m.segment().Step)
	if last+1 >= len(m.plan().Segments) {
		return ""
	}
	return m.plan().Routine.Steps[m.plan().Segments[last+1].Step].Title
}

// pacedPhase is the phase of a paced step on screen, if it is one.
func (m Model) pacedPhase() (routines.PacedPhase, bool) {
	st := m.step()
	if st.Kind != routines.KindPaced {
		return routines.PacedPhase{}, false
	}
	name := m.segment().Phase
	for _, ph := range st.Phases {
		if ph.Name == name {
			return ph, true
		}
	}
	return routines.PacedPhase{}, false
}

// statusWords say where in the step the person is, in words, never only
// by colour: "Left 2 of 3", "Switch sides", "Rep 4 of 10".
func (m Model) statusWords() (word, detail string) {
	s := m.segment()
	switch s.Kind {
	case routines.SegReady:
		if s.Side != routines.NoSide {
			return "Get ready", sideWord(s.Side) + " side first"
		}
		return "Get ready", ""
	case routines.SegHeat:
		// The big digits are a picture of the time, not words: the status
		// says it too.
		return "Heating", fmt.Sprintf("%s left · %d min · +/- to change", routines.FormatClock(m.state.Left), m.plan().HeatMinutes())
	case routines.SegHold:
		if s.Side != routines.NoSide {
			return fmt.Sprintf("%s %d of %d", sideWord(s.Side), s.Rep, s.Reps), "hold"
		}
		if s.Reps > 1 {
			return fmt.Sprintf("Hold %d of %d", s.Rep, s.Reps), ""
		}
		return "Hold", ""
	case routines.SegSwitch:
		if n, ok := m.following(); ok && n.Side != routines.NoSide {
			return "Switch sides", n.Side.String() + " next"
		}
		return "Switch sides", ""
	case routines.SegRest:
		if n, ok := m.following(); ok && n.Reps > 0 {
			return "Rest", fmt.Sprintf("then %d of %d", n.Rep, n.Reps)
		}
		return "Rest", ""
	}
	if s.Reps > 0 {
		// The phase is drawn large too, but block letters are a picture, not
		// words: the status line names it as well.
		return fmt.Sprintf("Rep %d of %d", s.Rep, s.Reps), s.Phase
	}
	if s.Phase == "" {
		return "", ""
	}
	return strings.ToUpper(s.Phase[:1]) + s.Phase[1:], ""
}

// following is the next segment when it belongs to the same step.
func (m Model) following() (routines.Segment, bool) {
	if m.state.Seg+1 >= len(m.plan().Segments) {
		return routines.Segment{}, false
	}
	n := m.plan().Segments[m.state.Seg+1]
	return n, n.Step == m.segment().Step
}

func sideWord(s routines.Side) string {
	if s == routines.Left {
		return "Left"
	}
	return "Right"
}

// switchCue is the line under the clock while sides switch. It names the
// side only: the way back to the middle differs by stretch (a leg lowered,
// knees rolled back), and the step's own cues say it.
func (m Model) switchCue() string {
	if n, ok := m.following(); ok && n.Side != routines.NoSide {
		return "Now your " + n.Side.String() + " side."
	}
	return "Now the other side."
}
