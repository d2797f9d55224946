package check

import (
	"fmt"
	"slices"
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

// scrolled keeps the question under the cursor in view, hint included, and
// notes when the last line of the page has been on screen.
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
	// The page is read once its end has been on screen, or once the cursor
	// reached its last question: at 40x12 a question with its hint can be
	// taller than the window, and its end would otherwise never count.
	last := len(l.Spans) > 0 && m.cursor == len(l.Spans)-1
	if (m.offset+room >= len(l.Lines) || last) && !m.seen[m.page] {
		seen := slices.Clone(m.seen)
		seen[m.page] = true
		m.seen = seen
	}
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
	if m.confirming() {
		if w >= 60 {
			right = append(right, "last step")
		}
	} else {
		page := fmt.Sprintf("page %d of %d", m.page+1, len(m.groups))
		if w < 60 {
			page = fmt.Sprintf("%d/%d", m.page+1, len(m.groups))
		}
		right = append(right, page)
	}
	if n := m.marked(); n > 0 {
		right = append(right, fmt.Sprintf("%d marked", n))
	}
	if mark != "" {
		right = append(right, mark)
	}
	out := []string{style.Spread(s.Title.Render("Red-flag check"), s.Muted.Render(strings.Join(right, " · ")), w)}
	heading := "Is this what you marked?"
	if !m.confirming() {
		heading = m.groups[m.page].Heading
	}
	out = append(out, style.Truncate(s.Body.Bold(true).Render(heading), w))
	if m.confirming() {
		if m.roomy() {
			out = append(out, "")
		}
		return out
	}
	if m.roomy() {
		out = append(out, style.Paras("Mark anything that is true for you now.", w, s.Check.Intro)...)
	}
	// Small, the help line's "n none" says it, and the room goes to the
	// question and its hint.
	if m.h >= 16 {
		none := s.Check.None.Render("Press ") + s.Key.Render("n") + s.Check.None.Render(" if none on this page apply.")
		out = append(out, style.Truncate(none, w))
	}
	if m.roomy() {
		out = append(out, "")
	}
	return out
}

func (m Model) footer() []string {
	return style.Footer(m.status, m.st.Check.Status, m.help.View(m.st.Help, m.keys, m.w), m.w)
}

func (m Model) list(room int) style.List {
	if m.confirming() {
		return style.List{Lines: m.confirmLines()}
	}
	s, w := m.st, m.w
	qs := m.questions()
	var items [][]string
	for i, q := range qs {
		box := s.Check.Box.Render("[ ]")
		if m.yes[q.ID] {
			box = s.Check.Checked.Render("[x]")
		}
		pointer, text := "  ", s.Check.Item
		if i == m.cursor {
			pointer, text = s.Selected.Render(style.Pointer)+" ", s.Selected
		}
		item := style.Hang(pointer+box+" ", q.Text, w, text)
		if q.Hint != "" {
			item = append(item, style.Hang("      ", q.Hint, w, s.Check.Hint)...)
		}
		items = append(items, item)
	}
	// A blank line between items when the whole page still fits.
	return style.Stack(items, room, m.roomy())
}

// confirmLines are what was marked, as statements, and how to go on.
func (m Model) confirmLines() []string {
	s, w := m.st, m.w
	var out []string
	yes := m.answers()
	if len(yes) == 0 {
		out = append(out, style.Paras("You marked nothing: none of the questions apply to you now.", w, s.Body)...)
	} else {
		out = append(out, style.Paras("You marked:", w, s.Body)...)
		bullet := s.Check.Checked.Render("[x]") + " "
		for _, r := range safety.Marked(safety.Complete(yes)) {
			out = append(out, style.Hang(bullet, r, w, s.Check.Item)...)
		}
	}
	if m.roomy() {
		out = append(out, "")
	}
	out = append(out, style.Paras("If this is right, press enter. If something is wrong, press b to go back and change it.", w, s.Check.None)...)
	return out
}
