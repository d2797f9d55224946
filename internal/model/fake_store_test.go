package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// fakeStore keeps sessions and red-flag checks in memory, with the same
// rules as history.Store where the model can see them: Begin hands out IDs,
// Finish clears Partial, Sessions come newest first, Checks oldest first.
type fakeStore struct {
	mu       sync.Mutex
	sessions []history.Session // in the order Begin saw them
	checks   []history.Check
	begins   int // calls to Begin
	updates  int // calls to Update
	finishes int // calls to Finish

	clinician []history.ClinicianCheck // in the order recorded

	failSaves error // returned by Begin, Update and Finish when set
	failReads error // returned by Sessions and Checks when set

	// precautions are the answers saved, oldest first. firstUse leaves
	// them never answered; otherwise, until one is saved, the person of
	// these tests answered no to each on answeredAt, so that flows begin
	// at tonight's check as they did before the precautions screen.
	precautions []history.Precaution
	firstUse    bool
}

// answeredAt is when the fake's person answered the precautions: three
// weeks before the tests' night, well inside history.PrecautionsEvery.
var answeredAt = time.Date(2026, 11, 3, 21, 0, 0, 0, time.UTC)

var _ Store = (*fakeStore)(nil)

func (s *fakeStore) Begin(sess history.Session) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.begins++
	if s.failSaves != nil {
		return 0, s.failSaves
	}
	if err := valid(sess); err != nil {
		return 0, err
	}
	sess.ID = int64(len(s.sessions) + 1)
	sess.Partial = true
	s.sessions = append(s.sessions, clone(sess))
	return sess.ID, nil
}

func (s *fakeStore) Update(sess history.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.updates++
	sess.Partial = true
	return s.put(sess)
}

func (s *fakeStore) Finish(sess history.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.finishes++
	sess.Partial = false
	return s.put(sess)
}

func (s *fakeStore) put(sess history.Session) error {
	if s.failSaves != nil {
		return s.failSaves
	}
	if err := valid(sess); err != nil {
		return err
	}
	for i := range s.sessions {
		if s.sessions[i].ID == sess.ID {
			s.sessions[i] = clone(sess)
			return nil
		}
	}
	return fmt.Errorf("session %d was never begun", sess.ID)
}

// valid refuses what history.Store refuses.
func valid(sess history.Session) error {
	if sess.Start.IsZero() {
		return errors.New("the session has no start time")
	}
	for _, v := range []*int{sess.Before, sess.After} {
		if v != nil && (*v < 0 || *v > 10) {
			return fmt.Errorf("a tightness check-in of %d is outside 0 to 10", *v)
		}
	}
	switch sess.RedFlag {
	case "", history.TierNone, history.TierBook, history.TierUrgent, history.TierEmergency:
		return nil
	}
	return fmt.Errorf("red-flag tier %q is not one of none, BOOK, URGENT, EMERGENCY", sess.RedFlag)
}

func (s *fakeStore) Sessions(since time.Time) ([]history.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failReads != nil {
		return nil, s.failReads
	}
	var out []history.Session
	for _, sess := range s.sessions {
		if !sess.Start.Before(since) {
			out = append(out, clone(sess))
		}
	}
	slices.SortStableFunc(out, func(a, b history.Session) int { return b.Start.Compare(a.Start) })
	return out, nil
}

// RecordCheck stores a full check with no answers, for tests that set up
// an earlier night.
func (s *fakeStore) RecordCheck(at time.Time, tier string) error {
	return s.SaveCheck(history.Check{At: at, Tier: tier, Full: true})
}

func (s *fakeStore) SaveCheck(c history.Check) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.Tier == "" {
		c.Tier = history.TierNone
	}
	if err := valid(history.Session{Start: c.At, RedFlag: c.Tier}); err != nil {
		return err
	}
	c.Yes = slices.Clone(c.Yes)
	s.checks = append(s.checks, c)
	return nil
}

func (s *fakeStore) Checks(since time.Time) ([]history.Check, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failReads != nil {
		return nil, s.failReads
	}
	var out []history.Check
	for _, c := range s.checks {
		if !c.At.Before(since) {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b history.Check) int { return a.At.Compare(b.At) })
	return out, nil
}

// saved is a copy of the sessions stored so far, oldest first.
func (s *fakeStore) saved() []history.Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]history.Session, len(s.sessions))
	for i, sess := range s.sessions {
		out[i] = clone(sess)
	}
	return out
}

// checksSaved is a copy of the red-flag checks recorded so far.
func (s *fakeStore) checksSaved() []history.Check {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.checks)
}

// clone copies a session so that neither side can change the other's
// slices or check-ins.
func clone(s history.Session) history.Session {
	s.Completed = slices.Clone(s.Completed)
	s.Skipped = slices.Clone(s.Skipped)
	if s.Before != nil {
		s.Before = history.Score(*s.Before)
	}
	if s.After != nil {
		s.After = history.Score(*s.After)
	}
	return s
}

