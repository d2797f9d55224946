package checkin

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/supine-app/supine/internal/screens/style"
)

var legend = []string{"0 none", "1-3 mild", "4-6 moderate", "7-9 severe", "10 worst you can imagine"}

// View draws the question, the scale with the chosen number in brackets,
// its word, the legend and how to answer.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, w := m.st, m.w
	if m.waking {
		return m.wokeView()
	}
	roomy := m.h >= 16
	var out []string
	gap := func() {
		if roomy {
			out = append(out, "")
		}
	}
	if m.note != "" {
		for _, l := range style.Wrap(m.note, w) {
			out = append(out, s.Muted.Render(l))
		}
		gap()
	}
	for _, l := range style.Wrap(m.title+": how tight is your back?", w) {
		out = append(out, s.Checkin.Question.Render(l))
	}
	out = append(out, "", m.scale())
	if m.cursor == noChoice {
		out = append(out, "")
	} else {
		out = append(out, style.Truncate(s.Checkin.Word.Render(fmt.Sprintf("%d · %s", m.cursor, Word(m.cursor)))+
			s.Muted.Render(" · enter to keep it"), w))
	}
	gap()
	for _, l := range style.Flow(legend, " · ", w) {
		out = append(out, s.Checkin.Scale.Render(l))
	}
	gap()
	for _, l := range style.Wrap("Type 0 to 10 (or t for 10), or use ←/→, then enter. Nothing is kept until you press enter.", w) {
		out = append(out, s.Muted.Render(l))
	}
	return style.Page(w, m.h, strings.Join(out, "\n"), m.help.View(m.st.Help, m.keys, w))
}

// scale is the row of numbers. The chosen one is bracketed as well as
// coloured, so it shows without colour too.
func (m Model) scale() string {
	s := m.st
	sep := ""
	if m.w >= 48 {
		sep = " "
	}
	cells := make([]string, 0, Highest+1)
	for n := 0; n <= Highest; n++ {
		label := strconv.Itoa(n)
		if n == m.cursor {
			cells = append(cells, s.Checkin.Chosen.Render("["+label+"]"))
			continue
		}
		cells = append(cells, s.Checkin.Number.Render(" "+label+" "))
	}
	return style.Truncate(strings.Join(cells, sep), m.w)
}

// wokeView asks about last night, once the number is kept.
func (m Model) wokeView() string {
	s, w := m.st, m.w
	var out []string
	for _, l := range style.Wrap("Did back pain wake you last night?", w) {
		out = append(out, s.Checkin.Question.Render(l))
	}
	out = append(out, "")
	for _, l := range style.Wrap("Pain that wakes you is worth knowing about: the history watches for it over the week.", w) {
		out = append(out, s.Muted.Render(l))
	}
	out = append(out, "", s.Key.Render("y")+s.Muted.Render(" yes   ")+s.Key.Render("n")+s.Muted.Render(" no   ")+
		s.Key.Render("s")+s.Muted.Render(" skip   ")+s.Key.Render("esc")+s.Muted.Render(" back to the number"))
	return style.Page(w, m.h, strings.Join(out, "\n"), m.help.View(m.st.Help, m.keys, w))
}
