// Package evtest is test support for the evening's front ends: a history
// in memory that behaves as history.Store does where an evening can see it
// (IDs, partial until finished, newest sessions first, the claim of the pad
// atomic), so that two "processes" of a test can share one. Nothing but
// _test.go files imports it.
package evtest

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// Store is one history in memory (an evening.Store). Set ReadErr or SaveErr
// to make reads or writes fail.
type Store struct {
	mu          sync.Mutex
	sessions    []history.Session // in the order they were begun
	checks      []history.Check   // in the order they were saved
	precautions history.Precautions
	nextID      int64
	claims      int

	ReadErr error // every read fails with it
	SaveErr error // every write fails with it
}

// New is an empty history: the precautions never answered (a first night).
func New() *Store { return &Store{} }

// Answered is a history whose precautions were answered at at (yes to the
// IDs given, no to the rest), so that an evening starts at the check.
func Answered(at time.Time, yes ...string) *Store {
	s := New()
	s.precautions = history.Precautions{Asked: at, Latest: map[string]history.Precaution{}}
	for _, id := range history.PrecautionIDs {
		s.precautions.Latest[id] = history.Precaution{At: at, ID: id, Yes: slices.Contains(yes, id)}
	}
	return s
}

// AddCheck stores a check, as an earlier evening would have.
func (s *Store) AddCheck(c history.Check) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checks = append(s.checks, c)
}

// AddSession stores a session, as an earlier evening would have.
func (s *Store) AddSession(sess history.Session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	sess.ID = s.nextID
	s.sessions = append(s.sessions, sess)
}

// Sessions are the sessions stored, in the order they were begun.
func (s *Store) Sessions() []history.Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sessions)
}

// Checks are the checks stored, in the order they were saved.
func (s *Store) Checks() []history.Check {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.checks)
}

// Claims is how many claims of the pad were granted.
func (s *Store) Claims() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.claims
}

// Recent is what an evening reads at a decision.
func (s *Store) Recent(sessionsSince, checksSince, now time.Time, rollover int) (history.Recent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ReadErr != nil {
		return history.Recent{}, s.ReadErr
	}
	var r history.Recent
	for i := len(s.sessions) - 1; i >= 0; i-- {
		if sess := s.sessions[i]; !sess.Start.Before(sessionsSince) {
			r.Sessions = append(r.Sessions, sess)
		}
		if len(s.sessions[i].Completed) > 0 {
			r.AnyStepDone = true
		}
	}
	for _, c := range s.checks {
		if !c.At.Before(checksSince) {
			r.Checks = append(r.Checks, c)
		}
	}
	r.Precautions = s.precautions
	return r, nil
}

// Begin stores a new session.
func (s *Store) Begin(sess history.Session) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.SaveErr != nil {
		return 0, s.SaveErr
	}
	s.nextID++
	sess.ID = s.nextID
	sess.Partial = true
	s.sessions = append(s.sessions, sess)
	return sess.ID, nil
}

func (s *Store) put(sess history.Session) error {
	if s.SaveErr != nil {
		return s.SaveErr
	}
	for i := range s.sessions {
		if s.sessions[i].ID == sess.ID {
			s.sessions[i] = sess
			return nil
		}
	}
	return errors.New("no such session")
}

// Update stores a session as it stands, partial.
func (s *Store) Update(sess history.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess.Partial = true
	return s.put(sess)
}

// Finish stores a session as finished.
func (s *Store) Finish(sess history.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess.Partial = false
	return s.put(sess)
}

// SaveCheck stores a check.
func (s *Store) SaveCheck(c history.Check) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.SaveErr != nil {
		return s.SaveErr
	}
	s.checks = append(s.checks, c)
	return nil
}

// SavePrecautions stores the precautions' answers.
func (s *Store) SavePrecautions(at time.Time, answers map[string]bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.SaveErr != nil {
		return s.SaveErr
	}
	p := history.Precautions{Asked: at, Latest: map[string]history.Precaution{}}
	for id, pr := range s.precautions.Latest {
		p.Latest[id] = pr
	}
	for id, yes := range answers {
		p.Latest[id] = history.Precaution{At: at, ID: id, Yes: yes}
	}
	s.precautions = p
	return nil
}

// ClaimHeat grants the pad as history.Store does: allowed decides on every
// other session and the checks, under the store's lock.
func (s *Store) ClaimHeat(sess history.Session, since time.Time, allowed func([]history.Session, []history.Check) error) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ReadErr != nil {
		return 0, s.ReadErr
	}
	if s.SaveErr != nil {
		return 0, s.SaveErr
	}
	var others []history.Session
	for _, o := range s.sessions {
		if o.ID != sess.ID && !o.Start.Before(since) {
			others = append(others, o)
		}
	}
	var checks []history.Check
	for _, c := range s.checks {
		if !c.At.Before(since) {
			checks = append(checks, c)
		}
	}
	if err := allowed(others, checks); err != nil {
		return 0, err
	}
	s.claims++
	sess.Partial = true
	if sess.ID == 0 {
		s.nextID++
		sess.ID = s.nextID
		s.sessions = append(s.sessions, sess)
		return sess.ID, nil
	}
	return sess.ID, s.put(sess)
}

// Diff names the fields in which two records of a session differ; ID and
// End are left out when ids is false (a record compared with what the
// store kept of it: the store gives the ID, the last save the end).
func Diff(a, b history.Session, ids bool) string {
	var d []string
	ptr := func(x, y *int) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	bptr := func(x, y *bool) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	check := func(name string, same bool) {
		if !same {
			d = append(d, name)
		}
	}
	if ids {
		check("ID", a.ID == b.ID)
		check("End", a.End.Equal(b.End))
	}
	check("Start", a.Start.Equal(b.Start))
	check("Routine", a.Routine == b.Routine)
	check("Completed", slices.Equal(a.Completed, b.Completed))
	check("Skipped", slices.Equal(a.Skipped, b.Skipped))
	check("HeatMinutes", a.HeatMinutes == b.HeatMinutes)
	check("Before", ptr(a.Before, b.Before))
	check("After", ptr(a.After, b.After))
	check("RedFlag", a.RedFlag == b.RedFlag)
	check("StoppedForPain", a.StoppedForPain == b.StoppedForPain)
	check("Partial", a.Partial == b.Partial)
	check("HeatStart", a.HeatStart.Equal(b.HeatStart))
	check("HeatSeconds", a.HeatSeconds == b.HeatSeconds)
	check("HeatKnown", a.HeatKnown == b.HeatKnown)
	check("PainStep", a.PainStep == b.PainStep)
	check("Woke", bptr(a.Woke, b.Woke))
	check("WokeNothingEases", bptr(a.WokeNothingEases, b.WokeNothingEases))
	check("HeatQuestion", a.HeatQuestion == b.HeatQuestion)
	check("SkinStop", a.SkinStop.Equal(b.SkinStop))
	return strings.Join(d, ", ")
}
