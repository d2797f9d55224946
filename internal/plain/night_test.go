package plain

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// Plain mode is a front end of the evening and its night engine: these
// tests hold it to their rules as a person in bed meets them.

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
	o := Options{Evening: config(tonightLike())}
	res, out := play(t, o, ready(o,
		now("\n"),
		typed{time.Minute, "x\n"},
		typed{time.Minute + sec, "n\n"}, typed{time.Minute + 2*sec, " \n"}, typed{time.Minute + 3*sec, "b\n"},
		typed{time.Minute + 25*sec, "\n"})...)
	rest := after(t, out, "14 minutes of heat left.")
	if len(rest) == 0 || rest[0] != padSkinLine {
		t.Fatalf("the first line after x is %q, want %q:\n%s", rest[0], padSkinLine, out)
	}
	pain := slices.Index(rest, safety.PainStop().Headline)
	if pain < 0 {
		t.Fatalf("no stop for pain after enter:\n%s", out)
	}
	// The reminders at 10 and 20 s repeat the first line.
	wantBefore := []string{padSkinLine, padGateLine, padGateLine, padGateLine, padSkinLine, padSkinLine}
	if got := rest[:pain]; !slices.Equal(got, wantBefore) {
		t.Errorf("until enter:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantBefore, "\n"))
	}
	// On at 0, off at 1:25.
	assertRecord(t, res, want{End: evening.Pain, RedFlag: "none", Skipped: []string{"Heat"}, HeatMinutes: 15, HeatSeconds: 85, HeatOn: true,
		HeatQuestion: "no", StoppedForPain: true, PainStep: "Heat"})
	if strings.Contains(out, night.LeftWithPadOn) || strings.Contains(out, "Step 2 of 5") {
		t.Errorf("after the pad was off: no pad line and no stretches:\n%s", out)
	}
}

func TestPainDuringHeatThenLeavingIsStillAPainStop(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	res, out := play(t, o, ready(o, now("\n"), typed{time.Minute, "x\n"}, typed{time.Minute + 5*sec, "q\n"}, now("y\n"))...)
	if res.End != evening.Pain || !res.Record.StoppedForPain || res.Record.PainStep != "Heat" {
		t.Errorf("result %s: the night must know of the stop", wantOf(res))
	}
	if last := lastLines(out, 1)[0]; last != night.LeftWithPadOn {
		t.Errorf("last line %q, want the pad line:\n%s", last, out)
	}
}

func TestSpaceDuringHeatIsRefused(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	_, out := play(t, o, ready(o, now("\n"), typed{time.Minute, " \n"}, typed{2 * time.Minute, "q\n"}, now("y\n"))...)
	want := "Heat cannot be paused: the pad keeps heating. Press n to end it early."
	if rest := after(t, out, "14 minutes of heat left."); len(rest) == 0 || rest[0] != want {
		t.Errorf("space during heat: want %q next:\n%s", want, out)
	}
	if strings.Contains(out, "Paused.") || !has(out, "13 minutes of heat left.") {
		t.Errorf("heat paused:\n%s", out)
	}
}

func TestSkipDuringHeatOnlyEnterPasses(t *testing.T) {
	o := Options{Evening: config(tonightLike()), Keys: true}
	res, out := play(t, o, ready(o,
		now("\n"),
		typed{time.Minute, "n"},
		typed{time.Minute + sec, "n"}, typed{time.Minute + 2*sec, " "}, typed{time.Minute + 3*sec, "b"},
		typed{time.Minute + 4*sec, "\x1b[C"}, typed{time.Minute + 5*sec, "+"},
		typed{time.Minute + 6*sec, "\n"},
		typed{time.Minute + 7*sec, "\x03"})...)
	rest := after(t, out, "14 minutes of heat left.")
	wantLines := []string{earlyLine, padGateLine, padGateLine, padGateLine, padGateLine, padGateLine,
		"Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds."}
	if len(rest) < len(wantLines) || !slices.Equal(rest[:len(wantLines)], wantLines) {
		t.Errorf("after n during heat:\n%s\nwant first:\n%s", strings.Join(rest, "\n"), strings.Join(wantLines, "\n"))
	}
	assertRecord(t, res, want{End: evening.Left, RedFlag: "none", Skipped: []string{"Heat"}, HeatMinutes: 15, HeatSeconds: 66,
		HeatOn: true, HeatQuestion: "no", Partial: true})
}

