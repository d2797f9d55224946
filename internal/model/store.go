package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/history"
)

// Store is the part of the history store the model uses: what the evening
// needs (evening.Store) and what home and the history screen show. It is
// an interface so tests can pass a fake; the app passes *history.Store.
type Store interface {
	evening.Store
	Sessions(since time.Time) ([]history.Session, error)
	Checks(since time.Time) ([]history.Check, error)
	Precautions() (history.Precautions, error)
	SaveClinicianCheck(questionID string, checkedOn, at time.Time) error
	ClinicianChecks(now time.Time, rolloverHour int) ([]history.ClinicianCheck, error)
}

// historyMsg carries what was read from the store for home and the
// history screen. (The evening reads for its own decisions.)
type historyMsg struct {
	sessions []history.Session
	checks   []history.Check // every check, full or short
	// precautions are the newest answers; a failure to read them is err.
	precautions history.Precautions
	// clinician is the clinicians' checks that stand tonight.
	clinician []history.ClinicianCheck
	err       error
	open      bool // show the history screen once loaded
}

func loadHistory(st Store, open bool, now func() time.Time, rolloverHour int) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		msg := historyMsg{open: open}
		msg.sessions, msg.err = st.Sessions(time.Time{})
		if msg.err == nil {
			msg.checks, msg.err = st.Checks(time.Time{})
		}
		if msg.err == nil {
			msg.precautions, msg.err = st.Precautions()
		}
		if msg.err == nil {
			msg.clinician, msg.err = st.ClinicianChecks(now(), rolloverHour)
		}
		return msg
	}
}

// savedMsg reports a write home makes on its own (the precautions from the
// menu); its error is shown on home.
type savedMsg struct{ err error }

// SaveNow writes an evening that the app is closing on, at once, as it
// stands: partial, or finished when it ended on purpose (or when the save
// that failed was the finishing one). The CLI calls it on the final model
// after the program ends, so that q, Ctrl+C, SIGTERM and SIGHUP never lose
// what was done, and a save that failed earlier gets one more try.
func (m Model) SaveNow() error {
	if m.ev == nil || m.keeper == nil {
		return nil
	}
	now := m.moment()
	st := m.ev.State(now)
	if !st.Stored {
		return nil
	}
	return m.keeper.SaveNow(m.ev.Record(now), st.Stage == evening.Closed && st.End != evening.Left)
}
