package model

import (
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/home"
	"github.com/supine-app/supine/internal/screens/summary"
	"github.com/supine-app/supine/internal/screens/tips"
	"github.com/supine-app/supine/internal/screens/why"
	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/trial"
)

// handleAction is the state machine: every decision a screen reports ends up
// here, and only here does the screen change. While an evening is on, its
// steps are the evening's to decide (eveningAction); the rest is home's.
func (m Model) handleAction(a screens.Action) (Model, tea.Cmd) {
	if m.screen == ScreenHome {
		// The routine picked on home is kept for the whole run.
		if sel := m.home.Selected(); sel != "" {
			m.routineName = sel
		}
	}
	if q, ok := a.(screens.Quit); ok {
		return m.askQuit(q)
	}
	if next, cmd, ok := m.eveningAction(a); ok {
		return next, cmd
	}
	switch a := a.(type) {
	case screens.Back:
		if m.screen == ScreenClinician && m.v3.clinicianFrom == ScreenHistory {
			return m.showHistory(historyMsg{}), nil
		}
		return m.goHome()
	case screens.StartRoutine:
		return m.startEvening(evening.ForRoutine, a.Name)
	case screens.OpenCheck:
		return m.startEvening(evening.ForCheck, "")
	case screens.OpenTips:
		m.tips = tips.New(m.styles, m.position)
		return m.setScreen(ScreenTips), nil
	case screens.OpenWhy:
		m.why = why.New(m.styles)
		return m.setScreen(ScreenWhy), nil
	case screens.OpenPrecautions:
		return m.openPrecautions(), nil
	case screens.SkipTonight:
		return m, m.skipTonight()
	case screens.PrecautionsDone:
		return m.precautionsDone(a)
	case screens.OpenHistory:
		if m.opts.Store == nil {
			return m.showHistory(historyMsg{}), nil
		}
		return m, loadHistory(m.opts.Store, true, m.now, m.rollover())
	case screens.PickPosition:
		p, ok := guide.ParsePosition(a.Position)
		if !ok {
			return m.goHome()
		}
		m.position = p
		next, cmd := m.goHome()
		return next, tea.Batch(cmd, savePosition(m.opts.SavePosition, p))
	case screens.ClinicianChecked:
		return m.clinicianChecked(a)
	case screens.OpenClinician:
		return m.openClinician(), nil
	case screens.OpenAbout:
		return m.openAbout(), nil
	}
	if next, cmd, ok := m.handleMeasure(a); ok {
		return next, cmd
	}
	return m, nil
}

// goHome ends whatever was on and shows home, with the history read afresh.
// An evening still on is left through the evening, so that what was done
// is kept.
func (m Model) goHome() (Model, tea.Cmd) {
	var cmds []tea.Cmd
	if m.ev != nil {
		if m.ev.State(m.moment()).Stage != evening.Closed {
			var cmd tea.Cmd
			m, cmd = m.evDo(evening.Leave{})
			cmds = append(cmds, cmd)
		}
		m.ev = nil
		m.evGen++
	}
	cmds = append(cmds, loadHistory(m.opts.Store, false, m.now, m.rollover()))
	m.home = m.home.SetData(m.homeData())
	return m.setScreen(ScreenHome), tea.Sequence(cmds...)
}

func (m Model) homeData() home.Data {
	d := home.Data{Selected: m.routineName, Skipped: len(m.opts.Library.Skipped), Notice: m.notice(), Nudge: withReport(m.nudge().Short),
		Adapted: m.adaptation().Reasons, Measures: m.measureLines(), Reminder: m.reminder()}
	read, now := m.lastRead(), m.now()
	for _, r := range m.opts.Library.Routines {
		d.Routines = append(d.Routines, home.Routine{
			Name:  r.Name,
			Title: r.Title,
			// Tonight's length, as the evening will plan it from what home
			// last read: without heat used tonight or left out by a heat
			// trial, the sleep set-up alone after a stop for pain.
			Total: evening.Preview(m.eveningConfig(evening.ForRoutine, r), read, now).Total(),
		})
	}
	return d
}

