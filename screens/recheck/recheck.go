// Package recheck is the short red-flag question for the nights after a full
// check: "Anything new since last night?". A yes runs the full check; a no
// goes on. There is no default answer, so a stray enter never skips the
// check. The root shows this screen only while the last full check may be
// trusted (history.NeedsFullCheck: under 7 days old, and not URGENT or
// EMERGENCY); otherwise the full check runs straight away.
package recheck

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/history"
	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/screens"
	"github.com/supine-app/supine/screens/style"
)

// Model is the "anything new?" screen.
type Model struct {
	st       *style.Styles // behind a pointer: the model is copied on every call
	last     time.Time     // when the last full check ran
	now      time.Time     // when the screen was opened
	rollover int           // the hour one night turns into the next day
	keys     keyMap
	help     help.Model
	w, h     int
}

// New builds the screen for a last full check at last, seen at now.
func New(st style.Styles, last, now time.Time) Model {
	m := Model{last: last, now: now, rollover: history.DefaultRolloverHour, keys: newKeyMap(), help: help.New()}
	return m.SetStyles(st)
}

// SetRollover sets the hour at which one night turns into the next day (the
// rollover_hour setting), so that a check at 01:00 counts as last night's.
func (m Model) SetRollover(hour int) Model {
	m.rollover = hour
	return m
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

// Update answers key presses: y returns screens.OpenCheck (the root runs the
// full check), n returns screens.CheckDone with no red flags, esc
// screens.Back and q screens.Quit. Enter is deliberately not an answer.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Yes):
		return m, nil, screens.OpenCheck{}
	case key.Matches(kp, k.No):
		return m, nil, screens.CheckDone{Tier: safety.None}
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	return m, nil, nil
}
