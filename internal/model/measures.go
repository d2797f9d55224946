package model

import (
	"math/rand/v2"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/activities"
	"github.com/supine-app/supine/internal/screens/heattrial"
	"github.com/supine-app/supine/internal/screens/style"
	"github.com/supine-app/supine/internal/trial"
)

// The Patient-Specific Functional Scale (the activities screen) and the
// heat trial, kept apart from the evening's flow: their screens open from
// home, their records are read and written here, and home shows a line
// when a rating is due or a trial night is on. What tonight's trial night
// does to the routine is the evening's (trial.Tonight).

// measureStore is what these screens need of the store, beyond Store. A
// store without it (a test's fake) leaves them read-only and empty.
type measureStore interface {
	Activities() ([]history.Activity, error)
	Ratings() ([]history.Rating, error)
	SaveRatings(at time.Time, answers []history.Rated) error
	DropActivity(id int64, at time.Time) error
	Trials() ([]history.Trial, error)
	SaveTrial(t history.Trial, running func(history.Trial) bool) (int64, error)
	StopTrial(id int64, at time.Time) error
}

// measures is what the model knows of both, as last read.
type measures struct {
	loaded     bool
	activities []history.Activity
	ratings    []history.Rating
	trials     []history.Trial
	err        error
	note       string // the last save's failure, shown on the screen

	activitiesScreen activities.Model
	trialScreen      heattrial.Model
}

// measuresMsg carries what was read; open names the screen to show once
// read (ScreenHome for none).
type measuresMsg struct {
	activities []history.Activity
	ratings    []history.Rating
	trials     []history.Trial
	err        error
	open       Screen
	note       string
}

func (m Model) measureStore() (measureStore, bool) {
	ms, ok := m.opts.Store.(measureStore)
	return ms, ok
}

// loadMeasures reads both off the update loop, after save (a write) when
// one is given; its error becomes the screen's note.
func (m Model) loadMeasures(open Screen, save func(measureStore) error) tea.Cmd {
	ms, ok := m.measureStore()
	if !ok {
		return func() tea.Msg { return measuresMsg{open: open} }
	}
	return func() tea.Msg {
		var msg measuresMsg
		msg.open = open
		if save != nil {
			if err := save(ms); err != nil {
				msg.note = say.Sentence("", err)
			}
		}
		msg.activities, msg.err = ms.Activities()
		if msg.err == nil {
			msg.ratings, msg.err = ms.Ratings()
		}
		if msg.err == nil {
			msg.trials, msg.err = ms.Trials()
		}
		return msg
	}
}

func (m Model) measuresLoaded(msg measuresMsg) Model {
	m.meas.loaded, m.meas.err, m.meas.note = msg.err == nil, msg.err, msg.note
	if msg.err == nil {
		m.meas.activities, m.meas.ratings, m.meas.trials = msg.activities, msg.ratings, msg.trials
	}
	switch {
	case msg.open == ScreenActivities:
		m.meas.activitiesScreen = activities.New(m.styles, m.activitiesData())
		return m.setScreen(ScreenActivities)
	case msg.open == ScreenTrial:
		m.meas.trialScreen = heattrial.New(m.styles, m.trialData())
		return m.setScreen(ScreenTrial)
	case m.screen == ScreenHome:
		m.home = m.home.SetData(m.homeData())
		return m.resized()
	}
	return m
}

// handleMeasure takes the actions of the two screens; ok is false for any
// other action.
func (m Model) handleMeasure(a screens.Action) (Model, tea.Cmd, bool) {
	now := m.now()
	switch a := a.(type) {
	case screens.OpenActivities:
		return m, m.loadMeasures(ScreenActivities, nil), true
	case screens.RateActivities:
		return m, m.loadMeasures(ScreenActivities, func(ms measureStore) error { return ms.SaveRatings(now, a.Answers) }), true
	case screens.DropActivity:
		return m, m.loadMeasures(ScreenActivities, func(ms measureStore) error { return ms.DropActivity(a.ID, now) }), true
	case screens.OpenTrial:
		return m, m.loadMeasures(ScreenTrial, nil), true
	case screens.StartTrial:
		if why := m.trialRefusal(); why != "" {
			m.meas.note = why
			m.meas.trialScreen = heattrial.New(m.styles, m.trialData())
			return m.setScreen(ScreenTrial), nil, true
		}
		t := trial.New(rand.Int64(), now, trial.FirstNight(now, m.rollover(), m.hist.sessions))
		rollover := m.rollover()
		return m, m.loadMeasures(ScreenTrial, func(ms measureStore) error {
			_, err := ms.SaveTrial(t, func(k history.Trial) bool { return trial.Running(k, now, rollover) })
			return err
		}), true
	case screens.StopTrial:
		t, ok := m.runningTrial()
		if !ok {
			return m, m.loadMeasures(ScreenTrial, nil), true
		}
		return m, m.loadMeasures(ScreenTrial, func(ms measureStore) error { return ms.StopTrial(t.ID, now) }), true
	}
	return m, nil, false
}

