package precautions

import (
	"fmt"
	"strings"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens/style"
)

// View draws the page on show within its size: the header, the list
// scrolled so that the question under the cursor shows whole, the status
// and the keys.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	foot := m.footer()
	room := m.listHeight(foot)
	shown, mark := style.Window(m.list(room).Lines, m.offset, room)
	body := append(m.header(mark), shown...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), strings.Join(foot, "\n"))
}

// scrolled keeps the question under the cursor in view, whole.
func (m Model) scrolled() Model {
	if m.w <= 0 || m.h <= 0 {
		return m
	}
	room := m.listHeight(m.footer())
	l := m.list(room)
	if room <= 0 {
		return m
	}
	m.offset = l.Follow(m.offset, m.cursor, room)
	return m
}

func (m Model) roomy() bool { return m.h >= 20 }

// listHeight is the room the list has under the header and above foot,
// passed in so that a View renders the help once.
func (m Model) listHeight(foot []string) int {
	return m.h - len(m.header("")) - len(foot)
}

func (m Model) header(mark string) []string {
	s, w := m.st, m.w
	var right []string
	if m.summary {
		if w >= 60 {
			right = append(right, "last step")
		}
	} else {
		n := fmt.Sprintf("%d of %d answered", len(m.answers), len(m.ps))
		if w < 60 {
			n = fmt.Sprintf("%d/%d", len(m.answers), len(m.ps))
		}
		right = append(right, n)
	}
	if mark != "" {
		right = append(right, mark)
	}
	out := []string{style.Spread(s.Title.Render("Precautions"), s.Muted.Render(strings.Join(right, " · ")), w)}
	heading := "Before tonight: anything that changes the routine?"
	if m.summary {
		heading = "What tonight's routine becomes"
	}
	out = append(out, style.Truncate(s.Body.Bold(true).Render(heading), w))
	if !m.summary && m.h >= 16 {
		intro := s.Check.None.Render("Answer each with ") + s.Key.Render("y") + s.Check.None.Render(" (yes) or ") + s.Key.Render("n") +
			s.Check.None.Render(" (no). None of them stops the sleep set-up.")
		out = append(out, style.Truncate(intro, w))
		cleared := s.Check.None.Render("Or ") + s.Key.Render("c") + s.Check.None.Render(": "+safety.ClearedAnswer+".")
		out = append(out, style.Truncate(cleared, w))
	}
	if m.roomy() {
		out = append(out, "")
	}
	return out
}

func (m Model) footer() []string {
	if m.step.open {
		return style.Footer(m.stepStatus(), m.st.Check.Status, m.help.View(m.st.Help, newStepKeys(!m.step.asked), m.w), m.w)
	}
	return style.Footer(m.status, m.st.Check.Status, m.help.View(m.st.Help, m.keys, m.w), m.w)
}

func (m Model) list(room int) style.List {
	if m.summary {
		return style.List{Lines: m.summaryLines()}
	}
	s, w := m.st, m.w
	var items [][]string
	for i, p := range m.ps {
		box := s.Check.Box.Render("[   ]")
		if yes, done := m.answers[p.ID]; done && yes {
			box = s.Check.Checked.Render("[yes]")
		} else if done {
			box = s.Check.Item.Render("[no ]")
		}
		pointer, text := "  ", s.Check.Item
		if i == m.cursor {
			pointer, text = s.Selected.Render(style.Pointer)+" ", s.Selected
		}
		item := style.Hang(pointer+box+" ", p.Text, w, text)
		if p.Hint != "" {
			item = append(item, style.Hang("        ", p.Hint, w, s.Check.Hint)...)
		}
		item = append(item, style.Hang("        ", "If yes: "+p.Does, w, s.Check.Hint)...)
		if c, ok := m.cleared[p.ID]; ok {
			item = append(item, style.Hang("        ", "Your clinician cleared "+c.Cleared.Words()+" on "+c.ClearedOn.Format("2 Jan 2006")+".", w, s.Check.Status)...)
		}
		items = append(items, item)
	}
	// A blank line between items when the whole page still fits.
	return style.Stack(items, room, m.roomy())
}

// summaryLines say what the answers do to tonight's routine, before they
// are kept.
func (m Model) summaryLines() []string {
	s, w := m.st, m.w
	var out []string
	a := safety.AdaptAnswers(m.full())
	if !a.Adapted() {
		out = append(out, style.Paras("You answered no to each question: tonight's routine runs as it is.", w, s.Body)...)
	} else {
		bullet := s.Check.Checked.Render("•") + " "
		for _, r := range a.Reasons {
			out = append(out, style.Hang(bullet, r, w, s.Check.Item)...)
		}
		if m.roomy() {
			out = append(out, "")
		}
		out = append(out, style.Paras("The sleep set-up always stays.", w, s.Body)...)
	}
	if m.roomy() {
		out = append(out, "")
	}
	out = append(out, style.Paras("Press enter to keep these answers. Press b to change one. You can answer again any time from the menu (p).", w, s.Check.None)...)
	return out
}