// TestStopForTonightPausesAStretchButNeverHeat: "Stop for tonight?" holds
// a stretch where it is (its lines wait with it), while heat counts on
// and its end and reminders come on time, the question notwithstanding.
func TestStopForTonightPausesAStretchButNeverHeat(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	p := playIn(t, evtest.Answered(answeredAt), o, ready(o,
		now("\n"), typed{14 * time.Minute, "q\n"}, typed{15*time.Minute + 15*sec, "n\n"}, typed{15*time.Minute + 16*sec, "\n"},
		typed{15*time.Minute + 21*sec, "q\n"}, typed{16 * time.Minute, "n\n"},
		typed{20 * time.Minute, "q\n"}, now("y\n"))...)
	rest := after(t, p.out, "Stop for tonight? y or n")
	want := []string{padOffLine(safety.HeatDoneCue()), padOffLine(safety.HeatDoneCue()), "Going on."}
	if len(rest) < len(want) || !slices.Equal(rest[:len(want)], want) {
		t.Errorf("while the question waits during heat:\n%s\nwant first:\n%s", strings.Join(rest, "\n"), strings.Join(want, "\n"))
	}
	if at := p.lineAt(t, padOffLine(safety.HeatDoneCue())); at != 15*time.Minute {
		t.Errorf("heat ended at %v with the question open, want 15m0s", at)
	}
	// Step 2 began at 15:16; q at 15:21 (5 s into its 20 s hold), no at
	// 16:00: the hold ends 15 s later, at 16:15, and "10 seconds left"
	// comes at 16:05, not while the question waited.
	if at := p.lineAt(t, "10 seconds left."); at != 16*time.Minute+5*sec {
		t.Errorf("the hold's 10 seconds left came at %v, want 16m5s", at)
	}
	if at := p.lineAt(t, "Switch sides: now your right side."); at != 16*time.Minute+15*sec {
		t.Errorf("the hold ended at %v, want 16m15s", at)
	}
}

// recorder is a history that also notes every snapshot of the session
// written to it, in order, and whether it was the finishing one.
type recorder struct {
	*evtest.Store
	mu    sync.Mutex
	saves []history.Session
	final []bool
}

func (r *recorder) note(s history.Session, final bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.saves = append(r.saves, s)
	r.final = append(r.final, final)
}

func (r *recorder) Update(s history.Session) error {
	err := r.Store.Update(s)
	if err == nil {
		r.note(s, false)
	}
	return err
}

func (r *recorder) Finish(s history.Session) error {
	err := r.Store.Finish(s)
	if err == nil {
		r.note(s, true)
	}
	return err
}

func (r *recorder) ClaimHeat(s history.Session, since time.Time, allowed func([]history.Session, []history.Check) error) (int64, error) {
	id, err := r.Store.ClaimHeat(s, since, allowed)
	if err == nil {
		r.note(s, false)
	}
	return id, err
}

// keep is o keeping its evening in r.
func (r *recorder) keep(o Options) Options {
	o.Keeper = evening.NewKeeper(r, rollover)
	return o
}

