package plain

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// settled is enter at the settle step of shortRoutine.
var settled = typed{time.Minute, "\n"}

func TestCheckOutcomes(t *testing.T) {
	emergency := firstOf(t, safety.Emergency)
	urgent := firstOf(t, safety.Urgent)
	book := firstOf(t, safety.Book)
	tests := []struct {
		name       string
		script     []typed
		keys       bool
		tier       safety.Tier
		reason     string
		wantLines  []string
		routineRan bool
	}{
		{
			name:      "an EMERGENCY item ends with the outcome and no routine",
			script:    []typed{now(answers(emergency))},
			tier:      safety.Emergency,
			reason:    RedFlag,
			wantLines: []string{"EMERGENCY: " + safety.AdviceFor(safety.Emergency).Headline},
		},
		{
			name:      "EMERGENCY wins over BOOK and URGENT",
			script:    []typed{now(answers(book, urgent, emergency))},
			tier:      safety.Emergency,
			reason:    RedFlag,
			wantLines: []string{"EMERGENCY: " + safety.AdviceFor(safety.Emergency).Headline},
		},
		{
			name:      "an URGENT item ends with the outcome and no routine",
			script:    []typed{now(answers(urgent))},
			tier:      safety.Urgent,
			reason:    RedFlag,
			wantLines: []string{"URGENT: " + safety.AdviceFor(safety.Urgent).Headline},
		},
		{
			name:       "BOOK and yes goes on",
			script:     []typed{now(answers(book)), now("yes\n"), settled},
			tier:       safety.Book,
			reason:     Finished,
			wantLines:  []string{"BOOK: " + safety.AdviceFor(safety.Book).Headline, "Go on with tonight's routine? y or n"},
			routineRan: true,
		},
		{
			name:      "BOOK and no ends",
			script:    []typed{now(answers(book)), now("n\n")},
			tier:      safety.Book,
			reason:    RedFlag,
			wantLines: []string{"Go on with tonight's routine? y or n"},
		},
		{
			name:      "BOOK needs an explicit yes: anything else asks again, the end of input is no",
			script:    []typed{now(answers(book)), now("\n"), now("maybe\n")},
			tier:      safety.Book,
			reason:    RedFlag,
			wantLines: []string{"Please type y or n."},
		},
		{
			name:       "BOOK in key mode: y goes on",
			script:     []typed{now(answers(book)), now("ky"), settled},
			keys:       true,
			tier:       safety.Book,
			reason:     Finished,
			wantLines:  []string{"Go on with tonight's routine? y or n", "y"},
			routineRan: true,
		},
		{
			name:       "enter at the check means none apply and goes on",
			script:     []typed{now(noneApply), settled},
			tier:       safety.None,
			reason:     Finished,
			wantLines:  []string{"No red flags reported."},
			routineRan: true,
		},
		{
			name:       "numbers out of range ask again",
			script:     []typed{now("0\n"), now("99\n"), now("one\n"), now(noneApply), settled},
			tier:       safety.None,
			reason:     Finished,
			wantLines:  []string{fmt.Sprintf("Please type numbers from 1 to %d, separated by spaces, or press enter if none of these apply.", len(safety.Groups()[0].Questions))},
			routineRan: true,
		},
		{
			name:      "no answer at all: the routine does not start",
			script:    nil,
			tier:      safety.None,
			reason:    Quit,
			wantLines: []string{"The input ended before the check was answered, so the routine does not start."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out := play(t, Options{Routine: shortRoutine(), Keys: tt.keys, SkipCheckIns: true}, tt.script...)
			if res.Tier != tt.tier || res.Reason != tt.reason {
				t.Errorf("tier %v reason %q, want %v %q", res.Tier, res.Reason, tt.tier, tt.reason)
			}
			for _, l := range tt.wantLines {
				if !has(out, l) {
					t.Errorf("no line %q in:\n%s", l, out)
				}
			}
			if ran := strings.Contains(out, "Step 1 of"); ran != tt.routineRan {
				t.Errorf("routine ran: %v, want %v:\n%s", ran, tt.routineRan, out)
			}
		})
	}
}

