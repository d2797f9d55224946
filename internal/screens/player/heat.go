package player

import (
	"fmt"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens/style"
)

// The heat step's safety lines (CONTENT.md section 3, v3). They rank
// above the routine's instructions. The three kept lines are always drawn
// (rank 0, right under the countdown); the others take the room left and,
// when some do not fit, are one key away: ↓ scrolls through them (the
// help line shows it), and a marked line says there are more. Nothing
// ever replaces a safety line with "enlarge the window".

// Ranks of the heat step's parts, before the ranks of view.go.
const (
	rankSilent     = 1 // the muted warning: a safety line of its own
	rankHeatHead   = 2 // "Heat safety"
	rankHeatStatus = 4 // "Heating · 15 min": the countdown says the time
	rankHeatMore   = 6 // the lines after the kept three, 6, 7, 8, ...
)

// heatSafetyBlocks are the kept lines, with the heading before them, and
// the rest from the scroll offset on.
func (m Model) heatSafetyBlocks() (kept, more []style.Block) {
	p := m.st.Player
	mark := p.SafetyMark.Render("! ")
	kept = m.cached("heat-kept", 0, func() []style.Block {
		bl := []style.Block{{Rank: rankHeatHead, Gap: true, Lines: []string{p.SafetyMark.Bold(true).Render("Heat safety")}}}
		for _, l := range safety.HeatSafetyLines() {
			if l.Kept {
				bl = append(bl, style.Block{Safety: true, Lines: style.Hang(mark, l.Text, m.w, p.Safety)})
			}
		}
		return bl
	})
	more = m.cached("heat-more", m.safetyOff, func() []style.Block {
		var bl []style.Block
		for i, l := range m.scrolledHeatLines() {
			bl = append(bl, style.Block{Rank: rankHeatMore + i, Safety: true, Lines: style.Hang(mark, l, m.w, p.Safety)})
		}
		return bl
	})
	return kept, more
}

// moreHeatLines are the heat-safety lines that may be one key away.
func moreHeatLines() []string {
	var out []string
	for _, l := range safety.HeatSafetyLines() {
		if !l.Kept {
			out = append(out, l.Text)
		}
	}
	return out
}

// scrolledHeatLines are those lines from the scroll offset on.
func (m Model) scrolledHeatLines() []string {
	ls := moreHeatLines()
	return ls[min(m.safetyOff, len(ls)):]
}

// heatMark is the line that stands for the safety lines not on screen,
// and says how to reach them: hidden of them come after the ones shown.
func (m Model) heatMark(hidden int) string {
	p := m.st.Player
	var text string
	switch {
	case hidden == 1:
		text = "1 more safety line: press ↓ to read it."
	case hidden > 1:
		text = fmt.Sprintf("%d more safety lines: press ↓ to read them.", hidden)
	default:
		text = "Safety lines scrolled past: press ↓ to see them again."
	}
	return style.Truncate(p.SafetyMark.Render("! ")+p.Safety.Render(text), m.w)
}

// scrollSafety moves the heat-safety lines on by one, or back to the
// first once the last is on screen.
func (m Model) scrollSafety(back bool) Model {
	switch {
	case back:
		m.safetyOff = max(m.safetyOff-1, 0)
	case m.layout().hiddenAfter:
		m.safetyOff++
	default:
		m.safetyOff = 0
	}
	return m
}