func TestSavedAtEveryStep(t *testing.T) {
	r := &recorder{Store: evtest.Answered(answeredAt)}
	o := r.keep(withCheckIns(Options{Evening: config(tonightLike()), Setup: sideSetup}))
	p := playIn(t, r.Store, o,
		now(noneApply), now("6\n"), now("n\n"), now("n\n"), now("\n"),
		typed{15*time.Minute + 25*sec, "\n"},
		typed{22 * time.Minute, "\n"}, now("4\n"))
	n := len(r.saves)
	if n < 7 {
		t.Fatalf("saved %d times", n)
	}
	// Partial until the last save, which finishes the session with the
	// "after".
	for i := range r.saves[:n-1] {
		if r.final[i] {
			t.Errorf("save %d is final; a session under way is partial", i)
		}
	}
	if last := r.saves[n-1]; !r.final[n-1] || !sameInt(last.After, ptr(4)) || len(last.Completed) != 5 {
		t.Errorf("last save: final %v %s", r.final[n-1], showSession(last))
	}
	// Saved as each step ended: a snapshot with each count of steps done,
	// and never fewer than before.
	seen := map[int]bool{}
	for i, s := range r.saves {
		seen[len(s.Completed)] = true
		if i > 0 && len(s.Completed) < len(r.saves[i-1].Completed) {
			t.Errorf("save %d has fewer steps done than the one before", i)
		}
	}
	for k := range 6 {
		if !seen[k] {
			t.Errorf("no save with %d steps done", k)
		}
	}
	// The pad going on is written at once, from its moment, and counted
	// whole while it is on; the heat's end is kept with the seconds to
	// the pad-off answer.
	on := slices.IndexFunc(r.saves, func(s history.Session) bool { return !s.HeatStart.IsZero() })
	if on < 0 || !r.saves[on].HeatStart.Equal(tonightAt) || r.saves[on].HeatSeconds != 15*60 || len(r.saves[on].Completed) != 0 {
		t.Errorf("the pad going on saved as %s, want from 22:00:00, 900 seconds, nothing done", showSession(r.saves[max(on, 0)]))
	}
	done := slices.IndexFunc(r.saves, func(s history.Session) bool { return len(s.Completed) == 1 })
	if done < 0 || r.saves[done].HeatSeconds < 15*60 {
		t.Errorf("the end of heat saved with %d seconds, want 900 or more", r.saves[max(done, 0)].HeatSeconds)
	}
	if last := r.saves[n-1]; last.HeatSeconds != 15*60+25 || p.res.Record.HeatSeconds != 15*60+25 {
		t.Errorf("heat seconds kept %d, result %d, want 925: the pad was on until enter", last.HeatSeconds, p.res.Record.HeatSeconds)
	}
}

// TestThePadOffAnswerIsKeptAtOnce: the seconds the pad was on are written
// when the person says it is off, not only when the next step ends: a
// machine that dies in between (power, a kill) must not leave the history
// with less heat than was used.
func TestThePadOffAnswerIsKeptAtOnce(t *testing.T) {
	r := &recorder{Store: evtest.Answered(answeredAt)}
	o := r.keep(Options{Evening: config(tonightLike())})
	playIn(t, r.Store, o, ready(o, now("\n"), typed{15*time.Minute + 25*sec, "\n"}, typed{16 * time.Minute, "q\n"}, now("y\n"))...)
	i := slices.IndexFunc(r.saves, func(s history.Session) bool { return s.HeatSeconds == 15*60+25 })
	if i < 0 || !r.saves[i].End.Equal(tonightAt.Add(15*time.Minute+25*sec)) {
		t.Fatalf("the pad-off answer at 15:25 was not saved at once: %d saves", len(r.saves))
	}
}

func TestSavedPartialWhenLeft(t *testing.T) {
	r := &recorder{Store: evtest.Answered(answeredAt)}
	o := r.keep(Options{Evening: config(tonightLike())})
	playIn(t, r.Store, o, ready(o, now("\n"), typed{5 * time.Minute, "q\n"}, now("y\n"))...)
	n := len(r.saves)
	if n < 2 || r.final[n-1] || !r.saves[n-1].Partial || r.saves[n-1].HeatSeconds != 300 {
		t.Errorf("saves %v, last %s: leaving keeps the session as partial, with its heat to the moment of leaving", r.final, showSession(r.saves[n-1]))
	}
}