func TestEmergencyTranscriptEndsAtOutcome(t *testing.T) {
	// The EMERGENCY is answered at 22:10; the outcome lists it with that
	// time, in words to read out on the phone, and points to the card.
	id := firstOf(t, safety.Emergency)
	q, _ := safety.QuestionByID(id)
	res, out := play(t, Options{Routine: tonightLike()}, typed{10 * time.Minute, answers(id)}, now("\n"), now("n\n"))
	ls := lines(out)
	advice := safety.AdviceIn(safety.Emergency, safety.Situation{Yes: []string{id}})
	wantTail := append([]string{"EMERGENCY: " + advice.Headline}, advice.Lines...)
	wantTail = append(wantTail,
		"What you reported at 22:10 (take this with you):",
		"- "+q.Report,
		"On paper or on a phone: supine report --card writes this out with the time.")
	if got := ls[len(ls)-len(wantTail):]; strings.Join(got, "\n") != strings.Join(wantTail, "\n") {
		t.Errorf("transcript ends with\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantTail, "\n"))
	}
	if res.Reason != RedFlag || res.Tier != safety.Emergency || len(res.Yes) != 1 || res.Yes[0] != safety.Questions()[0].ID {
		t.Errorf("result %s", show(res))
	}
	if res.Before != nil || res.Completed != nil {
		t.Errorf("a red flag must end before any check-in or step: %s", show(res))
	}
}

func TestCheckIn(t *testing.T) {
	tests := []struct {
		name   string
		keys   bool
		script []typed
		want   *int
		line   string
	}{
		{name: "a number", script: []typed{now("7\n")}, want: ptr(7)},
		{name: "zero", script: []typed{now(" 0 \n")}, want: ptr(0)},
		{name: "ten in key mode", keys: true, script: []typed{now("10\n")}, want: ptr(10)},
		{name: "enter skips", script: []typed{now("\n")}, want: nil},
		{name: "out of range asks again", script: []typed{now("11\n"), now("-1\n"), now("3\n")}, want: ptr(3),
			line: "Please type a whole number from 0 to 10, or press enter to skip:"},
		{name: "end of input skips", script: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out := play(t, Options{Routine: shortRoutine(), SkipCheck: true, Keys: tt.keys}, tt.script...)
			if !sameInt(res.Before, tt.want) {
				t.Errorf("before = %s, want %v", show(res), tt.want)
			}
			if tt.line != "" && !has(out, tt.line) {
				t.Errorf("no line %q in:\n%s", tt.line, out)
			}
		})
	}
}

func TestQuitAskFirst(t *testing.T) {
	// q during the tilts (step 2), then y: the first step counts as done.
	res, out := play(t, Options{Routine: shortRoutine(), SkipCheck: true, SkipCheckIns: true},
		typed{28 * sec, "q\n"}, now("y\n"))
	assertResult(t, res, Result{Completed: []int{0}, Reason: Quit})
	for _, l := range []string{"Stop for tonight? y or n", "Stopped for tonight: 1 of 4 steps done."} {
		if !has(out, l) {
			t.Errorf("no line %q in:\n%s", l, out)
		}
	}
	if strings.Contains(out, "Step 3 of 4") {
		t.Errorf("the routine went on after quitting:\n%s", out)
	}
}

func TestQuitNoGoesOnAndKeepsTime(t *testing.T) {
	// q at 5 s into a 12 s hold, answered a minute later: the hold stood
	// still meanwhile, so it ends 7 s after the answer.
	res, out := play(t, Options{Routine: shortRoutine(), SkipCheck: true, SkipCheckIns: true},
		typed{5 * sec, "q\n"}, typed{65 * sec, "n\n"}, typed{3 * time.Minute, "\n"})
	if res.Reason != Finished {
		t.Errorf("reason %q, want finished", res.Reason)
	}
	if !has(out, "Going on.") {
		t.Errorf("no \"Going on.\" in:\n%s", out)
	}
}

func TestLeavingDuringHeatEndsWithThePadLine(t *testing.T) {
	// However the person leaves with the pad on, the last line says to
	// switch it off, after the summary.
	tests := []struct {
		name   string
		keys   bool
		script []typed
	}{
		{name: "q and yes", script: []typed{now("\n"), typed{time.Minute, "q\n"}, now("y\n")}},
		{name: "the input ends", script: []typed{now("\n"), typed{time.Minute, "n\n"}}},
		{name: "Ctrl+C", keys: true, script: []typed{now("\n"), typed{time.Minute, "\x03"}}},
		{name: "q and yes at the pad-off reminder", script: []typed{now("\n"), typed{16 * time.Minute, "q\n"}, now("y\n")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true, Keys: tt.keys}, tt.script...)
			if res.Reason != Quit || res.HeatMins != 15 || res.HeatStart.IsZero() || res.HeatSeconds < 60 {
				t.Errorf("result %s start %v seconds %d", show(res), res.HeatStart, res.HeatSeconds)
			}
			ls := lines(out)
			if last := ls[len(ls)-1]; last != night.LeftWithPadOn {
				t.Errorf("last line %q, want %q:\n%s", last, night.LeftWithPadOn, out)
			}
			if !strings.HasPrefix(ls[len(ls)-2], "Stopped for tonight:") {
				t.Errorf("the summary should come just before the pad line:\n%s", out)
			}
		})
	}
}

