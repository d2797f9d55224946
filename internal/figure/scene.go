// Package figure draws the small pictures of the stretches and the sleep
// set-ups: a figure lying on a bed, drawn from a table of joint positions
// (pose.go), with no image files. A Scene names what one picture shows; the
// package turns it into shapes, then into a grid of dots for Unicode
// braille (every terminal that shows text) or into pixels for a terminal
// that can show images, and into one line of words for a screen reader.
//
// It is a domain package: it imports no UI package and never decides what
// a night allows, only what a step looks like.
package figure

import (
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/routines"
)

// Pose is one drawing of the table.
type Pose int

const (
	NoPose Pose = iota
	KneeToChestLeft
	KneeToChestRight
	PelvicTilt  // the lower back pressed flat onto the bed
	PelvicRelax // the lower back in a slight arch
	KneeRollLeft
	KneeRollRight
	SleepSide
	SleepBack
	SleepStomach
)

// Poses is every pose, in the order of the table.
func Poses() []Pose {
	return []Pose{KneeToChestLeft, KneeToChestRight, PelvicTilt, PelvicRelax,
		KneeRollLeft, KneeRollRight, SleepSide, SleepBack, SleepStomach}
}

// Scene is what one picture shows: a pose, and whether its range is kept
// small tonight (knee rolls with osteoporosis, CONTENT.md sections 2 and 6).
type Scene struct {
	Pose  Pose
	Small bool
}

// Scenes is every picture the app can draw.
func Scenes() []Scene {
	var out []Scene
	for _, p := range Poses() {
		out = append(out, Scene{Pose: p})
		if p == KneeRollLeft || p == KneeRollRight {
			out = append(out, Scene{Pose: p, Small: true})
		}
	}
	return out
}

// Name is a short name for the scene, for golden files and image ids:
// "knee-roll-left-small".
func (s Scene) Name() string {
	n := poseNames[s.Pose]
	if s.Small {
		n += "-small"
	}
	return n
}

var poseNames = map[Pose]string{
	NoPose:           "none",
	KneeToChestLeft:  "knee-to-chest-left",
	KneeToChestRight: "knee-to-chest-right",
	PelvicTilt:       "pelvic-tilt",
	PelvicRelax:      "pelvic-relax",
	KneeRollLeft:     "knee-roll-left",
	KneeRollRight:    "knee-roll-right",
	SleepSide:        "sleep-side",
	SleepBack:        "sleep-back",
	SleepStomach:     "sleep-stomach",
}

// At is the picture of segment i of a plan: the side that works now (a
// get-ready shows the side that comes first, a switch or a rest the side
// that comes next), the phase of a paced step, and the sleep position pos
// at the settle step. The full-screen player and plain mode both ask it.
func At(p routines.Plan, i int, pos guide.Position) (Scene, bool) {
	if i < 0 || i >= len(p.Segments) {
		return Scene{}, false
	}
	seg := p.Segments[i]
	side := seg.Side
	if i+1 < len(p.Segments) && p.Segments[i+1].Step == seg.Step && p.Segments[i+1].Side != routines.NoSide &&
		(side == routines.NoSide || seg.Kind == routines.SegSwitch) {
		side = p.Segments[i+1].Side
	}
	return For(p.Step(i), seg, side, pos)
}

// For is the picture of a step at one of its segments, with the side to
// show and the sleep position for the settle step (none when pos is not
// known). A step whose move the table does not know has no picture: ok is
// false. The move is read from the step's move key (routines.Move), never
// guessed from a title.
func For(st routines.Step, seg routines.Segment, side routines.Side, pos guide.Position) (Scene, bool) {
	switch {
	case st.Kind == routines.KindSettle:
		switch pos {
		case guide.Side:
			return Scene{Pose: SleepSide}, true
		case guide.Back:
			return Scene{Pose: SleepBack}, true
		case guide.Stomach:
			return Scene{Pose: SleepStomach}, true
		}
		return Scene{}, false
	case st.IsKneeToChest():
		if side == routines.Right {
			return Scene{Pose: KneeToChestRight}, true
		}
		return Scene{Pose: KneeToChestLeft}, true
	case st.Move == routines.MoveKneeRolls:
		p := KneeRollLeft
		if side == routines.Right {
			p = KneeRollRight
		}
		return Scene{Pose: p, Small: st.Small}, true
	case st.Move == routines.MovePelvicTilt:
		// The tilt is the first phase of the rhythm; every other moment
		// (the get-ready, the relax, a rest) shows the back at ease.
		if seg.Kind == routines.SegPaced && len(st.Phases) > 0 && seg.Phase == st.Phases[0].Name {
			return Scene{Pose: PelvicTilt}, true
		}
		return Scene{Pose: PelvicRelax}, true
	}
	return Scene{}, false
}

// Words say what the picture shows, for a screen reader: one line, the
// same facts the drawing holds.
func Words(s Scene) string {
	switch s.Pose {
	case KneeToChestLeft:
		return "Picture: lying on your back, your left knee drawn toward your chest with both hands; the right foot stays on the bed."
	case KneeToChestRight:
		return "Picture: lying on your back, your right knee drawn toward your chest with both hands; the left foot stays on the bed."
	case PelvicTilt:
		return "Picture: lying on your back, knees bent, your lower back pressed flat onto the bed."
	case PelvicRelax:
		return "Picture: lying on your back, knees bent, your lower back in a slight arch."
	case KneeRollLeft, KneeRollRight:
		side := "left"
		if s.Pose == KneeRollRight {
			side = "right"
		}
		if s.Small {
			return "Picture: lying on your back, knees bent and together, rolled only a short way to your " + side + "; both shoulders stay on the bed."
		}
		return "Picture: lying on your back, knees bent and together, rolled to your " + side + "; both shoulders stay on the bed."
	case SleepSide:
		return "Picture: lying on your side, a thick pillow under your head and a pillow between your knees."
	case SleepBack:
		return "Picture: lying on your back, a pillow under your head and a small pillow under your knees."
	case SleepStomach:
		return "Picture: lying on your stomach, a pillow under your hips and lower belly."
	}
	return ""
}
