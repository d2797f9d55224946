package summary

import (
	"fmt"
	"strings"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// labelWidth lines the values up after "Tightness ".
const labelWidth = 10

// View draws the screen within the size it was given.
func (m Model) View() string {
	if m.st == nil || m.w <= 0 || m.h <= 0 {
		return ""
	}
	foot := m.helpView()
	room := m.h - len(style.Lines(foot))
	body := style.Pack(m.blocks(), room)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), foot)
}

func (m Model) blocks() []style.Block {
	p := m.st.Player
	d := m.data
	heading := map[screens.EndReason]string{
		screens.Finished:      "Done for tonight",
		screens.QuitMidway:    "Stopped early",
		screens.StoppedByPain: "Stopped for pain",
	}[d.Reason]
	bl := []style.Block{{Lines: []string{style.Spread(p.Heading.Render(heading), p.Label.Render(d.Routine), m.w)}}}
	if d.SaveProblem != "" {
		// Rank 0 with the heading: a lost night is the one thing the person
		// must not miss here.
		bl = append(bl, style.Block{Lines: m.wrap(d.SaveProblem, p.Worse.Render)})
	}
	if d.Reason == screens.StoppedByPain {
		bl = append(bl, style.Block{Lines: m.wrap("If the pain does not ease, or you notice anything new, run the red-flag check: supine check.", p.Worse.Render)})
	}
	done := "nothing this time"
	if len(d.Completed) > 0 {
		done = strings.Join(d.Completed, ", ")
	}
	bl = append(bl, style.Block{Rank: 1, Gap: true, Lines: m.row("Done", done, p.Text.Render)})
	if len(d.Skipped) > 0 {
		bl = append(bl, style.Block{Rank: 3, Lines: m.row("Skipped", strings.Join(d.Skipped, ", "), p.Text.Render)})
	}
	if d.Heat != "" {
		bl = append(bl, style.Block{Rank: 4, Lines: m.row("Heat", d.Heat, p.Text.Render)})
	}
	if line, st := m.tightness(); line != "" {
		bl = append(bl, style.Block{Rank: 1, Lines: m.row("Tightness", line, st)})
	}
	if d.Streak > 0 {
		bl = append(bl, style.Block{Rank: 5, Lines: m.row("Streak", nights(d.Streak)+" in a row", p.Text.Render)})
	}
	if d.Nudge != "" {
		bl = append(bl, style.Block{Rank: 2, Gap: true, Lines: m.wrap(d.Nudge, p.Nudge.Render)})
	}
	if su := d.Setup; su.Title != "" {
		bl = append(bl, style.Block{Rank: 6, Gap: true, Lines: []string{style.Truncate(p.SetupHead.Render("For sleep: "+su.Title), m.w)}})
		if su.Head != "" {
			bl = append(bl, style.Block{Rank: 7, Lines: m.row("Head", su.Head, p.SetupText.Render)})
		}
		if su.Body != "" {
			bl = append(bl, style.Block{Rank: 8, Lines: m.row(su.BodyPart, su.Body, p.SetupText.Render)})
		}
		// Notes are on the position as a whole: a bullet of their own, not
		// indented under the last pillow.
		for i, x := range su.Extra {
			bl = append(bl, style.Block{Rank: 12 + i, Lines: style.Hang("• ", x, m.w, p.Label)})
		}
	}
	return append(bl, style.Block{Gap: true, Lines: []string{p.LightsOut.Render("Lights out. Sleep well.")}})
}

// tightness is "6 → 4 · 2 lower", in words as well as colour.
func (m Model) tightness() (string, func(...string) string) {
	p := m.st.Player
	b, a := m.data.Before, m.data.After
	switch {
	case b != nil && a != nil:
		diff := *a - *b
		switch {
		case diff < 0:
			return fmt.Sprintf("%d → %d · %d lower", *b, *a, -diff), p.Better.Render
		case diff > 0:
			return fmt.Sprintf("%d → %d · %d higher", *b, *a, diff), p.Worse.Render
		}
		return fmt.Sprintf("%d → %d · no change", *b, *a), p.Text.Render
	case b != nil:
		return fmt.Sprintf("%d before", *b), p.Text.Render
	case a != nil:
		return fmt.Sprintf("%d after", *a), p.Text.Render
	}
	return "", nil
}

// row is a labelled value, wrapped under itself: "Done      Heat, Knee to chest".
func (m Model) row(label, value string, render func(...string) string) []string {
	p := m.st.Player
	prefix := p.Label.Render(fmt.Sprintf("%-*s", labelWidth, label))
	ls := style.Wrap(value, m.w-labelWidth)
	out := make([]string, len(ls))
	for i, l := range ls {
		lead := strings.Repeat(" ", labelWidth)
		if i == 0 {
			lead = prefix
		}
		out[i] = lead + render(l)
	}
	return out
}

func (m Model) wrap(text string, render func(...string) string) []string {
	ls := style.Wrap(text, m.w)
	for i, l := range ls {
		ls[i] = render(l)
	}
	return ls
}

func nights(n int) string {
	if n == 1 {
		return "1 night"
	}
	return fmt.Sprintf("%d nights", n)
}
