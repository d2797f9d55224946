package model

import (
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/guide"
	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/screens"
	"github.com/supine-app/supine/screens/check"
	"github.com/supine-app/supine/screens/checkin"
	"github.com/supine-app/supine/screens/home"
	"github.com/supine-app/supine/screens/outcome"
	"github.com/supine-app/supine/screens/player"
	"github.com/supine-app/supine/screens/summary"
	"github.com/supine-app/supine/screens/tips"
	"github.com/supine-app/supine/screens/why"
)

// handleAction is the state machine: every decision a screen reports ends up
// here, and only here does the screen change.
func (m Model) handleAction(a screens.Action) (Model, tea.Cmd) {
	switch a := a.(type) {
	case screens.Quit:
		if m.screen == ScreenPlayer && m.player.Running() {
			m.confirmQuit = true
			return m, nil
		}
		return m.quit()
	case screens.Back:
		return m.goHome(), nil
	case screens.StartRoutine:
		return m.startRoutine(a.Name), nil
	case screens.OpenCheck:
		m.flow = flowStandalone
		m.check = check.New(m.styles)
		return m.setScreen(ScreenCheck), nil
	case screens.OpenTips:
		m.tips = tips.New(m.styles, m.position)
		return m.setScreen(ScreenTips), nil
	case screens.OpenWhy:
		m.why = why.New(m.styles)
		return m.setScreen(ScreenWhy), nil
	case screens.PickPosition:
		if p, ok := guide.ParsePosition(a.Position); ok {
			m.position = p
		}
		return m.goHome(), nil
	case screens.CheckDone:
		return m.checked(a), nil
	case screens.GoOn:
		return m.beginCheckin(), nil
	case screens.CheckedIn:
		return m.checkedIn(a)
	case screens.PlayerDone:
		return m.playerDone(a), nil
	}
	return m, nil
}

func (m Model) goHome() Model {
	m.sess = session{}
	m.home = home.New(m.styles, m.homeData())
	return m.setScreen(ScreenHome)
}

func (m Model) homeData() home.Data {
	d := home.Data{Selected: m.routineName, Skipped: len(m.opts.Library.Skipped), Notice: m.opts.Notice}
	for _, r := range m.opts.Library.Routines {
		d.Routines = append(d.Routines, home.Routine{
			Name:  r.Name,
			Title: r.Title,
			Total: r.Total(m.planOptions()),
		})
	}
	return d
}

func (m Model) planOptions() routines.Options {
	return routines.Options{HeatMinutes: m.opts.HeatMinutes, Osteoporosis: m.opts.Osteoporosis}
}

// startRoutine begins a session: the red-flag check always comes first.
func (m Model) startRoutine(name string) Model {
	if name == "" {
		name = m.routineName
	}
	r, ok := m.opts.Library.Find(name)
	if !ok {
		return m.goHome()
	}
	m.routineName = r.Name
	m.sess = session{active: true, routine: r, plan: routines.Expand(r, m.planOptions()), started: m.now()}
	m.flow = flowRoutine
	m.check = check.New(m.styles)
	return m.setScreen(ScreenCheck)
}

// checked routes the red-flag result. EMERGENCY and URGENT end the session:
// the outcome screen offers no way on to the routine.
func (m Model) checked(a screens.CheckDone) Model {
	m.sess.tier, m.sess.checked = a.Tier, true
	if m.flow == flowRoutine && a.Tier == safety.None {
		return m.beginCheckin()
	}
	if a.Tier >= safety.Urgent {
		m.sess.active = false
	}
	m.outcome = outcome.ForTier(m.styles, a.Tier)
	return m.setScreen(ScreenOutcome)
}

func (m Model) beginCheckin() Model {
	if !m.sess.active {
		return m.goHome()
	}
	m.checkin = checkin.New(m.styles, "Before")
	return m.setScreen(ScreenCheckinBefore)
}

func (m Model) checkedIn(a screens.CheckedIn) (Model, tea.Cmd) {
	var v *int
	if !a.Skipped {
		val := a.Value
		v = &val
	}
	if m.screen == ScreenCheckinBefore {
		m.sess.before = v
		m.player = player.New(m.styles, m.sess.plan, m.clock, guide.For(m.position))
		m = m.setScreen(ScreenPlayer)
		return m, m.player.Init()
	}
	m.sess.after = v
	return m.showSummary(), nil
}

func (m Model) playerDone(a screens.PlayerDone) Model {
	m.sess.progress = a
	m.sess.done = true
	m.sess.ended = m.now()
	if a.Reason == screens.StoppedByPain {
		m.sess.active = false
		m.outcome = outcome.StoppedForPain(m.styles)
		return m.setScreen(ScreenOutcome)
	}
	m.checkin = checkin.New(m.styles, "After")
	return m.setScreen(ScreenCheckinAfter)
}

func (m Model) showSummary() Model {
	p := m.sess.progress
	m.summary = summary.New(m.styles, summary.Data{
		Routine:     m.sess.routine.Title,
		Completed:   m.sess.stepTitles(p.Completed),
		Skipped:     m.sess.stepTitles(p.Skipped),
		HeatMinutes: p.HeatMins,
		Before:      m.sess.before,
		After:       m.sess.after,
		Setup:       guide.For(m.position),
		Reason:      p.Reason,
	})
	m.sess.active = false
	return m.setScreen(ScreenSummary)
}
