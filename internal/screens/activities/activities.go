// Package activities is the screen of the Patient-Specific Functional
// Scale (package psfs): the activities the person's back makes hard, with
// their last scores; naming one; and a sitting that rates each from 0 to
// 10. It returns actions; the root saves them.
package activities

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Data is what the root knows: the activities still rated, each with its
// scores, and whether a sitting is due.
type Data struct {
	Series []psfs.Series // the active activities, in the order named
	Status psfs.Status
	Now    time.Time
}

// mode is what the screen is doing.
type mode int

const (
	overview mode = iota // the activities and their last scores
	naming               // typing a new activity's name
	rating               // a sitting: one activity at a time
	dropping             // which activity to drop
)

// Model is the activities screen.
type Model struct {
	st    *style.Styles // behind a pointer: the model is copied on every call
	data  Data
	mode  mode
	input field
	// the sitting under way: the activities to rate (new ones with ID 0)
	// and the scores given so far.
	queue  []history.Rated
	at     int
	typed  string // digits typed for the current score
	notice string // one line, e.g. why a name was refused
	keys   keyMap
	help   style.Help
	w, h   int
}

// New builds the screen. With nothing named yet it opens on naming the
// first activity; when a sitting is due, on the sitting.
func New(st *style.Styles, d Data) Model {
	m := Model{data: d, keys: newKeyMap()}
	m = m.SetStyles(st)
	switch {
	case len(d.Series) == 0:
		m = m.startNaming()
	case d.Status.Due:
		m = m.startSitting(nil)
	}
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

func (m Model) startNaming() Model {
	m.mode, m.notice = naming, ""
	m.input = field{}
	m.keys = m.keys.forMode(naming, m.canAdd())
	return m
}

// startSitting rates every active activity, and the new one if given.
func (m Model) startSitting(added *history.Rated) Model {
	m.queue, m.at, m.typed, m.notice = nil, 0, "", ""
	for _, s := range m.data.Series {
		m.queue = append(m.queue, history.Rated{ID: s.Activity.ID, Name: s.Activity.Name, Score: -1})
	}
	if added != nil {
		m.queue = append(m.queue, *added)
	}
	m.mode = rating
	m.keys = m.keys.forMode(rating, m.canAdd())
	return m
}

func (m Model) canAdd() bool { return len(m.data.Series) < psfs.Max }

// Update answers keys; the action is a sitting to keep, an activity to
// drop, or leaving.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	if key.Matches(kp, k.Help) && m.mode != naming {
		m.help.ShowAll = !m.help.ShowAll
		return m, nil, nil
	}
	switch m.mode {
	case naming:
		return m.updateNaming(kp)
	case rating:
		return m.updateRating(kp)
	case dropping:
		return m.updateDropping(kp)
	}
	switch {
	case key.Matches(kp, k.Rate):
		if len(m.data.Series) > 0 {
			return m.startSitting(nil), nil, nil
		}
	case key.Matches(kp, k.Add):
		if m.canAdd() {
			return m.startNaming(), nil, nil
		}
	case key.Matches(kp, k.Drop):
		if len(m.data.Series) > 0 {
			m.mode = dropping
			m.keys = m.keys.forMode(dropping, m.canAdd())
		}
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	}
	return m, nil, nil
}

func (m Model) updateNaming(kp tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	switch {
	case key.Matches(kp, m.keys.Back):
		if len(m.data.Series) == 0 {
			return m, nil, screens.Back{}
		}
		m.mode = overview
		m.keys = m.keys.forMode(overview, m.canAdd())
		return m, nil, nil
	case key.Matches(kp, m.keys.Confirm):
		name := strings.TrimSpace(m.input.value())
		if name == "" {
			m.notice = "Type the activity first, or press esc."
			return m, nil, nil
		}
		return m.startSitting(&history.Rated{Name: name, Score: -1}), nil, nil
	}
	m.input = m.input.key(kp)
	return m, nil, nil
}

// updateRating takes a score as the check-in does: digits (1 then 0 is
// ten), kept only on enter.
func (m Model) updateRating(kp tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	k := m.keys
	switch {
	case key.Matches(kp, k.Digit):
		d := kp.String()
		if m.typed == "1" && d == "0" {
			m.typed = "10"
		} else {
			m.typed = d
		}
	case key.Matches(kp, k.Confirm):
		if m.typed == "" {
			return m, nil, nil
		}
		m.queue[m.at].Score = score(m.typed)
		m.at, m.typed = m.at+1, ""
		if m.at == len(m.queue) {
			m.mode = overview
			m.keys = m.keys.forMode(overview, m.canAdd())
			return m, nil, screens.RateActivities{Answers: append([]history.Rated(nil), m.queue...)}
		}
	case key.Matches(kp, k.Back):
		// Nothing of the sitting is kept: it is kept whole or not at all.
		if len(m.data.Series) == 0 {
			return m, nil, screens.Back{}
		}
		m.mode, m.queue = overview, nil
		m.keys = m.keys.forMode(overview, m.canAdd())
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	}
	return m, nil, nil
}

func (m Model) updateDropping(kp tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	if key.Matches(kp, m.keys.Digit) {
		i := int(kp.String()[0] - '1')
		if i >= 0 && i < len(m.data.Series) {
			m.mode = overview
			m.keys = m.keys.forMode(overview, m.canAdd())
			return m, nil, screens.DropActivity{ID: m.data.Series[i].Activity.ID}
		}
		return m, nil, nil
	}
	if key.Matches(kp, m.keys.Back) {
		m.mode = overview
		m.keys = m.keys.forMode(overview, m.canAdd())
	}
	return m, nil, nil
}

func score(typed string) int {
	if typed == "10" {
		return 10
	}
	return int(typed[0] - '0')
}
