package history

import (
	"fmt"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// Check is one red-flag check as stored: the full check, or the short
// "anything new?" answer given instead of it.
type Check struct {
	At   time.Time
	Tier string   // TierNone, TierBook, TierUrgent or TierEmergency; "" means none
	Yes  []string // IDs of the questions answered yes, so that tonight's outcome can say what was reported
	Full bool     // the full check; false for the short "anything new?" answer
	// Version is the version of the questions answered (safety.ContentVersion);
	// "" for checks stored before it was kept.
	Version string
}

// SaveCheck remembers a red-flag check, full or short. Every check is kept,
// not only the full ones: what tonight allows depends on every answer the
// person gave, also in an earlier supine process.
func (s *Store) SaveCheck(c Check) error {
	if c.Tier == "" {
		c.Tier = TierNone
	}
	if c.At.IsZero() {
		return fmt.Errorf("the red-flag check could not be saved: it has no time")
	}
	if !validTier(c.Tier) {
		return fmt.Errorf("the red-flag check could not be saved: tier %q is not one of none, BOOK, URGENT, EMERGENCY", c.Tier)
	}
	yes, err := encodeList(c.Yes)
	if err != nil {
		return fmt.Errorf("the red-flag check could not be saved: its answers could not be encoded: %v", err)
	}
	if _, err := s.db.Exec(`INSERT INTO red_flag_checks (at_ms, tier, yes, full, content_version) VALUES (?, ?, ?, ?, ?)`,
		c.At.UnixMilli(), c.Tier, yes, c.Full, c.Version); err != nil {
		return fmt.Errorf("the red-flag check could not be saved to %s: %v", s.path, err)
	}
	s.wrote()
	return nil
}

// Checks returns every check, full or short, made at or after since, oldest
// first: the order in which the person answered. A zero since returns them
// all. Times come back in the local zone.
func (s *Store) Checks(since time.Time) ([]Check, error) {
	out, err := checksSince(s.db, since)
	if err != nil {
		return nil, fmt.Errorf("the red-flag checks in %s could not be read: %v", s.path, err)
	}
	return out, nil
}

func checksSince(db execer, since time.Time) ([]Check, error) {
	var from int64 = -1 << 62
	if !since.IsZero() {
		from = since.UnixMilli()
	}
	rows, err := db.Query(`SELECT at_ms, tier, yes, full, content_version FROM red_flag_checks
		WHERE at_ms >= ? ORDER BY at_ms, id`, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Check
	for rows.Next() {
		var (
			c   Check
			ms  int64
			yes string
		)
		if err := rows.Scan(&ms, &c.Tier, &yes, &c.Full, &c.Version); err != nil {
			return nil, err
		}
		c.At = time.UnixMilli(ms)
		decodeList(yes, &c.Yes)
		// Text read back is cleaned like every other column: the file may
		// have been written by something else.
		c.Tier, c.Version = textsafe.Clean(c.Tier), textsafe.Clean(c.Version)
		for i := range c.Yes {
			c.Yes[i] = textsafe.Clean(c.Yes[i])
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
