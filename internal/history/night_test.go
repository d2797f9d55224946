package history

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, even on a machine without tzdata
)

func london(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestNight(t *testing.T) {
	ldn := london(t)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, ldn) }
	for _, tc := range []struct {
		name     string
		t        time.Time
		rollover int
		want     time.Time
	}{
		{"monday evening", at(2026, 11, 23, 22, 30), 4, at(2026, 11, 23, 0, 0)},
		{"02:00 tuesday is monday night", at(2026, 11, 24, 2, 0), 4, at(2026, 11, 23, 0, 0)},
		{"03:59 still monday night", at(2026, 11, 24, 3, 59), 4, at(2026, 11, 23, 0, 0)},
		{"04:00 is tuesday", at(2026, 11, 24, 4, 0), 4, at(2026, 11, 24, 0, 0)},
		{"rollover at midnight", at(2026, 11, 24, 0, 30), 0, at(2026, 11, 24, 0, 0)},
		{"rollover at 06:00", at(2026, 11, 24, 5, 30), 6, at(2026, 11, 23, 0, 0)},
		{"bad hour falls back to 04:00", at(2026, 11, 24, 3, 0), 25, at(2026, 11, 23, 0, 0)},
		{"across a month end", at(2026, 12, 1, 1, 0), 4, at(2026, 11, 30, 0, 0)},
		{"across a year end", at(2027, 1, 1, 1, 0), 4, at(2026, 12, 31, 0, 0)},
		// Clocks go forward at 01:00 GMT on 29 March 2026: 01:00 to 02:00 does not exist.
		{"spring forward: 03:30 BST", at(2026, 3, 29, 3, 30), 4, at(2026, 3, 28, 0, 0)},
		{"spring forward: 04:00 BST", at(2026, 3, 29, 4, 0), 4, at(2026, 3, 29, 0, 0)},
		{"spring forward, rollover 02:00, 00:59 GMT", at(2026, 3, 29, 0, 59), 2, at(2026, 3, 28, 0, 0)},
		{"spring forward, rollover 02:00, 03:00 BST", at(2026, 3, 29, 3, 0), 2, at(2026, 3, 29, 0, 0)},
		// Clocks go back at 02:00 BST on 25 October 2026: 01:30 happens twice.
		{"fall back: first 01:30", time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC).In(ldn), 4, at(2026, 10, 24, 0, 0)},
		{"fall back: second 01:30", time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC).In(ldn), 4, at(2026, 10, 24, 0, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Night(tc.t, tc.rollover)
			if !got.Equal(tc.want) || got.Location() != tc.want.Location() {
				t.Errorf("Night(%v, %d) = %v, want %v", tc.t, tc.rollover, got, tc.want)
			}
		})
	}
}

// nightly builds sessions at the given wall-clock times, finished.
func nightly(times ...time.Time) []Session {
	var out []Session
	for _, t := range times {
		out = append(out, Session{Start: t, Routine: "tonight"})
	}
	return out
}

func TestStreak(t *testing.T) {
	ldn := london(t)
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, ldn) }
	// evenings returns a session at hh:mm on each of n days ending on (m, last).
	evenings := func(m time.Month, last, n, h, min int) []time.Time {
		var out []time.Time
		for i := n - 1; i >= 0; i-- {
			out = append(out, at(m, last-i, h, min))
		}
		return out
	}
	partialEmpty := Session{Start: at(11, 23, 22, 0), Partial: true}
	partialDone := Session{Start: at(11, 23, 22, 0), Partial: true, Completed: []string{"Heat"}}

	for _, tc := range []struct {
		name     string
		sessions []Session
		now      time.Time
		rollover int
		want     int
	}{
		{"no sessions", nil, at(11, 24, 22, 0), 4, 0},
		{"tonight only", nightly(at(11, 24, 21, 0)), at(11, 24, 22, 0), 4, 1},
		{"five nights up to tonight", nightly(evenings(11, 24, 5, 22, 0)...), at(11, 24, 23, 0), 4, 5},
		{"five nights up to last night, none yet tonight", nightly(evenings(11, 23, 5, 22, 0)...), at(11, 24, 20, 0), 4, 5},
		{"ended the night before last", nightly(evenings(11, 22, 5, 22, 0)...), at(11, 24, 20, 0), 4, 0},
		{"a gap breaks it", nightly(at(11, 20, 22, 0), at(11, 21, 22, 0), at(11, 23, 22, 0), at(11, 24, 22, 0)), at(11, 24, 23, 0), 4, 2},
		{"two sessions in one night count once", nightly(at(11, 24, 21, 0), at(11, 24, 23, 0), at(11, 23, 22, 0)), at(11, 24, 23, 30), 4, 2},
		{"after midnight is still tonight", nightly(at(11, 23, 22, 0), at(11, 25, 1, 30)), at(11, 25, 1, 45), 4, 2},
		{"sessions crossing midnight, alternating sides of it",
			nightly(at(11, 20, 23, 50), at(11, 22, 0, 20), at(11, 22, 23, 40), at(11, 24, 0, 10)), at(11, 24, 0, 30), 4, 4},
		{"03:59 and 04:01 are two nights", nightly(at(11, 24, 3, 59), at(11, 24, 4, 1)), at(11, 24, 22, 0), 4, 2},
		{"rollover at midnight splits them", nightly(at(11, 23, 22, 0), at(11, 25, 1, 30)), at(11, 25, 1, 45), 0, 1},
		{"future sessions are ignored", nightly(at(11, 24, 22, 0), at(11, 25, 22, 0)), at(11, 24, 23, 0), 4, 1},
		{"a partial session with no check, check-in or step known does not count", []Session{partialEmpty}, at(11, 23, 23, 0), 4, 0},
		{"a partial session with a step done counts", []Session{partialDone}, at(11, 23, 23, 0), 4, 1},
		// 29 March has 23 hours and 25 October 25: a night is a date, not 24 hours.
		{"across spring forward", nightly(evenings(3, 31, 10, 22, 30)...), at(3, 31, 23, 0), 4, 10},
		{"across fall back", nightly(evenings(10, 28, 10, 22, 30)...), at(10, 28, 23, 0), 4, 10},
		{"across fall back, after midnight each time", nightly(evenings(10, 28, 10, 0, 30)...), at(10, 28, 1, 0), 4, 10},
		{"across spring forward with rollover 02:00 at 01:30",
			nightly(at(3, 28, 1, 30), at(3, 29, 0, 30), at(3, 30, 1, 30)), at(3, 30, 1, 45), 2, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Streak(tc.sessions, tc.now, tc.rollover); got != tc.want {
				t.Errorf("Streak = %d, want %d", got, tc.want)
			}
		})
	}
}

// Sessions saved in another zone (the database returns local time) are
// placed in the zone of now.
func TestStreakUsesTheZoneOfNow(t *testing.T) {
	ldn := london(t)
	// 22:00 London is 23:00 in Paris and 17:00 in New York: same night either way.
	var sessions []Session
	for d := 20; d <= 24; d++ {
		sessions = append(sessions, Session{Start: time.Date(2026, 11, d, 22, 0, 0, 0, ldn).UTC()})
	}
	if got := Streak(sessions, time.Date(2026, 11, 24, 23, 0, 0, 0, ldn), 4); got != 5 {
		t.Errorf("Streak = %d, want 5", got)
	}
}
