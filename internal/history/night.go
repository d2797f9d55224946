package history

import "time"

// DefaultRolloverHour is when one night turns into the next day: a session at
// 02:00 on Tuesday still belongs to Monday night.
const DefaultRolloverHour = 4

// Night returns the night t belongs to, as midnight at the start of that
// night's evening in t's location. Times before rolloverHour count towards the
// day before. It works on calendar dates, not durations, so a daylight-saving
// change (a 23 or 25 hour day) never shifts a night. An hour outside 0..23
// falls back to DefaultRolloverHour.
func Night(t time.Time, rolloverHour int) time.Time {
	if rolloverHour < 0 || rolloverHour > 23 {
		rolloverHour = DefaultRolloverHour
	}
	y, m, d := t.Date()
	if t.Hour() < rolloverHour {
		d--
	}
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// day is a calendar date, comparable and free of zones and clock hours.
type day struct {
	y int
	m time.Month
	d int
}

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day{y, m, d}
}

// addDays moves by calendar days (time.Date normalises the overflow).
func (d day) addDays(n int) day {
	return dayOf(time.Date(d.y, d.m, d.d+n, 12, 0, 0, 0, time.UTC))
}

// daysUntil counts calendar days from d to e.
func (d day) daysUntil(e day) int {
	a := time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC)
	b := time.Date(e.y, e.m, e.d, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Round(24*time.Hour) / (24 * time.Hour))
}

// nightOf is the night of a session's start, seen from now's location, so
// that every figure uses the zone the person is in tonight.
func nightOf(t time.Time, now time.Time, rolloverHour int) day {
	return dayOf(Night(t.In(now.Location()), rolloverHour))
}

// Streak counts the consecutive nights used (UsedNights, from the sessions
// alone), ending tonight or, if there is none yet tonight, last night (the
// evening is not over until the person has had the chance). A night with
// several sessions counts once. StreakOf counts the checks taken on their
// own too.
func Streak(sessions []Session, now time.Time, rolloverHour int) int {
	return StreakOf(sessions, nil, now, rolloverHour)
}

// StreakOf is Streak over the nights with a session or a check.
func StreakOf(sessions []Session, checks []Check, now time.Time, rolloverHour int) int {
	return StreakIn(UsedNights(sessions, checks, now, rolloverHour), now, rolloverHour)
}

// StreakIn is StreakOf over the nights used as UsedNights gave them, for a
// caller that needs them for more than the streak.
func StreakIn(used map[time.Time]bool, now time.Time, rolloverHour int) int {
	has := func(d day) bool { return used[time.Date(d.y, d.m, d.d, 0, 0, 0, 0, now.Location())] }
	d := nightOf(now, now, rolloverHour)
	if !has(d) {
		d = d.addDays(-1)
	}
	n := 0
	for has(d) {
		n++
		d = d.addDays(-1)
	}
	return n
}