func TestCheckIsRecorded(t *testing.T) {
	emergency := firstOf(t, safety.Emergency)
	for _, entry := range []evening.Entry{evening.ForRoutine, evening.ForCheck} {
		t.Run(fmt.Sprint("check only ", entry == evening.ForCheck), func(t *testing.T) {
			o := Options{Evening: config(tonightLike())}
			o.Evening.Entry = entry
			p := playIn(t, evtest.Answered(answeredAt), o, typed{90 * sec, answers(emergency)})
			cs := p.store.Checks()
			if len(cs) != 1 || !cs[0].At.Equal(tonightAt.Add(90*sec)) || cs[0].Tier != "EMERGENCY" ||
				!slices.Equal(cs[0].Yes, []string{emergency}) || !cs[0].Full || cs[0].Version != safety.ContentVersion {
				t.Errorf("checks kept %+v, want the EMERGENCY at 22:01:30 with its answer", cs)
			}
			// The check on its own keeps the check alone; in front of a
			// routine, the session that ended at its outcome too.
			if p.res.Stored != (entry == evening.ForRoutine) {
				t.Errorf("session kept: %v", p.res.Stored)
			}
			wantEnd := map[evening.Entry]evening.End{evening.ForRoutine: evening.RedFlag, evening.ForCheck: evening.CheckedOnly}[entry]
			if p.res.End != wantEnd {
				t.Errorf("end %s, want %s", endName(p.res.End), endName(wantEnd))
			}
		})
	}
}

func TestUnansweredCheckSavesNothing(t *testing.T) {
	p := playIn(t, evtest.Answered(answeredAt), Options{Evening: config(tonightLike())})
	if len(p.store.Checks()) != 0 || len(p.store.Sessions()) != 0 || p.res.Stored {
		t.Errorf("kept %d checks, %d sessions for a check nobody answered", len(p.store.Checks()), len(p.store.Sessions()))
	}
}

