package history

import "time"

// "Used" (CONTENT.md section 7): a night with a check-in, a check or a step
// done. A stored session begins at its red-flag check (or the short
// "anything new?"), so every session row is a night with a check; the
// checks add the nights of a check taken on its own. One rule for the
// history screen, the streak and the visit report.

// UsedNights are the nights used, as Night returns them in now's zone
// (midnight of the evening), up to now.
func UsedNights(sessions []Session, checks []Check, now time.Time, rolloverHour int) map[time.Time]bool {
	out := map[time.Time]bool{}
	add := func(t time.Time) {
		if !t.After(now) {
			d := nightOf(t, now, rolloverHour)
			out[time.Date(d.y, d.m, d.d, 0, 0, 0, 0, now.Location())] = true
		}
	}
	for _, s := range sessions {
		if s.used() {
			add(s.Start)
		}
	}
	for _, c := range checks {
		add(c.At)
	}
	return out
}

// UsedIn counts the nights used among the last n nights, tonight included.
func UsedIn(sessions []Session, checks []Check, now time.Time, rolloverHour, n int) int {
	return UsedAmong(UsedNights(sessions, checks, now, rolloverHour), now, rolloverHour, n)
}

// UsedAmong is UsedIn over the nights used as UsedNights gave them.
func UsedAmong(used map[time.Time]bool, now time.Time, rolloverHour, n int) int {
	tonight := nightOf(now, now, rolloverHour)
	count := 0
	for i := range n {
		d := tonight.addDays(-i)
		if used[time.Date(d.y, d.m, d.d, 0, 0, 0, 0, now.Location())] {
			count++
		}
	}
	return count
}

// used reports whether a session shows a night used: every stored session
// was begun at a check. One with no check-in, no step done and no outcome
// at all (a row written by something else) shows nothing.
func (s Session) used() bool {
	return s.Before != nil || s.After != nil || len(s.Completed) > 0 || s.RedFlag != "" || !s.Partial
}
