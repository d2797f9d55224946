package plain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// What plain mode does as a front end of the whole evening (issue 18):
// the first night, the waking question, the shortcut, tonight's heat
// question, lights out by itself, the check on its own, failing closed.

// precautionLines are how plain mode asks precaution p, the i-th of n.
func precautionLines(i, n int, p safety.Precaution) []string {
	line := fmt.Sprintf("Question %d of %d. %s", i+1, n, p.Text)
	if p.Hint != "" {
		line += " " + p.Hint
	}
	return []string{line, "If yes: " + p.Does}
}

// precautionsOf is what the history holds of the precautions at the end
// of the tests' evening.
func precautionsOf(t *testing.T, st *evtest.Store) history.Precautions {
	t.Helper()
	r, err := st.Recent(time.Time{}, time.Time{}, tonightAt.Add(time.Hour), rollover)
	if err != nil {
		t.Fatal(err)
	}
	return r.Precautions
}

// TestTheFirstNight: before the first night plain mode says what supine
// is and is not, asks the precautions one by one, keeps the answers, and
// the routine follows them; the check comes after, in full.
func TestTheFirstNight(t *testing.T) {
	r := tonightLike()
	r.Steps[1].Move = routines.MoveKneeToChest
	r.Steps[3].Move = routines.MoveKneeRolls
	o := Options{Evening: config(r)}
	st := evtest.New()
	// Enter after the disclaimer; yes to osteoporosis, no to the rest,
	// enter to keep them.
	var precautions strings.Builder
	for _, p := range safety.Precautions() {
		precautions.WriteString(map[bool]string{true: "y\n", false: "n\n"}[p.ID == safety.Osteoporosis])
	}
	precautions.WriteString("\n")
	p := playIn(t, st, o, now("\n"), now(precautions.String()), now(noneApply), now("n\n"), now("\n"), typed{time.Minute, "q\n"}, now("y\n"))

	wantStart := append([]string{"About supine:"}, safety.Disclaimer()...)
	wantStart = append(wantStart, safety.ReviewedLine()+" Sources: supine about.", safety.DisclaimerGoOn,
		"Precautions: 5 questions that adapt the routine to you. None of them stops the sleep set-up.",
		"Answer each with y for yes, n for no, or c for: "+safety.ClearedAnswer+".")
	for i, pr := range safety.Precautions() {
		wantStart = append(wantStart, precautionLines(i, len(safety.Precautions()), pr)...)
	}
	wantStart = append(wantStart, "What tonight's routine becomes:", "- "+safety.Adapt(map[string]bool{safety.Osteoporosis: true}).Reasons[0],
		"Press enter to keep these answers. If something is wrong, type c to answer them again.",
		"Red-flag check: 5 groups of questions. Answer each group for tonight.")
	if got := lines(p.out); len(got) < len(wantStart) || !slices.Equal(got[:len(wantStart)], wantStart) {
		t.Errorf("the first night begins\n%s\nwant\n%s", strings.Join(got[:min(len(got), len(wantStart))], "\n"), strings.Join(wantStart, "\n"))
	}
	pr := precautionsOf(t, st)
	if !pr.Asked.Equal(tonightAt) || len(pr.Latest) != len(safety.Precautions()) || !pr.Latest[safety.Osteoporosis].Yes || pr.Latest[safety.Pregnant].Yes {
		t.Errorf("precautions kept %+v", pr)
	}
	reasons := safety.Adapt(map[string]bool{safety.Osteoporosis: true}).Reasons
	if strings.Contains(p.out, "Knee to chest") || !has(p.out, "Step 1 of 4. Heat. 15 minutes.") || len(reasons) == 0 || !has(p.out, reasons[0]) {
		t.Errorf("the routine does not follow the osteoporosis answer:\n%s", p.out)
	}
	if strings.Contains(p.out, "Anything new since") {
		t.Errorf("a shortcut on a first night:\n%s", p.out)
	}

	// The next evening on this history asks neither again: it starts at
	// "anything new?", the full check being minutes old and clear.
	q := playIn(t, st, o)
	if strings.Contains(q.out, "About supine:") || strings.Contains(q.out, safety.Precautions()[0].Text) ||
		!strings.HasPrefix(q.out, "Anything new since") {
		t.Errorf("a second evening asked again:\n%s", q.out)
	}
}