func (s *fakeStore) SavePrecautions(at time.Time, answers map[string]bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failSaves != nil {
		return s.failSaves
	}
	if at.IsZero() || len(answers) == 0 {
		return fmt.Errorf("precautions with no time or no answers")
	}
	ids := make([]string, 0, len(answers))
	for id := range answers {
		if !slices.Contains(history.PrecautionIDs, id) {
			return fmt.Errorf("%q is not a precaution", id)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s.precautions = append(s.precautions, history.Precaution{At: at, ID: id, Yes: answers[id]})
	}
	return nil
}

func (s *fakeStore) Precautions() (history.Precautions, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failReads != nil {
		return history.Precautions{}, s.failReads
	}
	all := s.precautions
	if len(all) == 0 && !s.firstUse {
		for _, id := range history.PrecautionIDs {
			all = append(all, history.Precaution{At: answeredAt, ID: id})
		}
	}
	p := history.Precautions{Latest: map[string]history.Precaution{}}
	for _, a := range all {
		p.Latest[a.ID] = a
		if a.At.After(p.Asked) {
			p.Asked = a.At
		}
	}
	return p, nil
}

// precautionsSaved is a copy of the precaution answers saved so far.
func (s *fakeStore) precautionsSaved() []history.Precaution {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.precautions)
}

// SaveClinicianCheck keeps a clinician's check, refusing what
// history.Store refuses: no question, no date, or a day after at.
func (s *fakeStore) SaveClinicianCheck(id string, on, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failSaves != nil {
		return s.failSaves
	}
	day := time.Date(on.Year(), on.Month(), on.Day(), 0, 0, 0, 0, on.Location())
	switch {
	case id == "" || on.IsZero() || at.IsZero():
		return fmt.Errorf("the clinician's check could not be saved: no question or no date")
	case day.After(at):
		return fmt.Errorf("the clinician's check could not be saved: %s is after today", day.Format("2006-01-02"))
	}
	s.clinician = append(s.clinician, history.ClinicianCheck{QuestionID: id, CheckedOn: day, Until: day.AddDate(0, 0, 28), At: at})
	return nil
}

// ClinicianChecks returns, as history.Store does, the latest check of each
// question that stands on the night of now: from its day for 4 weeks.
func (s *fakeStore) ClinicianChecks(now time.Time, rolloverHour int) ([]history.ClinicianCheck, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failReads != nil {
		return nil, s.failReads
	}
	tonight := history.Night(now, rolloverHour)
	latest := map[string]history.ClinicianCheck{}
	for _, c := range s.clinician {
		if c.CheckedOn.After(tonight) || !tonight.Before(c.Until) {
			continue
		}
		if old, ok := latest[c.QuestionID]; !ok || !old.CheckedOn.After(c.CheckedOn) {
			latest[c.QuestionID] = c
		}
	}
	out := make([]history.ClinicianCheck, 0, len(latest))
	for _, c := range latest {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b history.ClinicianCheck) int {
		if c := a.CheckedOn.Compare(b.CheckedOn); c != 0 {
			return c
		}
		return strings.Compare(a.QuestionID, b.QuestionID)
	})
	return out, nil
}

// clinicianSaved is a copy of the clinicians' checks recorded so far.
func (s *fakeStore) clinicianSaved() []history.ClinicianCheck {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.clinician)
}

// Recent is what the evening reads at each decision, built from the same
// rows as Sessions, Checks, Precautions and ClinicianChecks.
func (s *fakeStore) Recent(sessionsSince, checksSince, now time.Time, rollover int) (history.Recent, error) {
	var r history.Recent
	var err error
	if r.Sessions, err = s.Sessions(sessionsSince); err != nil {
		return r, err
	}
	if r.Checks, err = s.Checks(checksSince); err != nil {
		return r, err
	}
	if r.Precautions, err = s.Precautions(); err != nil {
		return r, err
	}
	if r.Clinician, err = s.ClinicianChecks(now, rollover); err != nil {
		return r, err
	}
	all, _ := s.Sessions(time.Time{})
	for _, sess := range all {
		if len(sess.Completed) > 0 {
			r.AnyStepDone = true
		}
	}
	return r, nil
}

// ClaimHeat grants the pad as history.Store does: allowed decides on every
// other session and the checks, under the store's lock.
func (s *fakeStore) ClaimHeat(sess history.Session, since time.Time, allowed func([]history.Session, []history.Check) error) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failSaves != nil {
		return 0, s.failSaves
	}
	var others []history.Session
	for _, o := range s.sessions {
		if o.ID != sess.ID && !o.Start.Before(since) {
			others = append(others, clone(o))
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
	sess.Partial = true
	if sess.ID == 0 {
		sess.ID = int64(len(s.sessions) + 1)
		s.sessions = append(s.sessions, clone(sess))
		return sess.ID, nil
	}
	return sess.ID, s.put(sess)
}
