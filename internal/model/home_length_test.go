package model

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/trial"
)

// heatTonight is a session earlier tonight whose pad ran its 15 minutes.
func heatTonight() history.Session {
	return history.Session{Start: tonightAt.Add(-2 * time.Hour), End: tonightAt.Add(-100 * time.Minute), Routine: "tonight",
		HeatStart: tonightAt.Add(-119 * time.Minute), HeatSeconds: 900, HeatMinutes: 15, HeatKnown: true,
		RedFlag: history.TierNone, Completed: []string{"Heat"}}
}

// TestHomeSaysTonightsLength: home's "Tonight · N min" is what tonight's
// routine will take, as the evening will plan it (evening.Preview): the
// built-in routine is 21 minutes with its 15 of heat, 6 without.
func TestHomeSaysTonightsLength(t *testing.T) {
	t.Run("nothing tonight: the whole routine", func(t *testing.T) {
		d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
		d.expectText("Tonight · 21 min")
	})
	t.Run("heat used tonight", func(t *testing.T) {
		d := newDriver(t, testOptions(storeWith([]history.Session{heatTonight()})), 80, 24)
		d.expectText("Tonight · 6 min", "Heat is left out: the pad went on at 20:01")
	})
	t.Run("a heat trial's night without heat", func(t *testing.T) {
		st := realStore(t)
		order := []bool{false, true, true, true, true, true, true, true}
		if _, err := st.SaveTrial(history.Trial{Kind: trial.KindHeat, Started: tonightAt.AddDate(0, 0, -1),
			FirstNight: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), Seed: 1, HeatFirst: order, Outcome: trial.Outcome}, nil); err != nil {
			t.Fatal(err)
		}
		d := newDriver(t, testOptions(st), 80, 24)
		d.expectText("Tonight · 6 min", "Heat trial, night 1 of 16: a night without heat.")
	})
	t.Run("the length follows the night: heat used in this window, then home", func(t *testing.T) {
		st := &fakeStore{}
		d := atPlayer(t, testOptions(st))
		d.press("enter") // the pad goes on
		d.advance(61 * time.Second)
		d.press("n", "enter") // heat ended early, the pad is off
		d.press("n", "n", "n")
		d.expectText("Settle in")
		d.press("enter", "2")
		d.expect(ScreenSummary)
		d.press("h")
		d.expect(ScreenHome)
		if !strings.Contains(d.text(), "Tonight · 6 min") {
			t.Fatalf("home after heat tonight:\n%s", d.text())
		}
	})
}
