// Package dayparse reads the day a person gives for something that
// happened, such as when a clinician checked or cleared them: "t" or
// "today", "y" or "yesterday", or a date typed as 2026-11-03. It is shared
// by the screens that ask for a day and plain mode, so both accept and
// refuse the same answers in the same words.
package dayparse

import (
	"strings"
	"time"
)

// Layout is how a day is typed and shown.
const Layout = "2006-01-02"

// Parse reads a day as midnight in now's zone. A day after now is refused;
// err is one sentence to show as it is.
func Parse(input string, now time.Time) (time.Time, error) {
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	var on time.Time
	switch s := strings.ToLower(strings.TrimSpace(input)); s {
	case "t", "today":
		on = today
	case "y", "yesterday":
		on = today.AddDate(0, 0, -1)
	case "":
		return time.Time{}, Sentence("Press t for today or y for yesterday, or type the date and press enter.")
	default:
		var err error
		on, err = time.ParseInLocation(Layout, s, now.Location())
		if err != nil {
			return time.Time{}, Sentence("Type the date as year-month-day, for example " + today.Format(Layout) + ".")
		}
	}
	if on.After(today) {
		return time.Time{}, Sentence(on.Format("2 Jan 2006") + " is after today: give the day it happened.")
	}
	return on, nil
}

// Sentence is an error shown to the person as it is: a whole sentence,
// capital and full stop included, which Go's error style would not allow.
type Sentence string

func (s Sentence) Error() string { return string(s) }