func TestLeavingWithThePadOffSaysNothingOfIt(t *testing.T) {
	_, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"), typed{time.Minute, "n\n"}, typed{time.Minute + sec, "\n"}, typed{time.Minute + 5*sec, "q\n"}, now("y\n"))
	if strings.Contains(out, night.LeftWithPadOn) {
		t.Errorf("the pad was said to be off, yet the pad line came:\n%s", out)
	}
}

func TestStopForPain(t *testing.T) {
	res, out := play(t, Options{Routine: shortRoutine(), SkipCheck: true, SkipCheckIns: true},
		typed{30 * sec, "x\n"})
	assertResult(t, res, Result{Completed: []int{0}, Reason: Pain})
	advice := safety.PainStop()
	for _, l := range append([]string{advice.Headline}, advice.Lines...) {
		if !has(out, l) {
			t.Errorf("no line %q in:\n%s", l, out)
		}
	}
}

func TestEndOfInputLeaves(t *testing.T) {
	// Piped input that ends during the stretches: nobody is left to press
	// a key, so the session ends there, kept as partial (Quit).
	res, out := play(t, Options{Routine: shortRoutine(), Setup: sideSetup}, now(noneApply+"5\n"), typed{3 * sec, "\n"})
	assertResult(t, res, Result{Before: ptr(5), Reason: Quit})
	if !strings.HasSuffix(out, "Stopped for tonight: 0 of 4 steps done. Tightness 5 before.\n") {
		t.Errorf("transcript does not end with the summary:\n%s", out)
	}
}

func TestPadOffRepeatsUntilEnter(t *testing.T) {
	// Enter 35 s after the heat ends: the cue at 0, 10, 20 and 30 s. Keys
	// other than Enter do not stand for it.
	_, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"),
		typed{15*time.Minute + 12*sec, "n\n"}, typed{15*time.Minute + 13*sec, " \n"},
		typed{15*time.Minute + 35*sec, "\n"}, typed{time.Hour, "q\n"}, now("y\n"))
	if n := strings.Count(out, padOffLine(safety.HeatDoneCue())); n != 4 {
		t.Errorf("pad-off cue said %d times, want 4:\n%s", n, out)
	}
	if strings.Contains(out, "Paused.") {
		t.Errorf("space paused a routine that waits for the pad:\n%s", out)
	}
}

func TestSkipHeatStillAsksForThePad(t *testing.T) {
	res, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"), typed{time.Minute, "n\n"}, typed{time.Minute + 2*sec, "\n"}, typed{time.Minute + 3*sec, "q\n"}, now("y\n"))
	if !has(out, padOffLine("Heat ended early. Switch the pad off now and take it out of the bed.")) {
		t.Errorf("skipping heat must still ask for the pad:\n%s", out)
	}
	if !has(out, "Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds.") {
		t.Errorf("no step 2 after the pad was off:\n%s", out)
	}
	assertResult(t, res, Result{Skipped: []int{0}, HeatMins: 15, Reason: Quit})
}

func TestBackNeverRestartsHeat(t *testing.T) {
	_, out := play(t, Options{Routine: tonightLike(), SkipCheck: true, SkipCheckIns: true},
		now("\n"),
		typed{time.Minute, "b\n"},
		typed{15*time.Minute + sec, "\n"},
		typed{15*time.Minute + 2*sec, "b\n"},
		typed{15*time.Minute + 10*sec, "b\n"},
		typed{15*time.Minute + 11*sec, "q\n"}, now("y\n"))
	if !has(out, "Heat cannot be restarted: the pad is on. Press n to end it early.") {
		t.Errorf("b on heat said nothing:\n%s", out)
	}
	if n := strings.Count(out, "Step 1 of 5. Heat."); n != 1 {
		t.Errorf("heat started %d times:\n%s", n, out)
	}
	if n := strings.Count(out, "Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds."); n != 3 {
		t.Errorf("b after heat should restart step 2 (seen %d times):\n%s", n, out)
	}
}

