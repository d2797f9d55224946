package model

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// TestRecheckAsksWhatIsNewWhenTheLastCheckIsRecent covers the short
// "anything new?" screen: shown while the last full check is under 7 days
// old; n goes on without recording a full check, y runs the full check.
func TestRecheckAsksWhatIsNewWhenTheLastCheckIsRecent(t *testing.T) {
	recent := func() (*driver, *fakeStore) {
		st := &fakeStore{}
		st.RecordCheck(tonightAt.Add(-48*time.Hour), history.TierNone)
		d := newDriver(t, testOptions(st), 80, 24)
		d.press("s")
		d.expect(ScreenRecheck)
		d.expectText("Anything new since")
		return d, st
	}
	t.Run("n goes to the check-in", func(t *testing.T) {
		d, st := recent()
		d.press("enter") // not an answer
		d.expect(ScreenRecheck)
		d.press("n")
		d.expect(ScreenCheckin)
		// The short answer is kept (tonight's gate reads every answer), but
		// never as a full check.
		if c := st.checksSaved(); len(c) != 2 || c[1].Full || c[1].Tier != history.TierNone {
			t.Errorf("\"nothing new\" was not kept as a short check: %+v", c)
		}
		d.press("3")
		d.expect(ScreenPlayer)
		if s := onlySession(t, st); s.RedFlag != history.TierNone || score(s.Before) != "3" {
			t.Errorf("session = %+v, want red flag none, before 3", s)
		}
	})
	t.Run("y runs the full check", func(t *testing.T) {
		d, st := recent()
		d.press("y")
		d.expect(ScreenCheck)
		d.press("n")
		d.expect(ScreenCheckin) // still the routine's check, not one on its own
		// The yes is kept as the short answer it was (any yes tonight
		// means the full check at the next start too), then the full check.
		c := st.checksSaved()
		if len(c) != 3 || c[1].Full || len(c[1].Yes) != 1 || !c[2].Full || !c[2].At.Equal(tonightAt) {
			t.Errorf("checks = %+v, want the short yes and tonight's full check recorded", c)
		}
	})
	t.Run("y then a serious answer ends the session", func(t *testing.T) {
		d, _ := recent()
		d.press("y", "space", "finish")
		d.expect(ScreenOutcome)
		d.expectText("EMERGENCY")
		d.press("y", "n", "c")
		d.expect(ScreenOutcome)
	})
	t.Run("esc goes home", func(t *testing.T) {
		d, st := recent()
		d.press("esc")
		d.expect(ScreenHome)
		if s := st.saved(); len(s) != 0 {
			t.Errorf("sessions = %+v, want none before the check was answered", s)
		}
	})
}

func TestFullCheckWhenTheLastOneIsOldOrSerious(t *testing.T) {
	for _, tc := range []struct {
		name string
		ago  time.Duration
		tier string
	}{
		{"8 days ago", 8 * 24 * time.Hour, history.TierNone},
		{"exactly 7 days ago", 7 * 24 * time.Hour, history.TierNone},
		{"URGENT yesterday", 24 * time.Hour, history.TierUrgent},
		{"EMERGENCY yesterday", 24 * time.Hour, history.TierEmergency},
		{"in the future", -time.Hour, history.TierNone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &fakeStore{}
			st.RecordCheck(tonightAt.Add(-tc.ago), tc.tier)
			d := newDriver(t, testOptions(st), 80, 24)
			d.press("s")
			d.expect(ScreenCheck)
		})
	}
}

// TestRecheckWithoutAStore: with history off, tonight cannot be known:
// every start fails closed (the two questions of CONTENT.md section 4)
// and runs the full check, never the shortcut.
func TestRecheckWithoutAStore(t *testing.T) {
	d := newDriver(t, testOptions(nil), 80, 24)
	d.press("s")
	d.expectText("Tonight is not known")
	d.press("n", "n", "enter") // the two questions, the disclaimer
	d.expect(ScreenPrecautions)
	d.press("n", "n", "n", "n", "n", "enter", "enter")
	d.expect(ScreenCheck)
	d.press("n", "5")
	d.expect(ScreenPlayer)
}

