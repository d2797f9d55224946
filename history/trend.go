package history

import (
	"fmt"
	"time"
)

// The trend figures group sessions by night with the default rollover, so a
// check-in at 00:30 counts towards the evening it began in.

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

func weekFrom(first day, loc *time.Location) Week {
	last := first.addDays(6)
	return Week{
		From: time.Date(first.y, first.m, first.d, 0, 0, 0, 0, loc),
		To:   time.Date(last.y, last.m, last.d, 0, 0, 0, 0, loc),
	}
}

func (w *Week) fill(sessions []Session, now time.Time) {
	for _, s := range sessions {
		if s.Start.After(now) || !w.holds(nightOf(s.Start, now, DefaultRolloverHour)) {
			continue
		}
		w.Before.add(s.Before)
		w.After.add(s.After)
	}
}

// Weekly returns the last `weeks` runs of seven nights, oldest first, the
// last one ending tonight, with the average tightness before and after the
// routine in each. Weeks without check-ins have N == 0.
func Weekly(sessions []Session, now time.Time, weeks int) []Week {
	if weeks <= 0 {
		return nil
	}
	tonight := nightOf(now, now, DefaultRolloverHour)
	out := make([]Week, weeks)
	for i := range out {
		out[i] = weekFrom(tonight.addDays(-7*(weeks-i)+1), now.Location())
	}
	for _, s := range sessions {
		if s.Start.After(now) {
			continue
		}
		back := nightOf(s.Start, now, DefaultRolloverHour).daysUntil(tonight)
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
func ThisWeekVsFirst(sessions []Session, now time.Time) (Comparison, bool) {
	first, found := day{}, false
	for _, s := range sessions {
		if s.Before == nil || s.Start.After(now) {
			continue
		}
		if d := nightOf(s.Start, now, DefaultRolloverHour); !found || d.daysUntil(first) > 0 {
			first, found = d, true
		}
	}
	if !found {
		return Comparison{}, false
	}
	tonight := nightOf(now, now, DefaultRolloverHour)
	c := Comparison{
		First: weekFrom(first, now.Location()),
		This:  weekFrom(tonight.addDays(-6), now.Location()),
	}
	if first.daysUntil(tonight.addDays(-6)) < 7 {
		return Comparison{}, false
	}
	c.First.fill(sessions, now)
	c.This.fill(sessions, now)
	if c.First.Before.N == 0 || c.This.Before.N == 0 {
		return Comparison{}, false
	}
	return c, true
}

// The several-weeks rule (CONTENT.md section 4, BOOK: "no better after
// several weeks of self-care"): its thresholds.
const (
	nudgeMinCheckins = 10
	nudgeMinDays     = 21
)

// Nudge is the several-weeks rule speaking up, with the figures behind it.
type Nudge struct {
	Checkins    int  // "before" check-ins so far
	DaysSpanned int  // nights from the first "before" check-in to the last
	First, Last Mean // "before" tightness in the first week and in the last seven nights
	Text        string
	Short       string // one line for home and summary
}

// WeeksRule decides whether to suggest booking a GP or physiotherapist: once
// there are at least 10 "before" check-ins spread over at least 21 days, and
// the last seven nights' average is not at least one point below the first
// week's. It never speaks on less data.
func WeeksRule(sessions []Session, now time.Time) (Nudge, bool) {
	var n int
	var first, last day
	for _, s := range sessions {
		if s.Before == nil || s.Start.After(now) {
			continue
		}
		d := nightOf(s.Start, now, DefaultRolloverHour)
		if n == 0 || d.daysUntil(first) > 0 {
			first = d
		}
		if n == 0 || last.daysUntil(d) > 0 {
			last = d
		}
		n++
	}
	if n < nudgeMinCheckins || first.daysUntil(last) < nudgeMinDays {
		return Nudge{}, false
	}
	c, ok := ThisWeekVsFirst(sessions, now)
	if !ok {
		return Nudge{}, false
	}
	f, l := c.First.Before, c.This.Before
	// first - last >= 1, without floating point: f.Sum/f.N - l.Sum/l.N >= 1.
	if f.Sum*l.N-l.Sum*f.N >= f.N*l.N {
		return Nudge{}, false
	}
	nd := Nudge{Checkins: n, DaysSpanned: first.daysUntil(last), First: f, Last: l}
	change := "has not eased by a point or more"
	if l.Sum*f.N > f.Sum*l.N {
		change = "has gone up"
	}
	nd.Text = fmt.Sprintf("Over %d days and %d check-ins, your tightness before the routine averaged %.1f "+
		"in the first week and %.1f in the last seven nights: it %s. "+
		"When tightness is no better after several weeks of self-care, book an appointment with a GP "+
		"or physiotherapist; they can find which muscles are tight and which are weak, and build a plan with you.",
		nd.DaysSpanned, n, f.Avg(), l.Avg(), change)
	nd.Short = fmt.Sprintf("No easier after %d days (%.1f then, %.1f now): worth booking a GP or physio.",
		nd.DaysSpanned, f.Avg(), l.Avg())
	return nd, true
}
