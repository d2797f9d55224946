// Package check is the red-flag check: every question of CONTENT.md section
// 4 from the one source plain mode asks too (safety.CheckGroups: the
// long-standing pattern's page when it is due, a clinician's check in its
// own words), one group a page under a neutral heading (never a tier name),
// every hint shown with its question. "n" answers "none" for the page on
// show only, and only once all of it has been on screen. Before the outcome
// a confirm page shows what was marked, so a mis-key is corrected there.
package check

import (
	"fmt"
	"maps"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Model is the red-flag check.
type Model struct {
	st     *style.Styles // behind a pointer: the model is copied on every call
	groups []safety.Group
	yes    map[string]bool // copied before each change, models are values
	page   int             // len(groups) is the confirm page
	cursor int             // question on the page
	offset int             // first list line on show
	seen   []bool          // per page: its last line has been on screen
	status string          // a gentle refusal, e.g. n pressed with answers marked
	// pattern: the long-standing pattern's page is asked tonight.
	pattern bool
	keys    keyMap
	help    style.Help
	w, h    int
}

// New builds the check with every question unanswered, on its first page,
// as asked on a night with the pattern not due and no clinician's check
// standing. Asking sets what tonight's check asks.
func New(st *style.Styles) Model {
	return NewAsking(st, safety.Asking{})
}

// NewAsking builds the check that a asks for (safety.CheckGroups).
func NewAsking(st *style.Styles, a safety.Asking) Model {
	gs := safety.CheckGroups(a)
	m := Model{groups: gs, yes: map[string]bool{}, seen: make([]bool, len(gs)+1), keys: newKeyMap().forPage(false), pattern: a.Pattern}
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

func (m Model) confirming() bool { return m.page >= len(m.groups) }

func (m Model) questions() []safety.Question {
	if m.confirming() {
		return nil
	}
	return m.groups[m.page].Questions
}

// Update answers key presses. Enter on the confirm page ends the check with
// screens.CheckDone; esc leaves, q quits.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	m.status = ""
	k := m.keys
	qs := m.questions()
	switch {
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Up):
		if m.confirming() {
			m.offset = max(m.offset-1, 0)
		} else {
			m.cursor = max(m.cursor-1, 0)
		}
	case key.Matches(kp, k.Down):
		if m.confirming() {
			m.offset++
		} else {
			m.cursor = max(min(m.cursor+1, len(qs)-1), 0)
		}
	case key.Matches(kp, k.Prev):
		if m.page > 0 {
			m = m.turn(m.page - 1)
		}
	case key.Matches(kp, k.Toggle) && len(qs) > 0:
		id := qs[m.cursor].ID
		yes := maps.Clone(m.yes)
		yes[id] = !yes[id]
		m.yes = yes
	case key.Matches(kp, k.None):
		if !m.seen[m.page] {
			m = m.unseen()
			break
		}
		if n := m.markedOnPage(); n > 0 {
			// A stray n must never wipe a yes: the person unmarks on purpose.
			m.status = fmt.Sprintf("You marked %d on this page: press enter to go on, or space to unmark.", n)
			break
		}
		m = m.turn(m.page + 1)
	case key.Matches(kp, k.Next):
		if !m.seen[m.page] {
			m = m.unseen()
			break
		}
		m = m.turn(m.page + 1)
	case key.Matches(kp, k.Confirm):
		yes := safety.Complete(m.answers())
		return m, nil, screens.CheckDone{Tier: safety.Triage(yes), Yes: yes, PatternAsked: m.pattern}
	}
	return m.scrolled(), nil, nil
}

// unseen moves to the last question of a page not yet read to its end, and
// says why: n and enter answer only what has been on screen.
func (m Model) unseen() Model {
	m.cursor = len(m.questions()) - 1
	m.status = "There are more questions on this page. Read them, then press n or enter."
	return m
}

// turn goes to page p, its first question at the top.
func (m Model) turn(p int) Model {
	m.page, m.cursor, m.offset = p, 0, 0
	m.keys = m.keys.forPage(m.confirming())
	return m
}

// answers are the IDs marked yes, in the order asked; nil when none
// (safety.Complete puts them in the order every front end keeps).
func (m Model) answers() []string {
	var yes []string
	for _, g := range m.groups {
		for _, q := range g.Questions {
			if m.yes[q.ID] {
				yes = append(yes, q.ID)
			}
		}
	}
	return yes
}

func (m Model) marked() int {
	n := 0
	for _, g := range m.groups {
		for _, q := range g.Questions {
			if m.yes[q.ID] {
				n++
			}
		}
	}
	return n
}

func (m Model) markedOnPage() int {
	n := 0
	for _, q := range m.questions() {
		if m.yes[q.ID] {
			n++
		}
	}
	return n
}
