package history

import "time"

// SessionsAsOf returns the sessions with every instant after now moved to
// now: the start, the end, when the heat started and when it ended for the
// skin. A clock stepped back,
// or a history written on a machine whose clock ran ahead, leaves rows
// dated after now; they happened, and now is the latest they can have
// happened. The history screen and the report show them so, rather than
// at a time still to come (a heat "at 23:40" read at 22:00) or not at all.
// (What tonight allows is the night engine's to decide, from the rows as
// stored.) The order is kept: a newest-first list stays newest first.
func SessionsAsOf(sessions []Session, now time.Time) []Session {
	out := make([]Session, len(sessions))
	for i, s := range sessions {
		s.Start = notAfter(s.Start, now)
		if !s.End.IsZero() {
			s.End = notAfter(s.End, now)
		}
		if !s.HeatStart.IsZero() {
			s.HeatStart = notAfter(s.HeatStart, now)
		}
		if !s.SkinStop.IsZero() {
			s.SkinStop = notAfter(s.SkinStop, now)
		}
		out[i] = s
	}
	return out
}

// ChecksAsOf is SessionsAsOf for red-flag checks.
func ChecksAsOf(checks []Check, now time.Time) []Check {
	out := make([]Check, len(checks))
	for i, c := range checks {
		c.At = notAfter(c.At, now)
		out[i] = c
	}
	return out
}

func notAfter(t, now time.Time) time.Time {
	if t.After(now) {
		return now.In(t.Location())
	}
	return t
}