func TestHeatMinutes(t *testing.T) {
	tests := []struct {
		name   string
		opts   int
		keys   string
		want   int
		line   string
		before bool // the key comes before the heat starts
	}{
		{name: "the routine's minutes", want: 15},
		{name: "the option's minutes", opts: 18, want: 18},
		{name: "an option past the limit is clamped", opts: 45, want: 20},
		{name: "plus adds a minute", keys: "+\n", want: 16, line: "Heat set to 16 minutes, 15 minutes left."},
		{name: "minus stops at 15", keys: "-\n", want: 15, line: "Heat runs 15 to 20 minutes."},
		{name: "plus stops at 20", opts: 20, keys: "+\n", want: 20, line: "Heat runs 15 to 20 minutes."},
		{name: "plus before the pad is on", keys: "+\n", before: true, want: 16, line: "Heat set to 16 minutes."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script := []typed{now(noneApply)} // the check
			if tt.keys != "" && tt.before {
				script = append(script, now(tt.keys))
			}
			script = append(script, now("\n")) // the pad is on
			if tt.keys != "" && !tt.before {
				script = append(script, typed{time.Minute, tt.keys})
			}
			script = append(script, typed{25 * time.Minute, "\n"}) // the pad is off
			res, out := play(t, Options{Routine: tonightLike(), HeatMinutes: tt.opts, SkipCheckIns: true}, script...)
			if res.HeatMins != tt.want {
				t.Errorf("heat minutes %d, want %d", res.HeatMins, tt.want)
			}
			if want := fmt.Sprintf("Step 1 of 5. Heat. %d minutes.", min(max(tt.opts, 15), 20)); !has(out, want) {
				t.Errorf("no line %q in:\n%s", want, out)
			}
			if tt.line != "" && !has(out, tt.line) {
				t.Errorf("no line %q in:\n%s", tt.line, out)
			}
			if !has(out, "1 minute of heat left.") {
				t.Errorf("no last minute line in:\n%s", out)
			}
		})
	}
}

func TestGivenPlanIsUsed(t *testing.T) {
	// The caller's plan (here without knee-to-chest, for osteoporosis)
	// wins over expanding the routine again.
	r := tonightLike()
	r.Steps[1].SkipWithOsteoporosis = true
	p := routines.Expand(r, routines.Options{Osteoporosis: true})
	res, out := play(t, Options{Routine: r, Plan: p, SkipCheck: true, SkipCheckIns: true},
		now("\n"), typed{15*time.Minute + sec, "\n"}, typed{time.Hour, "\n"})
	if strings.Contains(out, "Knee to chest") {
		t.Errorf("a step left out of the plan was played:\n%s", out)
	}
	if !has(out, "Step 2 of 4. Pelvic tilts. 10 reps: tilt 5 seconds, relax 5 seconds.") {
		t.Errorf("steps are not counted in the plan:\n%s", out)
	}
	assertResult(t, res, Result{Completed: []int{0, 2, 3, 4}, HeatMins: 15, Reason: Finished})
}

func TestSuspendSaysOnlyWhatIsTrue(t *testing.T) {
	// The machine sleeps 5 minutes into the heat and wakes 20 minutes
	// later: one pad-off cue, not fourteen minute lines.
	r := tonightLike()
	r.Steps = r.Steps[:1]
	clock := routines.NewFakeClock(0)
	w := &jumpWaiter{clock: clock, at: 5 * time.Minute, by: 20 * time.Minute}
	var out strings.Builder
	res, err := Run(context.Background(), Options{Routine: r, SkipCheck: true, SkipCheckIns: true, Clock: clock, Out: &out, wait: w})
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if strings.Contains(got, "9 minutes of heat left.") || !has(got, "10 minutes of heat left.") {
		t.Errorf("minute lines around the suspend are wrong:\n%s", got)
	}
	if n := strings.Count(got, padOffLine(safety.HeatDoneCue())); n != 1 {
		t.Errorf("pad-off cue said %d times right after waking, want 1:\n%s", n, got)
	}
	if res.Reason != Finished {
		t.Errorf("reason %q", res.Reason)
	}
}

// jumpWaiter presses enter to start the heat and then moves the clock by
// each wait; once the clock passes at it jumps by, as a machine waking
// from sleep does. After the jump the next wait gets enter: the pad is off.
type jumpWaiter struct {
	clock   *routines.FakeClock
	at, by  time.Duration
	started bool
	jumped  bool
	answer  bool
	waits   int
}

