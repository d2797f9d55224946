// Package history is the history screen: recent sessions with their
// check-ins, a chart of tightness before and after over the last eight
// weeks, the nights in a row, this week against the first, and the
// several-weeks nudge when the history asks for one.
package history

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// chartWeeks is how far back the chart looks.
const chartWeeks = 8

// Data is what the root hands the screen.
type Data struct {
	Sessions     []hist.Session // newest first, as Store.Sessions returns them
	Now          time.Time
	RolloverHour int         // when a night ends; hist.DefaultRolloverHour
	Nudge        *hist.Nudge // the several-weeks rule, when it speaks
	Note         string      // optional line, e.g. why history is off this run
}

// Model is the history screen. The figures are worked out once, in New;
// the text is laid out again only when the size, styles or help change.
type Model struct {
	st     *style.Styles // behind a pointer: the model is copied on every call
	data   Data
	weeks  []hist.Week
	streak int
	cmp    hist.Comparison
	cmpOK  bool
	vp     viewport.Model
	keys   keyMap
	help   help.Model
	w, h   int
	frame  string // the drawn view, redrawn only when something on it changes
}

// New builds the history screen. A session dated after d.Now (a clock
// stepped back) is shown as tonight's, not on a night still to come.
func New(st style.Styles, d Data) Model {
	d.Sessions = hist.SessionsAsOf(d.Sessions, d.Now)
	m := Model{
		data:   d,
		weeks:  hist.Weekly(d.Sessions, d.Now, chartWeeks, d.RolloverHour),
		streak: hist.Streak(d.Sessions, d.Now, d.RolloverHour),
		keys:   newKeyMap(),
		help:   help.New(),
		vp:     viewport.New(),
	}
	m.cmp, m.cmpOK = hist.ThisWeekVsFirst(d.Sessions, d.Now, d.RolloverHour)
	return m.SetStyles(st)
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m.layout()
}

// SetStyles changes the look.
func (m Model) SetStyles(st style.Styles) Model {
	m.st = &st
	m.help.Styles = st.Help
	return m.layout()
}

// Update answers key presses: esc goes back, q quits, the arrows and page
// keys scroll, ? shows every key.
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
	default:
		return m, nil, nil
	}
	m.frame = m.draw()
	return m, nil, nil
}
