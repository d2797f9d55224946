package model

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// TestNoClinicianCheckFromTheOutcome: the outcome that has just said to see
// a doctor records no clinician's check (CONTENT.md section 4, v3): d does
// nothing there and nothing is kept.
func TestNoClinicianCheckFromTheOutcome(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.press(toBook...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	for _, k := range []string{"d", "t", "?"} {
		d.press(k)
		d.expect(ScreenOutcome)
	}
	if strings.Contains(d.text(), "clinician") || len(st.clinicianSaved()) != 0 {
		t.Errorf("the outcome offers or kept a clinician's check (%+v):\n%s", st.clinicianSaved(), d.text())
	}
}

// TestAClinicianCheckFromHomeIsAskedInItsOwnWordsTheNextNight: a BOOK for
// "no better", then from home d and t: kept with today's date; the next
// night's check asks "worse, or different, since then?" in its place, and a
// yes still counts.
func TestAClinicianCheckFromHomeIsAskedInItsOwnWordsTheNextNight(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.press(toBook...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	d.press("n") // not tonight: home
	d.expect(ScreenHome)
	d.press("d")
	d.expect(ScreenClinician)
	d.expectText("No better after several weeks of self-care")
	d.press("t")
	d.expectText("Kept: a clinician checked this on 24 Nov.")
	cs := st.clinicianSaved()
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	if len(cs) != 1 || cs[0].QuestionID != "no-better" || !cs[0].CheckedOn.Equal(today) {
		t.Fatalf("kept %+v, want no-better on 24 Nov", cs)
	}
	d.press("esc")
	d.expect(ScreenHome)

	opts := testOptions(st)
	opts.Now = func() time.Time { return tonightAt.AddDate(0, 0, 1) }
	next := newDriver(t, opts, 80, 40)
	next.press("s")
	next.expect(ScreenCheck)
	next.press("page", "page", "page")
	next.expectText("A clinician checked this on 24 Nov. Is it worse, or different, since then? No better after several weeks of self-care, or getting worse.")
	next.press("space", "finish")
	next.expect(ScreenOutcome)
	next.expectText("BOOK")
}

// TestAClinicianCheckFromHistoryGoesBackThere, and is offered only for the
// answers it may cover: not a high temperature.
func TestAClinicianCheckFromHistoryGoesBackThere(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("c")
	d.press(toUrgent...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	d.press("esc", "h")
	d.expect(ScreenHistory)
	d.press("d")
	d.expect(ScreenClinician)
	d.expectText("Nothing to record now.")
	d.press("t")
	if len(st.clinicianSaved()) != 0 {
		t.Errorf("a high temperature was kept as checked: %+v", st.clinicianSaved())
	}
	d.press("esc")
	d.expect(ScreenHistory)
}

// TestAFailedClinicianSaveIsSaid: when the store refuses, the screen says
// it was not kept.
func TestAFailedClinicianSaveIsSaid(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	st.checks = append(st.checks, history.Check{At: tonightAt.Add(-time.Hour), Tier: history.TierBook, Yes: []string{"not-coping"}, Full: true})
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("d")
	d.expect(ScreenClinician)
	st.mu.Lock()
	st.failSaves = errTestDiskFull
	st.mu.Unlock()
	d.press("t")
	d.expectText("Not kept", "disk full")
}

var errTestDiskFull = errors.New("disk full")
