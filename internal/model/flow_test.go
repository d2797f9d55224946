package model

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
)

func repeat(k string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// atPlayer starts tonight's routine on a fresh model: the check with
// nothing to report, a "before" of 4, and the player.
func atPlayer(t *testing.T, opts Options) *driver {
	t.Helper()
	d := newDriver(t, opts, 80, 24)
	d.press("s")
	d.expect(ScreenCheck)
	d.press("n")
	d.expect(ScreenCheckin)
	d.press("4")
	d.expect(ScreenPlayer)
	return d
}

// onlySession is the one session the store holds.
func onlySession(t *testing.T, st *fakeStore) history.Session {
	t.Helper()
	saved := st.saved()
	if len(saved) != 1 {
		t.Fatalf("the store holds %d sessions, want 1: %+v", len(saved), saved)
	}
	return saved[0]
}

func score(p *int) string {
	if p == nil {
		return "none"
	}
	return strconv.Itoa(*p)
}

func TestStartRunsTheCheckThenTheCheckinThenThePlayer(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.expect(ScreenHome)
	d.expectText("Tonight", "Start tonight's routine")

	d.press("s")
	d.expect(ScreenCheck)
	d.press("n")
	d.expect(ScreenCheckin)
	d.expectText("Before")
	d.press("4")
	d.expect(ScreenPlayer)
	d.expectText("Heat", "step 1 of 5")

	if c := st.checksSaved(); len(c) != 1 || c[0].Tier != history.TierNone || !c[0].At.Equal(tonightAt) {
		t.Errorf("checks recorded = %+v, want one \"none\" at %v", c, tonightAt)
	}
	s := onlySession(t, st)
	if !s.Partial || s.Routine != "tonight" || s.RedFlag != history.TierNone || score(s.Before) != "4" || s.After != nil {
		t.Errorf("session = %+v, want partial tonight, red flag none, before 4, no after", s)
	}
	if !s.Start.Equal(tonightAt) {
		t.Errorf("session start = %v, want %v", s.Start, tonightAt)
	}
}

func TestStopForPainPointsToTheCheck(t *testing.T) {
	st := &fakeStore{}
	d := atPlayer(t, testOptions(st))
	d.press("x")
	d.expect(ScreenOutcome)
	d.expectText("Stopped for pain", "red-flag check")
	s := onlySession(t, st)
	if !s.StoppedForPain || s.Partial || score(s.Before) != "4" {
		t.Errorf("session = %+v, want finished, stopped for pain, before 4", s)
	}
	d.press("c")
	d.expect(ScreenCheck)
	d.press("n")
	d.expect(ScreenOutcome)
	d.expectText("No red flags reported")
	if n := len(st.saved()); n != 1 {
		t.Errorf("the check after the stop saved another session: %d in the store", n)
	}
}

// finishRoutine skips every step from the heat gate to the settle step and
// finishes there.
func finishRoutine(d *driver) {
	d.t.Helper()
	d.expectText("Heat")
	d.press("n", "n", "n", "n")
	d.expectText("Settle in")
	d.press("enter")
}

func TestAFinishedRoutineEndsOnTheSummary(t *testing.T) {
	st := &fakeStore{}
	d := atPlayer(t, testOptions(st))
	finishRoutine(d)
	d.expect(ScreenCheckin)
	d.expectText("After")
	d.press("2")
	d.expect(ScreenSummary)
	d.expectText("Settle in")

	s := onlySession(t, st)
	if s.Partial || score(s.Before) != "4" || score(s.After) != "2" {
		t.Errorf("session = %+v, want finished with before 4 and after 2", s)
	}
	wantSkipped := []string{"Heat", "Knee to chest", "Pelvic tilts", "Knee rolls"}
	if !slices.Equal(s.Skipped, wantSkipped) || !slices.Equal(s.Completed, []string{"Settle in"}) {
		t.Errorf("completed %q, skipped %q; want [Settle in] and %q", s.Completed, s.Skipped, wantSkipped)
	}
	if err := d.m.SaveNow(); err != nil {
		t.Fatal(err)
	}
	if s := onlySession(t, st); s.Partial {
		t.Errorf("SaveNow after the summary made the finished session partial again")
	}

	d.press("h")
	d.expect(ScreenHome)
	d.press("q")
	if !d.quit {
		t.Errorf("q on home did not quit")
	}
}

func TestCheckInsOffSkipsBothCheckIns(t *testing.T) {
	st := &fakeStore{}
	opts := testOptions(st)
	opts.CheckIns = false
	d := newDriver(t, opts, 80, 24)
	d.press("s", "n")
	d.expect(ScreenPlayer)
	finishRoutine(d)
	d.expect(ScreenSummary)
	if s := onlySession(t, st); s.Partial || s.Before != nil || s.After != nil {
		t.Errorf("session = %+v, want finished with no check-ins", s)
	}
}

func TestSkippedCheckInsAreStoredAsNone(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s", "n")
	d.expect(ScreenCheckin)
	d.press("s") // the number
	d.expectText("wake you last night")
	d.press("s") // and the waking question
	d.expect(ScreenPlayer)
	finishRoutine(d)
	d.press("s")
	d.expect(ScreenSummary)
	if s := onlySession(t, st); s.Partial || s.Before != nil || s.After != nil {
		t.Errorf("session = %+v, want finished with both check-ins skipped", s)
	}
}

// TestEscOnACheckInGoesBackAndStartsNothing: esc never answers, skips or
// starts anything; on the before check-in it once skipped it and started a
// hold.
func TestEscOnACheckInGoesBackAndStartsNothing(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s", "n")
	d.expect(ScreenCheckin)
	d.press("esc")
	d.expect(ScreenHome)

	d.press("s", "n")
	d.expect(ScreenCheckin)
	d.press("5")
	d.expect(ScreenPlayer)
	finishRoutine(d)
	d.expect(ScreenCheckin)
	d.press("esc")
	d.expect(ScreenHome)
	var last history.Session
	for _, s := range st.saved() {
		if s.Before != nil {
			last = s
		}
	}
	if last.Partial || last.Before == nil || *last.Before != 5 || last.After != nil {
		t.Errorf("session left at the after check-in = %+v, want finished, before 5, no after", last)
	}
}

func TestThePositionPickedInTipsIsTheOneSettleShows(t *testing.T) {
	d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
	d.press("t")
	d.expect(ScreenTips)
	d.press("2", "enter")
	d.expect(ScreenHome)
	d.press("s", "n", "4", "n", "n", "n", "n")
	d.expectText("Settle in", "On your back")
}

func TestHomeMenuOpensEveryScreenAndEscComesBack(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want Screen
		text string
	}{
		{"c", ScreenCheck, "Red-flag check"},
		{"t", ScreenTips, "On your side"},
		{"w", ScreenWhy, "Lying still"},
		{"h", ScreenHistory, "History"},
	} {
		t.Run(tc.key, func(t *testing.T) {
			d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
			d.press(tc.key)
			d.expect(tc.want)
			d.expectText(tc.text)
			d.press("esc")
			d.expect(ScreenHome)
		})
	}
}

