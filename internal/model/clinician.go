package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/screens"
)

// "A clinician has checked this" (CONTENT.md section 4, app policy): the
// outcome screen reports screens.ClinicianChecked; the root keeps it, and
// for 4 weeks the full check shows a reminder under each question it
// covers. Recording changes nothing tonight: the outcome decided stands.

// clinicianSavedMsg reports the save of a clinician's check, with the
// checks that stand now read back, so the next check shows them.
type clinicianSavedMsg struct {
	ids     []string
	on      time.Time
	err     error
	inForce []history.ClinicianCheck
	readErr error
}

// clinicianChecked keeps the person's word off the update loop. Only
// URGENT and BOOK questions are kept: an EMERGENCY question never is, even
// if a screen were to ask.
func (m Model) clinicianChecked(a screens.ClinicianChecked) (Model, tea.Cmd) {
	var ids []string
	for _, id := range a.IDs {
		if q, ok := safety.QuestionByID(id); ok && (q.Tier == safety.Urgent || q.Tier == safety.Book) {
			ids = append(ids, id)
		}
	}
	st := m.opts.Store
	if len(ids) == 0 {
		return m, nil
	}
	if st == nil {
		m.outcome = m.outcome.NotKept("Not kept: history is off for this run, so the check cannot remember it.")
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

// clinicianSaved says on the outcome whether it was kept, and takes in the
// checks that stand now.
func (m Model) clinicianSaved(msg clinicianSavedMsg) Model {
	if msg.readErr == nil && msg.err == nil {
		m.hist.clinician = msg.inForce
	}
	if m.screen != ScreenOutcome {
		return m
	}
	if msg.err != nil {
		m.outcome = m.outcome.NotKept(say.Sentence("Not kept", msg.err))
	} else {
		m.outcome = m.outcome.Kept(msg.ids, msg.on)
	}
	return m
}