// lastRead is what home last read of the store, as the evening reads it:
// nothing of tonight when the history could not be read (the evening then
// asks).
func (m Model) lastRead() history.Recent {
	r := history.Recent{Precautions: m.currentPrecautions()}
	if m.hist.loaded {
		r.Sessions, r.Checks = m.hist.sessions, m.hist.checks
	}
	if t, ok := trial.Latest(m.meas.trials); ok && m.meas.loaded {
		r.Trial = &t
	}
	return r
}

func (m Model) planOptions() routines.Options { return m.opts.PlanOptions() }

// showSummary shows what the evening did, from its stored record.
func (m Model) showSummary(st evening.State) Model {
	rec := m.ev.Record(m.moment())
	// Tonight counts in the streak and the weeks rule once it is stored;
	// until then the summary says the save failed instead.
	all := m.hist.sessions
	var saveProblem string
	if st.SaveErr != nil {
		saveProblem = "Tonight is not saved yet, so it is not counted: " + textsafe.Clean(st.SaveErr.Error()) +
			" supine tries again when you quit."
	} else {
		all = append([]history.Session{rec}, all...)
	}
	streak := 0
	var nudge string
	if m.hist.loaded {
		streak = history.Streak(all, m.now(), m.rollover())
		if n, ok := history.WeeksRule(all, m.now(), m.rollover()); ok {
			nudge = withReport(n.Short)
		}
	}
	// Tonight's own figures come first: tightness 2 or more points up after
	// the stretches (CONTENT.md section 7).
	if n, ok := history.AfterStretches(rec); ok && didStretch(m.ev.Routine(), rec) {
		nudge = n.Text
	}
	reason := screens.Finished
	if st.End == evening.Pain {
		reason = screens.StoppedByPain
	}
	m.summary = summary.New(m.styles, summary.Data{
		Routine:     m.ev.Routine().Title,
		Completed:   rec.Completed,
		Skipped:     rec.Skipped,
		Heat:        evening.HeatUsed(rec),
		Before:      rec.Before,
		After:       rec.After,
		Streak:      streak,
		Setup:       guide.For(m.sleepPosition()),
		Reason:      reason,
		Nudge:       nudge,
		SaveProblem: saveProblem,
	})
	return m.setScreen(ScreenSummary)
}

// didStretch reports whether a stretch was done tonight (not only heat or
// the sleep set-up), for the "worse after the stretches" rule.
func didStretch(r routines.Routine, rec history.Session) bool {
	for _, st := range r.Steps {
		if !st.IsStretch() {
			continue
		}
		for _, done := range rec.Completed {
			if done == st.Title {
				return true
			}
		}
	}
	return false
}

// positionSavedMsg reports where a picked sleep position was kept.
type positionSavedMsg struct {
	position guide.Position
	where    string
	err      error
}

// savePosition keeps a picked position for the nights after, off the
// update loop: it writes the settings file.
func savePosition(save func(guide.Position) (string, error), p guide.Position) tea.Cmd {
	if save == nil {
		return nil
	}
	return func() tea.Msg {
		where, err := save(p)
		return positionSavedMsg{position: p, where: where, err: err}
	}
}

// positionSaved tells home where the position was kept, or why it was not.
func (m Model) positionSaved(msg positionSavedMsg) Model {
	if msg.err != nil {
		// Said in full even when the error names what failed: the person
		// needs to know the pick still holds tonight.
		m.info = "Your sleep position holds for tonight only: " + say.Stop(msg.err.Error())
	} else {
		m.info = "Sleep position " + string(msg.position) + " from tonight on, kept in " + msg.where + "."
	}
	if m.screen == ScreenHome {
		m.home = m.home.SetData(m.homeData())
		m = m.resized()
	}
	return m
}

// withReport adds, to a history rule's nudge, how to take the figures to
// the appointment it suggests.
func withReport(nudge string) string {
	if nudge == "" {
		return ""
	}
	return nudge + " For the appointment: supine report."
}
