// Package tips is the sleep setup: one tab per sleep position with its
// pillow advice, plus the mattress advice and the line to aim for. The
// position picked here is the one the routine's "settle in" shows.
package tips

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Model is the sleep-setup screen.
type Model struct {
	st      *style.Styles // behind a pointer: the model is copied on every call
	setups  []guide.Setup
	active  int            // the tab on show
	current guide.Position // tonight's position, marked on its tab
	vp      viewport.Model
	keys    keyMap
	help    style.Help
	w, h    int
}

// New builds the screen on the tab of tonight's position.
func New(st *style.Styles, current guide.Position) Model {
	m := Model{setups: guide.Setups(), current: current, keys: newKeyMap(), vp: viewport.New()}
	for i, s := range m.setups {
		if s.Position == current {
			m.active = i
		}
	}
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

// Update answers key presses: enter picks the position on show for tonight
// (screens.PickPosition), esc goes back.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok || len(m.setups) == 0 {
		return m, nil, nil
	}
	k := m.keys
	n := len(m.setups)
	switch {
	case key.Matches(kp, k.Use):
		return m, nil, screens.PickPosition{Position: string(m.setups[m.active].Position)}
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m.layout(), nil, nil
	case key.Matches(kp, k.Next):
		return m.show((m.active + 1) % n), nil, nil
	case key.Matches(kp, k.Prev):
		return m.show((m.active + n - 1) % n), nil, nil
	case key.Matches(kp, k.Jump):
		if i := int(kp.String()[0] - '1'); i < n {
			return m.show(i), nil, nil
		}
	case k.Apply(&m.vp, kp):
	}
	return m, nil, nil
}

// show switches to tab i, from its top.
func (m Model) show(i int) Model {
	m.active = i
	m = m.layout()
	m.vp.GotoTop()
	return m
}
