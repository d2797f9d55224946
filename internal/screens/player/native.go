package player

import "github.com/supine-app/supine/internal/routines"

// HeatProgress is how far the heat countdown has gone, 0 to 1, for the
// terminal's own progress indicator. ok is false unless the heat step is
// counting down (or paused in it).
func (m Model) HeatProgress() (done float64, ok bool) {
	if m.ended() || m.mode() != modeRunning || len(m.plan().Segments) == 0 {
		return 0, false
	}
	seg := m.segment()
	if seg.Kind != routines.SegHeat || seg.Duration <= 0 {
		return 0, false
	}
	left := m.state.Left
	return 1 - float64(left)/float64(seg.Duration), true
}
