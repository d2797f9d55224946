package history

import "time"

// The trend figures group sessions by night (Night with the rollover hour
// the caller gives: the person's setting), so a check-in at 00:30 counts
// towards the evening it began in.

// Mean is an average of tightness check-ins, kept as a sum and a count so
// that comparisons are exact.
type Mean struct {
	Sum, N int
}

// Avg is the average, or 0 when there are no values (check N first).
func (m Mean) Avg() float64 {
	if m.N == 0 {
		return 0
	}
	return float64(m.Sum) / float64(m.N)
}

func (m *Mean) add(v *int) {
	if v != nil {
		m.Sum += *v
		m.N++
	}
}

// Week is seven nights of check-ins.
type Week struct {
	From, To      time.Time // midnight of the first and of the last night, in now's zone
	Before, After Mean
}

func (w Week) holds(d day) bool {
	return dayOf(w.From).daysUntil(d) >= 0 && d.daysUntil(dayOf(w.To)) >= 0
}

// near is a span of instants that holds every session start whose night
// (nightOf, in loc) can be one of the week's: a night is the date a
// session began on or the day before, so a day's margin each side is more
// than enough, whatever the rollover hour and the clock changes. Sessions
// outside it are passed over with two comparisons, sparing them the zone
// and calendar work of nightOf: over ten years of nights that work, done
// for every session once per week looked at, was most of the time the
// history took to open.
func (w Week) near(loc *time.Location) (lo, hi time.Time) {
	from, to := dayOf(w.From), dayOf(w.To)
	return time.Date(from.y, from.m, from.d-1, 0, 0, 0, 0, loc), time.Date(to.y, to.m, to.d+3, 0, 0, 0, 0, loc)
}

func weekFrom(first day, loc *time.Location) Week {
	last := first.addDays(6)
	return Week{
		From: time.Date(first.y, first.m, first.d, 0, 0, 0, 0, loc),
		To:   time.Date(last.y, last.m, last.d, 0, 0, 0, 0, loc),
	}
}

func (w *Week) fill(sessions []Session, now time.Time, rolloverHour int) {
	lo, hi := w.near(now.Location())
	for _, s := range sessions {
		if s.Start.Before(lo) || !s.Start.Before(hi) ||
			s.Start.After(now) || !w.holds(nightOf(s.Start, now, rolloverHour)) {
			continue
		}
		w.Before.add(s.Before)
		w.After.add(s.After)
	}
}

// Weekly returns the last `weeks` runs of seven nights, oldest first, the
// last one ending tonight, with the average tightness before and after the
// routine in each. Weeks without check-ins have N == 0.
func Weekly(sessions []Session, now time.Time, weeks, rolloverHour int) []Week {
	if weeks <= 0 {
		return nil
	}
	tonight := nightOf(now, now, rolloverHour)
	out := make([]Week, weeks)
	for i := range out {
		out[i] = weekFrom(tonight.addDays(-7*(weeks-i)+1), now.Location())
	}
	lo, _ := out[0].near(now.Location())
	for _, s := range sessions {
		if s.Start.Before(lo) || s.Start.After(now) {
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

// Comparison sets the first week of check-ins against the last seven nights.
type Comparison struct {
	First, This Week
}

// ThisWeekVsFirst compares the seven nights starting with the first
// "before" check-in with the seven nights ending tonight. ok is false until
// the two weeks are distinct and both hold a "before" check-in.
func ThisWeekVsFirst(sessions []Session, now time.Time, rolloverHour int) (Comparison, bool) {
	first, found := day{}, false
	for _, s := range sessions {
		if s.Before == nil || s.Start.After(now) {
			continue
		}
		if d := nightOf(s.Start, now, rolloverHour); !found || d.daysUntil(first) > 0 {
			first, found = d, true
		}
	}
	if !found {
		return Comparison{}, false
	}
	tonight := nightOf(now, now, rolloverHour)
	c := Comparison{
		First: weekFrom(first, now.Location()),
		This:  weekFrom(tonight.addDays(-6), now.Location()),
	}
	if first.daysUntil(tonight.addDays(-6)) < 7 {
		return Comparison{}, false
	}
	c.First.fill(sessions, now, rolloverHour)
	c.This.fill(sessions, now, rolloverHour)
	if c.First.Before.N == 0 || c.This.Before.N == 0 {
		return Comparison{}, false
	}
	return c, true
}