// TestTheFirstNightLeftAtTheDisclaimer: when the input ends before the
// precautions are answered, nothing is kept and nothing starts.
func TestTheFirstNightLeftAtTheDisclaimer(t *testing.T) {
	for _, script := range [][]typed{nil, {now("\n"), now("y\nn\n")}} {
		st := evtest.New()
		p := playIn(t, st, Options{Evening: config(tonightLike())}, script...)
		if p.res.End != evening.Left || p.res.Stored || !precautionsOf(t, st).Asked.IsZero() || strings.Contains(p.out, "Red-flag check") {
			t.Errorf("end %s, stored %v, precautions %+v:\n%s", endName(p.res.End), p.res.Stored, precautionsOf(t, st), p.out)
		}
	}
}

// TestEveryPrecautionSaysWhatAYesDoes: the full-screen precautions show,
// under each question, what a yes changes ("If yes: ..."); plain mode, its
// front end for screen readers, must say it too.
func TestEveryPrecautionSaysWhatAYesDoes(t *testing.T) {
	p := playIn(t, evtest.New(), Options{Evening: config(tonightLike())}, now("\n"), now("n\nn\nn\nn\nn\n"))
	for _, pr := range safety.Precautions() {
		if !strings.Contains(p.out, "If yes: "+pr.Does) {
			t.Errorf("precaution %s without what a yes does:\n%s", pr.ID, p.out)
		}
	}
}

// TestTheWakingQuestion: with the check-ins, "Did back pain wake you last
// night?" follows the "before"; a yes asks whether anything eased it. The
// answers are kept, and the routine goes on after a full check whatever
// they are (that check asked about pain nothing eases).
func TestTheWakingQuestion(t *testing.T) {
	const woke = "Did back pain wake you last night? y or n"
	const eased = "Did anything ease it, such as moving or changing position? y or n"
	tests := []struct {
		name          string
		script        []typed
		woke, nothing *bool
		followUp      bool
	}{
		{name: "not woken", script: []typed{now("n\n")}, woke: no()},
		{name: "woken, and moving eased it", script: []typed{now("y\n"), now("y\n")}, woke: yes(), nothing: no(), followUp: true},
		{name: "woken, and nothing eased it", script: []typed{now("y\n"), now("n\n")}, woke: yes(), nothing: yes(), followUp: true},
		{name: "asks again until y or n", script: []typed{now("maybe\n"), now("y\n"), now("\n"), now("y\n")}, woke: yes(), nothing: no(), followUp: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := withCheckIns(Options{Evening: config(shortRoutine())})
			script := append([]typed{now(noneApply), now("4\n")}, tt.script...)
			p := playIn(t, evtest.Answered(answeredAt), o, append(script, settled)...)
			if n := strings.Count(p.out, woke); n != 1 {
				t.Errorf("the waking question asked %d times", n)
			}
			if got := strings.Contains(p.out, eased); got != tt.followUp {
				t.Errorf("follow-up asked: %v, want %v:\n%s", got, tt.followUp, p.out)
			}
			if n := strings.Count(p.out, "Red-flag check:"); n != 1 {
				t.Errorf("the check asked %d times: after a full check, nothing eased it goes on", n)
			}
			assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Tilts", "Breathe", "Settle in"},
				Before: ptr(4), Woke: tt.woke, NothingEased: tt.nothing})
		})
	}
}

// TestTheWakingQuestionIsAskedOnceANight: answered earlier tonight, in
// another window or mode, it is not asked again, and this evening keeps
// the same answer.
func TestTheWakingQuestionIsAskedOnceANight(t *testing.T) {
	st := evtest.Answered(answeredAt)
	st.AddSession(history.Session{Start: tonightAt.Add(-30 * time.Minute), End: tonightAt.Add(-25 * time.Minute), Routine: "short",
		RedFlag: "none", Woke: history.Answer(false), Partial: true, HeatKnown: true})
	o := withCheckIns(Options{Evening: config(shortRoutine())})
	p := playIn(t, st, o, now(noneApply), now("4\n"), settled)
	if strings.Contains(p.out, "Did back pain wake you") {
		t.Errorf("the waking question asked twice tonight:\n%s", p.out)
	}
	if !sameBool(p.res.Record.Woke, no()) {
		t.Errorf("woke %s, want the answer given earlier tonight", showBool(p.res.Record.Woke))
	}
}

