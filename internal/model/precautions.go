package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/precautions"
)

// The precautions (CONTENT.md section 6) are asked before the first night
// and again once history.PrecautionsEvery has passed, in front of tonight's
// check (the evening decides when); the menu and `supine precautions` ask
// them at any time. The newest answers adapt every routine the app shows or
// runs (night.Adapt).

// currentPrecautions are the newest answers: the evening's (given tonight
// or as it read them) while one is on, else as home last read them.
func (m Model) currentPrecautions() history.Precautions {
	if m.ev != nil {
		if p := m.ev.Precautions(); !p.Asked.IsZero() {
			return p
		}
	}
	return m.precautions
}

// adaptation is what the newest answers (and the osteoporosis setting or
// flag) do to tonight's routine.
func (m Model) adaptation() safety.Adaptation {
	return night.AdaptationFor(m.currentPrecautions(), m.opts.Osteoporosis)
}

// adapted is routine r as the precautions allow.
func (m Model) adapted(r routines.Routine) routines.Routine {
	return night.Adapt(r, m.adaptation())
}

// sleepPosition is the sleep set-up to show: on the side when the
// precautions say so (pregnancy), else the person's own.
func (m Model) sleepPosition() guide.Position {
	if m.adaptation().SideSleep {
		return guide.Side
	}
	return m.position
}

// openPrecautions shows the precautions screen.
func (m Model) openPrecautions() Model {
	m.precautionsScreen = precautions.New(m.styles).SetToday(m.now())
	return m.setScreen(ScreenPrecautions)
}

// precautionsDone keeps the answers given from the menu (in the model at
// once, in the store in the background) and goes home, where tonight's
// adaptation shows. Before a routine the evening takes them instead.
func (m Model) precautionsDone(a screens.PrecautionsDone) (Model, tea.Cmd) {
	now := m.now()
	latest := make(map[string]history.Precaution, len(m.precautions.Latest)+len(a.Answers))
	for id, p := range m.precautions.Latest {
		latest[id] = p
	}
	answers := evening.PrecautionAnswers(evening.AnsweredPrecautions{Answers: a.Answers, Cleared: a.Cleared}, now)
	for _, p := range answers {
		latest[p.ID] = p
	}
	m.precautions = history.Precautions{Asked: now, Latest: latest}
	save := savePrecautions(m.opts.Store, now, answers)
	next, cmd := m.goHome()
	return next, tea.Sequence(save, cmd)
}

// newerPrecautions keeps what this process was told when the store has not
// caught up with it yet (saves run in the background).
func newerPrecautions(mine, stored history.Precautions) history.Precautions {
	if mine.Asked.After(stored.Asked) {
		return mine
	}
	return stored
}

// savePrecautions writes one answer of the precautions screen, with what a
// clinician cleared.
func savePrecautions(st Store, at time.Time, answers []history.Precaution) tea.Cmd {
	if st == nil || len(answers) == 0 {
		return nil
	}
	return func() tea.Msg { return savedMsg{err: st.SavePrecautionAnswers(at, answers)} }
}
