// Package checkin asks how tight the back is, 0 to 10, before and after the
// routine, and with the "before" one whether back pain woke the person last
// night. A number is chosen, shown in words, and kept only on enter, so "1"
// then "0" is ten and a wrong key is corrected before anything starts;
// skipping is always fine.
package checkin

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Highest is the top of the scale.
const Highest = 10

// noChoice is the cursor before the person has moved it: enter then does
// nothing, so a stray enter never records a number.
const noChoice = -1

// Model is the tightness check-in.
type Model struct {
	st      *style.Styles // behind a pointer: the model is copied on every call
	title   string
	cursor  int
	typed   bool   // the last key was a digit: a 0 after a 1 makes ten
	askWoke bool   // ask about last night after the number
	waking  bool   // the waking question is on screen
	skipped bool   // the number was skipped (the waking question still asks)
	note    string // a line above the question (the all-clear's safety net)
	keys    keyMap
	help    style.Help
	w, h    int
}

// New builds a check-in; title says when it is taken ("Before", "After").
func New(st *style.Styles, title string) Model {
	m := Model{title: title, cursor: noChoice, keys: newKeyMap().forWaking(false)}
	return m.SetStyles(st)
}

// Note puts a line above the question: after a check with no red flags,
// the all-clear's safety-net line (CONTENT.md section 4).
func (m Model) Note(line string) Model {
	m.note = line
	return m
}

// AskWoke adds the question "did back pain wake you last night?" after the
// number (CONTENT.md section 7: pain that wakes a person is watched).
func (m Model) AskWoke() Model {
	m.askWoke = true
	return m
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m
}

// SetStyles changes the look.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m
}

// Update answers key presses with screens.CheckedIn once the person has
// answered (enter) or skipped.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	if m.waking {
		return m.answerWoke(kp)
	}
	typed := false
	switch {
	case key.Matches(kp, k.Digit):
		d := int(kp.String()[0] - '0')
		if d == 0 && m.typed && m.cursor == 1 {
			d = Highest // "1" then "0"
		}
		m.cursor, typed = d, true
	case key.Matches(kp, k.Ten):
		m.cursor = Highest
	case key.Matches(kp, k.Lower):
		m.cursor = m.moved(-1)
	case key.Matches(kp, k.Higher):
		m.cursor = m.moved(+1)
	case key.Matches(kp, k.Confirm):
		if m.cursor != noChoice {
			return m.answered(false)
		}
	case key.Matches(kp, k.Skip):
		return m.answered(true)
	case key.Matches(kp, k.Back):
		// esc never answers: it leaves, so a stray esc cannot start a hold.
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	m.typed = typed
	return m, nil, nil
}

// answered keeps the number (or its skip) and asks about last night when
// that is wanted; otherwise the check-in is done.
func (m Model) answered(skipped bool) (Model, tea.Cmd, screens.Action) {
	m.skipped = skipped
	if m.askWoke {
		m.waking = true
		m.keys = m.keys.forWaking(true)
		return m, nil, nil
	}
	return m, nil, m.result(nil)
}

// answerWoke takes y, n or s for "did back pain wake you last night?"; esc
// goes back to the number.
func (m Model) answerWoke(kp tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	k := m.keys
	yes, no := true, false
	switch {
	case key.Matches(kp, k.Yes):
		return m, nil, m.result(&yes)
	case key.Matches(kp, k.No):
		return m, nil, m.result(&no)
	case key.Matches(kp, k.Skip):
		return m, nil, m.result(nil)
	case key.Matches(kp, k.Back):
		m.waking = false
		m.keys = m.keys.forWaking(false)
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	return m, nil, nil
}

func (m Model) result(woke *bool) screens.CheckedIn {
	if m.skipped {
		return screens.CheckedIn{Skipped: true, Woke: woke}
	}
	return screens.CheckedIn{Value: m.cursor, Woke: woke}
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