// TestTheShortcutDoesNotAskTheWakingQuestionAgain: after a session earlier
// tonight that answered it (the routine done, then plain mode again), the
// shortcut asks its other questions only, and this evening keeps the
// answer given earlier.
func TestTheShortcutDoesNotAskTheWakingQuestionAgain(t *testing.T) {
	st := lastFullCheck()
	st.AddSession(history.Session{Start: tonightAt.Add(-40 * time.Minute), End: tonightAt.Add(-25 * time.Minute), Routine: "short",
		RedFlag: "none", Woke: no(), Before: ptr(5), Completed: []string{"Knee to chest", "Tilts", "Breathe", "Settle in"}, HeatKnown: true})
	o := withCheckIns(Options{Evening: config(shortRoutine())})
	p := playIn(t, st, o, now("n\n"), now("n\n"), now("4\n"), settled)
	if strings.Contains(p.out, "Did back pain wake you") {
		t.Errorf("the waking question asked again tonight:\n%s", p.out)
	}
	if !strings.Contains(p.out, "Did you have pain during your last stretches?") || strings.Contains(p.out, "Red-flag check:") {
		t.Errorf("want the shortcut's other questions and no full check:\n%s", p.out)
	}
	if !sameBool(p.res.Record.Woke, no()) {
		t.Errorf("woke %s, want the answer given earlier tonight", showBool(p.res.Record.Woke))
	}
}

// lastFullCheck is a history whose last full check, clear, was two days
// before: an evening may offer "anything new?" instead of the full check.
func lastFullCheck() *evtest.Store {
	st := evtest.Answered(answeredAt)
	st.AddCheck(history.Check{At: tonightAt.AddDate(0, 0, -2), Tier: "none", Full: true, Version: safety.ContentVersion})
	return st
}

// TestTheShortcut: within 7 days of a clear full check, "anything new?"
// comes instead of the full check, with every EMERGENCY item named and
// the two pain questions; three noes go on to the routine, and its
// waking answer is the night's (not asked again).
func TestTheShortcut(t *testing.T) {
	st := lastFullCheck()
	o := withCheckIns(Options{Evening: config(shortRoutine())})
	p := playIn(t, st, o, now("n\n"), now("n\n"), now("n\n"), now("4\n"), settled)
	var wantStart []string
	for _, q := range safety.Shortcut() {
		text := strings.ReplaceAll(q.Text, "{since}", "your last full check on Sun 1 Nov")
		if len(q.Items) > 0 {
			wantStart = append(wantStart, text)
			for _, it := range q.Items {
				wantStart = append(wantStart, "- "+it)
			}
			text = "Any of these, or anything new?"
		}
		wantStart = append(wantStart, text+" y, n, or u for not sure")
	}
	if got := lines(p.out); len(got) < len(wantStart) || !slices.Equal(got[:len(wantStart)], wantStart) {
		t.Errorf("the shortcut:\n%s\nwant\n%s", strings.Join(got[:min(len(got), len(wantStart))], "\n"), strings.Join(wantStart, "\n"))
	}
	if len(safety.Shortcut()[0].Items) != len(safety.QuestionsIn(safety.Emergency)) {
		t.Errorf("the shortcut names %d EMERGENCY items, want every one", len(safety.Shortcut()[0].Items))
	}
	if strings.Contains(p.out, "Red-flag check:") || strings.Count(p.out, "Did back pain wake you") != 1 {
		t.Errorf("the full check or the waking question again after the shortcut:\n%s", p.out)
	}
	cs := st.Checks()
	if last := cs[len(cs)-1]; len(cs) != 2 || last.Full || last.Tier != "none" || len(last.Yes) != 0 || !last.At.Equal(tonightAt) {
		t.Errorf("checks kept %+v, want the shortcut's answer after the full check", cs)
	}
	assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Tilts", "Breathe", "Settle in"},
		Before: ptr(4), Woke: no()})
}