func (m Model) activitiesData() activities.Data {
	now := m.now()
	return activities.Data{Now: now,
		Series: psfs.SeriesOf(psfs.Active(m.meas.activities), m.meas.ratings, time.Time{}),
		Status: psfs.StatusAt(m.meas.activities, m.meas.ratings, now, m.rollover())}
}

func (m Model) runningTrial() (trial.Trial, bool) {
	t, ok := trial.Latest(m.meas.trials)
	if !ok || !trial.Running(t, m.now(), m.rollover()) {
		return trial.Trial{}, false
	}
	return t, true
}

// trialRefusal says why a trial cannot start now, or "".
func (m Model) trialRefusal() string {
	if _, ok := m.measureStore(); !ok || !m.meas.loaded {
		return "The history is off for this run, so a trial cannot be kept."
	}
	var running *trial.Trial
	if t, ok := m.runningTrial(); ok {
		running = &t
	}
	r, _ := m.opts.Library.Find(m.routineName)
	return trial.Refusal(r.HasHeat(), !m.adaptation().HeatAfterClinician, m.opts.CheckIns, running)
}

func (m Model) trialData() heattrial.Data {
	d := heattrial.Data{Note: m.meas.note}
	if m.meas.err != nil {
		d.Note = say.Sentence("The trial could not be read", m.meas.err)
	}
	if t, ok := trial.Latest(m.meas.trials); ok {
		p := trial.ProgressOf(t, m.hist.sessions, m.hist.checks, m.now(), m.rollover())
		d.Progress = &p
		if r, ok := trial.Results(t, m.hist.sessions, m.hist.checks, m.now(), m.rollover()); ok {
			d.Result = &r
		}
	}
	_, d.Running = m.runningTrial()
	if !d.Running {
		d.Refusal = m.trialRefusal()
	}
	return d
}

// measureLines are home's lines: a rating due, tonight's trial night.
func (m Model) measureLines() []string {
	if !m.meas.loaded {
		return nil
	}
	var out []string
	if st := psfs.StatusAt(m.meas.activities, m.meas.ratings, m.now(), m.rollover()); st.Due {
		out = append(out, "Your weekly activity rating is due: a minute, press f.")
	}
	if t, ok := m.runningTrial(); ok && m.hist.loaded {
		p := trial.ProgressOf(t, m.hist.sessions, m.hist.checks, m.now(), m.rollover())
		if p.Tonight != nil {
			out = append(out, trial.TonightLine(*p.Tonight))
		}
	}
	return out
}

func (m *Model) updateMeasure(msg tea.Msg) (tea.Cmd, screens.Action) {
	var cmd tea.Cmd
	var act screens.Action
	switch m.screen {
	case ScreenActivities:
		m.meas.activitiesScreen, cmd, act = m.meas.activitiesScreen.Update(msg)
	case ScreenTrial:
		m.meas.trialScreen, cmd, act = m.meas.trialScreen.Update(msg)
	}
	return cmd, act
}

func (m Model) measureView() (string, bool) {
	switch m.screen {
	case ScreenActivities:
		return m.meas.activitiesScreen.View(), true
	case ScreenTrial:
		return m.meas.trialScreen.View(), true
	}
	return "", false
}

func (m Model) resizeMeasure(st *style.Styles, w, h int) Model {
	switch m.screen {
	case ScreenActivities:
		m.meas.activitiesScreen = fit(m.meas.activitiesScreen, st, w, h)
	case ScreenTrial:
		m.meas.trialScreen = fit(m.meas.trialScreen, st, w, h)
	}
	return m
}

// activitySeries is each activity still rated with its scores, for the
// history screen; nil when none is named.
func (m Model) activitySeries() []psfs.Series {
	return psfs.SeriesOf(psfs.Active(m.meas.activities), m.meas.ratings, time.Time{})
}
