package plain

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// Plain mode is a front end of the night engine: these tests hold it to
// the engine's rules as a person in bed meets them.

const (
	padSkinLine = "Switch the pad off now, take it out of the bed and look at your skin. Press enter when it is off."
	earlyLine   = "Heat ended early. Switch the pad off now and take it out of the bed. Press enter when it is off."
	padGateLine = "Switch the pad off and take it out of the bed first, then say so (enter)."
)

// after returns the lines of out that follow the first line equal to l.
func after(t *testing.T, out, l string) []string {
	t.Helper()
	ls := lines(out)
	i := slices.Index(ls, l)
	if i < 0 {
		t.Fatalf("no line %q in:\n%s", l, out)
	}
	return ls[i+1:]
}

func TestPainDuringHeatSaysPadOffFirstAndEndsOnlyAtEnter(t *testing.T) {
	// x a minute into the heat. The first line is the pad and the skin;
	// n, space and b do not get past it; the stop for pain is said only
	// once enter says the pad is off.
	res, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"),
		typed{time.Minute, "x\n"},
		typed{time.Minute + sec, "n\n"}, typed{time.Minute + 2*sec, " \n"}, typed{time.Minute + 3*sec, "b\n"},
		typed{time.Minute + 25*sec, "\n"})
	rest := after(t, out, "14 minutes of heat left.")
	if len(rest) == 0 || rest[0] != padSkinLine {
		t.Fatalf("the first line after x is %q, want %q:\n%s", rest[0], padSkinLine, out)
	}
	pain := slices.Index(rest, safety.PainStop().Badge)
	if pain < 0 {
		t.Fatalf("no stop for pain after enter:\n%s", out)
	}
	wantBefore := []string{padSkinLine, padGateLine, padGateLine, padGateLine,
		padOffLine(safety.HeatDoneCue()), padOffLine(safety.HeatDoneCue())}
	if got := rest[:pain]; !slices.Equal(got, wantBefore) {
		t.Errorf("until enter:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantBefore, "\n"))
	}
	if res.Reason != Pain || res.PainStep != "Heat" || !slices.Equal(res.Skipped, []int{0}) {
		t.Errorf("result %s pain step %q", show(res), res.PainStep)
	}
	if res.HeatSeconds != 85 {
		t.Errorf("heat seconds %d, want 85 (on at 0, off at 1:25)", res.HeatSeconds)
	}
	if strings.Contains(out, night.LeftWithPadOn) || strings.Contains(out, "Step 2 of 5") {
		t.Errorf("after the pad was off: no pad line and no stretches:\n%s", out)
	}
}

func TestPainDuringHeatThenLeavingIsStillAPainStop(t *testing.T) {
	res, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"), typed{time.Minute, "x\n"}, typed{time.Minute + 5*sec, "q\n"}, now("y\n"))
	if res.Reason != Pain {
		t.Errorf("reason %q, want pain: the night must know of the stop", res.Reason)
	}
	ls := lines(out)
	if ls[len(ls)-1] != night.LeftWithPadOn {
		t.Errorf("last line %q, want the pad line:\n%s", ls[len(ls)-1], out)
	}
}

func TestSpaceDuringHeatIsRefused(t *testing.T) {
	_, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"), typed{time.Minute, " \n"}, typed{2 * time.Minute, "q\n"}, now("y\n"))
	want := "Heat cannot be paused: the pad keeps heating. Press n to end it early."
	if rest := after(t, out, "14 minutes of heat left."); len(rest) == 0 || rest[0] != want {
		t.Errorf("space during heat: want %q next:\n%s", want, out)
	}
	if strings.Contains(out, "Paused.") || !has(out, "13 minutes of heat left.") {
		t.Errorf("heat paused:\n%s", out)
	}
}

func TestSkipDuringHeatOnlyEnterPasses(t *testing.T) {
	res, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true, Keys: true},
		now("\n"),
		typed{time.Minute, "n"},
		typed{time.Minute + sec, "n"}, typed{time.Minute + 2*sec, " "}, typed{time.Minute + 3*sec, "b"},
		typed{time.Minute + 4*sec, "\x1b[C"}, typed{time.Minute + 5*sec, "+"},
		typed{time.Minute + 6*sec, "\n"},
		typed{time.Minute + 7*sec, "\x03"})
	rest := after(t, out, "14 minutes of heat left.")
	want := []string{earlyLine, padGateLine, padGateLine, padGateLine, padGateLine, padGateLine,
		"Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds."}
	if len(rest) < len(want) || !slices.Equal(rest[:len(want)], want) {
		t.Errorf("after n during heat:\n%s\nwant first:\n%s", strings.Join(rest, "\n"), strings.Join(want, "\n"))
	}
	if res.HeatSeconds != 66 || !slices.Equal(res.Skipped, []int{0}) {
		t.Errorf("heat seconds %d, want 66; %s", res.HeatSeconds, show(res))
	}
}