// TestRecheckUsesTheRolloverHour: the "since" wording counts nights from
// the configured rollover hour, as history does. A check at 01:30 with the
// night turning at 01:00 was this morning, not last night.
func TestRecheckUsesTheRolloverHour(t *testing.T) {
	st := &fakeStore{}
	st.RecordCheck(time.Date(2026, 11, 24, 1, 30, 0, 0, time.UTC), history.TierNone)
	opts := testOptions(st)
	opts.RolloverHour = 1
	d := newDriver(t, opts, 80, 24)
	d.press("s")
	d.expect(ScreenRecheck)
	d.expectText("Anything new since earlier today")
}

// TestStartWaitsForTheHistory: `supine start` sends the start and the
// history load in one batch, whose commands run in no set order; the start,
// needing no I/O, comes back first. Whichever arrives first, a recent full
// check must lead to "anything new?", as it does from home. (A tea.Sequence
// inside the batch keeps its order here, as the program keeps it.)
func TestStartWaitsForTheHistory(t *testing.T) {
	st := recentCheckStore()
	opts := testOptions(st)
	opts.Entry = EntryStart
	m := New(opts)

	// ordered runs a command to its messages, sequences in order.
	var ordered func(tea.Cmd) []tea.Msg
	ordered = func(c tea.Cmd) []tea.Msg {
		if c == nil {
			return nil
		}
		msg := c()
		var inner []tea.Cmd
		switch msg := msg.(type) {
		case tea.BatchMsg:
			inner = msg
		default:
			if cmds, ok := sequence(msg); ok {
				inner = cmds
			} else {
				return []tea.Msg{msg}
			}
		}
		var out []tea.Msg
		for _, c := range inner {
			out = append(out, ordered(c)...)
		}
		return out
	}
	var groups [][]tea.Msg
	init := m.Init()
	if batch, ok := init().(tea.BatchMsg); ok {
		for _, c := range batch {
			groups = append(groups, ordered(c))
		}
	} else {
		groups = append(groups, ordered(init))
	}
	d := &driver{t: t, m: m, store: st}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	for i := len(groups) - 1; i >= 0; i-- { // the last command of the batch first
		for _, msg := range groups[i] {
			d.send(msg)
		}
	}
	d.expect(ScreenRecheck)
}

// TestTheShortcutDoesNotAskTheWakingQuestionAgain: after a session earlier
// tonight that answered it, "anything new?" asks its two other questions
// (the evening's State.ShortcutQuestions), and the night keeps the answer.
func TestTheShortcutDoesNotAskTheWakingQuestionAgain(t *testing.T) {
	st := storeWith([]history.Session{{Start: tonightAt.Add(-40 * time.Minute), End: tonightAt.Add(-20 * time.Minute),
		Routine: "tonight", RedFlag: history.TierNone, Woke: history.Answer(false), Completed: []string{"Knee to chest"}}})
	st.RecordCheck(tonightAt.Add(-48*time.Hour), history.TierNone)
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.expect(ScreenRecheck)
	d.expectText("Anything new since", "1 of 2")
	d.send(screentest.Key("n"))
	d.expect(ScreenRecheck)
	d.expectText("Did you have pain during your last stretches?", "2 of 2")
	d.send(screentest.Key("n"))
	d.expect(ScreenCheckin)
	if strings.Contains(d.text(), "wake you") {
		t.Fatalf("the check-in asks the waking question again:\n%s", d.text())
	}
	d.press("3")
	d.expect(ScreenPlayer)
	s := st.saved()
	if own := s[len(s)-1]; own.Woke == nil || *own.Woke {
		t.Errorf("kept woke %v, want the answer given earlier tonight", own.Woke)
	}
}