// TestTheShortcutLeadsToTheFullCheck: a yes or "not sure" to any of its
// questions asks the full check at once; woken by back pain, the follow-up
// comes after the check-in, and the waking question is not asked twice.
func TestTheShortcutLeadsToTheFullCheck(t *testing.T) {
	tests := []struct {
		name          string
		script        []typed
		yes           string
		woke, nothing *bool
	}{
		{name: "anything new: not sure", script: []typed{now("u\n"), now(noneApply), now("4\n"), now("n\n")},
			yes: safety.ShortcutAnythingNew, woke: no()},
		{name: "woken by back pain, nothing eased it", script: []typed{now("n\n"), now("y\n"), now(noneApply), now("4\n"), now("n\n")},
			yes: safety.ShortcutWokeByPain, woke: yes(), nothing: yes()},
		{name: "pain during the last stretches", script: []typed{now("n\n"), now("n\n"), now("y\n"), now(noneApply), now("4\n")},
			yes: safety.ShortcutStretchPain, woke: no()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := lastFullCheck()
			o := withCheckIns(Options{Evening: config(shortRoutine())})
			p := playIn(t, st, o, append(tt.script, settled)...)
			if rest := after(t, p.out, "Then the full check."); len(rest) == 0 || !strings.HasPrefix(rest[0], "Red-flag check:") {
				t.Errorf("no full check after the shortcut's yes:\n%s", p.out)
			}
			if n := strings.Count(p.out, "Did back pain wake you last night?"); n != 1 {
				t.Errorf("the waking question asked %d times:\n%s", n, p.out)
			}
			if got := strings.Contains(p.out, "Did anything ease it"); got != (tt.nothing != nil) {
				t.Errorf("the follow-up asked: %v:\n%s", got, p.out)
			}
			// Kept: the shortcut's answer with its yes (so that no later
			// start tonight offers the shortcut), then the full check.
			cs := st.Checks()[1:]
			if len(cs) != 2 || cs[0].Full || !slices.Equal(cs[0].Yes, []string{tt.yes}) || !cs[1].Full || cs[1].Tier != "none" {
				t.Errorf("checks kept %+v", cs)
			}
			assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Tilts", "Breathe", "Settle in"},
				Before: ptr(4), Woke: tt.woke, NothingEased: tt.nothing})
			// Another start tonight asks the full check, not the shortcut.
			q := playIn(t, st, Options{Evening: config(shortRoutine())})
			if !strings.HasPrefix(q.out, "Red-flag check:") {
				t.Errorf("a second start tonight:\n%s", q.out)
			}
		})
	}
}

// TestNoShortcut: the full check, not the shortcut, when the last full
// check is more than 7 days old or had a yes, or a stop for pain came
// earlier tonight.
func TestNoShortcut(t *testing.T) {
	old := evtest.Answered(answeredAt)
	old.AddCheck(history.Check{At: tonightAt.AddDate(0, 0, -8), Tier: "none", Full: true})
	withYes := evtest.Answered(answeredAt)
	withYes.AddCheck(history.Check{At: tonightAt.AddDate(0, 0, -2), Tier: "BOOK", Yes: []string{"no-better"}, Full: true})
	pain := lastFullCheck()
	pain.AddSession(history.Session{Start: tonightAt.Add(-time.Hour), End: tonightAt.Add(-50 * time.Minute), Routine: "short",
		RedFlag: "none", StoppedForPain: true, PainStep: "Tilts", HeatKnown: true})
	for name, st := range map[string]*evtest.Store{"8 days old": old, "with a yes": withYes, "after a stop for pain": pain} {
		t.Run(name, func(t *testing.T) {
			p := playIn(t, st, Options{Evening: config(shortRoutine())})
			if !strings.HasPrefix(p.out, "Red-flag check:") {
				t.Errorf("not the full check:\n%s", p.out)
			}
		})
	}
}

