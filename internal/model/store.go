package model

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
)

// Store is the part of the history store the model uses. It is an interface
// so tests can pass a fake; the app passes *history.Store.
type Store interface {
	Begin(history.Session) (int64, error)
	Update(history.Session) error
	Finish(history.Session) error
	Sessions(since time.Time) ([]history.Session, error)
	SaveCheck(history.Check) error
	Checks(since time.Time) ([]history.Check, error)
	SavePrecautions(at time.Time, answers map[string]bool) error
	SavePrecautionAnswers(at time.Time, answers []history.Precaution) error
	Precautions() (history.Precautions, error)
	SaveClinicianCheck(questionID string, checkedOn, at time.Time) error
	ClinicianChecks(now time.Time, rolloverHour int) ([]history.ClinicianCheck, error)
}

// saver writes tonight's session. Saves run as tea.Cmds, concurrently, so it
// serialises them, remembers the database ID that Begin handed out, and drops
// a snapshot older than one already written (snapshots are numbered).
type saver struct {
	mu     sync.Mutex
	store  Store
	id     int64
	seq    int // newest snapshot written
	final  bool
	failed *snapshot // the newest snapshot that could not be written; nil once a later one is
	err    error     // why it could not
}

// snapshot is one state of the session to write.
type snapshot struct {
	seq     int
	session history.Session
	finish  bool
}

// sessionSavedMsg reports a save; Err is shown on home when it failed.
// check is set for a red-flag check, which says nothing about the session.
type sessionSavedMsg struct {
	Err   error
	check bool
}

func (s *saver) save(snap snapshot) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store == nil || snap.seq <= s.seq || s.final {
		return nil
	}
	err := s.write(snap)
	if err == nil {
		s.seq = snap.seq
		s.final = snap.finish
		s.failed, s.err = nil, nil
	} else if s.failed == nil || snap.seq > s.failed.seq {
		s.failed, s.err = &snap, err
	}
	return err
}

// write stores one snapshot; the caller holds the lock.
func (s *saver) write(snap snapshot) error {
	sess := snap.session
	if s.id == 0 {
		id, err := s.store.Begin(sess)
		if err != nil {
			return err
		}
		s.id = id
	}
	sess.ID = s.id
	if snap.finish {
		return s.store.Finish(sess)
	}
	return s.store.Update(sess)
}

// stored reports whether tonight's session is in the store as it stands,
// and if not, the error of the save that failed. A session never written
// is not stored; a later save that works clears an earlier failure.
func (s *saver) stored() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seq > 0 && s.failed == nil, s.err
}

// retryFinish reports whether the save that failed was the one that marks
// the session finished, so that the save on exit finishes it too.
func (s *saver) retryFinish() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failed != nil && s.failed.finish
}

// cmd turns a snapshot into a command.
func (s *saver) cmd(snap snapshot) tea.Cmd {
	return func() tea.Msg { return sessionSavedMsg{Err: s.save(snap)} }
}

// historyMsg carries what was read from the store.
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

// saveCheck writes a red-flag check with its answers.
func saveCheck(st Store, c history.Check) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg { return sessionSavedMsg{Err: st.SaveCheck(c), check: true} }
}

func (s *saver) isFinal() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.final
}

// saved takes in the outcome of a save. The warning follows the session's
// state: a later save that works clears it. On the summary the warning and
// the streak are redrawn, because tonight counts only once it is stored.
func (m Model) saved(msg sessionSavedMsg) Model {
	if msg.check {
		if msg.Err != nil {
			m.saveErr = msg.Err
		}
		return m
	}
	_, m.saveErr = m.saver.stored()
	if m.screen == ScreenSummary {
		m = m.showSummary()
	}
	return m
}
