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
	HeatMinutes    int      // the minutes of heat the routine set, used or not
	Before, After  *int     // tightness 0..10; nil when the check-in was skipped
	RedFlag        string   // TierNone, TierBook, TierUrgent or TierEmergency; "" means none
	StoppedForPain bool
	Partial        bool // not (yet) finished: quit, interrupted, or still running

	// HeatStart is when the heat countdown started; zero when heat never
	// started (or, on a row from before schema 3, when it was not recorded).
	HeatStart time.Time
	// HeatSeconds is how long the pad was really on: from HeatStart to the
	// moment the person said the pad is off, or to the end of the session.
	// It is only meaningful when HeatKnown is true. Rows from before schema 3
	// have HeatKnown false, and a session whose HeatMinutes is above 0 may
	// then have used heat: count it as used rather than as none.
	HeatSeconds int
	HeatKnown   bool
	// PainStep is the title of the step during which the person stopped for
	// pain, with its side if any ("Knee to chest (left)"); "" when unknown.
	PainStep string

	// Woke is the answer, given with the "before" check-in, to "did back
	// pain wake you last night?"; nil when it was not asked (and on rows from
	// before schema 4). WokeNothingEases is, after a yes, whether nothing
	// eased that pain; it is kept so that another supine process started the
	// same night still knows the full red-flag check is owed (CONTENT.md
	// section 7). nil when not asked.
	Woke, WokeNothingEases *bool

	// HeatQuestion is the answer to tonight's heat question (alcohol, a
	// sleeping tablet, a strong or nerve-pain painkiller): "no", "yes" or
	// "not sure"; "" when it was not asked.
	HeatQuestion string
	// SkinStop is when the skin under the pad felt numb, tingled or
	// burned and heat was ended for it; zero when it did not.
	SkinStop time.Time
}

// Answer returns a pointer to v, for Session.Woke and WokeNothingEases.
func Answer(v bool) *bool { return &v }

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
	switch {
	case s.HeatSeconds < 0:
		return fmt.Errorf("%d seconds of heat is below zero", s.HeatSeconds)
	case s.HeatSeconds != 0 && !s.HeatKnown:
		// Saved as unknown, the seconds would be lost without a word.
		return fmt.Errorf("%d seconds of heat are given but HeatKnown is false", s.HeatSeconds)
	case s.HeatSeconds > 0 && s.HeatStart.IsZero():
		return fmt.Errorf("%d seconds of heat are given without the time heat started", s.HeatSeconds)
	}
	if s.WokeNothingEases != nil && (s.Woke == nil || !*s.Woke) {
		// Whether nothing eased the pain that woke them means nothing
		// without a yes to waking; storing it would invent an answer.
		return fmt.Errorf("whether nothing eased the pain is given without a yes to being woken by it")
	}
	switch s.HeatQuestion {
	case "", "no", "yes", "not sure":
	default:
		return fmt.Errorf("the heat question's answer %q is not one of no, yes, not sure", s.HeatQuestion)
	}
	if s.RedFlag != "" && !validTier(s.RedFlag) {
		return fmt.Errorf("red-flag tier %q is not one of none, BOOK, URGENT, EMERGENCY", s.RedFlag)
	}
	return nil
}
