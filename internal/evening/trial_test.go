package evening

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/trial"
)

// heatTrial is a heat trial whose first night is the evening of day (in
// March 2026): its first pair without heat, then with; the rest of the
// pairs with heat first.
func heatTrial(day int) history.Trial {
	order := make([]bool, trial.Pairs)
	for i := 1; i < len(order); i++ {
		order[i] = true
	}
	return history.Trial{Kind: trial.KindHeat, Started: at(day, 20, 0), FirstNight: at(day, 0, 0),
		Seed: 7, HeatFirst: order, Outcome: trial.Outcome}
}

// The heat trial in the evening: on a night without heat the heat step is
// left out as the gate leaves it out (no heat question, the trial's line
// among the reasons, nothing of heat stored); every other night is the
// gate's alone, and no night of a trial has heat the gate or the
// precautions leave out.
func TestATrialNightWithoutHeatLeavesHeatOut(t *testing.T) {
	line1 := trial.TonightLine(trial.Scheduled{N: 1, Pair: 1, Heat: false})
	heatEarlier := func(w *evtest.Store) {
		w.AddSession(history.Session{Start: at(10, 20, 0), End: at(10, 20, 20), Routine: "tonight",
			HeatStart: at(10, 20, 1), HeatSeconds: 900, HeatMinutes: 15, HeatKnown: true,
			RedFlag: history.TierNone, Completed: []string{"Heat"}})
		w.AddCheck(history.Check{At: at(10, 20, 0), Tier: history.TierNone, Full: true})
	}
	painEarlier := func(w *evtest.Store) {
		w.AddSession(history.Session{Start: at(10, 20, 0), End: at(10, 20, 10), Routine: "tonight",
			StoppedForPain: true, PainStep: "Knee to chest (left)", RedFlag: history.TierNone, HeatKnown: true})
		w.AddCheck(history.Check{At: at(10, 20, 0), Tier: history.TierNone, Full: true})
	}
	for _, tc := range []struct {
		name      string
		trial     *history.Trial
		stopped   bool
		earlier   func(*evtest.Store)
		yes       []string  // precautions answered yes
		wall      time.Time // when the evening begins
		question  bool      // tonight's heat question is asked
		heat      bool      // the plan has heat
		line      string    // the trial's line among the reasons, or ""
		reason    string    // another reason that must be said, or ""
		stepsLeft int       // the plan's steps (0: not checked)
	}{
		{name: "no trial: heat as usual", wall: at(10, 22, 0), question: true, heat: true},
		{name: "a night without heat", trial: ptr(heatTrial(10)), wall: at(10, 22, 0), line: line1, stepsLeft: 3},
		{name: "after midnight, still that night", trial: ptr(heatTrial(10)), wall: at(11, 1, 30), line: line1},
		{name: "a night with heat: as usual", trial: ptr(heatTrial(9)), wall: at(10, 22, 0), question: true, heat: true},
		{name: "the night before the trial", trial: ptr(heatTrial(11)), wall: at(10, 22, 0), question: true, heat: true},
		{name: "the night after the last", trial: ptr(heatTrial(10 - 2*trial.Pairs)), wall: at(10, 22, 0), question: true, heat: true},
		{name: "a stopped trial changes no night", trial: ptr(heatTrial(10)), stopped: true, wall: at(10, 22, 0), question: true, heat: true},
		{name: "without heat, heat already used: the gate's reason", trial: ptr(heatTrial(10)), earlier: heatEarlier,
			wall: at(10, 22, 0), reason: "Heat is left out: the pad went on at 20:01"},
		{name: "with heat, heat already used: still none", trial: ptr(heatTrial(9)), earlier: heatEarlier,
			wall: at(10, 22, 0), reason: "Heat is left out: the pad went on at 20:01"},
		{name: "without heat after a stop for pain: the sleep set-up only", trial: ptr(heatTrial(10)), earlier: painEarlier,
			wall: at(10, 22, 0), reason: "You stopped for pain at", stepsLeft: 1},
		{name: "with heat, the precautions leave it out: still none", trial: ptr(heatTrial(9)),
			yes: []string{history.PrecautionHeatCaution}, wall: at(10, 22, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := evtest.Answered(at(1, 22, 0), tc.yes...)
			if tc.earlier != nil {
				tc.earlier(w)
			}
			if tc.trial != nil {
				id := w.AddTrial(*tc.trial)
				if tc.stopped {
					w.StopTrial(id, at(10, 8, 0))
				}
			}
			p := start(t, w, config(), tc.wall)
			if p.stage() == Shortcut {
				p.do(AnsweredShortcut{Woke: no()})
			} else {
				p.mustBe(Check)
				p.do(AnsweredCheck{Tier: safety.None})
			}
			p.mustBe(Before)
			p.do(AnsweredBefore{Tightness: score(6), Woke: no()})
			if asked := p.stage() == HeatQuestion; asked != tc.question {
				t.Fatalf("heat question asked %v, want %v", asked, tc.question)
			}
			if tc.question {
				p.do(AnsweredHeat{Answer: No})
			}
			p.mustBe(Running)
			plan := p.e.Run().Plan()
			if heat := plan.HeatMinutes() > 0; heat != tc.heat {
				t.Errorf("heat in the plan %v, want %v", heat, tc.heat)
			}
			if tc.stepsLeft > 0 && len(plan.Steps()) != tc.stepsLeft {
				t.Errorf("%d steps in the plan, want %d", len(plan.Steps()), tc.stepsLeft)
			}
			st := p.state()
			hasLine := slices.ContainsFunc(st.Reasons, func(r string) bool { return strings.HasPrefix(r, "Heat trial") })
			if tc.line != "" && !slices.Contains(st.Reasons, tc.line) {
				t.Errorf("reasons %q, want the trial's line %q among them", st.Reasons, tc.line)
			}
			if tc.line == "" && hasLine {
				t.Errorf("reasons %q: the trial's line on a night it changes nothing", st.Reasons)
			}
			if tc.line != "" && st.HeatLeftOut != tc.line {
				t.Errorf("heat left out %q, want the trial's line", st.HeatLeftOut)
			}
			if tc.reason != "" && !slices.ContainsFunc(st.Reasons, func(r string) bool { return strings.HasPrefix(r, tc.reason) }) {
				t.Errorf("reasons %q, want one starting %q", st.Reasons, tc.reason)
			}
			p.do(Leave{})
			own := w.Sessions()[len(w.Sessions())-1]
			if tc.heat != (own.HeatQuestion == "no") || (!tc.heat && (own.HeatMinutes != 0 || !own.HeatStart.IsZero())) {
				t.Errorf("stored heat question %q, minutes %d, start %v; want heat %v", own.HeatQuestion, own.HeatMinutes, own.HeatStart, tc.heat)
			}
		})
	}
}

// The trial is read at the decision, as every rule is: a trial started in
// another window while the check was answered decides tonight's heat.
func TestATrialStartedMidEveningIsReadAtTheRoutine(t *testing.T) {
	w := evtest.Answered(at(1, 22, 0))
	p := start(t, w, config(), at(10, 22, 0))
	p.do(AnsweredCheck{Tier: safety.None})
	p.mustBe(Before)
	w.AddTrial(heatTrial(10))
	p.do(AnsweredBefore{Tightness: score(5), Woke: no()})
	p.mustBe(Running)
	if p.e.Run().Plan().HeatMinutes() != 0 {
		t.Error("heat in the plan on the trial's night without heat")
	}
}

func ptr[T any](v T) *T { return &v }