func TestEntryPoints(t *testing.T) {
	for _, tc := range []struct {
		entry Entry
		want  Screen
	}{
		{EntryHome, ScreenHome},
		{EntryStart, ScreenCheck},
		{EntryCheck, ScreenCheck},
		{EntryTips, ScreenTips},
		{EntryWhy, ScreenWhy},
		{EntryHistory, ScreenHistory},
	} {
		opts := testOptions(&fakeStore{})
		opts.Entry = tc.entry
		d := newDriver(t, opts, 80, 24)
		d.expect(tc.want)
		if tc.entry == EntryStart && d.m.ev.State(d.m.moment()).Entry != evening.ForRoutine ||
			tc.entry == EntryCheck && d.m.ev.State(d.m.moment()).Entry != evening.ForCheck {
			t.Errorf("entry %d: the evening is not the one asked for", tc.entry)
		}
	}
}

// TestAPickedPositionIsKeptForTheNightsAfter: "enter: use from tonight on"
// on the sleep set-up reaches the settings file, and home says where.
func TestAPickedPositionIsKeptForTheNightsAfter(t *testing.T) {
	var kept []guide.Position
	opts := testOptions(&fakeStore{})
	opts.SavePosition = func(p guide.Position) (string, error) {
		kept = append(kept, p)
		return "/home/a/.config/supine/config.toml", nil
	}
	d := newDriver(t, opts, 80, 24)
	d.press("t", "3", "enter")
	d.expect(ScreenHome)
	if len(kept) != 1 || kept[0] != guide.Stomach {
		t.Fatalf("kept %v, want [stomach]", kept)
	}
	d.expectText("kept in /home/a/.config/supine/config.toml")

	opts.SavePosition = func(guide.Position) (string, error) { return "", errors.New("the disk is full") }
	d = newDriver(t, opts, 80, 24)
	d.press("t", "2", "enter")
	d.expectText("holds for tonight only", "the disk is full")
}