// TestTonightsHeatQuestion: just before the pad, every night heat is in
// the plan. No: heat as planned. Yes or not sure: no heat tonight, one
// line says why, the stretches and the sleep set-up stay. The answer is
// kept.
func TestTonightsHeatQuestion(t *testing.T) {
	tests := []struct {
		name, answer, stored string
		keys                 bool
		heat                 bool
	}{
		{name: "no", answer: "n\n", stored: "no", heat: true},
		{name: "yes", answer: "y\n", stored: "yes"},
		{name: "not sure", answer: "u\n", stored: "not sure"},
		{name: "not sure in words", answer: "not sure\n", stored: "not sure"},
		{name: "not sure, a key", answer: "u", keys: true, stored: "not sure"},
		{name: "anything else asks again", answer: "maybe\ny\n", stored: "yes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Evening: config(tonightLike()), Keys: tt.keys}
			res, out := play(t, o, now(noneApply), now(tt.answer), now("\n"), typed{15*time.Minute + 5*sec, "\n"}, typed{time.Hour, "\n"})
			q := safety.HeatQuestion + " " + safety.HeatQuestionWhy + " y, n, or u for not sure"
			if i, j := slices.Index(lines(out), q), slices.Index(lines(out), "You marked nothing: none of the questions apply to you now."); i < 0 || i < j {
				t.Fatalf("no heat question after the check:\n%s", out)
			}
			if got := strings.Count(out, safety.NoHeatAfterQuestion); got != map[bool]int{true: 0, false: 1}[tt.heat] {
				t.Errorf("the reason said %d times:\n%s", got, out)
			}
			if strings.Contains(out, "Please type") != strings.Contains(tt.name, "asks again") {
				t.Errorf("asked again or not as it should:\n%s", out)
			}
			w := want{End: evening.Finished, RedFlag: "none", HeatQuestion: tt.stored,
				Completed: []string{"Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"}}
			if tt.heat {
				w.Completed = append([]string{"Heat"}, w.Completed...)
				w.HeatMinutes, w.HeatSeconds, w.HeatOn = 15, 15*60+5, true
			} else if strings.Contains(out, "Step 1 of 5. Heat") || !has(out, "Step 1 of 4. Knee to chest, left side, 1 of 3. Hold 20 seconds.") {
				t.Errorf("heat after a %q:\n%s", tt.answer, out)
			}
			assertRecord(t, res, w)
		})
	}
	t.Run("not asked when the plan has no heat", func(t *testing.T) {
		res, out := play(t, Options{Evening: config(shortRoutine())}, now(noneApply), settled)
		if strings.Contains(out, safety.HeatQuestion) || res.Record.HeatQuestion != "" {
			t.Errorf("asked:\n%s", out)
		}
	})
	t.Run("the input ends at the question", func(t *testing.T) {
		res, out := play(t, Options{Evening: config(tonightLike())}, now(noneApply))
		if strings.Contains(out, "Step 1 of") || res.End != evening.Left || res.Record.HeatQuestion != "" {
			t.Errorf("end %s:\n%s", endName(res.End), out)
		}
	})
}

// TestHeatSkippedBeforeThePadWentOn: n at the heat step before enter
// skips heat with the pad never on: no pad-off gate, no heat kept, no pad
// line on leaving.
func TestHeatSkippedBeforeThePadWentOn(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	res, out := play(t, o, ready(o, now("n\n"), typed{time.Minute, "q\n"}, now("y\n"))...)
	if rest := after(t, out, "Switch the pad on, then press enter to start the heat."); len(rest) == 0 ||
		rest[0] != "Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds." {
		t.Errorf("after n at the heat step:\n%s", strings.Join(rest, "\n"))
	}
	if strings.Contains(out, "Press enter when it is off.") || strings.Contains(out, night.LeftWithPadOn) || res.PadLine {
		t.Errorf("the pad was never on:\n%s", out)
	}
	assertRecord(t, res, want{End: evening.Left, RedFlag: "none", Skipped: []string{"Heat"}, HeatQuestion: "no", Partial: true})
}

// TestTheAfterCheckInGivesWayToLightsOut: nobody answers the "after"
// within a minute (asleep already): lights out comes by itself, the
// number is kept unanswered, and the night is kept as finished.
func TestTheAfterCheckInGivesWayToLightsOut(t *testing.T) {
	const prompt = "How tight is your back now, 0 to 10? (0 none … 10 worst; enter to skip) If you do not answer within 1 minute, lights out comes by itself."
	for _, quiet := range []time.Duration{0, 3 * time.Minute} {
		t.Run(fmt.Sprint("quiet time ", quiet), func(t *testing.T) {
			o := withCheckIns(Options{Evening: config(shortRoutine())})
			o.Evening.Plan.Settle = quiet
			script := []typed{now(noneApply), now("5\n"), now("n\n")}
			if quiet == 0 {
				script = append(script, settled) // the sleep set-up waits for enter; with a quiet time, the "after" comes first
			}
			// Input stays open: a key an hour later, long after.
			p := playIn(t, evtest.Answered(answeredAt), o, append(script, typed{time.Hour, "\n"})...)
			asked := p.lineAt(t, prompt)
			if at := p.lineAt(t, evening.LightsOutByItselfLine); at != asked+time.Minute {
				t.Errorf("lights out by itself at %v, want a minute after the question (%v)", at, asked+time.Minute)
			}
			if quiet > 0 {
				if at := p.lineAt(t, night.LightsOutWords); at != asked+time.Minute {
					t.Errorf("lights out at %v, want with the note", at)
				}
			}
			assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Tilts", "Breathe", "Settle in"},
				Before: ptr(5), Woke: no()})
		})
	}
}

