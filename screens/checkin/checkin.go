// Package checkin asks how tight the back is, 0 to 10, before and after the
// routine. One keystroke answers; skipping is always fine.
package checkin

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/screens"
	"github.com/supine-app/supine/screens/style"
)

// Highest is the top of the scale.
const Highest = 10

// noChoice is the cursor before the person has moved it: enter then does
// nothing, so a stray enter never records a number.
const noChoice = -1

// Model is the tightness check-in.
type Model struct {
	st     *style.Styles // behind a pointer: the model is copied on every call
	title  string
	cursor int
	keys   keyMap
	help   help.Model
	w, h   int
}

// New builds a check-in; title says when it is taken ("Before", "After").
func New(st style.Styles, title string) Model {
	m := Model{title: title, cursor: noChoice, keys: newKeyMap(), help: help.New()}
	return m.SetStyles(st)
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m
}

// SetStyles changes the look.
func (m Model) SetStyles(st style.Styles) Model {
	m.st = &st
	m.help.Styles = st.Help
	return m
}

// Update answers key presses with screens.CheckedIn once the person answers
// or skips.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Digit):
		return m, nil, screens.CheckedIn{Value: int(kp.String()[0] - '0')}
	case key.Matches(kp, k.Ten):
		return m, nil, screens.CheckedIn{Value: Highest}
	case key.Matches(kp, k.Lower):
		m.cursor = m.moved(-1)
	case key.Matches(kp, k.Higher):
		m.cursor = m.moved(+1)
	case key.Matches(kp, k.Confirm):
		if m.cursor != noChoice {
			return m, nil, screens.CheckedIn{Value: m.cursor}
		}
	case key.Matches(kp, k.Skip):
		return m, nil, screens.CheckedIn{Skipped: true}
	case key.Matches(kp, k.Back):
		// esc never answers: it leaves, so a stray esc cannot start a hold.
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	return m, nil, nil
}

// moved is the cursor after one step; the first step lands in the middle,
// the fewest presses from anywhere on the scale.
func (m Model) moved(step int) int {
	if m.cursor == noChoice {
		return Highest / 2
	}
	return min(max(m.cursor+step, 0), Highest)
}

// Word is the scale's word for a tightness.
func Word(n int) string {
	switch {
	case n <= 0:
		return "none"
	case n <= 3:
		return "mild"
	case n <= 6:
		return "moderate"
	case n <= 9:
		return "severe"
	}
	return "worst you can imagine"
}
