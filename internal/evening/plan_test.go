package evening

import (
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
)

// Preview is the routine an evening opened now would run, from what the
// store said, so that home's length is tonight's: without heat when it was
// used tonight or a heat trial's night leaves it out, the sleep set-up
// alone after a stop for pain. Every case that runs is then run, and the
// evening's plan takes as long as Preview said.
func TestPreviewIsTheRoutineTheEveningRuns(t *testing.T) {
	const (
		heat    = 15 * time.Minute
		stretch = 65 * time.Second // knee to chest 20 s a side with a 5 s switch, two tilts of 10 s
		settle  = 2 * time.Minute  // lights out's quiet time
	)
	heatAt := func(day, hour int) func(*evtest.Store) {
		return func(w *evtest.Store) {
			w.AddSession(history.Session{Start: at(day, hour, 0), End: at(day, hour, 20), Routine: "tonight",
				HeatStart: at(day, hour, 1), HeatSeconds: 900, HeatMinutes: 15, HeatKnown: true,
				RedFlag: history.TierNone, Completed: []string{"Heat"}})
		}
	}
	for _, tc := range []struct {
		name     string
		earlier  func(*evtest.Store)
		yes      []string // precautions answered yes
		trial    *history.Trial
		want     time.Duration
		trialOff bool
		void     bool // a void night: nothing runs
	}{
		{name: "nothing tonight: the whole routine", want: heat + stretch + settle},
		{name: "heat used tonight", earlier: heatAt(10, 20), want: stretch + settle},
		{name: "heat used last night: the whole routine", earlier: heatAt(9, 20), want: heat + stretch + settle},
		{name: "a heat trial's night without heat", trial: ptr(heatTrial(10)), want: stretch + settle, trialOff: true},
		{name: "a heat trial's night with heat", trial: ptr(heatTrial(9)), want: heat + stretch + settle},
		{name: "a stopped trial", trial: func() *history.Trial { tr := heatTrial(10); tr.Stopped = at(10, 8, 0); return &tr }(),
			want: heat + stretch + settle},
		{name: "a stop for pain tonight: the sleep set-up alone", earlier: func(w *evtest.Store) {
			w.AddSession(history.Session{Start: at(10, 20, 0), End: at(10, 20, 10), Routine: "tonight",
				StoppedForPain: true, PainStep: "Knee to chest (left)", RedFlag: history.TierNone, HeatKnown: true})
		}, want: settle},
		{name: "the precautions leave heat out", yes: []string{history.PrecautionHeatCaution}, want: stretch + settle},
		{name: "a void night: the plan the rest of the gate gives", earlier: func(w *evtest.Store) {
			w.AddCheck(history.Check{At: at(10, 21, 0), Tier: history.TierUrgent, Full: true, Yes: []string{"fever"}})
		}, want: heat + stretch + settle, void: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wall := at(10, 22, 0)
			w := evtest.Answered(at(1, 22, 0), tc.yes...)
			if tc.earlier != nil {
				tc.earlier(w)
			}
			if tc.trial != nil {
				w.AddTrial(*tc.trial)
			}
			recent, err := w.Recent(time.Time{}, time.Time{}, wall, config().Rollover)
			if err != nil {
				t.Fatal(err)
			}
			p := Preview(config(), recent, wall)
			if p.Total() != tc.want || p.TrialOff != tc.trialOff {
				t.Fatalf("preview %v, trial off %v; want %v, %v", p.Total(), p.TrialOff, tc.want, tc.trialOff)
			}
			e := start(t, w, config(), wall)
			if tc.void {
				e.mustBe(Void)
				return
			}
			e.throughToRun(no())
			if got := e.e.Run().Plan().Total; got != p.Total() {
				t.Errorf("the evening runs %v, the preview said %v", got, p.Total())
			}
		})
	}
}
