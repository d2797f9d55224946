package model

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
)

var (
	// The check's pages: nerves, bladder and bowel; pain and other signs;
	// health and medicines; how it has gone. Each list moves the cursor to
	// one question of its tier; "space" marks it and "finish" goes through
	// the rest of the pages and confirms.
	toEmergency = []string{}                                     // saddle numbness, page 1
	toUrgent    = append([]string{"page"}, repeat("down", 3)...) // a high temperature, page 2
	toBook      = []string{"page", "page", "page"}               // no better after weeks, page 4
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

// allKeys is every key a person could press by accident, esc last.
func allKeys() []string {
	var keys []string
	for c := 'a'; c <= 'z'; c++ {
		keys = append(keys, string(c))
	}
	for c := '0'; c <= '9'; c++ {
		keys = append(keys, string(c))
	}
	return append(keys, "A", "Y", "N", "+", "-", "?", "space", "enter", "tab", "up", "down", "left", "right", "backspace", "esc")
}

// TestSeriousRedFlagsNeverLeadToTheRoutine: after an EMERGENCY or URGENT
// answer, no key on the outcome screen reaches a check-in or the player.
func TestSeriousRedFlagsNeverLeadToTheRoutine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		tier string
		keys []string
	}{
		{history.TierEmergency, toEmergency},
		{history.TierUrgent, toUrgent},
	} {
		t.Run(tc.tier, func(t *testing.T) {
			var st *fakeStore
			atOutcome := func() *driver {
				st = &fakeStore{}
				d := newDriver(t, testOptions(st), 80, 24)
				d.press("s")
				d.press(tc.keys...)
				d.press("space", "finish")
				d.expect(ScreenOutcome)
				d.expectText(tc.tier, "No stretching and no heat tonight")
				return d
			}

			// Each key on its own, from the outcome. The model is a value:
			// a copy of the driver is the same state, and only esc and
			// enter touch the store (to read it).
			from := atOutcome()
			for _, k := range allKeys() {
				d := *from
				d.press(k)
				switch {
				case d.m.screen == ScreenOutcome:
				case d.m.screen == ScreenHome && (k == "esc" || k == "enter"):
				default:
					t.Fatalf("%s on the %s outcome went to %s", k, tc.tier, screenName(d.m.screen))
				}
				if d.quit != (k == "q") {
					t.Errorf("%s on the %s outcome: quit = %v", k, tc.tier, d.quit)
				}
				if d.m.ev != nil && d.stage() == evening.Running {
					t.Errorf("%s on the %s outcome left a routine running", k, tc.tier)
				}
			}

			// Every key in a row: the ones that stay keep it on the outcome.
			d := atOutcome()
			for _, k := range allKeys() {
				if k == "esc" || k == "enter" || k == "q" {
					continue
				}
				d.press(k)
				d.expect(ScreenOutcome)
			}
			d.press("esc")
			d.expect(ScreenHome)

			s := onlySession(t, st)
			if s.Partial || s.RedFlag != tc.tier || len(s.Completed) != 0 || s.Before != nil {
				t.Errorf("session = %+v, want it finished with red flag %s and nothing done", s, tc.tier)
			}
			if c := st.checksSaved(); len(c) != 1 || c[0].Tier != tc.tier {
				t.Errorf("checks recorded = %+v, want one %s", c, tc.tier)
			}

			// Tonight is void: the next start, and the check itself, lead
			// back to this outcome with what was reported, never to a
			// check that could clear it or to "anything new?".
			d.press("s")
			d.expect(ScreenOutcome)
			d.expectText(tc.tier, "What you reported")
			d.press("esc")
			d.press("c")
			d.expect(ScreenOutcome)
			d.expectText(tc.tier)
		})
	}
}

func TestBookGoesOnOnlyAfterAnExplicitYes(t *testing.T) {
	atBook := func() (*driver, *fakeStore) {
		st := &fakeStore{}
		d := newDriver(t, testOptions(st), 80, 24)
		d.press("s")
		d.press(toBook...)
		d.press("space", "finish")
		d.expect(ScreenOutcome)
		d.expectText("BOOK", "Go on with tonight's routine?")
		return d, st
	}

	t.Run("no goes home", func(t *testing.T) {
		d, st := atBook()
		d.press("enter") // not an answer
		d.expect(ScreenOutcome)
		d.press("n")
		d.expect(ScreenHome)
		if s := onlySession(t, st); s.RedFlag != history.TierBook || len(s.Completed) != 0 {
			t.Errorf("session = %+v, want red flag BOOK and nothing done", s)
		}
	})
	t.Run("yes goes on to the check-in", func(t *testing.T) {
		d, st := atBook()
		d.press("y")
		d.expect(ScreenCheckin)
		d.press("7")
		d.expect(ScreenPlayer)
		s := onlySession(t, st)
		if s.RedFlag != history.TierBook || score(s.Before) != "7" || !s.Partial {
			t.Errorf("session = %+v, want partial, red flag BOOK, before 7", s)
		}
	})
}

func TestStandaloneCheckSavesNoSession(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("c")
	d.expect(ScreenCheck)
	d.press("n")
	d.expect(ScreenOutcome)
	d.expectText("No red flags reported")
	d.press("esc")
	d.expect(ScreenHome)
	if s := st.saved(); len(s) != 0 {
		t.Errorf("a check on its own saved sessions %+v, want none", s)
	}
	if c := st.checksSaved(); len(c) != 1 || c[0].Tier != history.TierNone {
		t.Errorf("checks recorded = %+v, want the full check remembered as none", c)
	}
}

// TestStandaloneBookAsksNothing: with no routine waiting, BOOK has no "go
// on?" and y leads nowhere.
func TestStandaloneBookAsksNothing(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("c")
	d.press(toBook...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	if strings.Contains(d.text(), "Go on with tonight's routine?") {
		t.Fatalf("a check on its own asks to go on:\n%s", d.text())
	}
	d.press("y")
	d.expect(ScreenOutcome)
	d.press("enter")
	d.expect(ScreenHome)
	if s := st.saved(); len(s) != 0 {
		t.Errorf("saved sessions %+v, want none", s)
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
