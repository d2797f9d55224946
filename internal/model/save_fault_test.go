package model

import (
	"errors"
	"strings"
	"testing"
)

// failing sets or clears the fake store's fault.
func failing(st *fakeStore, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.failSaves = err
}

// A save that fails (a full disk, a lock held too long) is said on the
// summary itself, and the night is not counted in the streak while it is
// not stored. The save on exit tries once more, as a finished session.
func TestASaveThatFailsIsToldOnTheSummaryAndNotCounted(t *testing.T) {
	st := &fakeStore{}
	failing(st, errors.New("database or disk is full"))
	d := newDriver(t, testOptions(st), 80, 40)
	d.press("s", "n", "4")
	d.expect(ScreenPlayer)
	finishRoutine(d)
	d.press("2")
	d.expect(ScreenSummary)
	d.expectText("Tonight is not saved yet, so it is not counted", "database or disk is full", "supine tries again when you quit.")
	if strings.Contains(d.text(), "Streak") {
		t.Errorf("an unsaved night is counted in the streak:\n%s", d.text())
	}

	failing(st, nil)
	if err := d.m.SaveNow(); err != nil {
		t.Fatal(err)
	}
	if s := onlySession(t, st); s.Partial {
		t.Error("a finished session whose last save failed was stored as partial on exit")
	}
}

// A later save that works clears the warning, and tonight counts again.
func TestALaterSaveClearsTheWarning(t *testing.T) {
	st := &fakeStore{}
	failing(st, errors.New("database is locked"))
	d := newDriver(t, testOptions(st), 80, 40)
	d.press("s", "n", "4")
	d.expect(ScreenPlayer)
	if d.m.saveErr == nil {
		t.Fatal("the failed first save was not noticed")
	}
	failing(st, nil)
	d.press("n") // a step ends (heat skipped): the session is saved
	if d.m.saveErr != nil {
		t.Fatalf("a save that worked left the warning: %v", d.m.saveErr)
	}
	d.press("n", "n", "n")
	d.expectText("Settle in")
	d.press("enter")
	d.press("2")
	d.expect(ScreenSummary)
	if strings.Contains(d.text(), "not saved yet") || !strings.Contains(d.text(), "Streak") {
		t.Errorf("summary after a good save:\n%s", d.text())
	}
}
