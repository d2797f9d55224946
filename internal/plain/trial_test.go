package plain

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/trial"
)

// On a heat trial's night without heat plain mode says the trial's line
// once, with the routine, asks no heat question and offers no heat; the
// evening decides it, plain mode only says it.
func TestATrialNightWithoutHeatIsSaid(t *testing.T) {
	st := evtest.Answered(answeredAt)
	st.AddTrial(history.Trial{
		Kind:       trial.KindHeat,
		Started:    tonightAt.AddDate(0, 0, -1),
		FirstNight: time.Date(tonightAt.Year(), tonightAt.Month(), tonightAt.Day(), 0, 0, 0, 0, time.Local),
		Seed:       1,
		HeatFirst:  []bool{false, true, true, true, true, true, true, true},
		Outcome:    trial.Outcome,
	})
	p := playIn(t, st, Options{Evening: config(tonightLike())}, now(noneApply), typed{time.Hour, "\n"})
	line := "Heat trial, night 1 of 16: a night without heat. The heat step is left out tonight; everything else is as usual."
	if n := strings.Count(p.out, line); n != 1 {
		t.Errorf("the trial's line said %d times, want once:\n%s", n, p.out)
	}
	if strings.Contains(p.out, "Heat on") || strings.Contains(p.out, safety.HeatQuestion) ||
		!has(p.out, "Step 1 of 4. Knee to chest, left side, 1 of 3. Hold 20 seconds.") {
		t.Errorf("heat offered on the trial's night without heat:\n%s", p.out)
	}
	assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"}})
}