func TestGate(t *testing.T) {
	emergency, _ := safety.QuestionByID(firstOf(t, safety.Emergency))
	voided := func() *evtest.Store {
		st := evtest.Answered(answeredAt)
		st.AddCheck(history.Check{At: tonightAt.Add(-time.Hour), Tier: "EMERGENCY", Yes: []string{emergency.ID}, Full: true})
		return st
	}
	painStop := func() *evtest.Store {
		st := evtest.Answered(answeredAt)
		st.AddSession(history.Session{Start: tonightAt.Add(-40 * time.Minute), End: tonightAt.Add(-30 * time.Minute), Routine: "tonight",
			RedFlag: "none", StoppedForPain: true, PainStep: "Knee to chest (left)", HeatKnown: true})
		return st
	}
	heatUsed := func() *evtest.Store {
		st := evtest.Answered(answeredAt)
		st.AddSession(history.Session{Start: tonightAt.Add(-time.Hour), End: tonightAt.Add(-44 * time.Minute), Routine: "tonight",
			RedFlag: "none", Completed: []string{"Heat"}, HeatMinutes: 15, HeatStart: tonightAt.Add(-time.Hour), HeatSeconds: 900, HeatKnown: true})
		return st
	}

	t.Run("a void night shows the outcome and what was reported, and nothing else", func(t *testing.T) {
		p := playIn(t, voided(), Options{Evening: config(tonightLike())}, now(noneApply), now("\n"), now("\n"))
		advice := safety.AdviceIn(safety.Emergency, safety.Situation{At: tonightAt.Add(-time.Hour), Yes: []string{emergency.ID}, Standalone: true})
		wantLines := append([]string{
			"The red-flag check at 21:00 reached EMERGENCY, so there is no routine until 09:00 tomorrow.",
			"EMERGENCY: " + advice.Headline,
		}, advice.Lines...)
		wantLines = append(wantLines,
			"What you reported at 21:00 (take this with you):",
			"- "+emergency.Report,
			"On paper or on a phone: supine report --card writes this out with the time.")
		if got := lines(p.out); !slices.Equal(got, wantLines) {
			t.Errorf("transcript:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
		}
		if p.res.End != evening.VoidAgain || p.res.Stored || len(p.store.Checks()) != 1 {
			t.Errorf("end %s, stored %v, %d checks kept", endName(p.res.End), p.res.Stored, len(p.store.Checks()))
		}
	})
	t.Run("after a stop for pain, the full check and then the sleep set-up only", func(t *testing.T) {
		p := playIn(t, painStop(), Options{Evening: config(tonightLike())}, now(noneApply), now("\n"))
		if !strings.Contains(p.out, "Red-flag check:") || strings.Contains(p.out, "Anything new since") {
			t.Errorf("the full check was not asked:\n%s", p.out)
		}
		if !has(p.out, "You stopped for pain at 21:30, so until 09:30 tomorrow the routine is the sleep set-up only. Take the full check if the pain stays.") {
			t.Errorf("no reason given:\n%s", p.out)
		}
		if strings.Contains(p.out, "Heat") || strings.Contains(p.out, "Knee") || !has(p.out, "Step 1 of 1. Settle in.") {
			t.Errorf("more than the sleep set-up:\n%s", p.out)
		}
		assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Settle in"}})
	})
	t.Run("heat used tonight is left out, with the reason, and its question is not asked", func(t *testing.T) {
		p := playIn(t, heatUsed(), Options{Evening: config(tonightLike())}, now(noneApply), typed{time.Hour, "\n"})
		reason := "Heat is left out: the pad went on at 21:00, and heat runs once a night, at least 2 hours apart."
		if n := strings.Count(p.out, reason); n != 1 {
			t.Errorf("the reason said %d times, want once:\n%s", n, p.out)
		}
		if strings.Contains(p.out, "Heat on") || strings.Contains(p.out, safety.HeatQuestion) ||
			!has(p.out, "Step 1 of 4. Knee to chest, left side, 1 of 3. Hold 20 seconds.") {
			t.Errorf("heat offered again:\n%s", p.out)
		}
		assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"}})
	})
	t.Run("longer heat in the settings loses it too", func(t *testing.T) {
		o := Options{Evening: config(tonightLike())}
		o.Evening.Plan.HeatMinutes = 18
		p := playIn(t, heatUsed(), o, now(noneApply))
		if strings.Contains(p.out, "Step 1 of 5. Heat") || p.res.Record.HeatMinutes != 0 {
			t.Errorf("heat offered again:\n%s", p.out)
		}
	})
}

// TestExercisePainLeavesTheStretchesOut: a BOOK for severe pain during the
// exercises, answered yes to go on, runs heat and the sleep set-up only,
// and the record names the routine's own steps.
func TestExercisePainLeavesTheStretchesOut(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	res, out := play(t, o,
		now(answers("exercise-pain")), now("y\n"), now("n\n"), now("\n"), typed{15*time.Minute + sec, "\n"}, typed{time.Hour, "\n"})
	if !has(out, safety.NoStretchesLine) || strings.Contains(out, "Knee to chest") || strings.Contains(out, "Tilt") {
		t.Errorf("the stretches were not left out:\n%s", out)
	}
	assertRecord(t, res, want{End: evening.Finished, RedFlag: "BOOK", Completed: []string{"Heat", "Settle in"},
		HeatMinutes: 15, HeatSeconds: 15*60 + 1, HeatOn: true, HeatQuestion: "no"})
}

// TestTheSkinLineNamesThePlainKey: the heat step says the kept line for
// numb skin, and the key it names, typed with the pad on, is the skin
// stop: it is kept as the skin stop, not a stop for pain.
func TestTheSkinLineNamesThePlainKey(t *testing.T) {
	var line string
	for _, l := range safety.HeatSafetyLines() {
		if l.Kept && strings.Contains(l.Text, "numb") {
			line = l.Text
		}
	}
	_, k, ok := strings.Cut(line, "press ")
	k, _, _ = strings.Cut(k, ",")
	if !ok || k == "" {
		t.Fatalf("the skin line %q names no key", line)
	}
	o := Options{Evening: config(tonightLike())}
	res, out := play(t, o, ready(o, now("\n"), typed{time.Minute, k + "\n"}, typed{time.Minute + 5*sec, "\n"},
		typed{2 * time.Minute, "q\n"}, now("y\n"))...)
	if !slices.Contains(lines(out), line) {
		t.Errorf("the heat step does not say %q:\n%s", line, out)
	}
	if res.Record.SkinStop.IsZero() || res.Record.StoppedForPain {
		t.Errorf("%s kept skin stop %v, stopped for pain %v: want the skin stop only", k, res.Record.SkinStop, res.Record.StoppedForPain)
	}
}
