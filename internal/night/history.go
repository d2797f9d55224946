package night

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// Record is the check as the store keeps it: the tier by name and the
// version of the questions it was asked with (FromHistory reads it back).
func (c Check) Record() history.Check {
	return history.Check{At: c.At, Tier: safety.TierName(c.Tier), Yes: c.Yes, Full: c.Full, Version: safety.ContentVersion,
		PatternAsked: c.PatternAsked}
}

// FromHistory builds tonight from what the store kept: every check, and the
// sessions with their heat and stops for pain, so that a second supine
// process on the same night knows what the first one allowed and used.
// checks and sessions may cover more than tonight; what is older is left
// out, except heat that ended less than HeatGap before now and the last
// full check (the shortcut looks back 7 days).
func FromHistory(sessions []history.Session, checks []history.Check, now time.Time, rollover int) Tonight {
	t := Tonight{Night: history.Night(now, rollover), Rollover: rollover}
	for _, c := range checks {
		nc := Check{At: c.At, Tier: ParseTier(c.Tier), Yes: c.Yes, Full: c.Full, PatternAsked: c.PatternAsked}
		if c.Full && !c.At.After(now) && !c.At.Before(t.LastFull.At) {
			t.LastFull = nc
		}
		if t.tonight(c.At, now) {
			t.Checks = append(t.Checks, nc)
		}
	}
	for _, s := range sessions {
		if h, ok := heatOf(s); ok && (t.tonight(h.Start, now) || now.Sub(h.End()) < HeatGap) {
			t.Heat = append(t.Heat, h)
		}
		if !t.tonight(s.Start, now) {
			continue
		}
		if s.StoppedForPain {
			at := s.End
			if at.IsZero() {
				at = s.Start
			}
			t.Pain = append(t.Pain, PainStop{At: at, Step: s.PainStep})
		}
		// A session that reached URGENT or EMERGENCY voids the night even
		// when its check record was lost.
		if tier := ParseTier(s.RedFlag); safety.EndsSession(tier) && !t.hasVoid() {
			t.Checks = append(t.Checks, Check{At: s.Start, Tier: tier, Full: true})
		}
	}
	return t
}

// tonight reports whether at falls in tonight's night (and not after now).
func (t Tonight) tonight(at, now time.Time) bool {
	return !at.Before(t.Start()) && !at.After(now)
}

func (t Tonight) hasVoid() bool {
	for _, c := range t.Checks {
		if safety.EndsSession(c.Tier) {
			return true
		}
	}
	return false
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

// ParseTier reads a tier as the store writes it (safety.TierName).
func ParseTier(name string) safety.Tier {
	for _, t := range safety.Tiers() {
		if safety.TierName(t) == name {
			return t
		}
	}
	return safety.None
}
