package recheck

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/supine-app/supine/internal/screens/style"
)

// View draws, from the top: the screen's name, which question of how many and
// how long ago the last full check was; the question, and for the first
// every EMERGENCY item by name, scrolled when it does not fit; then, pinned
// above the keys, the three answers with their keys.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	bottom, foot := m.bottom(), m.foot()
	room := m.listRoom(bottom, foot)
	shown, mark := style.Window(m.lines(), m.offset, room)
	body := append([]string{m.header(mark)}, shown...)
	for len(body) < 1+room {
		body = append(body, "")
	}
	body = append(body, bottom...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), foot)
}

func (m Model) roomy() bool { return m.h >= 20 }

// header is the name, the step and how long ago the last full check was;
// the name is never cut for what stands beside it.
func (m Model) header(mark string) string {
	s, w := m.st, m.w
	name := s.Calm.Bold(true).Render("Red-flag check")
	right := []string{fmt.Sprintf("%d of %d", m.step+1, len(m.qs))}
	if a := Ago(m.last, m.now, m.rollover); a != "" && w >= 60 {
		right = append(right, "full check "+a)
	}
	if mark != "" {
		right = append(right, mark)
	}
	r := s.Muted.Render(strings.Join(right, " · "))
	if lipgloss.Width(name)+1+lipgloss.Width(r) > w {
		return name
	}
	return style.Spread(name, r, w)
}

// lines are the scrolling part: the question, and its list.
func (m Model) lines() []string {
	s, w := m.st, m.w
	q := m.qs[m.step]
	text := strings.ReplaceAll(q.Text, "{since}", Since(m.last, m.now, m.rollover))
	var out []string
	if m.roomy() {
		out = append(out, "")
	}
	out = append(out, style.Paras(text, w, s.Title)...)
	if len(q.Items) > 0 {
		if m.roomy() {
			out = append(out, "")
		}
		bullet := s.Muted.Render("-") + " "
		for _, it := range q.Items {
			out = append(out, style.Hang(bullet, it, w, s.Body)...)
		}
	}
	return out
}

// bottom is pinned above the keys: why an n did not count, and the answers,
// named in words as well as shown in the key colour, so they read without
// colour too.
func (m Model) bottom() []string {
	s, w := m.st, m.w
	var out []string
	if m.roomy() {
		out = append(out, "")
	}
	if m.status != "" {
		out = append(out, style.Paras(m.status, w, s.Muted)...)
	}
	no := "no"
	if m.step == 0 {
		no = "no, nothing new"
	}
	out = append(out, style.Hang(s.Key.Render("y")+"  ", "yes: full check", w, s.Body)...)
	out = append(out, style.Hang(s.Key.Render("n")+"  ", no, w, s.Body)...)
	out = append(out, style.Hang(s.Key.Render("u")+"  ", "not sure: full check", w, s.Body)...)
	return out
}

func (m Model) foot() string { return m.help.View(m.st.Help, m.keys, m.w) }

// listRoom is how many lines the scrolling part may take above bottom and
// foot, passed in so that a View renders each once.
func (m Model) listRoom(bottom []string, foot string) int {
	return m.h - 1 - len(bottom) - len(style.Lines(foot))
}

// scrolled keeps the offset inside the list, and notes when the first
// question's list has been on screen to its end.
func (m Model) scrolled() Model {
	if m.w <= 0 || m.h <= 0 || len(m.qs) == 0 {
		return m
	}
	room := max(m.listRoom(m.bottom(), m.foot()), 0)
	lines := m.lines()
	m.offset = style.List{Lines: lines}.Follow(m.offset, 0, room)
	if m.step == 0 && m.offset+room >= len(lines) {
		m.seenAll = true
	}
	return m
}
