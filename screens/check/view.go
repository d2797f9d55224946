package check

import (
	"fmt"
	"strings"

	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/screens/style"
)

// span is where one question sits in the list, heading included for the
// first of a tier so that scrolling up shows what the tier means.
type span struct{ top, bottom int }

// View draws the check within its size, the list scrolled so that the
// question under the cursor shows whole.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	l := m.list()
	room := m.listHeight()
	end := min(m.offset+room, len(l.lines))
	shown := append([]string(nil), l.lines[min(m.offset, end):end]...)
	// Scrolled, the top line never shows the tail of a cut-off question:
	// it shows the heading of the cursor's tier when that scrolled away, so
	// a question is never seen without what its tier means.
	if m.offset > 0 && len(shown) > 0 {
		switch {
		case m.headingLine(l.spans) < m.offset:
			shown[0] = m.heading(m.qs[m.cursor].Tier)
		case !l.starts[m.offset]:
			shown[0] = ""
		}
	}
	mark := style.ScrollMark(m.offset == 0, end >= len(l.lines))
	body := append(m.header(mark), shown...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), strings.Join(m.footer(), "\n"))
}

// scrolled keeps the question under the cursor in view, with one line
// above it free for the tier heading, and the scroll offset on a line just
// above the start of a question.
func (m Model) scrolled() Model {
	l := m.list()
	room := m.listHeight()
	if len(l.spans) == 0 || room <= 0 {
		return m
	}
	sp := l.spans[m.cursor]
	m.offset = style.KeepVisible(m.offset, sp.top-1, sp.bottom, room)
	m.offset = min(m.offset, max(len(l.lines)-room, 0))
	if m.offset > 0 {
		for o := m.offset; o < sp.top; o++ {
			if l.starts[o+1] {
				m.offset = o
				break
			}
		}
	}
	return m
}

func (m Model) roomy() bool { return m.h >= 20 }

func (m Model) listHeight() int {
	return m.h - len(m.header("")) - len(m.footer())
}

func (m Model) header(mark string) []string {
	s, w := m.st, m.w
	var right []string
	if n := m.marked(); n > 0 {
		right = append(right, fmt.Sprintf("%d marked", n))
	}
	if mark != "" {
		right = append(right, mark)
	}
	out := []string{style.Spread(s.Title.Render("Red-flag check"), s.Muted.Render(strings.Join(right, " · ")), w)}
	for _, l := range style.Wrap("Mark anything that is true for you now.", w) {
		out = append(out, s.Check.Intro.Render(l))
	}
	none := s.Check.None.Render("Press ") + s.Key.Render("n") + s.Check.None.Render(" if none of these apply.")
	out = append(out, style.Truncate(none, w))
	if m.roomy() {
		out = append(out, "")
	}
	return out
}

func (m Model) footer() []string {
	var out []string
	if m.status != "" {
		for _, l := range style.Wrap(m.status, m.w) {
			out = append(out, m.st.Check.Status.Render(l))
		}
	}
	return append(out, style.Lines(style.HelpView(m.help, m.keys, m.w))...)
}

// layout is the whole list as lines: where each question sits, and which
// lines start a heading or a question.
type layout struct {
	lines  []string
	spans  []span
	starts []bool
}

func (m Model) list() layout {
	s, w := m.st, m.w
	var l layout
	add := func(start bool, lines ...string) {
		for i, line := range lines {
			l.lines = append(l.lines, line)
			l.starts = append(l.starts, start && i == 0)
		}
	}
	l.spans = make([]span, len(m.qs))
	for i, q := range m.qs {
		top := len(l.lines)
		if i == 0 || m.qs[i-1].Tier != q.Tier {
			if i > 0 && m.roomy() {
				add(false, "")
				top++
			}
			add(true, m.heading(q.Tier))
		}
		box := s.Check.Box.Render("[ ]")
		if m.yes[i] {
			box = s.Check.Checked.Render("[x]")
		}
		pointer, text := "  ", s.Check.Item
		if i == m.cursor {
			pointer, text = s.Selected.Render(style.Pointer)+" ", s.Selected
		}
		add(true, style.Hang(pointer+box+" ", q.Text, w, text)...)
		if i == m.cursor && q.Hint != "" {
			add(false, style.Hang("      ", q.Hint, w, s.Check.Hint)...)
		}
		l.spans[i] = span{top, len(l.lines)}
	}
	return l
}

func (m Model) heading(t safety.Tier) string {
	return style.Truncate(m.st.ForTier(t).Bold(true).Render(safety.TierLabel(t)), m.w)
}

// headingLine is the list line of the heading of the cursor's tier: the top
// of the first question of that tier.
func (m Model) headingLine(spans []span) int {
	first := m.cursor
	for first > 0 && m.qs[first-1].Tier == m.qs[m.cursor].Tier {
		first--
	}
	return spans[first].top
}
