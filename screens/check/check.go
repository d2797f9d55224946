// Package check is the red-flag check: every question of CONTENT.md section
// 4, grouped by tier, each answered yes by marking it. "None of these apply"
// is one key from the start.
package check

import (
	"cmp"
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/screens"
	"github.com/supine-app/supine/screens/style"
)

// Model is the red-flag check.
type Model struct {
	st     *style.Styles // behind a pointer: the model is copied on every call
	qs     []safety.Question
	yes    []bool // parallel to qs; copied before each change, models are values
	cursor int
	offset int    // first list line on show
	status string // a gentle refusal, e.g. n pressed with answers marked
	keys   keyMap
	help   help.Model
	w, h   int
}

// New builds the check with every question unanswered.
func New(st style.Styles) Model {
	qs := safety.Questions()
	// The list is drawn in tier order under one heading per tier, so the
	// cursor must walk the same order.
	slices.SortStableFunc(qs, func(a, b safety.Question) int { return cmp.Compare(b.Tier, a.Tier) })
	m := Model{qs: qs, yes: make([]bool, len(qs)), keys: newKeyMap(), help: help.New()}
	return m.SetStyles(st)
}

// SetSize gives the screen its room and keeps the cursor in view.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m.scrolled()
}

// SetStyles changes the look.
func (m Model) SetStyles(st style.Styles) Model {
	m.st = &st
	m.help.Styles = st.Help
	return m
}

// Update answers key presses. Enter (or n, when nothing is marked) ends the
// check with screens.CheckDone; esc goes back.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	m.status = ""
	k := m.keys
	switch {
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(kp, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(kp, k.Down):
		m.cursor = max(min(m.cursor+1, len(m.qs)-1), 0)
	case key.Matches(kp, k.Toggle) && len(m.qs) > 0:
		yes := append([]bool(nil), m.yes...)
		yes[m.cursor] = !yes[m.cursor]
		m.yes = yes
	case key.Matches(kp, k.None):
		if n := m.marked(); n > 0 {
			// A stray n must never wipe a yes: the person unmarks on purpose.
			m.status = fmt.Sprintf("You marked %d: press enter to go on, or space to unmark.", n)
			break
		}
		return m, nil, screens.CheckDone{Tier: safety.None}
	case key.Matches(kp, k.Done):
		yes := m.answers()
		return m, nil, screens.CheckDone{Tier: safety.Triage(yes), Yes: yes}
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	}
	return m.scrolled(), nil, nil
}

// answers are the IDs marked yes, in question order; nil when none.
func (m Model) answers() []string {
	var yes []string
	for i, q := range m.qs {
		if m.yes[i] {
			yes = append(yes, q.ID)
		}
	}
	return yes
}

func (m Model) marked() int {
	n := 0
	for _, y := range m.yes {
		if y {
			n++
		}
	}
	return n
}
