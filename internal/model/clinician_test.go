package model

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// TestAClinicianCheckIsKeptAndRemindsTheNextNight: an URGENT from a high
// temperature, d then t on the outcome: the store keeps it, the outcome
// says so and still says the night is over; the next night's check shows
// the reminder under that question, and a yes to it still counts.
func TestAClinicianCheckIsKeptAndRemindsTheNextNight(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.press(toUrgent...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	d.expectText("URGENT", "d a clinician has checked this")
	d.press("d")
	d.expectText("A clinician has checked this", "High temperature")
	d.press("t")
	d.expect(ScreenOutcome)
	d.expectText("Kept: a clinician checked this on 24 Nov.", "For 4 weeks the check will remind you instead of stopping",
		"Contact a doctor tonight.", "No stretching and no heat tonight")

	cs := st.clinicianSaved()
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	if len(cs) != 1 || cs[0].QuestionID != "fever-unwell" || !cs[0].CheckedOn.Equal(today) || !cs[0].At.Equal(tonightAt) {
		t.Fatalf("clinicians' checks kept = %+v, want fever-unwell on 24 Nov, recorded at %v", cs, tonightAt)
	}
	if s := onlySession(t, st); s.RedFlag != history.TierUrgent || len(s.Completed) != 0 {
		t.Errorf("session = %+v: the recording changed tonight's URGENT", s)
	}

	// Tonight stays void: the next start shows the outcome again, and it
	// offers no clinician's check there.
	d.press("esc")
	d.press("s")
	d.expect(ScreenOutcome)
	d.press("d")
	if d.m.outcome.Recording() {
		t.Error("tonight's void outcome shown again opened the clinician step")
	}

	// The next night: the reminder under the question, and a yes is a yes.
	opts := testOptions(st)
	opts.Now = func() time.Time { return tonightAt.AddDate(0, 0, 1) }
	next := newDriver(t, opts, 80, 24)
	next.press("s")
	next.expect(ScreenCheck)
	next.press("page")
	next.expectText("Do you have a high temperature or chills, or feel very unwell? You said a clinician checked this on 24 Nov.", "You said a clinician checked this on 24 Nov. If it has changed, answer yes.")
	if n := strings.Count(next.text(), "You said a clinician checked this"); n != 1 {
		t.Errorf("%d reminders on the page, want 1:\n%s", n, next.text())
	}
	next.press(repeat("down", 3)...)
	next.press("space", "finish")
	next.expect(ScreenOutcome)
	next.expectText("URGENT")

	// Four weeks on, it no longer stands: no reminder.
	opts.Now = func() time.Time { return tonightAt.AddDate(0, 0, 28) }
	later := newDriver(t, opts, 80, 24)
	later.press("s", "page")
	if strings.Contains(later.text(), "You said a clinician checked") {
		t.Errorf("a clinician's check 4 weeks old still reminds:\n%s", later.text())
	}
}

// TestABookClinicianCheckStillAsks: recorded on a BOOK outcome, the
// question "go on?" is still asked and y still goes on.
func TestABookClinicianCheckStillAsks(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.press(toBook...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	d.press("d", "y") // y in the step is yesterday
	d.expect(ScreenOutcome)
	d.expectText("Kept: a clinician checked this on 23 Nov.", "Go on with tonight's routine?")
	if cs := st.clinicianSaved(); len(cs) != 1 || cs[0].QuestionID != "no-better" {
		t.Fatalf("clinicians' checks kept = %+v, want no-better", cs)
	}
	d.press("y")
	d.expect(ScreenCheckin)
}

// TestNoClinicianCheckForAnEmergency: the EMERGENCY outcome offers no
// clinician's check, whatever else was answered yes, and nothing is kept.
func TestNoClinicianCheckForAnEmergency(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.press("space", "page") // saddle numbness
	d.press(repeat("down", 3)...)
	d.press("space", "finish") // and a high temperature
	d.expect(ScreenOutcome)
	d.expectText("EMERGENCY")
	if strings.Contains(d.text(), "clinician has checked") {
		t.Errorf("the EMERGENCY outcome offers a clinician's check:\n%s", d.text())
	}
	for _, k := range []string{"d", "t", "y", "space", "t"} {
		d.press(k)
		d.expect(ScreenOutcome)
	}
	if d.m.outcome.Recording() || len(st.clinicianSaved()) != 0 {
		t.Errorf("recording %v, kept %+v: nothing may be kept from an EMERGENCY", d.m.outcome.Recording(), st.clinicianSaved())
	}
}

// TestAFailedClinicianSaveIsSaid: when the store refuses, the outcome
// says it was not kept.
func TestAFailedClinicianSaveIsSaid(t *testing.T) {
	t.Parallel()
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.press(toUrgent...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	st.mu.Lock()
	st.failSaves = errTestDiskFull
	st.mu.Unlock()
	d.press("d", "t")
	d.expectText("Not kept", "disk full")
}

var errTestDiskFull = errors.New("disk full")