func (w *jumpWaiter) next(_ context.Context, d time.Duration) (event, bool, error) {
	if w.waits++; w.waits > 10000 {
		return event{}, false, errors.New("stuck")
	}
	switch {
	case !w.started:
		w.started = true
		return event{kind: evLine}, true, nil
	case !w.jumped && w.clock.Now() >= w.at:
		w.jumped = true
		w.clock.Advance(w.by)
		return event{}, false, nil
	case !w.jumped:
		if d < 0 {
			return event{}, false, errors.New("waited for input with no timer before the jump")
		}
		w.clock.Advance(d)
		return event{}, false, nil
	case !w.answer:
		w.answer = true
		return event{kind: evLine}, true, nil
	}
	return event{kind: evEOF}, true, nil
}

func TestCtrlCKeyQuitsAtOnce(t *testing.T) {
	res, out := play(t, Options{Routine: shortRoutine(), SkipCheck: true, SkipCheckIns: true, Keys: true},
		typed{30 * sec, "\x03"})
	assertResult(t, res, Result{Completed: []int{0}, Reason: Quit})
	if strings.Contains(out, "Stop for tonight?") {
		t.Errorf("Ctrl+C asked first:\n%s", out)
	}
	if !res.Interrupted {
		t.Error("Ctrl+C as a key is not reported as an interrupt (the exit status 130 depends on it)")
	}
}

func TestUnknownLineSaysTheKeys(t *testing.T) {
	_, out := play(t, Options{Routine: shortRoutine(), SkipCheck: true, SkipCheckIns: true},
		typed{5 * sec, "what\n"})
	if strings.Count(out, keysLine(false)) != 2 {
		t.Errorf("an unknown line should repeat the keys:\n%s", out)
	}
}

func TestTextFromFilesIsCleaned(t *testing.T) {
	r := shortRoutine()
	r.Title = "Short\x1b[31m red\x07"
	r.Steps[0].Cues = []string{"Draw\x1b]0;title\x07 the knee in."}
	_, out := play(t, Options{Routine: r, SkipCheck: true, SkipCheckIns: true})
	// Whole sequences go, not just their ESC: no "[31m" or "0;title" left.
	if !has(out, "Short red: 4 steps, 38 seconds.") || !has(out, "Draw the knee in.") {
		t.Errorf("title not cleaned as expected:\n%s", out)
	}
}

