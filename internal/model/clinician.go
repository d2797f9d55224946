package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/clinician"
)

// "A clinician has checked this" (CONTENT.md section 4, app policy, v3):
// recorded on its own screen, opened from the history screen (d) or the
// home menu, never from the outcome that has just said to see someone.
// While it stands (safety.ClinicianCheckDays) the full check asks "worse,
// or different, since then?" in place of the question (evening.Asking). Recording
// changes nothing tonight: an outcome decided stands.

// clinicianSavedMsg reports the save of a clinician's check, with the
// checks that stand now read back, so the next check asks them so.
type clinicianSavedMsg struct {
	ids     []string
	on      time.Time
	err     error
	inForce []history.ClinicianCheck
	readErr error
}

// clinicianWithin is how far back an answer may be offered for a
// clinician's check: the longest a check stands.
const clinicianWithin = 28 * 24 * time.Hour

// openClinician shows the clinician's-check screen, with the answers given
// yes in the last 4 weeks that a clinician's check may cover, newest first.
func (m Model) openClinician() Model {
	now := m.now()
	d := clinician.Data{Now: now}
	seen := map[string]bool{}
	checks := m.hist.checks
	for i := len(checks) - 1; i >= 0; i-- {
		c := checks[i]
		if c.At.After(now) || now.Sub(c.At) > clinicianWithin {
			continue
		}
		for _, q := range safety.ClinicianCheckable(c.Yes) {
			if !seen[q.ID] {
				seen[q.ID] = true
				d.Items = append(d.Items, clinician.Item{Question: q, Answered: c.At})
			}
		}
	}
	for _, c := range m.hist.clinician {
		if q, ok := safety.QuestionByID(c.QuestionID); ok && safety.ClinicianCheckStands(q.ID, c.CheckedOn, history.Night(now, m.rollover())) {
			d.Standing = append(d.Standing, clinician.Standing{Question: q, CheckedOn: c.CheckedOn})
		}
	}
	if m.opts.Store == nil {
		d.Note = "History is off for this run, so a clinician's check cannot be kept."
	}
	m.v3.clinicianFrom = m.screen
	m.clinicianScreen = clinician.New(m.styles, d)
	return m.setScreen(ScreenClinician)
}

// clinicianChecked keeps the person's word off the update loop. Only the
// questions safety.ClinicianCheckable allows are kept: an EMERGENCY
// question never is, even if a screen were to ask.
func (m Model) clinicianChecked(a screens.ClinicianChecked) (Model, tea.Cmd) {
	var ids []string
	for _, q := range safety.ClinicianCheckable(a.IDs) {
		ids = append(ids, q.ID)
	}
	st := m.opts.Store
	if len(ids) == 0 {
		return m, nil
	}
	if st == nil {
		m.clinicianScreen = m.clinicianScreen.NotKept("Not kept: history is off for this run, so the check cannot remember it.")
		return m, nil
	}
	at, rollover := m.now(), m.rollover()
	on := a.On
	return m, func() tea.Msg {
		msg := clinicianSavedMsg{ids: ids, on: on}
		for _, id := range ids {
			if msg.err = st.SaveClinicianCheck(id, on, at); msg.err != nil {
				return msg
			}
		}
		msg.inForce, msg.readErr = st.ClinicianChecks(at, rollover)
		return msg
	}
}

// clinicianSaved says on the screen whether it was kept, and takes in the
// checks that stand now.
func (m Model) clinicianSaved(msg clinicianSavedMsg) Model {
	if msg.readErr == nil && msg.err == nil {
		m.hist.clinician = msg.inForce
	}
	if m.screen != ScreenClinician {
		return m
	}
	if msg.err != nil {
		m.clinicianScreen = m.clinicianScreen.NotKept(say.Sentence("Not kept", msg.err))
	} else {
		m.clinicianScreen = m.clinicianScreen.Kept(msg.ids, msg.on)
	}
	return m
}

// clinicianLines are the clinicians' checks that stand tonight, for the
// history screen.
func (m Model) clinicianLines() []string {
	tonight := history.Night(m.now(), m.rollover())
	var out []string
	for _, c := range m.hist.clinician {
		q, ok := safety.QuestionByID(c.QuestionID)
		if !ok || !safety.ClinicianCheckStands(q.ID, c.CheckedOn, tonight) {
			continue
		}
		until := c.CheckedOn.AddDate(0, 0, safety.ClinicianCheckDays(q.ID)-1)
		out = append(out, q.Report+": a clinician checked it on "+c.CheckedOn.Format("2 Jan")+
			"; the check asks whether it is worse, or different, since then, until "+until.Format("2 Jan")+".")
	}
	return out
}
