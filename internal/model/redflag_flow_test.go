package model

import (
	"strings"
	"testing"

	"github.com/supine-app/supine/internal/evening"
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
