package model

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/about"
)

// The v3 content screens' glue (issue 19), kept in one file so that the
// evening flow being rebuilt can carry it over: the disclaimer before the
// first night's precautions and from home, what tonight's full check asks
// (the NG65 pattern at most once a month, a clinician's check in its own
// words), and a clinician's clearance of a precaution.

// contentState is what the v3 screens remember between actions.
type contentState struct {
	// aboutThen is the routine to start once the first night's disclaimer
	// and precautions are done; "" when the disclaimer came from the menu.
	aboutThen string
	// aboutShown: the first night's disclaimer was read in this run, so a
	// second start does not show it again before the precautions.
	aboutShown bool
	// clinicianFrom is the screen the clinician's check was opened from.
	clinicianFrom Screen
}

// openAbout shows the disclaimer; then, when not "", is the routine the
// first night goes on to, through the precautions.
func (m Model) openAbout(then string) Model {
	m.v3.aboutThen = then
	m.about = about.New(*m.styles)
	if then != "" {
		m.about = m.about.FirstNight()
	}
	return m.setScreen(ScreenAbout)
}

// beforePrecautions is what starting a routine shows when the precautions
// are due: on the first night (never answered) the disclaimer first
// (CONTENT.md section 5, v3), then the precautions.
func (m Model) beforePrecautions(routine string) Model {
	if m.precautions.Asked.IsZero() && !m.v3.aboutShown {
		return m.openAbout(routine)
	}
	return m.openPrecautions(routine)
}

// aboutRead goes on from the first night's disclaimer to the precautions.
func (m Model) aboutRead() Model {
	then := m.v3.aboutThen
	m.v3.aboutThen, m.v3.aboutShown = "", true
	if then == "" {
		next, _ := m.goHome()
		return next
	}
	return m.openPrecautions(then)
}

// asking is what tonight's full check asks (safety.CheckGroups): the NG65
// pattern when no full check asked it in the last month, in the store or
// in this run; a clinician's check of a question while it stands.
func (m Model) asking() safety.Asking {
	now := m.now()
	checks := append(append([]history.Check(nil), m.hist.checks...), m.seenRecords()...)
	a := safety.Asking{
		Pattern: safety.PatternDue(history.PatternLastAsked(checks, now), now),
		Tonight: history.Night(now, m.rollover()),
		Checked: map[string]time.Time{},
	}
	if !m.hist.loaded && m.opts.Store != nil {
		// The history is not read yet: when it was last asked is not known,
		// and asking too often is the safe side.
		a.Pattern = true
	}
	for _, c := range m.hist.clinician {
		a.Checked[c.QuestionID] = c.CheckedOn
	}
	return a
}

// seenRecords are the checks this process took, as the store keeps them.
func (m Model) seenRecords() []history.Check {
	out := make([]history.Check, 0, len(m.seen.Checks))
	for _, c := range m.seen.Checks {
		out = append(out, c.Record())
	}
	return out
}

// precautionAnswers are the precaution screen's answers as the store keeps
// them, with what a clinician cleared.
func precautionAnswers(a screens.PrecautionsDone) []history.Precaution {
	out := make([]history.Precaution, 0, len(a.Answers))
	for id, yes := range a.Answers {
		p := history.Precaution{ID: id, Yes: yes}
		if c, ok := a.Cleared[id]; ok && yes && c.Cleared.Any() {
			p.ClearedHeat, p.ClearedStretches, p.ClearedOn = c.Cleared.Heat, c.Cleared.Stretches, c.ClearedOn
		}
		out = append(out, p)
	}
	return out
}
