// Package summary is the screen after the routine: what was done and
// skipped, tightness before and after, the streak, the pillow set-up for
// tonight, and lights out.
package summary

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Data is what the root knows about the session that just ended.
type Data struct {
	Routine     string   // the routine's title
	Completed   []string // titles of the steps done
	Skipped     []string // titles of the steps skipped
	Heat        string   // the heat used, in words (evening.HeatUsed); "" when the pad did not go on
	Before      *int     // tightness 0..10 before; nil when not given
	After       *int     // tightness 0..10 after; nil when not given
	Streak      int      // nights in a row; 0 when unknown
	Setup       guide.Setup
	Reason      screens.EndReason
	Nudge       string // optional calm "book an appointment" line
	SaveProblem string // set when tonight could not be saved: said first, never cut
}

// Model is the summary screen.
type Model struct {
	st   *style.Styles // behind a pointer: the model is copied on every call
	data Data
	keys keyMap
	full bool // the full help is on show
	w, h int
}

// New builds the summary.
func New(st *style.Styles, d Data) Model {
	return Model{data: d, keys: newKeyMap()}.SetStyles(st)
}

// Init does nothing: the summary waits for the person.
func (m Model) Init() tea.Cmd { return nil }

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m
}

// SetStyles changes the look, e.g. when the terminal turns out to be light.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m
}

// Update answers key presses: quit for the night, or go home.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	switch {
	case key.Matches(kp, m.keys.Help):
		m.full = !m.full
	case key.Matches(kp, m.keys.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, m.keys.Home):
		return m, nil, screens.Back{}
	}
	return m, nil, nil
}

type keyMap struct {
	Quit, Home, Help key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Quit: key.NewBinding(key.WithKeys("enter", "q"), key.WithHelp("enter/q", "lights out")),
		Home: key.NewBinding(key.WithKeys("h", "esc"), key.WithHelp("h", "home")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

func (k keyMap) ShortHelp() []key.Binding { return []key.Binding{k.Quit, k.Home, k.Help} }

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Quit}, {k.Home}, {k.Help}}
}

func (m Model) helpView() string {
	h := help.New()
	h.Styles = m.st.Help
	h.ShowAll = m.full
	// The help bubble can overrun its width by an item; Fit cuts it.
	return style.Fit(style.HelpView(h, m.keys, m.w), m.w, m.h)
}
