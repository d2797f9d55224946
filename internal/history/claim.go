package history

import (
	"fmt"
	"time"
)

// ClaimHeat records that the pad goes on for sess, whose HeatStart is that
// moment, as one write transaction: it reads every other session started
// at or after since and every check made since, asks allowed whether heat
// may start (heat too recent, or an EMERGENCY or URGENT answer that still
// holds, says no),
// and only then writes sess (inserting it when its ID is 0) with its heat
// start. Write transactions take SQLite's write lock as they begin
// (_txlock=immediate), so two processes claiming at once are served one
// after the other, and the second sees the first's heat: two can never
// both hold it. It returns the session's ID; allowed's error comes back
// as it was (nothing written).
func (s *Store) ClaimHeat(sess Session, since time.Time, allowed func(others []Session, checks []Check) error) (int64, error) {
	if sess.HeatStart.IsZero() {
		return 0, fmt.Errorf("heat could not be claimed: the session has no heat start")
	}
	if err := sess.check(); err != nil {
		return 0, fmt.Errorf("heat could not be claimed: %v", err)
	}
	row, err := toRow(sess)
	if err != nil {
		return 0, err
	}
	tx, err := s.db.Begin()
	if err != nil {
		return 0, fmt.Errorf("heat could not be claimed in %s: %v", s.path, err)
	}
	defer tx.Rollback()
	all, err := sessionsSince(tx, since)
	if err != nil {
		return 0, fmt.Errorf("heat could not be claimed in %s: %v", s.path, err)
	}
	others := all[:0:0]
	for _, o := range all {
		if o.ID != sess.ID {
			others = append(others, o)
		}
	}
	checks, err := checksSince(tx, since)
	if err != nil {
		return 0, fmt.Errorf("heat could not be claimed in %s: %v", s.path, err)
	}
	if err := allowed(others, checks); err != nil {
		return 0, err
	}
	id := sess.ID
	if id == 0 {
		id, err = insertSession(tx, sess, row)
	} else {
		err = updateSession(tx, sess, row, true)
	}
	if err == nil {
		err = tx.Commit()
	}
	s.wrote()
	if err != nil {
		return 0, fmt.Errorf("heat could not be claimed in %s: %v", s.path, err)
	}
	return id, nil
}
