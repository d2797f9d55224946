// Package dateinput reads the day a person gives for something that
// happened, such as when a clinician checked them: t for today, y for
// yesterday, or a date typed as 2026-11-03 and enter. A day after today is
// refused with one sentence. It is a part of the screens that ask for a day
// (the clinician's check, a clinician's clearance), not a screen of its own.
package dateinput

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Layout is how a day is typed and shown.
const Layout = "2006-01-02"

// Field is a day being typed.
type Field struct {
	typed string
}

// Typed is what has been typed so far, "" for nothing.
func (f Field) Typed() string { return f.typed }

// Key takes one key press. submit is the answer to read with Parse: "t" or
// "y" pressed before anything was typed, or what was typed when enter is
// pressed; done is false while the person is still typing (or the key is
// not one of the field's, see Takes).
func (f Field) Key(kp tea.KeyPressMsg) (next Field, submit string, done bool) {
	switch {
	case f.typed == "" && (kp.String() == "t" || kp.String() == "y"):
		return f, kp.String(), true
	case kp.Code == tea.KeyEnter:
		return Field{}, f.typed, true
	case kp.Code == tea.KeyBackspace:
		if n := len(f.typed); n > 0 {
			f.typed = f.typed[:n-1]
		}
	case len(kp.Text) == 1 && strings.ContainsAny(kp.Text, "0123456789-") && len(f.typed) < len(Layout):
		f.typed += kp.Text
	}
	return f, "", false
}

// Takes reports whether the field answers kp: t, y, enter, backspace,
// digits and "-".
func Takes(kp tea.KeyPressMsg) bool {
	s := kp.String()
	return s == "t" || s == "y" || kp.Code == tea.KeyEnter || kp.Code == tea.KeyBackspace ||
		(len(kp.Text) == 1 && strings.ContainsAny(kp.Text, "0123456789-"))
}

// Parse reads a day: "t" or "today", "y" or "yesterday", or a date as
// 2026-11-03, as midnight in now's zone. A day after now is refused; err is
// one sentence to show as it is.
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

// Prompt is how to give a day, in two short sentences.
func Prompt(now time.Time) []string {
	return []string{"When? Press t for today or y for yesterday.", "Or type the date as " + now.Format(Layout) + " and press enter."}
}

// Sentence is an error shown to the person as it is: a whole sentence,
// capital and full stop included, which Go's error style would not allow.
type Sentence string

func (s Sentence) Error() string { return string(s) }
