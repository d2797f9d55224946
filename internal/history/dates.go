package history

import (
	"strings"
	"time"
)

// The dates in a nudge's words. A person reads "23–29 Nov" faster than two
// full dates, and a report needs no more; the year shows only when the two
// ends are in different years.

// dateRange is a week's first and last night: "23–29 Nov",
// "28 Nov – 4 Dec" or "28 Dec 2026 – 3 Jan 2027".
func dateRange(w Week) string {
	from, to := w.From, w.To
	switch {
	case from.Year() != to.Year():
		return from.Format("2 Jan 2006") + " – " + to.Format("2 Jan 2006")
	case from.Month() != to.Month():
		return from.Format("2 Jan") + " – " + to.Format("2 Jan")
	}
	return from.Format("2") + "–" + to.Format("2 Jan")
}

// dayList is "23 Nov", "23 Nov and 25 Nov" or "23 Nov, 24 Nov and 25 Nov".
func dayList(days []time.Time) string {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = d.Format("2 Jan")
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
