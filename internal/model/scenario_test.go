package model

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/scenarios"
)

// TestScenarios plays the shared table of evenings (internal/scenarios)
// through the full-screen root model, the way the CLI runs it: keys in,
// the fake clock moved on, and at the end the model closed and saved as
// the CLI does. plain/scenario_test.go plays the same table through plain
// mode; both must come to the outcome the table expects.
func TestScenarios(t *testing.T) {
	for _, sc := range scenarios.Table() {
		t.Run(sc.Name, func(t *testing.T) {
			got := playScenario(t, sc)
			if !got.Equal(sc.Want) {
				t.Errorf("full-screen:\n got %s\nwant %s", got, sc.Want)
			}
		})
	}
}

// playScenario runs one scenario and reads its outcome from the store and
// the closed model.
func playScenario(t *testing.T, sc scenarios.Scenario) scenarios.Outcome {
	t.Helper()
	st := &fakeStore{}
	opts := testOptions(st)
	opts.CheckIns = false
	d := newDriver(t, opts, 100, 40)
	d.press("s")
	d.expect(ScreenCheck)
	if len(sc.Check) == 0 {
		d.press("n")
	} else {
		// The cursor moves to each question of flow_test.go's, a mark,
		// and the rest of the pages with their confirm page.
		to := map[string][]string{
			scenarios.SaddleNumbness: toEmergency, scenarios.FeverUnwell: toUrgent, scenarios.NoBetter: toBook,
		}
		if len(sc.Check) != 1 || to[sc.Check[0]] == nil {
			t.Fatalf("the full-screen runner marks one of %v, not %v", slices.Collect(maps.Keys(to)), sc.Check)
		}
		d.press(to[sc.Check[0]]...)
		d.press("space", "finish")
		if d.m.screen == ScreenOutcome && !d.quit {
			if sc.GoOn {
				d.press("y")
			} else if slices.Contains(sc.Check, scenarios.NoBetter) {
				d.press("n")
			}
		}
	}
	sawPlayer := d.m.screen == ScreenPlayer
	for _, a := range sc.Do {
		if d.quit {
			break
		}
		if a.Wait > 0 {
			// Time passes as the program's one-second ticks pass it.
			for left := a.Wait; left > 0 && !d.quit; left -= time.Second {
				d.advance(min(left, time.Second))
			}
		} else {
			d.press(a.Key)
		}
		sawPlayer = sawPlayer || d.m.screen == ScreenPlayer
	}
	// As the CLI does on the final model, however the program ended.
	m := d.m.Closed()
	if err := m.SaveNow(); err != nil {
		t.Fatalf("saving: %v", err)
	}

	var o scenarios.Outcome
	if c := st.checksSaved(); len(c) > 0 {
		o.CheckTier = c[len(c)-1].Tier
	}
	o.PadOffLine = m.PadMayBeOn()
	sessions := st.saved()
	if len(sessions) > 1 {
		t.Fatalf("%d sessions stored, want at most one: %+v", len(sessions), sessions)
	}
	if len(sessions) == 1 {
		s := sessions[0]
		o.Completed, o.Skipped = s.Completed, s.Skipped
		o.HeatStarted = !s.HeatStart.IsZero()
		switch {
		case !sawPlayer:
			o.Reason = scenarios.RedFlag
		case s.StoppedForPain:
			o.Reason = scenarios.Pain
		case !s.Partial:
			o.Reason = scenarios.Finished
		default:
			o.Reason = scenarios.Quit
		}
	} else if !sawPlayer {
		o.Reason = scenarios.RedFlag
	}
	return o
}