func TestHeatRunsOnWhileTheQuitQuestionWaits(t *testing.T) {
	// q during heat, and no answer: the heat ends on time and the reminder
	// comes, the question notwithstanding.
	_, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"), typed{14 * time.Minute, "q\n"}, typed{15*time.Minute + 15*sec, "n\n"}, typed{15*time.Minute + 16*sec, "\n"},
		typed{15*time.Minute + 17*sec, "q\n"}, now("y\n"))
	rest := after(t, out, "Stop for tonight? y or n")
	want := []string{padOffLine(safety.HeatDoneCue()), padOffLine(safety.HeatDoneCue()), "Going on."}
	if len(rest) < len(want) || !slices.Equal(rest[:len(want)], want) {
		t.Errorf("while the question waits:\n%s\nwant first:\n%s", strings.Join(rest, "\n"), strings.Join(want, "\n"))
	}
}

// saves records what Options.Save was given.
type saves struct {
	results []Result
	final   []bool
	checks  []night.Check
}

func (s *saves) options(o Options) Options {
	o.Save = func(r Result, final bool) error {
		s.results = append(s.results, r)
		s.final = append(s.final, final)
		return nil
	}
	o.SaveCheck = func(c night.Check) error {
		s.checks = append(s.checks, c)
		return nil
	}
	return o
}

func TestSavedAtEveryStep(t *testing.T) {
	var sv saves
	res, _ := play(t, sv.options(Options{Routine: tonightLike(), Setup: sideSetup}),
		now(noneApply), now("6\n"), now("\n"),
		typed{15*time.Minute + 25*sec, "\n"},
		typed{22 * time.Minute, "\n"}, now("4\n"))
	// After the check, when the routine starts, at each of the 5 steps,
	// and at the end.
	if n := len(sv.results); n != 8 {
		t.Fatalf("saved %d times, want 8: %v", n, sv.final)
	}
	for i := range sv.results[:7] {
		if sv.final[i] {
			t.Errorf("save %d is final; a session under way is partial", i)
		}
	}
	for i := 2; i < 7; i++ {
		if got := len(sv.results[i].Completed); got != i-1 {
			t.Errorf("save %d has %d steps completed, want %d", i, got, i-1)
		}
	}
	if heat := sv.results[2]; heat.HeatSeconds != 15*60 || !heat.HeatStart.Equal(evening) {
		t.Errorf("saved at the end of heat: %d seconds from %v, want 900 from %v", heat.HeatSeconds, heat.HeatStart, evening)
	}
	last := sv.results[7]
	if !sv.final[7] || last.Reason != Finished || !sameInt(last.After, ptr(4)) {
		t.Errorf("last save: final %v %s", sv.final[7], show(last))
	}
	if res.HeatSeconds != 15*60+25 {
		t.Errorf("heat seconds %d, want 925: the pad was on until enter", res.HeatSeconds)
	}
}

func TestSavedPartialWhenLeft(t *testing.T) {
	var sv saves
	play(t, sv.options(Options{Routine: tonightLike(), SkipCheckIns: true}),
		now(noneApply), now("\n"), typed{5 * time.Minute, "q\n"}, now("y\n"))
	n := len(sv.results)
	if n < 2 || sv.final[n-1] || sv.results[n-1].Reason != Quit || sv.results[n-1].HeatSeconds != 300 {
		t.Errorf("saves %v, last %+v: leaving keeps the session as partial, with its heat", sv.final, sv.results[n-1])
	}
}

func TestCheckIsRecorded(t *testing.T) {
	emergency := firstOf(t, safety.Emergency)
	for _, checkOnly := range []bool{false, true} {
		t.Run(fmt.Sprint("check only ", checkOnly), func(t *testing.T) {
			var sv saves
			play(t, sv.options(Options{Routine: tonightLike(), CheckOnly: checkOnly}),
				typed{90 * sec, answers(emergency)})
			want := night.Check{At: evening.Add(90 * sec), Tier: safety.Emergency, Yes: []string{emergency}, Full: true}
			if len(sv.checks) != 1 || !sv.checks[0].At.Equal(want.At) || sv.checks[0].Tier != want.Tier ||
				!slices.Equal(sv.checks[0].Yes, want.Yes) || !sv.checks[0].Full {
				t.Errorf("checks saved %+v, want %+v", sv.checks, want)
			}
		})
	}
}

func TestUnansweredCheckSavesNothing(t *testing.T) {
	var sv saves
	play(t, sv.options(Options{Routine: tonightLike()}))
	if len(sv.checks) != 0 || len(sv.results) != 0 {
		t.Errorf("saved %d checks, %d sessions for a check nobody answered", len(sv.checks), len(sv.results))
	}
}

