package model

import (
	"errors"
	"strings"
	"testing"
)

// TestNotTonightReachesTheReminder: with a reminder set, n on home says
// "not tonight" through the CLI's callback, and home says what came of it;
// with none, home offers nothing and n does nothing.
func TestNotTonightReachesTheReminder(t *testing.T) {
	calls := 0
	opts := testOptions(&fakeStore{})
	opts.Reminder = "22:30"
	opts.SkipTonight = func() error { calls++; return nil }
	d := newDriver(t, opts, 80, 24)
	d.expectText("n Not tonight: no reminder at 22:30")
	d.press("n")
	d.expect(ScreenHome)
	if calls != 1 {
		t.Fatalf("not tonight was said %d times, want once", calls)
	}
	d.expectText("No reminder tonight; it comes back tomorrow at 22:30.")

	opts.SkipTonight = func() error { return errors.New("the state folder is read-only") }
	d = newDriver(t, opts, 80, 24)
	d.press("n")
	d.expectText("The reminder could not be told", "read-only")

	calls = 0
	opts.Reminder = ""
	opts.SkipTonight = func() error { calls++; return nil }
	d = newDriver(t, opts, 80, 24)
	d.press("n")
	if calls != 0 || strings.Contains(d.text(), "Not tonight") {
		t.Errorf("with no reminder, n was answered (%d calls) or offered:\n%s", calls, d.view())
	}
}
