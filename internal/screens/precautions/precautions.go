// Package precautions is the screen asked before the first night (and again
// every few months, or from the menu): the precautions of CONTENT.md
// section 6, each answered on purpose (nothing is assumed): yes, no, or
// "yes, and my clinician has cleared me" with what was cleared (heat, the
// stretches, or both) and the day; then a summary of what tonight's routine
// becomes before anything is saved.
package precautions

import (
	"fmt"
	"maps"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Model is the precautions screen.
type Model struct {
	st      *style.Styles // behind a pointer: the model is copied on every call
	ps      []safety.Precaution
	answers map[string]bool // only questions answered; copied before each change
	// cleared holds, for the yes answers a clinician has cleared, what and
	// when; copied before each change.
	cleared map[string]safety.Answer
	step    clearStep // "cleared by my clinician", while it is asked
	cursor  int       // question under the cursor
	offset  int       // first list line on show
	summary bool      // the summary page is on show
	status  string    // a gentle word, e.g. enter with questions left
	now     time.Time // the day t and y count from; zero: the wall clock
	keys    keyMap
	help    style.Help
	w, h    int
}

// New builds the screen with every question unanswered.
func New(st *style.Styles) Model {
	m := Model{ps: safety.Precautions(), answers: map[string]bool{}, cleared: map[string]safety.Answer{},
		keys: newKeyMap().forPage(false)}
	return m.SetStyles(st)
}

// SetSize gives the screen its room and keeps the cursor in view.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m.scrolled()
}

// SetStyles changes the look.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m
}

// Update answers key presses. Enter on the summary page ends the screen
// with screens.PrecautionsDone; esc leaves without saving, q quits.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	m.status = ""
	if m.step.open {
		return m.stepUpdate(kp)
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Up):
		if m.summary {
			m.offset = max(m.offset-1, 0)
		} else {
			m.cursor = max(m.cursor-1, 0)
		}
	case key.Matches(kp, k.Down):
		if m.summary {
			m.offset++
		} else {
			m.cursor = min(m.cursor+1, len(m.ps)-1)
		}
	case key.Matches(kp, k.Yes):
		m = m.answer(true)
	case key.Matches(kp, k.No):
		m = m.answer(false)
	case key.Matches(kp, k.Cleared):
		m = m.openStep()
	case key.Matches(kp, k.Next):
		if left := m.unanswered(); left >= 0 {
			m.cursor = left
			m.status = fmt.Sprintf("%s left to answer: press y for yes or n for no on each.", count(len(m.ps)-len(m.answers)))
			break
		}
		m = m.turn(true)
	case key.Matches(kp, k.Change):
		m = m.turn(false)
	case key.Matches(kp, k.Save):
		return m, nil, screens.PrecautionsDone{Answers: m.Answers(), Cleared: m.Cleared()}
	}
	return m.scrolled(), nil, nil
}

// answer records yes or no for the question under the cursor and moves on
// to the next question still open (after it, then from the top), if any.
func (m Model) answer(yes bool) Model {
	id := m.ps[m.cursor].ID
	a := maps.Clone(m.answers)
	a[id] = yes
	m.answers = a
	if _, had := m.cleared[id]; had {
		c := maps.Clone(m.cleared)
		delete(c, id)
		m.cleared = c
	}
	for step := 1; step < len(m.ps); step++ {
		i := (m.cursor + step) % len(m.ps)
		if _, done := m.answers[m.ps[i].ID]; !done {
			m.cursor = i
			return m
		}
	}
	return m
}

// unanswered is the first question with no answer, or -1.
func (m Model) unanswered() int {
	for i, p := range m.ps {
		if _, done := m.answers[p.ID]; !done {
			return i
		}
	}
	return -1
}

func (m Model) turn(summary bool) Model {
	m.summary, m.offset = summary, 0
	m.keys = m.keys.forPage(summary)
	return m
}

// Answers is a copy of what was answered so far, by precaution ID: a
// cleared yes is a yes.
func (m Model) Answers() map[string]bool {
	return maps.Clone(m.answers)
}

// Cleared is a copy of the yes answers a clinician has cleared, with what
// and when; nil when there are none.
func (m Model) Cleared() map[string]safety.Answer {
	if len(m.cleared) == 0 {
		return nil
	}
	return maps.Clone(m.cleared)
}

// full is every answer as safety.AdaptAnswers reads it.
func (m Model) full() map[string]safety.Answer {
	out := make(map[string]safety.Answer, len(m.answers))
	for id, yes := range m.answers {
		out[id] = safety.Answer{Yes: yes}
	}
	for id, a := range m.cleared {
		out[id] = a
	}
	return out
}

func count(n int) string {
	if n == 1 {
		return "1 question"
	}
	return fmt.Sprintf("%d questions", n)
}
