package history

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// Recent is what the store holds that tonight's decisions need: the
// sessions and checks of the last days, the newest precautions, the
// clinicians' checks that stand, and whether any night ever did a step.
type Recent struct {
	Sessions    []Session // newest first
	Checks      []Check   // oldest first
	Precautions Precautions
	Clinician   []ClinicianCheck
	AnyStepDone bool
}

// recentCache is the last Recent read, with what it was read at: the
// connection's data_version (which moves when another connection
// commits), a mark in the connection's temp schema (which tells that the
// pool did not swap the connection, whose data_version would then start
// afresh), and this process's own write count.
type recentCache struct {
	mu    sync.Mutex
	e     recentEntry
	reads int // full reads, for the tests
}

type recentEntry struct {
	ok                         bool
	version, mark, writes      int64
	sessionsSince, checksSince time.Time
	clinicianNow               time.Time
	rollover                   int
	recent                     Recent
}

// Recent reads the sessions started at or after sessionsSince, the checks
// made at or after checksSince, the precautions, the clinicians' checks
// that stand at now, and whether a step was ever done. When nothing was
// written since the last call (by this process or any other) and it asked
// for no more than that one, the last answer is given again without
// reading: the evening asks at every decision, and most decisions find
// the history as it was.
func (s *Store) Recent(sessionsSince, checksSince, now time.Time, rollover int) (Recent, error) {
	s.recent.mu.Lock()
	defer s.recent.mu.Unlock()
	c := &s.recent.e
	version, mark, err := s.dataVersion()
	if err != nil {
		return Recent{}, fmt.Errorf("the history in %s could not be read: %v", s.path, err)
	}
	writes := s.writes.Load()
	if c.ok && c.version == version && c.mark == mark && c.writes == writes &&
		!sessionsSince.Before(c.sessionsSince) && !checksSince.Before(c.checksSince) &&
		sameDay(now, c.clinicianNow) && rollover == c.rollover {
		return c.recent.since(sessionsSince, checksSince), nil
	}
	var r Recent
	if r.Sessions, err = s.Sessions(sessionsSince); err != nil {
		return Recent{}, err
	}
	if r.Checks, err = s.Checks(checksSince); err != nil {
		return Recent{}, err
	}
	if r.Precautions, err = s.Precautions(); err != nil {
		return Recent{}, err
	}
	if r.Clinician, err = s.ClinicianChecks(now, rollover); err != nil {
		return Recent{}, err
	}
	if err := s.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM sessions WHERE completed <> '[]')`).Scan(&r.AnyStepDone); err != nil {
		return Recent{}, fmt.Errorf("the history in %s could not be read: %v", s.path, err)
	}
	if mark == 0 {
		// A fresh connection: mark it, so that a swap is seen next time.
		mark = rand.Int64N(1<<31) + 1
		if _, err := s.db.Exec(fmt.Sprintf("PRAGMA temp.user_version = %d", mark)); err != nil {
			mark = -1 // cannot mark: never trust the cache
		}
	}
	*c = recentEntry{ok: mark > 0, version: version, mark: mark, writes: writes,
		sessionsSince: sessionsSince, checksSince: checksSince, clinicianNow: now, rollover: rollover, recent: r}
	s.recent.reads++
	return r, nil
}

// dataVersion reads the connection's data_version and its temp mark.
func (s *Store) dataVersion() (version, mark int64, err error) {
	if err = s.db.QueryRow("PRAGMA data_version").Scan(&version); err != nil {
		return 0, 0, err
	}
	if err = s.db.QueryRow("PRAGMA temp.user_version").Scan(&mark); err != nil {
		return 0, 0, err
	}
	return version, mark, nil
}

// since is r without what is older than the given moments.
func (r Recent) since(sessionsSince, checksSince time.Time) Recent {
	out := r
	out.Sessions = nil
	for _, s := range r.Sessions {
		if !s.Start.Before(sessionsSince) {
			out.Sessions = append(out.Sessions, s)
		}
	}
	out.Checks = nil
	for _, c := range r.Checks {
		if !c.At.Before(checksSince) {
			out.Checks = append(out.Checks, c)
		}
	}
	return out
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
