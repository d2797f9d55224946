// Package why explains, in a few short paragraphs, why a back can feel
// tight once you lie down.
package why

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Model is the "why it's tight" screen.
type Model struct {
	st   *style.Styles // behind a pointer: the model is copied on every call
	vp   viewport.Model
	keys keyMap
	help style.Help
	w, h int
}

// New builds the screen.
func New(st *style.Styles) Model {
	m := Model{keys: newKeyMap(), vp: viewport.New()}
	return m.SetStyles(st)
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m.layout()
}

// SetStyles changes the look.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m.layout()
}

// Update scrolls; esc goes back.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m.layout(), nil, nil
	case k.Apply(&m.vp, kp):
	}
	return m, nil, nil
}

// View draws the title and the explainer, scrolled when it does not fit.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	mark := m.st.Muted.Render(style.ScrollMark(m.vp.AtTop(), m.vp.AtBottom()))
	body := append(m.header(mark), style.Lines(m.vp.View())...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), m.helpView())
}

func (m Model) header(mark string) []string {
	out := []string{style.Spread(m.st.Title.Render("Why it's tight"), mark, m.w)}
	if m.h >= 16 {
		out = append(out, "")
	}
	return out
}

// layout sizes the viewport and fills it with the text wrapped to width.
func (m Model) layout() Model {
	if m.w <= 0 || m.h <= 0 {
		return m
	}
	// Twice: showing the scroll keys can change the help's height.
	for range 2 {
		room := max(m.h-len(m.header(""))-len(style.Lines(m.helpView())), 0)
		lines := m.content()
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(min(room, len(lines)))
		m.vp.SetContentLines(lines)
		m.keys = m.keys.scrolling(len(lines) > room)
	}
	return m
}

// content is the intro and one short paragraph per cause, each under its
// title.
func (m Model) content() []string {
	s, w := m.st, m.w
	var out []string
	for _, l := range style.Wrap(guide.WhyIntro(), w) {
		out = append(out, s.Why.Intro.Render(l))
	}
	for _, c := range guide.Causes() {
		out = append(out, "")
		for _, l := range style.Wrap(c.Title, w) {
			out = append(out, s.Why.Heading.Render(l))
		}
		for _, l := range style.Wrap(c.Body, w) {
			out = append(out, s.Why.Paragraph.Render(l))
		}
	}
	return out
}

func (m Model) helpView() string { return m.help.View(m.st.Help, m.keys, m.w) }
