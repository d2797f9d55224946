package model

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/history"
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
}

// saver writes tonight's session. Saves run as tea.Cmds, concurrently, so it
// serialises them, remembers the database ID that Begin handed out, and drops
// a snapshot older than one already written (snapshots are numbered).
type saver struct {
	mu    sync.Mutex
	store Store
	id    int64
	seq   int // newest snapshot written
	final bool
}

// snapshot is one state of the session to write.
type snapshot struct {
	seq     int
	session history.Session
	finish  bool
}

// sessionSavedMsg reports a save; Err is shown on home when it failed.
type sessionSavedMsg struct{ Err error }

func (s *saver) save(snap snapshot) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store == nil || snap.seq <= s.seq || s.final {
		return nil
	}
	sess := snap.session
	if s.id == 0 {
		id, err := s.store.Begin(sess)
		if err != nil {
			return err
		}
		s.id = id
	}
	sess.ID = s.id
	var err error
	if snap.finish {
		err = s.store.Finish(sess)
	} else {
		err = s.store.Update(sess)
	}
	if err == nil {
		s.seq = snap.seq
		s.final = snap.finish
	}
	return err
}

// cmd turns a snapshot into a command.
func (s *saver) cmd(snap snapshot) tea.Cmd {
	return func() tea.Msg { return sessionSavedMsg{Err: s.save(snap)} }
}

// historyMsg carries what was read from the store.
type historyMsg struct {
	sessions []history.Session
	checks   []history.Check // every check, full or short
	err      error
	open     bool // show the history screen once loaded
}

func loadHistory(st Store, open bool) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		msg := historyMsg{open: open}
		msg.sessions, msg.err = st.Sessions(time.Time{})
		if msg.err == nil {
			msg.checks, msg.err = st.Checks(time.Time{})
		}
		return msg
	}
}

// saveCheck writes a red-flag check with its answers.
func saveCheck(st Store, c history.Check) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg { return sessionSavedMsg{Err: st.SaveCheck(c)} }
}

func (s *saver) isFinal() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.final
}