func TestGate(t *testing.T) {
	emergency, _ := safety.QuestionByID(firstOf(t, safety.Emergency))
	nightStart := time.Date(2026, 11, 3, 0, 0, 0, 0, time.Local)
	voided := night.Tonight{Night: nightStart, Checks: []night.Check{
		{At: evening.Add(-time.Hour), Tier: safety.Emergency, Yes: []string{emergency.ID}, Full: true},
	}}
	painStop := night.Tonight{Night: nightStart, Pain: []night.PainStop{{At: evening.Add(-30 * time.Minute), Step: "Knee to chest (left)"}}}
	heatUsed := night.Tonight{Night: nightStart, Heat: []night.HeatUse{{Start: evening.Add(-time.Hour), Seconds: 900}}}

	t.Run("a void night shows the outcome and what was reported, and nothing else", func(t *testing.T) {
		var sv saves
		res, out := play(t, sv.options(Options{Routine: tonightLike(), Tonight: voided}), now("\n"), now("\n"), now("\n"))
		advice := safety.AdviceIn(safety.Emergency, safety.Situation{At: evening.Add(-time.Hour), Yes: []string{emergency.ID}, Standalone: true})
		want := append([]string{
			"EMERGENCY · Go now",
			advice.Headline,
		}, advice.Lines...)
		want = append(want,
			"Tonight's check at 21:00 reached EMERGENCY, so there is no routine tonight.",
			"What you reported at 21:00 (take this with you):",
			"- "+emergency.Report,
			"On paper or on a phone: supine report --card writes this out with the time.")
		if got := lines(out); !slices.Equal(got, want) {
			t.Errorf("transcript:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if res.Reason != RedFlag || res.Tier != safety.Emergency || len(sv.checks)+len(sv.results) != 0 {
			t.Errorf("result %s, %d checks and %d sessions saved", show(res), len(sv.checks), len(sv.results))
		}
	})
	t.Run("after a stop for pain, the check and then the sleep set-up only", func(t *testing.T) {
		res, out := play(t, Options{Routine: tonightLike(), Tonight: painStop, SkipCheckIns: true}, now(noneApply), now("\n"))
		if !has(out, "No red flags reported.") {
			t.Errorf("the check was not asked:\n%s", out)
		}
		if !has(out, "You stopped for pain tonight at 21:30, so tonight is the sleep set-up only. Take the full check if the pain stays.") {
			t.Errorf("no reason given:\n%s", out)
		}
		if strings.Contains(out, "Heat") || strings.Contains(out, "Knee") || !has(out, "Step 1 of 1. Settle in.") {
			t.Errorf("more than the sleep set-up:\n%s", out)
		}
		assertResult(t, res, Result{Completed: []int{4}, Reason: Finished})
	})
	t.Run("heat used tonight is left out, with the reason", func(t *testing.T) {
		res, out := play(t, Options{Routine: tonightLike(), Tonight: heatUsed, SkipCheckIns: true}, now(noneApply), typed{time.Hour, "\n"})
		if !has(out, "Heat is left out: the pad went on at 21:00, and heat runs once a night, at least 2 hours apart.") {
			t.Errorf("no reason given:\n%s", out)
		}
		if strings.Contains(out, "Heat on") || !has(out, "Step 1 of 4. Knee to chest, left side, 1 of 3. Hold 20 seconds.") {
			t.Errorf("heat offered again:\n%s", out)
		}
		assertResult(t, res, Result{Completed: []int{1, 2, 3, 4}, Reason: Finished})
	})
	t.Run("a given plan with heat loses it too", func(t *testing.T) {
		p := routines.Expand(tonightLike(), routines.Options{HeatMinutes: 18})
		_, out := play(t, Options{Routine: tonightLike(), Plan: p, Tonight: heatUsed, SkipCheck: true, SkipCheckIns: true})
		if strings.Contains(out, "Step 1 of 5. Heat") {
			t.Errorf("heat offered again:\n%s", out)
		}
	})
}

// TestExercisePainLeavesTheStretchesOut: a BOOK for severe pain during the
// exercises, answered yes to go on, runs heat and the sleep set-up only,
// and the result names the routine's own steps.
func TestExercisePainLeavesTheStretchesOut(t *testing.T) {
	res, out := play(t, Options{Routine: tonightLike(), SkipCheckIns: true},
		now(answers("exercise-pain")), now("y\n"), now("\n"), typed{15*time.Minute + sec, "\n"}, typed{time.Hour, "\n"})
	if !has(out, safety.NoStretchesLine) || strings.Contains(out, "Knee to chest") || strings.Contains(out, "Tilt") {
		t.Errorf("the stretches were not left out:\n%s", out)
	}
	if !slices.Equal(res.Completed, []int{0, 4}) || res.Reason != Finished {
		t.Errorf("result %s, want heat (0) and settle (4) completed", show(res))
	}
}
