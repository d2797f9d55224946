package routines

// Move names a stretch the precautions know (CONTENT.md section 6): which
// step is knee-to-chest or knee rolls is read from the routine file's move
// key, never guessed from a title a person wrote.
type Move string

const (
	MoveNone        Move = ""
	MoveKneeToChest Move = "knee-to-chest"
	MoveKneeRolls   Move = "knee-rolls"
	MovePelvicTilt  Move = "pelvic-tilt"
)

var moveNames = []string{string(MoveKneeToChest), string(MoveKneeRolls), string(MovePelvicTilt)}

// IsKneeToChest reports whether a step is knee-to-chest: marked so with
// move, or with skip_with_osteoporosis, which marks knee-to-chest in the
// built-ins and in files written before move existed.
func (st Step) IsKneeToChest() bool {
	return st.Move == MoveKneeToChest || st.SkipWithOsteoporosis
}

// IsStretch reports whether a step is a stretch: a hold or a paced step.
func (st Step) IsStretch() bool { return st.Kind == KindHold || st.Kind == KindPaced }

// StopsForSkin reports whether the step's stop-if lines ask for the skin
// stop rather than the stop for pain. A heat step's do: its own stop is
// the skin under the pad (CONTENT.md section 3, v3), which ends heat, not
// the night, so the front ends name the skin-stop key with them.
func (st Step) StopsForSkin() bool { return st.Kind == KindHeat }
