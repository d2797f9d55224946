package history

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// fullCheckEvery is how long the answers of a full red-flag check are trusted
// before the whole check is asked again.
const fullCheckEvery = 7 * 24 * time.Hour

// RecordCheck remembers a full red-flag check and the tier it reached. Call
// it only for the full check, not for the short "anything new?" screen.
func (s *Store) RecordCheck(at time.Time, tier string) error {
	if tier == "" {
		tier = TierNone
	}
	if !validTier(tier) {
		return fmt.Errorf("the red-flag check could not be saved: tier %q is not one of none, BOOK, URGENT, EMERGENCY", tier)
	}
	if _, err := s.db.Exec(`INSERT INTO red_flag_checks (at_ms, tier) VALUES (?, ?)`, at.UnixMilli(), tier); err != nil {
		return fmt.Errorf("the red-flag check could not be saved to %s: %v", s.path, err)
	}
	return nil
}

// LastCheck returns when the last full red-flag check ran. ok is false when
// there is none to rely on: no check was ever saved, or the last one reached
// URGENT or EMERGENCY. After such a night the full check must run again; a
// short "anything new?" would skip past what the person reported.
func (s *Store) LastCheck() (at time.Time, ok bool, err error) {
	var ms int64
	var tier string
	err = s.db.QueryRow(`SELECT at_ms, tier FROM red_flag_checks ORDER BY at_ms DESC, id DESC LIMIT 1`).Scan(&ms, &tier)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("the last red-flag check could not be read from %s: %v", s.path, err)
	}
	if tier == TierUrgent || tier == TierEmergency {
		return time.UnixMilli(ms), false, nil
	}
	return time.UnixMilli(ms), true, nil
}

// NeedsFullCheck reports whether tonight must run the full red-flag check
// rather than the short "anything new since DATE?": when there is no last
// check to rely on, when it is 7 days old or more, or when it lies in the
// future (the clock moved back; nothing about it can be trusted).
func NeedsFullCheck(last time.Time, ok bool, now time.Time) bool {
	if !ok || last.After(now) {
		return true
	}
	return now.Sub(last) >= fullCheckEvery
}
