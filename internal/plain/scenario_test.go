package plain

import (
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/scenarios"
)

// TestScenarios plays the shared table of evenings (internal/scenarios)
// through plain mode, keys typed in key mode at their moments on the fake
// clock; model/scenario_test.go plays the same table through the
// full-screen app. Every field of what each stores must be what the
// scenario's shared golden says: the two front ends store the same
// evening.
func TestScenarios(t *testing.T) {
	for _, sc := range scenarios.Table() {
		t.Run(sc.Name, func(t *testing.T) {
			st, p := playPlainScenario(t, sc)
			scenarios.AssertRecords(t, sc.Name, scenarios.Canon(st.Sessions(), st.Checks(), precautionsOf(t, st)), p.res.PadLine)
			if t.Failed() {
				t.Logf("transcript:\n%s", p.out)
			}
		})
	}
}

// scenarioKeys are the bytes a terminal sends for the table's key names.
var scenarioKeys = map[string]string{"enter": "\n", "space": " ", "right": "\x1b[C", "left": "\x1b[D", "esc": "\x1b"}

func playPlainScenario(t *testing.T, sc scenarios.Scenario) (*evtest.Store, played) {
	t.Helper()
	st := evtest.Answered(scenarios.Start.AddDate(0, 0, -21))
	if sc.FirstNight {
		st = evtest.New()
	}
	if sc.Earlier != nil {
		sessions, checks := sc.Earlier(scenarios.Start)
		for _, s := range sessions {
			st.AddSession(s)
		}
		for _, c := range checks {
			st.AddCheck(c)
		}
	}
	var script []typed
	if sc.FirstNight {
		script = append(script, now("\n"))    // the disclaimer
		script = append(script, now("nnnnn")) // the precautions, no to each
	}
	switch sc.Shortcut {
	case scenarios.ShortcutNothing:
		script = append(script, now("nnn"))
	case scenarios.ShortcutWoke:
		script = append(script, now("ny"))
	}
	if sc.Shortcut != scenarios.ShortcutNothing && !scenarioVoid(sc) {
		script = append(script, now(answers(sc.Check...)))
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
	// The input stays open to the end of the scenario's last wait, as the
	// full screen's keyboard does: in plain mode the input ending means
	// nobody is there any more.
	script = append(script, typed{at, ""})
	clock := routines.NewFakeClock(0)
	o := Options{
		Evening: evening.Config{Routine: scenarios.Routine(), Rollover: 4, CheckIns: sc.CheckIns,
			Plan: routines.Options{Settle: sc.Settle}},
		Keys:  true,
		Clock: clock,
		Now:   func() time.Time { return scenarios.Start.Add(clock.Now()) },
	}
	return st, playIn(t, st, o, script...)
}

// scenarioVoid: the evening shows an earlier outcome and asks no check.
func scenarioVoid(sc scenarios.Scenario) bool {
	if sc.Earlier == nil {
		return false
	}
	_, checks := sc.Earlier(scenarios.Start)
	for _, c := range checks {
		if c.Tier == history.TierEmergency || c.Tier == history.TierUrgent {
			return true
		}
	}
	return false
}
