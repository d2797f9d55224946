package history

import (
	"math/rand/v2"
	"testing"
	"time"
)

// The week figures pass over sessions that start far from a week without
// working out their night (Week.near). These check that the shortcut
// changes nothing: every week filled, and the weekly chart, match what
// working out every session's night gives, over random sessions in zones
// whose clocks change at and around midnight, at every rollover hour.

// fillEvery is Week.fill without the shortcut.
func fillEvery(w *Week, sessions []Session, now time.Time, rolloverHour int) {
	for _, s := range sessions {
		if s.Start.After(now) || !w.holds(nightOf(s.Start, now, rolloverHour)) {
			continue
		}
		w.Before.add(s.Before)
		w.After.add(s.After)
	}
}

// weeklyEvery is Weekly without the shortcut.
func weeklyEvery(sessions []Session, now time.Time, weeks, rolloverHour int) []Week {
	tonight := nightOf(now, now, rolloverHour)
	out := make([]Week, weeks)
	for i := range out {
		out[i] = weekFrom(tonight.addDays(-7*(weeks-i)+1), now.Location())
	}
	for _, s := range sessions {
		if s.Start.After(now) {
			continue
		}
		back := nightOf(s.Start, now, rolloverHour).daysUntil(tonight)
		i := weeks - 1 - back/7
		if back < 0 || i < 0 {
			continue
		}
		out[i].Before.add(s.Before)
		out[i].After.add(s.After)
	}
	return out
}

func TestWeekShortcutChangesNothing(t *testing.T) {
	zones := []string{"UTC", "Europe/London", "America/Santiago", "America/Havana", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia"}
	r := rand.New(rand.NewPCG(1, 2))
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("zone %s not on this machine: %v", name, err)
			continue
		}
		for round := 0; round < 40; round++ {
			// Sessions every few hours over a year, some of them in another
			// zone, stored as the store gives them back.
			now := time.Date(2020+r.IntN(6), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), 0, 0, loc)
			var sessions []Session
			for at := now.AddDate(-1, 0, 0); at.Before(now.AddDate(0, 0, 3)); at = at.Add(time.Duration(1+r.IntN(20)) * time.Hour) {
				s := Session{Start: at.Add(time.Duration(r.IntN(3600)) * time.Second), Before: Score(r.IntN(11)), After: Score(r.IntN(11))}
				if r.IntN(5) == 0 {
					s.Start = s.Start.UTC()
				}
				sessions = append(sessions, s)
			}
			roll := r.IntN(24)
			tonight := nightOf(now, now, roll)
			for back := -2; back < 60; back++ {
				fast := weekFrom(tonight.addDays(-back), now.Location())
				slow := fast
				fast.fill(sessions, now, roll)
				fillEvery(&slow, sessions, now, roll)
				if fast != slow {
					t.Fatalf("%s, now %v, rollover %d, week from %v: fill gives %+v, every night worked out %+v",
						name, now, roll, fast.From, fast, slow)
				}
			}
			fast, slow := Weekly(sessions, now, 8, roll), weeklyEvery(sessions, now, 8, roll)
			for i := range fast {
				if fast[i] != slow[i] {
					t.Fatalf("%s, now %v, rollover %d: week %d of the chart is %+v, every night worked out %+v",
						name, now, roll, i, fast[i], slow[i])
				}
			}
		}
	}
}
