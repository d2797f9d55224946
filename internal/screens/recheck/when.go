package recheck

import (
	"strconv"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// Since names the last full check the way a person would in the question
// "Anything new since …?": "earlier tonight", "last night", "yesterday", or
// the date in words ("Monday 23 November", with the year when it is not this
// year's). Days are nights, as in history: before the rollover hour a time
// belongs to the evening before, so a check at 01:00 is still "last night"
// the next evening. Whether it was "night" or "yesterday" depends on the
// hour: from 18:00 until the rollover it was night.
func Since(last, now time.Time, rolloverHour int) string {
	if last.IsZero() {
		return "your last full check"
	}
	rolloverHour = normal(rolloverHour)
	last = last.In(now.Location())
	then, tonight := history.Night(last, rolloverHour), history.Night(now, rolloverHour)
	night := last.Hour() >= 18 || last.Hour() < rolloverHour
	switch daysBetween(then, tonight) {
	case 0:
		if night {
			return "earlier tonight"
		}
		return "earlier today"
	case 1:
		if night {
			return "last night"
		}
		return "yesterday"
	}
	if then.Year() != tonight.Year() {
		return then.Format("Monday 2 January 2006")
	}
	return then.Format("Monday 2 January")
}

// Ago is how long ago the last full check was, in days ("3 days ago"), for
// checks two or more days back, where the date alone does not say it. It is
// "" when Since already says it, and for a zero or future last.
func Ago(last, now time.Time, rolloverHour int) string {
	if last.IsZero() {
		return ""
	}
	rolloverHour = normal(rolloverHour)
	days := daysBetween(history.Night(last.In(now.Location()), rolloverHour), history.Night(now, rolloverHour))
	if days < 2 {
		return ""
	}
	return strconv.Itoa(days) + " days ago"
}

// normal is the rollover hour history.Night will use.
func normal(hour int) int {
	if hour < 0 || hour > 23 {
		return history.DefaultRolloverHour
	}
	return hour
}

// daysBetween counts calendar days from a to b, both midnights; noon in UTC
// keeps a daylight-saving change from shortening or lengthening a day.
func daysBetween(a, b time.Time) int {
	noon := func(t time.Time) time.Time {
		y, m, d := t.Date()
		return time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	}
	return int(noon(b).Sub(noon(a)).Round(24*time.Hour) / (24 * time.Hour))
}
