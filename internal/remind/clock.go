package remind

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock is a time of day, to the minute, in the machine's local zone.
type Clock struct{ Hour, Minute int }

// ParseClock reads a time of day written 24-hour "22:30" (or "7:05").
func ParseClock(s string) (Clock, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hour, herr := strconv.Atoi(h)
	min, merr := strconv.Atoi(m)
	switch {
	case !ok || herr != nil || merr != nil || len(m) != 2 || len(h) < 1 || len(h) > 2:
		return Clock{}, fmt.Errorf("%q is not a time of day; write it 24-hour, like \"22:30\"", s)
	case hour < 0 || hour > 23 || min < 0 || min > 59:
		return Clock{}, fmt.Errorf("%q is not a time of day; the hour is 0 to 23 and the minute 00 to 59, like \"22:30\"", s)
	}
	return Clock{Hour: hour, Minute: min}, nil
}

// String is the time as the settings file and the scheduler files write
// it: "22:30".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// on is the clock's time on the day of t, in t's zone.
func (c Clock) on(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, c.Hour, c.Minute, 0, 0, t.Location())
}

// Last is the latest moment at or before now when the clock showed c: the
// time the scheduler last meant to run.
func (c Clock) Last(now time.Time) time.Time {
	at := c.on(now)
	if at.After(now) {
		y, mo, d := now.Date()
		at = c.on(time.Date(y, mo, d-1, 12, 0, 0, 0, now.Location()))
	}
	return at
}

// Next is the first moment after now when the clock shows c: when the
// reminder next fires.
func (c Clock) Next(now time.Time) time.Time {
	at := c.on(now)
	if !at.After(now) {
		y, mo, d := now.Date()
		at = c.on(time.Date(y, mo, d+1, 12, 0, 0, 0, now.Location()))
	}
	return at
}

// Span says a stretch of time the way a person reads it: "3 h 10 min",
// "45 min".
func Span(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if h > 0 {
		return fmt.Sprintf("%d h %d min", h, m)
	}
	return fmt.Sprintf("%d min", m)
}