// TestAnAnswerToTheAfterIsKept: answered within the minute, the number
// is kept, and with a quiet time lights out follows at once.
func TestAnAnswerToTheAfterIsKept(t *testing.T) {
	o := withCheckIns(Options{Evening: config(shortRoutine())})
	o.Evening.Plan.Settle = 3 * time.Minute
	p := playIn(t, evtest.Answered(answeredAt), o, now(noneApply), now("5\n"), now("n\n"), typed{50 * sec, "3\n"}, typed{time.Hour, "\n"})
	if at := p.lineAt(t, night.LightsOutWords); at != 50*sec {
		t.Errorf("lights out at %v, want at the answer (50s)", at)
	}
	if strings.Contains(p.out, evening.LightsOutByItselfLine) {
		t.Errorf("lights out said to come by itself after an answer:\n%s", p.out)
	}
	assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Tilts", "Breathe", "Settle in"},
		Before: ptr(5), After: ptr(3), Woke: no()})
}

// lightsOutAt50s is an evening with a quiet time of 3 minutes whose
// "after" is answered at 50 s: lights out from 50 s to 3:50.
func lightsOutAt50s(t *testing.T, script ...typed) played {
	o := withCheckIns(Options{Evening: config(shortRoutine())})
	o.Evening.Plan.Settle = 3 * time.Minute
	return playIn(t, evtest.Answered(answeredAt), o, append([]typed{now(noneApply), now("5\n"), now("n\n"), typed{50 * sec, "3\n"}}, script...)...)
}

// TestTheRoutineIsIntroducedOnce: the "after" check-in that gives way to
// lights out does not start the routine's lines again.
func TestTheRoutineIsIntroducedOnce(t *testing.T) {
	p := lightsOutAt50s(t, typed{time.Hour, "\n"})
	if n := strings.Count(p.out, "Short: 4 steps"); n != 1 {
		t.Errorf("the routine introduced %d times, want once:\n%s", n, p.out)
	}
}

// TestNothingIsSaidAfterLightsOut: from "Lights out. Sleep well." on,
// nothing more is said when the quiet time ends in the dark: a screen
// reader would speak it to someone asleep.
func TestNothingIsSaidAfterLightsOut(t *testing.T) {
	p := lightsOutAt50s(t, typed{time.Hour, "\n"})
	if !p.res.Record.End.Equal(tonightAt.Add(230*sec)) || p.res.End != evening.Finished {
		t.Fatalf("ended %s at %v, want finished at the end of the quiet time", endName(p.res.End), p.res.Record.End)
	}
	if last := lastLines(p.out, 1)[0]; last != night.LightsOutWords {
		t.Errorf("last line %q, want %q: nothing is said into the dark:\n%s", last, night.LightsOutWords, p.out)
	}
}

// TestAKeyEndsLightsOut: any key ends lights out (night.Finish, as the
// run says and the full screen does), and the night is kept as finished.
func TestAKeyEndsLightsOut(t *testing.T) {
	p := lightsOutAt50s(t, typed{2 * time.Minute, "\n"}, typed{time.Hour, "\n"})
	if !p.res.Record.End.Equal(tonightAt.Add(2 * time.Minute)) {
		t.Fatalf("the night ended at %v, want at the key, 2 minutes in", p.res.Record.End.Sub(tonightAt))
	}
	assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Knee to chest", "Tilts", "Breathe", "Settle in"},
		Before: ptr(5), After: ptr(3), Woke: no()})
}

// TestLeavingDuringLightsOutKeepsTheNightFinished: the routine is over
// once lights out has begun; leaving then (the input ending, Ctrl+C, a
// signal) keeps the night as finished, as leaving at the "after" check-in
// just before does.
func TestLeavingDuringLightsOutKeepsTheNightFinished(t *testing.T) {
	p := lightsOutAt50s(t, signalAt(2*time.Minute))
	if p.res.End == evening.Left || p.res.Record.Partial {
		t.Errorf("end %s, partial %v: leaving during lights out keeps the night finished", endName(p.res.End), p.res.Record.Partial)
	}
}

