// Package recheck is the "anything new?" shortcut for the nights after a
// full check (CONTENT.md section 4): three questions, one at a time.
// "Anything new since last night?" with every EMERGENCY item named, every
// night; did back pain wake you last night (not again once answered
// tonight: the evening gives the questions, SetQuestions); was there pain
// during the last stretches. A yes or a "not sure" to any runs the full
// check; a no to each goes on. There is no default answer, so a stray
// enter never skips the check, and the first no counts only once the
// whole list has been on
// screen. The root shows this screen only while the last full check may be
// trusted (under 7 days old, with no yes); otherwise the full check runs
// straight away.
package recheck

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Model is the "anything new?" screen.
type Model struct {
	st       *style.Styles // behind a pointer: the model is copied on every call
	last     time.Time     // when the last full check ran
	now      time.Time     // when the screen was opened
	rollover int           // the hour one night turns into the next day
	qs       []safety.ShortcutQuestion
	step     int    // the question on show
	offset   int    // first line of the question's list on show
	seenAll  bool   // the first question's list has been on screen to its end
	status   string // why an n did not count yet
	woke     *bool  // the answer to the waking question, once given
	keys     keyMap
	help     style.Help
	w, h     int
}

// New builds the screen for a last full check at last, seen at now.
func New(st *style.Styles, last, now time.Time) Model {
	m := Model{last: last, now: now, rollover: history.DefaultRolloverHour, qs: safety.Shortcut(), keys: newKeyMap()}
	return m.SetStyles(st)
}

// SetQuestions sets the questions to ask, in order (the evening's
// State.ShortcutQuestions: without the waking question once it is
// answered tonight); none keeps safety.Shortcut's.
func (m Model) SetQuestions(qs []safety.ShortcutQuestion) Model {
	if len(qs) > 0 {
		m.qs, m.step, m.offset, m.seenAll = qs, 0, 0, false
	}
	return m.scrolled()
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
	return m.scrolled()
}

// SetStyles changes the look.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m
}

// Update answers key presses: y or u returns screens.ShortcutDone naming
// the question (the evening runs the full check); n goes to the next
// question, and after the last returns screens.ShortcutDone with none;
// esc screens.Back and q screens.Quit. Enter is deliberately not an
// answer.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	m.status = ""
	k := m.keys
	switch {
	case key.Matches(kp, k.Yes, k.Unsure):
		// Any yes or "not sure" means the full check; the answer is kept,
		// with the waking answer when that was the question.
		done := screens.ShortcutDone{Yes: []string{m.qs[m.step].ID}, Woke: m.woke}
		if m.qs[m.step].ID == safety.ShortcutWokeByPain && key.Matches(kp, k.Yes) {
			yes := true
			done.Woke = &yes
		}
		return m, nil, done
	case key.Matches(kp, k.No):
		if m.step == 0 && !m.seenAll {
			// The status first: it takes a line, and the page moves by the
			// room left with it, so that no item is ever scrolled past.
			m.status = "Please read the whole list first."
			m.offset += max(m.listRoom(m.bottom(), m.foot()), 1)
			return m.scrolled(), nil, nil
		}
		if m.qs[m.step].ID == safety.ShortcutWokeByPain {
			no := false
			m.woke = &no
		}
		if m.step == len(m.qs)-1 {
			return m, nil, screens.ShortcutDone{Woke: m.woke}
		}
		m.step++
		m.offset = 0
	case key.Matches(kp, k.Up):
		m.offset = max(m.offset-1, 0)
	case key.Matches(kp, k.Down):
		m.offset++
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	return m.scrolled(), nil, nil
}
