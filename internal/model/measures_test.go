package model

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// realStore is a history in a temporary folder: the activities and the
// trial are kept by the real store, which the fake does not imitate.
func realStore(t *testing.T) *history.Store {
	t.Helper()
	st, _, err := history.Open(filepath.Join(t.TempDir(), "supine.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		if r == ' ' {
			d.press("space")
			continue
		}
		d.press(string(r))
	}
}

func TestActivitiesAreNamedRatedAndKept(t *testing.T) {
	st := realStore(t)
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("f")
	d.expect(ScreenActivities)
	d.expectText("Name an activity your back makes hard")
	d.typeText("Putting on socks")
	d.press("enter")
	d.expectText("1 of 1 · Putting on socks", "How well can you do this today?", "0 = unable to do it")
	d.press("1", "0", "enter")
	d.expect(ScreenActivities)
	d.expectText("Putting on socks: 10 on 24 Nov", "Next rating from Tue 1 Dec")
	r, err := st.Ratings()
	if err != nil || len(r) != 1 || r[0].Score != 10 {
		t.Fatalf("ratings kept: %+v, %v; want one of 10", r, err)
	}
	d.press("esc")
	d.expect(ScreenHome)
	if strings.Contains(d.text(), "rating is due") {
		t.Errorf("home says a rating is due right after one:\n%s", d.text())
	}
}

func TestHomeSaysWhenTheWeeklyRatingIsDue(t *testing.T) {
	st := realStore(t)
	if err := st.SaveRatings(tonightAt.AddDate(0, 0, -7), []history.Rated{{Name: "Turning over in bed", Score: 3}}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, testOptions(st), 80, 24)
	d.expectText("Your weekly activity rating is due: a minute, press f.")
	d.press("f")
	// A sitting due opens on it.
	d.expectText("1 of 1 · Turning over in bed")
	d.press("esc")
	d.expectText("Turning over in bed: 3 on 17 Nov")
}

func TestTheHeatTrialStartsAndStopsFromHome(t *testing.T) {
	st := realStore(t)
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("e")
	d.expect(ScreenTrial)
	d.expectText("A fair test of heat, for you.", "Press s to start a trial.")
	d.press("s")
	d.expectText("Start the trial?")
	d.press("n")
	if tr, _ := st.Trials(); len(tr) != 0 {
		t.Fatal("n started a trial")
	}
	d.press("s", "y")
	tr, err := st.Trials()
	if err != nil || len(tr) != 1 {
		t.Fatalf("trials kept: %+v, %v; want one", tr, err)
	}
	if want := time.Date(2026, 11, 24, 0, 0, 0, 0, time.Local); tr[0].FirstNight.Format("2006-01-02") != want.Format("2006-01-02") {
		t.Errorf("the trial starts on %v, want tonight", tr[0].FirstNight)
	}
	d.expectText("Heat trial, night 1 of 16", "The results stay hidden until the last pair is done")
	d.press("esc")
	d.expect(ScreenHome)
	d.expectText("Heat trial, night 1 of 16")
	d.press("e", "x")
	d.expectText("Stop the trial now?")
	d.press("y")
	tr, _ = st.Trials()
	if tr[0].Stopped.IsZero() {
		t.Fatal("the trial was not stopped")
	}
	d.expectText("Stopped on", "this is what it had", "Press s to start a trial.")
}

func TestAHeatTrialIsRefusedWithoutHeatInTheRoutine(t *testing.T) {
	st := realStore(t)
	opts := testOptions(st)
	opts.Routine = "quick"
	d := newDriver(t, opts, 80, 24)
	d.press("e")
	d.expectText("Your routine has no heat step")
	d.press("s")
	if strings.Contains(d.text(), "Start the trial?") {
		t.Fatal("s offered to start a trial with no heat to compare")
	}
}