func TestEmptyRoutine(t *testing.T) {
	res, out := play(t, Options{Routine: routines.Routine{Name: "empty"}, SkipCheck: true, SkipCheckIns: true})
	if res.Reason != Finished || !has(out, "This routine has no steps.") {
		t.Errorf("%s\n%s", show(res), out)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("input/output error") }

func TestOutputGoneEndsTheRun(t *testing.T) {
	clock := routines.NewFakeClock(0)
	o := Options{Routine: shortRoutine(), SkipCheck: true, SkipCheckIns: true, Clock: clock, Out: failingWriter{}}
	o.wait = &scriptWaiter{t: t, clock: clock}
	res, err := Run(context.Background(), o)
	if err == nil || res.Reason != Quit {
		t.Errorf("Run with a dead output = %s, %v; want quit and the write error", show(res), err)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	clock := routines.NewFakeClock(0)
	var out strings.Builder
	o := Options{Routine: shortRoutine(), SkipCheck: true, SkipCheckIns: true, Clock: clock, Out: &out}
	o.wait = &scriptWaiter{t: t, clock: clock}
	res, err := Run(ctx, o)
	if !errors.Is(err, context.Canceled) || res.Reason != Quit {
		t.Errorf("Run with a cancelled context = %s, %v", show(res), err)
	}
}

// TestCheckGroupByGroup: each group is asked on its own, under its neutral
// heading, with its questions numbered from 1 and "none of these" for
// them alone; a yes typed at group 2 marks group 2's question, not the
// whole list's.
func TestCheckGroupByGroup(t *testing.T) {
	groups := safety.Groups()
	g2 := groups[1]
	// Enter at group 1; 2 at group 2; enter at the rest; enter to confirm.
	script := []typed{now("\n"), now("2\n")}
	for range groups[2:] {
		script = append(script, now("\n"))
	}
	script = append(script, now("\n"), now("y\n"), settled)
	res, out := play(t, Options{Routine: shortRoutine(), SkipCheckIns: true}, script...)
	want := g2.Questions[1].ID
	if len(res.Yes) != 1 || res.Yes[0] != want {
		t.Fatalf("yes %q, want [%q]:\n%s", res.Yes, want, out)
	}
	if res.Tier != g2.Questions[1].Tier {
		t.Errorf("tier %v, want %v", res.Tier, g2.Questions[1].Tier)
	}
	// The lines of group 2, in order: heading, its questions from 1, the
	// prompt, and no question of another group between them.
	ls := lines(out)
	at := slices.Index(ls, fmt.Sprintf("Group 2 of %d: %s.", len(groups), g2.Heading))
	if at < 0 {
		t.Fatalf("no heading for group 2:\n%s", out)
	}
	for j, q := range g2.Questions {
		line := fmt.Sprintf("%d. %s", j+1, q.Text)
		if q.Hint != "" {
			line += " " + q.Hint
		}
		if got := ls[at+1+j]; got != line {
			t.Errorf("group 2 line %d is %q, want %q", j+1, got, line)
		}
	}
	if got := ls[at+1+len(g2.Questions)]; got != "Type the numbers that apply, separated by spaces, or press enter if none of these apply." {
		t.Errorf("after group 2's questions: %q", got)
	}
	for _, tier := range []string{"EMERGENCY", "URGENT", "BOOK", "Go now"} {
		if i := strings.Index(out, tier); i >= 0 && i < strings.Index(out, "You marked:") {
			t.Errorf("the tier %q is shown while the person answers:\n%s", tier, out)
		}
	}
	if n := strings.Count(out, "press enter if none of these apply."); n != len(groups) {
		t.Errorf("%d none-of-these prompts, want one a group (%d)", n, len(groups))
	}
	if strings.Contains(out, "none apply") {
		t.Errorf("a none-apply prompt for the whole list:\n%s", out)
	}
}

// TestCheckConfirmAndChange: what was marked is read back before the
// outcome; c starts the check again from group 1, and only the second
// answers count.
func TestCheckConfirmAndChange(t *testing.T) {
	emergency := firstOf(t, safety.Emergency)
	q, _ := safety.QuestionByID(emergency)
	for _, keys := range []bool{false, true} {
		t.Run(fmt.Sprint("keys ", keys), func(t *testing.T) {
			first := strings.TrimSuffix(answers(emergency), "\n") // all but the confirm
			change := "c\n"
			if keys {
				change = "c"
			}
			res, out := play(t, Options{Routine: shortRoutine(), SkipCheckIns: true, Keys: keys},
				now(first), now(change), now(noneApply), settled)
			ls := lines(out)
			marked := slices.Index(ls, "You marked:")
			if marked < 0 || ls[marked+1] != "- "+q.Report ||
				ls[marked+2] != "If this is right, press enter. If something is wrong, type c to start the check again." {
				t.Fatalf("no read-back of %q:\n%s", q.Report, out)
			}
			if strings.Contains(out, "EMERGENCY") {
				t.Errorf("an outcome before the answers were confirmed:\n%s", out)
			}
			if !has(out, "Starting the check again.") || strings.Count(out, "Group 1 of ") != 2 {
				t.Errorf("c did not start the check again:\n%s", out)
			}
			if !has(out, "You marked nothing: none of the questions apply to you now.") {
				t.Errorf("no read-back of the second answers:\n%s", out)
			}
			if res.Tier != safety.None || len(res.Yes) != 0 || res.Reason != Finished {
				t.Errorf("result %s: the changed answers must count", show(res))
			}
		})
	}
}

// TestCheckInputEndsMidway: input that ends after a group with an
// EMERGENCY yes still gives its outcome (nobody is left to change it); one
// that ends with nothing marked starts nothing.
func TestCheckInputEndsMidway(t *testing.T) {
	emergency := firstOf(t, safety.Emergency)
	q, _ := safety.QuestionByID(emergency)
	res, out := play(t, Options{Routine: shortRoutine(), SkipCheckIns: true}, now(strings.SplitAfter(answers(emergency), "\n")[0]))
	if res.Tier != safety.Emergency || res.Reason != RedFlag || !has(out, "- "+q.Report) || strings.Contains(out, "Step 1 of") {
		t.Errorf("result %s:\n%s", show(res), out)
	}
	res, out = play(t, Options{Routine: shortRoutine(), SkipCheckIns: true}, now("\n\n"))
	if res.Tier != safety.None || res.Reason != Quit || !has(out, "The input ended before the check was answered, so the routine does not start.") {
		t.Errorf("result %s:\n%s", show(res), out)
	}
}
