package model

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// TestTheDisclaimerComesOnceBeforeTheFirstPrecautions: the evening's
// Disclaimer stage shows the About screen; esc on it goes home without
// starting; read, the precautions come; every first-night start shows it
// until the precautions are kept (the evening decides, in plain mode
// too). Home's menu (a) shows it at any time, with no way on.
func TestTheDisclaimerComesOnceBeforeTheFirstPrecautions(t *testing.T) {
	t.Parallel()
	st := &fakeStore{firstUse: true}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.expect(ScreenAbout)
	d.expectText("About supine", safety.DisclaimerGoOn)
	d.press("esc")
	d.expect(ScreenHome)
	d.press("s")
	d.expect(ScreenAbout)
	d.press("enter")
	d.expect(ScreenPrecautions)
	d.expectText(safety.ClearedAnswer[:len("yes, and my clinician")])
	d.press("esc")
	d.expect(ScreenHome)
	if len(st.precautionsSaved()) != 0 {
		t.Fatalf("precautions kept after esc: %+v", st.precautionsSaved())
	}

	d.press("esc", "a")
	d.expect(ScreenAbout)
	d.expectText("Content reviewed 2026-12 (v3).")
	if strings.Contains(d.text(), "Press enter to go on") {
		t.Errorf("the menu's disclaimer offers a way on:\n%s", d.text())
	}
	d.press("enter")
	d.expect(ScreenAbout)
	d.press("esc")
	d.expect(ScreenHome)

	// Precautions answered before: no disclaimer in front of them.
	known := newDriver(t, testOptions(&fakeStore{}), 80, 24)
	known.press("s")
	known.expect(ScreenCheck)
}

// TestThePatternIsAskedAtMostOnceAMonth: the first full check asks the
// pattern's page and says so to the store; a second check the same night
// does not ask it; a month later it is asked again.
func TestThePatternIsAskedAtMostOnceAMonth(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("c")
	d.expect(ScreenCheck)
	if n := len(d.m.check.View()); n == 0 || !strings.Contains(d.text(), "1 of 5") {
		t.Fatalf("the first check does not have the pattern's page:\n%s", d.text())
	}
	d.press("n")
	d.expect(ScreenOutcome)
	checks := st.checksSaved()
	if len(checks) != 1 || !checks[0].PatternAsked {
		t.Fatalf("stored %+v, want one check that asked the pattern", checks)
	}
	d.press("esc", "c")
	if !strings.Contains(d.text(), "1 of 4") {
		t.Errorf("a second check the same night asks the pattern again:\n%s", d.text())
	}

	for _, tt := range []struct {
		days int
		want string
	}{{29, "1 of 4"}, {31, "1 of 5"}} {
		opts := testOptions(st)
		opts.Now = func() time.Time { return tonightAt.AddDate(0, 0, tt.days) }
		later := newDriver(t, opts, 80, 24)
		later.press("c")
		if !strings.Contains(later.text(), tt.want) {
			t.Errorf("%d days on: want %q:\n%s", tt.days, tt.want, later.text())
		}
	}
}

// TestAClearedPrecautionBringsBackOnlyWhatWasCleared: pregnancy cleared
// for heat: the store keeps the clearance; heat comes back, the stretches
// stay out and home says why.
func TestAClearedPrecautionBringsBackOnlyWhatWasCleared(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("p")
	d.expect(ScreenPrecautions)
	d.press("n", "n", "n", "c", "h", "y", "n", "enter")
	d.expectText("your clinician cleared heat on 23 Nov 2026", "no stretches")
	d.press("enter")
	d.expect(ScreenHome)
	d.expectText("For pregnancy, your clinician cleared heat")
	var preg history.Precaution
	for _, p := range st.precautionsSaved() {
		if p.ID == safety.Pregnant {
			preg = p
		}
	}
	if !preg.Yes || !preg.ClearedHeat || preg.ClearedStretches || preg.ClearedOn.Day() != 23 {
		t.Fatalf("pregnancy kept as %+v", preg)
	}
	r, _ := d.m.opts.Library.Find("tonight")
	steps := d.m.adapted(r).Steps
	var titles []string
	for _, s := range steps {
		titles = append(titles, s.Title)
	}
	if got := strings.Join(titles, ", "); got != "Heat, Settle in" {
		t.Errorf("tonight is %q, want heat and the sleep set-up", got)
	}
}
