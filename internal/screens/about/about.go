// Package about is the disclaimer (CONTENT.md section 5): what supine is
// and is not, the content version and the sources. It is reachable from
// home, and the first night shows it before the precautions, with enter to
// go on.
package about

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/scroll"
	"github.com/supine-app/supine/internal/screens/style"
)

// Model is the disclaimer screen.
type Model struct {
	st    *style.Styles // behind a pointer: the model is copied on every call
	first bool          // the first night: enter goes on to the precautions
	vp    viewport.Model
	keys  keyMap
	help  style.Help
	w, h  int
}

// New builds the screen as home's menu opens it.
func New(st *style.Styles) Model {
	m := Model{keys: newKeyMap(false), vp: viewport.New()}
	return m.SetStyles(st)
}

// FirstNight is the screen before the first night's precautions: enter
// goes on (screens.Seen: the disclaimer was read), esc goes home without
// starting.
func (m Model) FirstNight() Model {
	m.first = true
	m.keys = newKeyMap(true)
	return m.layout()
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

// Update scrolls; enter on the first night returns screens.Seen; esc goes
// back and q quits.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.GoOn):
		return m, nil, screens.Seen{}
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

// View draws the title, the text scrolled when it does not fit, on the
// first night the way on, and the keys.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	mark := m.st.Muted.Render(style.ScrollMark(m.vp.AtTop(), m.vp.AtBottom()))
	body := []string{style.Spread(m.st.Title.Render("About supine"), mark, m.w)}
	body = append(body, style.Lines(m.vp.View())...)
	body = append(body, m.pinned()...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), m.helpView())
}

// pinned is the first night's way on, above the keys.
func (m Model) pinned() []string {
	if !m.first {
		return nil
	}
	return style.Paras(safety.DisclaimerGoOn, m.w, m.st.Calm)
}

// layout sizes the viewport and fills it with the text wrapped to width.
func (m Model) layout() Model {
	if m.w <= 0 || m.h <= 0 {
		return m
	}
	// Twice: showing the scroll keys can change the help's height.
	for range 2 {
		room := max(m.h-1-len(m.pinned())-len(style.Lines(m.helpView())), 0)
		lines := m.content(room)
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(min(room, len(lines)))
		m.vp.SetContentLines(lines)
		m.keys = m.keys.scrolling(len(lines) > room)
	}
	return m
}

// content is the disclaimer (safety.Disclaimer, the one source of its
// words), the content version and the sources.
func (m Model) content(room int) []string {
	s, w := m.st, m.w
	var out []string
	gap := func() {
		if room >= 10 {
			out = append(out, "")
		}
	}
	gap()
	bullet := s.Outcome.Bullet.Render("•") + " "
	for _, l := range safety.Disclaimer() {
		out = append(out, style.Hang(bullet, l, w, s.Body)...)
	}
	gap()
	out = append(out, style.Paras(safety.ReviewedLine(), w, s.Muted)...)
	out = append(out, "")
	out = append(out, style.Paras("Sources", w, s.Why.Heading)...)
	for _, src := range safety.Sources() {
		text := src.Title
		if src.Where != "" {
			text += ": " + src.Where
		}
		out = append(out, style.Hang(s.Muted.Render(fmt.Sprintf("%2d.", src.N))+" ", text, w, s.Muted)...)
	}
	return out
}

func (m Model) helpView() string { return m.help.View(m.st.Help, m.keys, m.w) }

// keyMap is every key the screen answers to.
type keyMap struct {
	scroll.Keys
	GoOn, Back, Quit, Help key.Binding
}

func newKeyMap(first bool) keyMap {
	k := keyMap{
		Keys: scroll.NewKeys(),
		GoOn: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go on")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
	k.GoOn.SetEnabled(first)
	if first {
		k.Back.SetHelp("esc", "not now")
	}
	return k
}

// scrolling shows the scroll keys only when there is something to scroll.
func (k keyMap) scrolling(on bool) keyMap {
	k.Keys = k.Keys.Enabled(on)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.GoOn, k.Down, k.PageDown, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.GoOn},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Back, k.Quit, k.Help},
	}
}
