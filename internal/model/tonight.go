package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/outcome"
)

// withTonight rebuilds tonight from the store and what this process saw.
func (m Model) withTonight() Model {
	now := m.now()
	t := night.FromHistory(m.hist.sessions, m.hist.checks, now, m.rollover())
	if !m.hist.loaded {
		t = night.Tonight{Night: history.Night(now, m.rollover()), Rollover: m.rollover()}
	}
	for _, c := range m.seen.Checks {
		t.AddCheck(c)
	}
	for _, h := range m.seen.Heat {
		t.AddHeat(h)
	}
	for _, p := range m.seen.Pain {
		t.AddPainStop(p)
	}
	m.tonight = t
	return m
}

// gate is what may start now.
func (m Model) gate() night.Gate {
	if !history.Night(m.now(), m.rollover()).Equal(m.tonight.Night) {
		m = m.withTonight() // the night rolled over while the app was open
	}
	return m.tonight.Gate(m.now())
}

// noteCheck remembers a check taken now and writes it.
func (m Model) noteCheck(a screens.CheckDone, full bool) (Model, tea.Cmd) {
	c := night.Check{At: m.now(), Tier: a.Tier, Yes: a.Yes, Full: full, PatternAsked: a.PatternAsked}
	m.seen.AddCheck(c)
	m.tonight.AddCheck(c)
	return m, saveCheck(m.opts.Store, c.Record())
}

// noteHeat remembers the heat of the player on show, as it stands.
func (m Model) noteHeat() Model {
	p := m.player.Progress()
	if p.HeatMins == 0 {
		return m
	}
	if m.sess.heatStart.IsZero() {
		// Read once: the wall time of a clock reading moves by the time
		// between the two reads, and the heat is known by its start.
		m.sess.heatStart = m.wallAt(p.HeatStartedAt)
	}
	h := night.HeatUse{Start: m.sess.heatStart, Seconds: p.HeatSeconds}
	m.seen.AddHeat(h)
	m.tonight.AddHeat(h)
	return m
}

// notePain remembers a stop for pain.
func (m Model) notePain(step string) Model {
	p := night.PainStop{At: m.now(), Step: step}
	m.seen.AddPainStop(p)
	m.tonight.AddPainStop(p)
	return m
}

// wallAt turns a reading of the routines clock into wall time.
func (m Model) wallAt(clock time.Duration) time.Time {
	return m.now().Add(clock - m.clock.Now())
}

// voidOutcome is tonight's EMERGENCY or URGENT outcome, shown again with
// what was reported: the only thing such a night leads to.
func (m Model) voidOutcome(g night.Gate) Model {
	m.outcome = outcome.ForTier(*m.styles, g.Void.Tier).Reported(g.Void.At, g.Void.Yes).Tonight().Standalone()
	m.sess = session{}
	return m.setScreen(ScreenOutcome)
}
