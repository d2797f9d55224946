// Package outcome says what to do after the red-flag check, in a calm voice
// and in safety.AdviceIn's words, the ones plain mode and the card say: for
// EMERGENCY and URGENT there is no routine tonight and no key that leads to
// one; BOOK goes on only after an explicit yes; and it is also the screen
// the player's "stop for pain" lands on. A clinician's check is never
// recorded here, on the screen that has just said to see someone
// (CONTENT.md section 4, v3): the history screen and the menu do that.
package outcome

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// kind is which of the outcomes is on show; it decides the keys.
type kind int

const (
	kindEnds  kind = iota // EMERGENCY or URGENT: the session is over
	kindBook              // BOOK in front of a routine: go on after a yes
	kindClear             // no red flags reported
	kindPain              // the routine was stopped for pain
)

// Model is the outcome screen.
type Model struct {
	st     *style.Styles // behind a pointer: the model is copied on every call
	kind   kind
	advice safety.Advice
	vp     viewport.Model
	keys   keyMap
	help   style.Help
	w, h   int

	// What the advice depends on beyond the tier: when the check was
	// answered and what was answered yes (Reported), and whether a routine
	// is waiting (Standalone).
	tier       safety.Tier
	yes        []string
	reportedAt time.Time
	standalone bool
	// Whether this is an outcome that still closes the routine, shown
	// again (Closed), and until when.
	tonight bool
	until   time.Time
}

// ForTier is the outcome of a check that reached tier t.
func ForTier(st *style.Styles, t safety.Tier) Model {
	k := kindClear
	switch {
	case safety.EndsSession(t):
		k = kindEnds
	case t == safety.Book:
		k = kindBook
	}
	m := build(st, k, safety.AdviceFor(t))
	m.tier = t
	return m
}

// ForCheck is the outcome of a finished check answered at at: ForTier
// with what was answered yes, so that EMERGENCY lists it with the time and
// a BOOK for pain during the exercises says the stretches are left out.
func ForCheck(st *style.Styles, done screens.CheckDone, at time.Time) Model {
	return ForTier(st, done.Tier).Reported(at, done.Yes)
}

// StoppedForPain is what the player's stop for pain leads to: the pain
// advice, with c taking the person straight to the red-flag check.
func StoppedForPain(st *style.Styles) Model {
	return build(st, kindPain, safety.PainStop())
}

// Standalone is for a check taken on its own, with no routine waiting:
// a BOOK outcome then asks nothing and enter goes back like the others.
func (m Model) Standalone() Model {
	if m.kind == kindBook {
		m.kind = kindClear
		m.keys = newKeyMap(m.kind)
	}
	m.standalone = true
	return m.advise().SetSize(m.w, m.h)
}

// advise recomputes the advice from what the screen knows. The pain stop
// keeps its own.
func (m Model) advise() Model {
	if m.kind == kindPain {
		return m
	}
	m.advice = safety.AdviceIn(m.tier, safety.Situation{At: m.reportedAt, Yes: m.yes, Standalone: m.standalone})
	return m
}

// NoStretches reports whether the outcome leaves the stretches out of
// tonight's routine (a BOOK for severe pain during the exercises).
func (m Model) NoStretches() bool { return m.advice.NoStretches }

func build(st *style.Styles, k kind, a safety.Advice) Model {
	m := Model{kind: k, advice: a, keys: newKeyMap(k), vp: viewport.New()}
	return m.SetStyles(st)
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m.layout()
}

// SetStyles changes the look.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m.layout()
}

// Update answers key presses. Only BOOK's y returns screens.GoOn, and only
// when a routine is waiting.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Yes):
		return m, nil, screens.GoOn{}
	case key.Matches(kp, k.No, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Check):
		return m, nil, screens.OpenCheck{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m.layout(), nil, nil
	case k.Apply(&m.vp, kp):
	}
	return m, nil, nil
}
