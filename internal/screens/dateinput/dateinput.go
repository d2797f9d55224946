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

	"github.com/supine-app/supine/internal/dayparse"
)

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

// Parse is dayparse.Parse: plain mode reads days by the same rule.
func Parse(input string, now time.Time) (time.Time, error) { return dayparse.Parse(input, now) }

// Layout is how a day is typed and shown.
const Layout = dayparse.Layout

// Prompt is how to give a day, in two short sentences.
func Prompt(now time.Time) []string {
	return []string{"When? Press t for today or y for yesterday.", "Or type the date as " + now.Format(Layout) + " and press enter."}
}

// Sentence is an error shown to the person as it is (dayparse.Sentence).
type Sentence = dayparse.Sentence
