package model

import (
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/say"
	histscreen "github.com/supine-app/supine/internal/screens/history"
	"github.com/supine-app/supine/internal/textsafe"
)

// loadedHistory is what the model knows of the past: read once at start and
// again after each session, never inside Update.
type loadedHistory struct {
	loaded   bool
	sessions []history.Session
	checks   []history.Check
	// clinician: the clinicians' checks that stand tonight.
	clinician []history.ClinicianCheck
	err       error
}

func (m Model) historyLoaded(msg historyMsg) Model {
	m.hist = loadedHistory{loaded: msg.err == nil, sessions: msg.sessions, checks: msg.checks, clinician: msg.clinician, err: msg.err}
	if msg.err == nil {
		m.precautions = newerPrecautions(m.precautions, msg.precautions)
	}
	if m.screen == ScreenHome {
		m.home = m.home.SetData(m.homeData())
		m = m.resized()
	}
	if msg.open {
		return m.showHistory(msg)
	}
	return m
}

func (m Model) showHistory(msg historyMsg) Model {
	d := histscreen.Data{Sessions: m.hist.sessions, Checks: m.hist.checks, Now: m.now(), RolloverHour: m.rollover(),
		Precautions: m.adaptation().Reasons, Clinician: m.clinicianLines(), Activities: m.activitySeries()}
	if n, ok := history.WeeksRule(m.hist.sessions, m.now(), m.rollover()); ok {
		d.Nudge = &n
	}
	switch {
	case m.opts.Store == nil:
		d.Note = "History is off for this run: the database could not be opened."
	case msg.err != nil:
		d.Note = say.Sentence("The history could not be read", msg.err)
	}
	m.history = histscreen.New(m.styles, d)
	return m.setScreen(ScreenHistory)
}

// nudge is the several-weeks rule's BOOK nudge, when the history asks for it.
func (m Model) nudge() history.Nudge {
	if !m.hist.loaded {
		return history.Nudge{}
	}
	n, _ := history.WeeksRule(m.hist.sessions, m.now(), m.rollover())
	return n
}

func (m Model) rollover() int { return m.opts.RolloverHour }

// notice is the one line home shows about something that went wrong. An
// error can quote a path, so it goes through the sanitiser.
func (m Model) notice() string {
	return textsafe.Clean(m.rawNotice())
}

func (m Model) rawNotice() string {
	if m.saveErr != nil {
		return say.Sentence("Tonight's session could not be saved", m.saveErr)
	}
	if m.hist.err != nil {
		return say.Sentence("The history could not be read", m.hist.err)
	}
	if m.info != "" {
		return m.info
	}
	if m.opts.Notice != "" {
		return m.opts.Notice
	}
	return m.tonightLine()
}

// tonightLine says on home what tonight allows when it is not everything:
// the routine is closed after EMERGENCY or URGENT, the stretches are out
// after a stop for pain, heat is used up. It is what home last read, for
// the eye only: starting anything asks the store again.
func (m Model) tonightLine() string {
	if !m.hist.loaded {
		return ""
	}
	now := m.now()
	g := night.FromHistory(m.hist.sessions, m.hist.checks, now, m.rollover()).Gate(now)
	if g.IsVoid {
		return "The check at " + g.Void.At.Format("15:04") + " reached " + safety.TierName(g.Void.Tier) +
			": no routine until " + night.OpensAt(g.VoidUntil, now) + ". Press s to see what to do."
	}
	r, _ := m.opts.Library.Find(m.routineName)
	heat := routines.Expand(m.adapted(r), m.planOptions()).HeatMinutes() > 0
	if lines := g.Reasons(heat); len(lines) > 0 {
		return lines[0]
	}
	return ""
}
