package outcome

import (
	"strings"

	"github.com/supine-app/supine/internal/screens/style"
)

// View draws the outcome: the tier in words, the advice scrolled when it
// does not fit, and for BOOK the question pinned above the keys.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	top := style.Spread(m.badge(), m.st.Muted.Render(style.ScrollMark(m.vp.AtTop(), m.vp.AtBottom())), m.w)
	body := append([]string{top}, style.Lines(m.vp.View())...)
	body = append(body, m.question()...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), m.helpView())
}

// layout sizes the viewport to what the badge, the question and the help
// leave, no taller than the advice, so the question sits right under it.
func (m Model) layout() Model {
	if m.w <= 0 || m.h <= 0 {
		return m
	}
	// Twice: showing the scroll keys can change the footer's height.
	for range 2 {
		room := max(m.h-1-len(m.question())-len(style.Lines(m.helpView())), 0)
		lines := m.adviceLines(room)
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(min(room, len(lines)))
		m.vp.SetContentLines(lines)
		m.keys = m.keys.scrolling(len(lines) > room)
	}
	return m
}

// badge is the first line: the tier's name and label, in words
// (Advice.Badge); the all-clear has none, so the screen's name stands there.
func (m Model) badge() string {
	s := m.st
	switch {
	case m.kind == kindPain:
		return s.Warn.Bold(true).Render(m.advice.Badge)
	case m.advice.Badge == "":
		return s.Calm.Bold(true).Render("Red-flag check")
	}
	return s.ForTier(m.advice.Tier).Bold(true).Render(m.advice.Badge)
}

func (m Model) adviceLines(room int) []string {
	s, w := m.st, m.w
	var out []string
	if room >= 8 {
		out = append(out, "")
	}
	out = append(out, style.Paras(m.advice.Headline, w, s.Outcome.Headline)...)
	if room >= 8 {
		out = append(out, "")
	}
	bullet := s.Outcome.Bullet.Render("•") + " "
	for _, line := range m.advice.Lines {
		out = append(out, style.Hang(bullet, line, w, s.Outcome.Line)...)
	}
	return append(out, m.reportLines()...)
}

// question is BOOK's explicit question, when a routine is waiting.
func (m Model) question() []string {
	if m.kind != kindBook {
		return nil
	}
	var out []string
	if m.h >= 16 {
		out = append(out, "")
	}
	q := "Go on with tonight's routine?"
	if m.advice.NoStretches {
		q = "Go on tonight without the stretches?"
	}
	out = append(out, style.Paras(q, m.w, m.st.Outcome.Question)...)
	return out
}

func (m Model) helpView() string { return m.help.View(m.st.Help, m.keys, m.w) }
