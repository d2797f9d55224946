package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

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
// check; the menu and `supine precautions` ask them at any time. The newest
// answers adapt every routine the app shows or runs (night.Adapt).

// precautionsDue reports whether starting a routine asks the precautions
// first: never answered, or answered history.PrecautionsEvery ago. When the
// history is off or could not be read, the answers are unknown and could
// not be kept: home says the history is not there, the menu (p) asks them,
// and starting a routine does not ask on every run.
func (m Model) precautionsDue() bool {
	if (m.opts.Store == nil || !m.hist.loaded) && m.precautions.Asked.IsZero() {
		return false
	}
	return m.precautions.Due(m.now())
}

// adaptation is what the newest answers (and the osteoporosis setting or
// flag) do to tonight's routine.
func (m Model) adaptation() safety.Adaptation {
	return night.AdaptationFor(m.precautions, m.opts.Osteoporosis)
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

// openPrecautions shows the precautions screen; then, when not "", is the
// routine to start once they are answered.
func (m Model) openPrecautions(then string) Model {
	m.afterPrecautions = then
	m.precautionsScreen = precautions.New(*m.styles).SetToday(m.now())
	return m.setScreen(ScreenPrecautions)
}

// precautionsDone keeps the answers (in the model at once, in the store in
// the background) and goes on: to the routine that was being started, or
// home, where tonight's adaptation shows.
func (m Model) precautionsDone(a screens.PrecautionsDone) (Model, tea.Cmd) {
	now := m.now()
	latest := make(map[string]history.Precaution, len(m.precautions.Latest)+len(a.Answers))
	for id, p := range m.precautions.Latest {
		latest[id] = p
	}
	answers := precautionAnswers(a)
	for _, p := range answers {
		p.At = now
		latest[p.ID] = p
	}
	m.precautions = history.Precautions{Asked: now, Latest: latest}
	save := savePrecautions(m.opts.Store, now, answers)
	then := m.afterPrecautions
	m.afterPrecautions = ""
	if then != "" {
		return m.startRoutine(then), save
	}
	next, cmd := m.goHome()
	return next, tea.Batch(save, cmd)
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
	return func() tea.Msg { return sessionSavedMsg{Err: st.SavePrecautionAnswers(at, answers), check: true} }
}
