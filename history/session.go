package history

import (
	"fmt"
	"time"
)

// Red-flag tier names as stored in the database and in exports; they are
// what safety.TierName returns.
const (
	TierNone      = "none"
	TierBook      = "BOOK"
	TierUrgent    = "URGENT"
	TierEmergency = "EMERGENCY"
)

func validTier(name string) bool {
	switch name {
	case TierNone, TierBook, TierUrgent, TierEmergency:
		return true
	}
	return false
}

// Session is one night's run through a routine, as stored.
type Session struct {
	ID             int64
	Start, End     time.Time // End is zero while a session has not ended
	Routine        string
	Completed      []string // titles of the steps finished
	Skipped        []string // titles of the steps skipped
	HeatMinutes    int
	Before, After  *int   // tightness 0..10; nil when the check-in was skipped
	RedFlag        string // TierNone, TierBook, TierUrgent or TierEmergency; "" means none
	StoppedForPain bool
	Partial        bool // not (yet) finished: quit, interrupted, or still running
}

// Score returns a pointer to v, for Session.Before and Session.After.
func Score(v int) *int { return &v }

// counts reports whether the session shows that the person did something that
// night: it was finished, or at least one step was completed. A routine opened
// and quit at once does not keep a streak alive.
func (s Session) counts() bool {
	return !s.Partial || len(s.Completed) > 0
}

func (s Session) check() error {
	if s.Start.IsZero() {
		return fmt.Errorf("the session has no start time")
	}
	for _, v := range []*int{s.Before, s.After} {
		if v != nil && (*v < 0 || *v > 10) {
			return fmt.Errorf("a tightness check-in of %d is outside 0 to 10", *v)
		}
	}
	if s.RedFlag != "" && !validTier(s.RedFlag) {
		return fmt.Errorf("red-flag tier %q is not one of none, BOOK, URGENT, EMERGENCY", s.RedFlag)
	}
	return nil
}