// TestTheCheckOnItsOwn: `supine check` on a void night shows tonight's
// outcome again and asks nothing, never "No red flags reported"; on any
// other night it asks the check, says every outcome (the all-clear too)
// and keeps the check alone.
func TestTheCheckOnItsOwn(t *testing.T) {
	forCheck := Options{Evening: config(tonightLike())}
	forCheck.Evening.Entry = evening.ForCheck
	t.Run("a void night", func(t *testing.T) {
		q, _ := safety.QuestionByID(firstOf(t, safety.Urgent))
		st := evtest.Answered(answeredAt)
		st.AddCheck(history.Check{At: tonightAt.Add(-time.Hour), Tier: "URGENT", Yes: []string{q.ID}, Full: true})
		p := playIn(t, st, forCheck, now(noneApply), now(noneApply))
		if first := lines(p.out)[0]; first != "URGENT · Speak to a doctor" {
			t.Errorf("first line %q", first)
		}
		if !has(p.out, "The check at 21:00 reached URGENT and closed the routine: no routine until 09:00 tomorrow.") {
			t.Errorf("no line says until when:\n%s", p.out)
		}
		if !has(p.out, safety.AdviceFor(safety.Urgent).Headline) || !has(p.out, "- "+q.Report) {
			t.Errorf("not the outcome again, with what was reported:\n%s", p.out)
		}
		if strings.Contains(p.out, "Red-flag check:") || strings.Contains(p.out, "No red flags reported") || strings.Contains(p.out, "y or n") {
			t.Errorf("asked something on a void night:\n%s", p.out)
		}
		if p.res.End != evening.VoidAgain || p.res.Stored || len(st.Checks()) != 1 {
			t.Errorf("end %s, stored %v, %d checks", endName(p.res.End), p.res.Stored, len(st.Checks()))
		}
	})
	t.Run("the all-clear", func(t *testing.T) {
		p := playIn(t, evtest.Answered(answeredAt), forCheck, now(noneApply))
		advice := safety.AdviceIn(safety.None, safety.Situation{Standalone: true})
		if got := lastLines(p.out, len(advice.Lines)+1); !slices.Equal(got, append([]string{advice.Headline}, advice.Lines...)) {
			t.Errorf("the all-clear ends with\n%s", strings.Join(got, "\n"))
		}
		if p.res.End != evening.CheckedOnly || p.res.Stored || len(p.store.Checks()) != 1 || strings.Contains(p.out, "How tight") {
			t.Errorf("end %s, stored %v, checks %+v:\n%s", endName(p.res.End), p.res.Stored, p.store.Checks(), p.out)
		}
	})
	t.Run("BOOK asks nothing", func(t *testing.T) {
		p := playIn(t, evtest.Answered(answeredAt), forCheck, now(answers("no-better")), now("y\n"))
		if !has(p.out, "BOOK · Book an appointment") || !has(p.out, safety.AdviceFor(safety.Book).Headline) || strings.Contains(p.out, "Go on with tonight's routine") || strings.Contains(p.out, "Step 1") {
			t.Errorf("BOOK on its own:\n%s", p.out)
		}
	})
	t.Run("after a stop for pain, the check it points to", func(t *testing.T) {
		st := evtest.Answered(answeredAt)
		st.AddSession(history.Session{Start: tonightAt.Add(-time.Hour), End: tonightAt.Add(-50 * time.Minute), Routine: "tonight",
			RedFlag: "none", StoppedForPain: true, PainStep: "Pelvic tilts", HeatKnown: true})
		p := playIn(t, st, forCheck, now(noneApply))
		if !strings.HasPrefix(p.out, "Red-flag check:") || p.res.End != evening.CheckedOnly {
			t.Errorf("end %s:\n%s", endName(p.res.End), p.out)
		}
	})
}

