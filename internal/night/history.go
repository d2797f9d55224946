package night

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// Record is the check as the store keeps it: the tier by name and the
// version of the questions it was asked with (FromHistory reads it back).
func (c Check) Record() history.Check {
	return history.Check{At: c.At, Tier: safety.TierName(c.Tier), Yes: c.Yes, Full: c.Full, Version: safety.ContentVersion}
}

// LookBack is how far before now the store must be read for FromHistory to
// know tonight: a void or a pain stop of the night before can still hold
// (VoidAtLeast), and a night is at most a day long. The last full check
// (the shortcut) needs ShortcutWithin of checks.
const LookBack = VoidAtLeast + 24*time.Hour

// FromHistory builds tonight from what the store kept: every check, and the
// sessions with their heat, stops for pain and waking answers, so that a
// second supine process knows what the first one allowed and used.
// checks and sessions may cover more than tonight; what no longer matters
// is left out. An instant after now (a clock stepped back) is taken as now.
func FromHistory(sessions []history.Session, checks []history.Check, now time.Time, rollover int) Tonight {
	t := Tonight{Night: history.Night(now, rollover), Rollover: rollover}
	for _, c := range checks {
		at := notAfter(c.At, now)
		nc := Check{At: at, Tier: ParseTier(c.Tier), Yes: c.Yes, Full: c.Full}
		if c.Full && !at.Before(t.LastFull.At) && !c.At.After(now) {
			t.LastFull = nc
		}
		if t.matters(at, now) {
			t.Checks = append(t.Checks, nc)
		}
	}
	for _, s := range sessions {
		if h, ok := heatOf(s); ok {
			h.Start = notAfter(h.Start, now)
			if !h.Start.Before(t.Start()) || now.Sub(h.End()) < HeatGap {
				t.Heat = append(t.Heat, h)
			}
		}
		start := notAfter(s.Start, now)
		last := start
		if !s.End.IsZero() {
			last = latest(start, notAfter(s.End, now))
		}
		if s.StoppedForPain && t.matters(last, now) {
			t.Pain = append(t.Pain, PainStop{At: last, Step: s.PainStep})
		}
		// A session that reached URGENT or EMERGENCY closes the routine
		// even when its check record was lost; it is dated at its last
		// save, so that the void is never shorter than the answer's.
		if tier := ParseTier(s.RedFlag); safety.EndsSession(tier) && t.matters(last, now) {
			t.Checks = append(t.Checks, Check{At: last, Tier: tier, Full: true})
		}
		if !start.Before(t.Start()) && s.Woke != nil {
			t.Woke = s.Woke
			if *s.Woke && s.WokeNothingEases != nil {
				t.NothingEased = s.WokeNothingEases
			}
		}
	}
	sortChecks(t.Checks)
	return t
}

// matters reports whether an answer given at `at` can still shape tonight:
// it falls in tonight, or it is recent enough that its void may hold.
func (t Tonight) matters(at, now time.Time) bool {
	return !at.Before(t.Start()) || now.Sub(at) < VoidAtLeast
}

func sortChecks(cs []Check) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].At.Before(cs[j-1].At); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// heatOf is the heat a session used. Rows from before heat was timed say
// only the minutes set, even when heat was skipped; they count as that
// many minutes from the start, because when unsure the pad stays off.
func heatOf(s history.Session) (HeatUse, bool) {
	switch {
	case !s.HeatStart.IsZero():
		secs := s.HeatSeconds
		if !s.HeatKnown {
			secs = s.HeatMinutes * 60
		}
		return HeatUse{Start: s.HeatStart, Seconds: secs}, true
	case s.HeatMinutes > 0 && !s.HeatKnown:
		return HeatUse{Start: s.Start, Seconds: s.HeatMinutes * 60}, true
	}
	return HeatUse{}, false
}

// HeatAllowed is the store's question at the moment the pad goes on: may
// heat start at `at`, given every other session and the checks? It is the
// gate's rules for that moment on their own, for history.Store.ClaimHeat,
// which asks it inside the write transaction that records the claim, so
// that two processes can never both hold heat within HeatGap, nor start it
// on a night an EMERGENCY or URGENT answer closed meanwhile. The error is a
// *VoidError or a *HeatTakenError.
func HeatAllowed(others []history.Session, checks []history.Check, at time.Time, rollover int) error {
	g := FromHistory(others, checks, at, rollover).Gate(at)
	switch {
	case g.IsVoid:
		return &VoidError{Gate: g}
	case !g.HeatOK:
		return &HeatTakenError{At: g.HeatUsedAt}
	}
	return nil
}

// HeatTakenError says that heat ran too recently for the pad to go on.
type HeatTakenError struct{ At time.Time }

func (e *HeatTakenError) Error() string {
	return "the pad went on at " + clock(e.At) + " already; heat runs once a night, at least 2 hours apart"
}

// VoidError says that an EMERGENCY or URGENT answer closes the routine.
type VoidError struct{ Gate Gate }

func (e *VoidError) Error() string {
	return "an " + safety.TierName(e.Gate.Void.Tier) + " answer at " + clock(e.Gate.Void.At) + " closes the routine until " +
		OpensAt(e.Gate.VoidUntil, e.Gate.Void.At)
}

// ParseTier reads a tier as the store writes it (safety.TierName).
func ParseTier(name string) safety.Tier {
	for _, t := range safety.Tiers() {
		if safety.TierName(t) == name {
			return t
		}
	}
	return safety.None
}
