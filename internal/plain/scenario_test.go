package plain

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/scenarios"
)

// TestScenarios plays the shared table of evenings (internal/scenarios)
// through plain mode, keys typed in key mode at their moments on the fake
// clock; model/scenario_test.go plays the same table through the
// full-screen app. Both must come to the outcome the table expects.
func TestScenarios(t *testing.T) {
	for _, sc := range scenarios.Table() {
		t.Run(sc.Name, func(t *testing.T) {
			got, out := playPlainScenario(t, sc)
			if !got.Equal(sc.Want) {
				t.Errorf("plain:\n got %s\nwant %s\ntranscript:\n%s", got, sc.Want, out)
			}
		})
	}
}

// scenarioKeys are the bytes a terminal sends for the table's key names.
var scenarioKeys = map[string]string{"enter": "\n", "space": " ", "right": "\x1b[C", "left": "\x1b[D"}

func playPlainScenario(t *testing.T, sc scenarios.Scenario) (scenarios.Outcome, string) {
	t.Helper()
	r := scenarios.Routine()
	script := []typed{now(answers(sc.Check...))}
	if safety.Triage(sc.Check) == safety.Book {
		script = append(script, now(map[bool]string{true: "y", false: "n"}[sc.GoOn]))
	}
	var at time.Duration
	for _, a := range sc.Do {
		if a.Wait > 0 {
			at += a.Wait
			continue
		}
		k, ok := scenarioKeys[a.Key]
		if !ok {
			k = a.Key
		}
		script = append(script, typed{at, k})
	}

	var checks []night.Check
	var last Result
	saved := false
	o := Options{
		Routine: r, Keys: true, SkipCheckIns: true,
		SaveCheck: func(c night.Check) error { checks = append(checks, c); return nil },
		Save:      func(res Result, final bool) error { last, saved = res, true; return nil },
	}
	res, out := play(t, o, script...)

	var got scenarios.Outcome
	if len(checks) > 0 {
		got.CheckTier = safety.TierName(checks[len(checks)-1].Tier)
	}
	got.Reason = map[string]string{Finished: scenarios.Finished, Pain: scenarios.Pain, Quit: scenarios.Quit, RedFlag: scenarios.RedFlag}[res.Reason]
	got.PadOffLine = strings.Contains(out, night.LeftWithPadOn)
	if saved {
		// What the store keeps is what counts, as it is for the
		// full-screen app.
		titles := func(idx []int) []string {
			var ts []string
			for _, i := range idx {
				ts = append(ts, r.Steps[i].Title)
			}
			return ts
		}
		got.Completed, got.Skipped = titles(last.Completed), titles(last.Skipped)
		got.HeatStarted = !last.HeatStart.IsZero()
	}
	return got, out
}