// TestFailingClosed: when the history cannot be read, plain mode says so
// and asks the two questions of CONTENT.md section 4 before anything
// else; yes and "not sure" take the safe way.
func TestFailingClosed(t *testing.T) {
	unreadable := func() *evtest.Store {
		st := evtest.Answered(answeredAt)
		st.ReadErr = errors.New("database is locked")
		return st
	}
	// After the two answers: the disclaimer and the precautions (nothing
	// says they were answered), the check, the heat question when heat is
	// in the plan, the pad on at once and off a minute later, enter to
	// finish.
	rest := func(heat bool) []typed {
		s := []typed{now("\n"), now("n\nn\nn\nn\nn\n\n"), now(noneApply)}
		if heat {
			s = append(s, now("n\n"), now("\n"), typed{time.Minute, "\n"})
		}
		return append(s, typed{time.Hour, "\n"}, typed{2 * time.Hour, "\n"})
	}
	start := []string{safety.UnknownWhy, safety.UnknownHelpOrPain + " y, n, or u for not sure", safety.UnknownHeatRecently + " y, n, or u for not sure"}
	tests := []struct {
		name      string
		st        *evtest.Store
		answers   string
		lines     []string
		heatStep  bool // the heat step is in the plan
		heatOn    bool // the pad was allowed on
		completed []string
	}{
		{name: "no and no, the history unreadable: the store cannot grant the pad", st: unreadable(), answers: "n\nn\n",
			lines: []string{evening.ClaimUnknownLine}, heatStep: true, completed: []string{"Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"}},
		{name: "no and no, no history at all: heat on the person's word", answers: "n\nn\n", heatStep: true, heatOn: true,
			completed: []string{"Heat", "Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"}},
		{name: "help or pain: yes", st: unreadable(), answers: "y\nn\n",
			lines: []string{safety.UnknownSettleOnly}, completed: []string{"Settle in"}},
		{name: "help or pain: not sure", st: unreadable(), answers: "u\nn\n",
			lines: []string{safety.UnknownSettleOnly}, completed: []string{"Settle in"}},
		{name: "heat in the last 2 hours: yes", st: unreadable(), answers: "n\ny\n",
			lines: []string{safety.UnknownNoHeat}, completed: []string{"Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"}},
		{name: "heat in the last 2 hours: not sure", st: unreadable(), answers: "n\nu\n",
			lines: []string{safety.UnknownNoHeat}, completed: []string{"Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := playIn(t, tt.st, Options{Evening: config(tonightLike())}, append([]typed{now(tt.answers)}, rest(tt.heatStep)...)...)
			if got := lines(p.out); len(got) < 3 || !slices.Equal(got[:3], start) {
				t.Errorf("the evening begins\n%s", strings.Join(got[:min(3, len(got))], "\n"))
			}
			for _, l := range tt.lines {
				if !has(p.out, l) {
					t.Errorf("no line %q in:\n%s", l, p.out)
				}
			}
			if strings.Contains(p.out, "Anything new since") {
				t.Errorf("a shortcut on a night that could not be read:\n%s", p.out)
			}
			if hasStep := strings.Contains(p.out, "Heat. 15 minutes."); hasStep != tt.heatStep {
				t.Errorf("heat step in the plan: %v, want %v:\n%s", hasStep, tt.heatStep, p.out)
			}
			if on := has(p.out, "Heat on for 15 minutes. I will tell you when to switch it off."); on != tt.heatOn {
				t.Errorf("the pad allowed on: %v, want %v:\n%s", on, tt.heatOn, p.out)
			}
			if !slices.Equal(p.res.Record.Completed, tt.completed) || p.res.End != evening.Finished {
				t.Errorf("end %s, completed %q, want %q", endName(p.res.End), p.res.Record.Completed, tt.completed)
			}
		})
	}
	t.Run("the input ends at the questions", func(t *testing.T) {
		p := playIn(t, unreadable(), Options{Evening: config(tonightLike())}, now("n\n"))
		if p.res.End != evening.Left || p.res.Stored || strings.Contains(p.out, "Red-flag check") {
			t.Errorf("end %s, stored %v:\n%s", endName(p.res.End), p.res.Stored, p.out)
		}
	})
}

// TheStopRulesComeBeforeTheStretches: the rules for every stretch
// (CONTENT.md section 2: stop if the pain gets worse or spreads, or
// numbness or weakness appears; stopping ends the routine and points to
// the check) are said before the first stretch, as plain mode said them
// with every all-clear before issue 18.
func TestTheStopRulesComeBeforeTheStretches(t *testing.T) {
	o := withCheckIns(Options{Evening: config(shortRoutine())})
	_, out := play(t, o, ready(o, settled)...)
	first := slices.Index(lines(out), "Step 1 of 4. Knee to chest, left side. Hold 12 seconds.")
	for _, l := range safety.StopRules() {
		if i := slices.Index(lines(out), l); i < 0 || i > first {
			t.Errorf("stop rule %q not said before the stretches:\n%s", l, out)
		}
	}
}
