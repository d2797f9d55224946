package plain

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
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
		flag       string
		end        evening.End
		wantLines  []string
		routineRan bool
	}{
		{
			name:      "an EMERGENCY item ends with the outcome and no routine",
			script:    []typed{now(answers(emergency))},
			flag:      "EMERGENCY",
			end:       evening.RedFlag,
			wantLines: []string{"EMERGENCY · Go now", "Go to an emergency department now."},
		},
		{
			name:      "EMERGENCY wins over BOOK and URGENT",
			script:    []typed{now(answers(book, urgent, emergency))},
			flag:      "EMERGENCY",
			end:       evening.RedFlag,
			wantLines: []string{"EMERGENCY · Go now", "Go to an emergency department now."},
		},
		{
			name:      "an URGENT item ends with the outcome and no routine",
			script:    []typed{now(answers(urgent))},
			flag:      "URGENT",
			end:       evening.RedFlag,
			wantLines: []string{"URGENT · Speak to a doctor", safety.AdviceFor(safety.Urgent).Headline},
		},
		{
			name:       "BOOK and yes goes on",
			script:     []typed{now(answers(book)), now("yes\n"), settled},
			flag:       "BOOK",
			end:        evening.Finished,
			wantLines:  []string{"BOOK · Book an appointment", safety.AdviceFor(safety.Book).Headline, "Go on with tonight's routine? y or n"},
			routineRan: true,
		},
		{
			name:      "BOOK and no ends",
			script:    []typed{now(answers(book)), now("n\n")},
			flag:      "BOOK",
			end:       evening.RedFlag,
			wantLines: []string{"Go on with tonight's routine? y or n"},
		},
		{
			name:      "BOOK needs an explicit yes: anything else asks again, the end of input is no",
			script:    []typed{now(answers(book)), now("\n"), now("maybe\n")},
			flag:      "BOOK",
			end:       evening.RedFlag,
			wantLines: []string{"Please type y or n."},
		},
		{
			name:       "BOOK in key mode: y goes on",
			script:     []typed{now(answers(book)), now("ky"), settled},
			keys:       true,
			flag:       "BOOK",
			end:        evening.Finished,
			wantLines:  []string{"Go on with tonight's routine? y or n", "y"},
			routineRan: true,
		},
		{
			name:       "enter at the check means none apply and goes on",
			script:     []typed{now(noneApply), settled},
			flag:       "none",
			end:        evening.Finished,
			routineRan: true,
		},
		{
			name:       "numbers out of range ask again",
			script:     []typed{now("0\n"), now("99\n"), now("one\n"), now(noneApply), settled},
			flag:       "none",
			end:        evening.Finished,
			wantLines:  []string{fmt.Sprintf("Please type numbers from 1 to %d, separated by spaces, or press enter if none of these apply.", len(safety.Groups()[0].Questions))},
			routineRan: true,
		},
		{
			name:      "no answer at all: the routine does not start",
			script:    nil,
			flag:      "none",
			end:       evening.Left,
			wantLines: []string{"The input ended before the check was answered, so the routine does not start."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out := play(t, Options{Evening: config(shortRoutine()), Keys: tt.keys}, tt.script...)
			if res.End != tt.end || res.Record.RedFlag != tt.flag {
				t.Errorf("end %s flag %q, want %s %q", endName(res.End), res.Record.RedFlag, endName(tt.end), tt.flag)
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

// TestAClearCheckSaysTheSafetyNet: "no red flags reported" is the
// strongest all-clear, and it carries the safety-net line (CONTENT.md
// section 4), whether the check-ins are on or off.
func TestAClearCheckSaysTheSafetyNet(t *testing.T) {
	for _, checkIns := range []bool{true, false} {
		t.Run(fmt.Sprint("check-ins ", checkIns), func(t *testing.T) {
			o := Options{Evening: config(shortRoutine())}
			o.Evening.CheckIns = checkIns
			_, out := play(t, o, ready(o, settled)...)
			if !strings.Contains(out, "No red flags reported.") || !strings.Contains(out, safety.SafetyNet) {
				t.Errorf("no all-clear with its safety net:\n%s", out)
			}
		})
	}
}

func TestEmergencyTranscriptEndsAtOutcome(t *testing.T) {
	// The EMERGENCY is answered at 22:10; the outcome lists it with that
	// time, in words to read out on the phone, and points to the card.
	id := firstOf(t, safety.Emergency)
	q, _ := safety.QuestionByID(id)
	p := playIn(t, evtest.Answered(answeredAt), Options{Evening: config(tonightLike())},
		typed{10 * time.Minute, answers(id)}, now("\n"), now("n\n"))
	advice := safety.AdviceIn(safety.Emergency, safety.Situation{Yes: []string{id}})
	wantTail := append([]string{"EMERGENCY · Go now", advice.Headline}, advice.Lines...)
	wantTail = append(wantTail,
		"What you reported at 22:10 (take this with you):",
		"- "+q.Report,
		"On paper or on a phone: supine report --card writes this out with the time.")
	if got := lastLines(p.out, len(wantTail)); !slices.Equal(got, wantTail) {
		t.Errorf("transcript ends with\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantTail, "\n"))
	}
	// A red flag ends before any check-in or step; the session is kept,
	// finished, with its tier, and the check with what was reported.
	assertRecord(t, p.res, want{End: evening.RedFlag, RedFlag: "EMERGENCY"})
	if cs := p.store.Checks(); len(cs) != 1 || !slices.Equal(cs[0].Yes, []string{id}) || cs[0].Tier != "EMERGENCY" || !cs[0].Full {
		t.Errorf("checks kept %+v", cs)
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
			o := withCheckIns(Options{Evening: config(shortRoutine()), Keys: tt.keys})
			res, out := play(t, o, append([]typed{now(noneApply)}, tt.script...)...)
			if !sameInt(res.Record.Before, tt.want) {
				t.Errorf("before = %s, want %s", showInt(res.Record.Before), showInt(tt.want))
			}
			if tt.line != "" && !has(out, tt.line) {
				t.Errorf("no line %q in:\n%s", tt.line, out)
			}
		})
	}
}

func TestQuitAskFirst(t *testing.T) {
	// q during the tilts (step 2), then y: the first step counts as done.
	o := Options{Evening: config(shortRoutine())}
	res, out := play(t, o, ready(o, typed{28 * sec, "q\n"}, now("y\n"))...)
	assertRecord(t, res, want{End: evening.Left, RedFlag: "none", Completed: []string{"Knee to chest"}, Partial: true})
	if !has(out, "Stop for tonight? y or n") {
		t.Errorf("q did not ask first:\n%s", out)
	}
	if strings.Contains(out, "Step 3 of 4") {
		t.Errorf("the routine went on after quitting:\n%s", out)
	}
}

// TestLeavingSaysTheSummary: however the evening is left once the routine
// has begun (q and yes, the input ending, Ctrl+C, a signal, an error), the
// last lines say what was done; with the pad maybe on, the pad line comes
// after them, last of all.
func TestLeavingSaysTheSummary(t *testing.T) {
	short := Options{Evening: config(shortRoutine())}
	heat := Options{Evening: config(tonightLike())}
	keys := Options{Evening: config(shortRoutine()), Keys: true}
	tests := []struct {
		name   string
		o      Options
		script []typed
		last   []string
	}{
		{name: "q and yes", o: short, script: ready(short, typed{28 * sec, "q\n"}, now("y\n")),
			last: []string{"Stopped for tonight: 1 of 4 steps done."}},
		{name: "the input ends, with the check-ins", o: withCheckIns(short), script: []typed{now(noneApply + "5\nn\n"), typed{3 * sec, "\n"}},
			last: []string{"Stopped for tonight: 0 of 4 steps done. Tightness 5 before."}},
		{name: "Ctrl+C", o: keys, script: ready(keys, typed{30 * sec, "\x03"}),
			last: []string{"Stopped for tonight: 1 of 4 steps done."}},
		{name: "a signal with the pad on", o: heat, script: ready(heat, now("\n"), signalAt(time.Minute)),
			last: []string{"Stopped for tonight: 0 of 5 steps done, 1 skipped. Heat: 1 of 15 minutes.", night.LeftWithPadOn}},
		{name: "heat ended early, then q", o: heat, script: ready(heat, now("\n"), typed{7 * time.Minute, "n\n"}, typed{7*time.Minute + 2*sec, "\n"},
			typed{7*time.Minute + 3*sec, "q\n"}, now("y\n")),
			last: []string{"Stopped for tonight: 0 of 5 steps done, 1 skipped. Heat: 7 of 15 minutes."}},
		{name: "an error with the pad on", o: heat, script: ready(heat, now("\n"), failAt(time.Minute)),
			last: []string{"Stopped for tonight: 0 of 5 steps done, 1 skipped. Heat: 1 of 15 minutes.", night.LeftWithPadOn}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := playIn(t, evtest.Answered(answeredAt), tt.o, tt.script...)
			if !strings.Contains(p.out, "Stopped for tonight:") {
				t.Errorf("no summary when the evening is left:\n%s", p.out)
			}
			if got := lastLines(p.out, len(tt.last)); !slices.Equal(got, tt.last) {
				t.Errorf("the transcript ends with\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.last, "\n"))
			}
		})
	}
}

func TestQuitNoGoesOnAndKeepsTime(t *testing.T) {
	// q at 5 s into a 12 s hold, answered a minute later: the hold stood
	// still meanwhile (nothing said, not its 3 seconds left), so it ends 7 s
	// after the answer.
	o := Options{Evening: config(shortRoutine())}
	p := playIn(t, evtest.Answered(answeredAt), o, ready(o, typed{5 * sec, "q\n"}, typed{65 * sec, "n\n"}, typed{3 * time.Minute, "\n"})...)
	if p.res.End != evening.Finished {
		t.Errorf("end %s, want finished", endName(p.res.End))
	}
	if between := after(t, p.out, "Stop for tonight? y or n"); len(between) == 0 || between[0] != "Going on." {
		t.Errorf("said while the question waited: %q", between)
	}
	if at := p.lineAt(t, "Switch sides: now your right side."); at != 72*sec {
		t.Errorf("the hold ended at %v, want 1m12s: it must stand still while the question waits", at)
	}
}

func TestLeavingDuringHeatEndsWithThePadLine(t *testing.T) {
	// However the person leaves with the pad on, the last line says to
	// switch it off, once. The heat is kept as on from its start to the
	// moment of leaving: skipped when it was counting down, done when its
	// time had run.
	tests := []struct {
		name    string
		keys    bool
		script  []typed
		seconds int
		err     error
	}{
		{name: "q and yes", script: []typed{now("\n"), typed{time.Minute, "q\n"}, now("y\n")}, seconds: 60},
		{name: "the input ends", script: []typed{now("\n"), typed{time.Minute, "n\n"}}, seconds: 60},
		{name: "Ctrl+C", keys: true, script: []typed{now("\n"), typed{time.Minute, "\x03"}}, seconds: 60},
		{name: "q and yes at the pad-off reminder", script: []typed{now("\n"), typed{16 * time.Minute, "q\n"}, now("y\n")}, seconds: 16 * 60},
		{name: "a signal", script: []typed{now("\n"), signalAt(time.Minute)}, seconds: 60, err: context.Canceled},
		{name: "a signal at the pad-off reminder", script: []typed{now("\n"), signalAt(20 * time.Minute)}, seconds: 20 * 60, err: context.Canceled},
		{name: "an error of the input", script: []typed{now("\n"), failAt(time.Minute)}, seconds: 60, err: errInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Evening: config(tonightLike()), Keys: tt.keys}
			p := playIn(t, evtest.Answered(answeredAt), o, ready(o, tt.script...)...)
			if !errors.Is(p.err, tt.err) || (tt.err == nil && p.err != nil) {
				t.Errorf("Run = %v, want %v", p.err, tt.err)
			}
			w := want{End: evening.Left, RedFlag: "none", HeatMinutes: 15, HeatSeconds: tt.seconds, HeatOn: true, HeatQuestion: "no", Partial: true}
			if tt.seconds > 15*60 {
				w.Completed = []string{"Heat"}
			} else {
				w.Skipped = []string{"Heat"}
			}
			assertRecord(t, p.res, w)
			if !p.res.PadLine {
				t.Error("Result.PadLine is false")
			}
			if last := lastLines(p.out, 1)[0]; last != night.LeftWithPadOn {
				t.Errorf("last line %q, want %q:\n%s", last, night.LeftWithPadOn, p.out)
			}
			if n := strings.Count(p.out, night.LeftWithPadOn); n != 1 {
				t.Errorf("the pad line said %d times", n)
			}
		})
	}
}

func TestLeavingWithThePadOffSaysNothingOfIt(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	res, out := play(t, o, ready(o,
		now("\n"), typed{time.Minute, "n\n"}, typed{time.Minute + sec, "\n"}, typed{time.Minute + 5*sec, "q\n"}, now("y\n"))...)
	if strings.Contains(out, night.LeftWithPadOn) || res.PadLine {
		t.Errorf("the pad was said to be off, yet the pad line came:\n%s", out)
	}
}

func TestStopForPain(t *testing.T) {
	o := Options{Evening: config(shortRoutine())}
	res, out := play(t, o, ready(o, typed{30 * sec, "x\n"})...)
	assertRecord(t, res, want{End: evening.Pain, RedFlag: "none", Completed: []string{"Knee to chest"},
		StoppedForPain: true, PainStep: "Tilts"})
	advice := safety.PainStop()
	for _, l := range append([]string{advice.Headline}, advice.Lines...) {
		if !has(out, l) {
			t.Errorf("no line %q in:\n%s", l, out)
		}
	}
}

func TestEndOfInputLeaves(t *testing.T) {
	// Piped input that ends during the stretches: nobody is left to press
	// a key, so the session ends there, kept as partial.
	o := withCheckIns(Options{Evening: config(shortRoutine()), Setup: sideSetup})
	res, out := play(t, o, now(noneApply+"5\nn\n"), typed{3 * sec, "\n"})
	assertRecord(t, res, want{End: evening.Left, RedFlag: "none", Before: ptr(5), Woke: no(), Partial: true})
	if strings.Contains(out, "Switch sides") {
		t.Errorf("the routine went on after the input ended:\n%s", out)
	}
}

func TestPadOffRepeatsUntilEnter(t *testing.T) {
	// Enter 35 s after the heat ends: the cue at 0, 10, 20 and 30 s. Keys
	// other than Enter do not stand for it.
	o := Options{Evening: config(tonightLike())}
	_, out := play(t, o, ready(o,
		now("\n"),
		typed{15*time.Minute + 12*sec, "n\n"}, typed{15*time.Minute + 13*sec, " \n"},
		typed{15*time.Minute + 35*sec, "\n"}, typed{time.Hour, "q\n"}, now("y\n"))...)
	if n := strings.Count(out, padOffLine(safety.HeatDoneCue())); n != 4 {
		t.Errorf("pad-off cue said %d times, want 4:\n%s", n, out)
	}
	if strings.Contains(out, "Paused.") {
		t.Errorf("space paused a routine that waits for the pad:\n%s", out)
	}
}

func TestSkipHeatStillAsksForThePad(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	res, out := play(t, o, ready(o,
		now("\n"), typed{time.Minute, "n\n"}, typed{time.Minute + 2*sec, "\n"}, typed{time.Minute + 3*sec, "q\n"}, now("y\n"))...)
	if !has(out, padOffLine("Heat ended early. Switch the pad off now and take it out of the bed.")) {
		t.Errorf("skipping heat must still ask for the pad:\n%s", out)
	}
	if !has(out, "Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds.") {
		t.Errorf("no step 2 after the pad was off:\n%s", out)
	}
	assertRecord(t, res, want{End: evening.Left, RedFlag: "none", Skipped: []string{"Heat"}, HeatMinutes: 15, HeatSeconds: 62,
		HeatOn: true, HeatQuestion: "no", Partial: true})
}

func TestBackNeverRestartsHeat(t *testing.T) {
	o := Options{Evening: config(tonightLike())}
	_, out := play(t, o, ready(o,
		now("\n"),
		typed{time.Minute, "b\n"},
		typed{15*time.Minute + sec, "\n"},
		typed{15*time.Minute + 2*sec, "b\n"},
		typed{15*time.Minute + 10*sec, "b\n"},
		typed{15*time.Minute + 11*sec, "q\n"}, now("y\n"))...)
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
			o := Options{Evening: config(tonightLike())}
			o.Evening.Plan.HeatMinutes = tt.opts
			script := upFront(o) // the check and the heat question
			if tt.keys != "" && tt.before {
				script = append(script, now(tt.keys))
			}
			script = append(script, now("\n")) // the pad is on
			if tt.keys != "" && !tt.before {
				script = append(script, typed{time.Minute, tt.keys})
			}
			script = append(script, typed{25 * time.Minute, "\n"}) // the pad is off
			res, out := play(t, o, script...)
			if res.Record.HeatMinutes != tt.want || res.Record.HeatSeconds != 25*60 {
				t.Errorf("heat %d minutes, %d seconds; want %d minutes, 1500 seconds (on until enter)", res.Record.HeatMinutes, res.Record.HeatSeconds, tt.want)
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

// TestPrecautionsAdaptTheRoutine: osteoporosis, answered yes to the
// precautions or set in the settings, leaves knee-to-chest out and keeps
// the knee rolls small; the steps are counted in the routine that runs,
// and the reasons are said before it.
func TestPrecautionsAdaptTheRoutine(t *testing.T) {
	r := tonightLike()
	r.Steps[1].Move = routines.MoveKneeToChest
	r.Steps[3].Move = routines.MoveKneeRolls
	for _, setting := range []bool{false, true} {
		t.Run(fmt.Sprint("the setting ", setting), func(t *testing.T) {
			st := evtest.Answered(answeredAt, safety.Osteoporosis)
			if setting {
				st = evtest.Answered(answeredAt)
			}
			o := Options{Evening: config(r)}
			o.Evening.Osteoporosis = setting
			p := playIn(t, st, o, ready(o, now("\n"), typed{15*time.Minute + sec, "\n"}, typed{time.Hour, "\n"})...)
			if strings.Contains(p.out, "Knee to chest") {
				t.Errorf("a step the precautions leave out was played:\n%s", p.out)
			}
			if !has(p.out, "Step 2 of 4. Pelvic tilts. 10 reps: tilt 5 seconds, relax 5 seconds.") || !has(p.out, night.SmallKneeRollsCue) {
				t.Errorf("steps are not counted in the adapted routine, or the rolls are not small:\n%s", p.out)
			}
			for _, l := range safety.Adapt(map[string]bool{safety.Osteoporosis: true}).Reasons {
				if i, j := slices.Index(lines(p.out), l), slices.Index(lines(p.out), "Step 1 of 4. Heat. 15 minutes."); i < 0 || i > j {
					t.Errorf("the reason %q is not said before the routine:\n%s", l, p.out)
				}
			}
			assertRecord(t, p.res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Heat", "Pelvic tilts", "Knee rolls", "Settle in"},
				HeatMinutes: 15, HeatSeconds: 15*60 + 1, HeatOn: true, HeatQuestion: "no"})
		})
	}
}

func TestSuspendSaysOnlyWhatIsTrue(t *testing.T) {
	// The machine sleeps 5 minutes into the heat and wakes 20 minutes
	// later: one pad-off cue, not fourteen minute lines, and the pad may
	// still be on, said once.
	r := tonightLike()
	r.Steps = r.Steps[:1]
	o := Options{Evening: config(r)}
	clock := routines.NewFakeClock(0)
	tok := tokenizer{}
	var pre []event
	for _, s := range upFront(o) {
		pre = append(pre, tok.feed([]byte(s.text))...)
	}
	w := &jumpWaiter{clock: clock, pre: pre, at: 5 * time.Minute, by: 20 * time.Minute}
	var out strings.Builder
	o.Keeper = evening.NewKeeper(evtest.Answered(answeredAt), rollover)
	o.Clock, o.Out, o.wait = clock, &out, w
	o.Now = func() time.Time { return tonightAt.Add(clock.Now()) }
	res, err := Run(context.Background(), o)
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
	if n := strings.Count(got, evening.PadMayBeOnLine(25)); n != 1 {
		t.Errorf("%q said %d times, want once:\n%s", evening.PadMayBeOnLine(25), n, got)
	}
	assertRecord(t, res, want{End: evening.Finished, RedFlag: "none", Completed: []string{"Heat"}, HeatMinutes: 15, HeatSeconds: 25 * 60,
		HeatOn: true, HeatQuestion: "no"})
}

// jumpWaiter gives the events of pre (the questions before the run),
// presses enter to start the heat and then moves the clock by each wait;
// once the clock passes at it jumps by, as a machine waking from sleep
// does. After the jump the next wait gets enter: the pad is off.
type jumpWaiter struct {
	clock   *routines.FakeClock
	pre     []event
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
	case len(w.pre) > 0:
		ev := w.pre[0]
		w.pre = w.pre[1:]
		return ev, true, nil
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
	o := Options{Evening: config(shortRoutine()), Keys: true}
	res, out := play(t, o, ready(o, typed{30 * sec, "\x03"})...)
	assertRecord(t, res, want{End: evening.Left, RedFlag: "none", Completed: []string{"Knee to chest"}, Partial: true})
	if strings.Contains(out, "Stop for tonight?") {
		t.Errorf("Ctrl+C asked first:\n%s", out)
	}
	if !res.Interrupted {
		t.Error("Ctrl+C as a key is not reported as an interrupt (the exit status 130 depends on it)")
	}
}

func TestUnknownLineSaysTheKeys(t *testing.T) {
	o := Options{Evening: config(shortRoutine())}
	_, out := play(t, o, ready(o, typed{5 * sec, "what\n"})...)
	if strings.Count(out, keysLine(false, false)) != 2 {
		t.Errorf("an unknown line should repeat the keys:\n%s", out)
	}
}

func TestTextFromFilesIsCleaned(t *testing.T) {
	r := shortRoutine()
	r.Title = "Short\x1b[31m red\x07"
	r.Steps[0].Cues = []string{"Draw\x1b]0;title\x07 the knee in."}
	o := Options{Evening: config(r)}
	_, out := play(t, o, upFront(o)...)
	// Whole sequences go, not just their ESC: no "[31m" or "0;title" left.
	if !has(out, "Short red: 4 steps, 38 seconds.") || !has(out, "Draw the knee in.") {
		t.Errorf("title not cleaned as expected:\n%s", out)
	}
}

func TestEmptyRoutine(t *testing.T) {
	// Nothing to run: the sleep set-up waits for enter, which ends the
	// night.
	o := Options{Evening: config(routines.Routine{Name: "empty"})}
	res, out := play(t, o, ready(o, now("\n"))...)
	if res.End != evening.Finished || !has(out, "This routine has no steps.") {
		t.Errorf("end %s:\n%s", endName(res.End), out)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("input/output error") }

func TestOutputGoneEndsTheRun(t *testing.T) {
	clock := routines.NewFakeClock(0)
	o := Options{Evening: config(shortRoutine()), Keeper: evening.NewKeeper(evtest.Answered(answeredAt), rollover),
		Clock: clock, Out: failingWriter{}, Now: func() time.Time { return tonightAt.Add(clock.Now()) }}
	o.wait = &scriptWaiter{t: t, clock: clock, script: upFront(o)}
	res, err := Run(context.Background(), o)
	if err == nil || res.End != evening.Left {
		t.Errorf("Run with a dead output = %s, %v; want left and the write error", endName(res.End), err)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	clock := routines.NewFakeClock(0)
	var out strings.Builder
	o := Options{Evening: config(shortRoutine()), Keeper: evening.NewKeeper(evtest.Answered(answeredAt), rollover),
		Clock: clock, Out: &out, Now: func() time.Time { return tonightAt.Add(clock.Now()) }}
	o.wait = &scriptWaiter{t: t, clock: clock, script: upFront(o)}
	res, err := Run(ctx, o)
	if !errors.Is(err, context.Canceled) || res.End != evening.Left || res.Stored {
		t.Errorf("Run with a cancelled context = %s (stored %v), %v", endName(res.End), res.Stored, err)
	}
}

// TestCheckGroupByGroup: each group is asked on its own, under its neutral
// heading, with its questions numbered from 1 and "none of these" for
// them alone; a yes typed at group 2 marks group 2's question, not the
// whole list's.
func TestCheckGroupByGroup(t *testing.T) {
	groups := safety.CheckGroups(safety.Asking{Pattern: true}) // no check asked it yet
	g2 := groups[1]
	// Enter at group 1; 2 at group 2; enter at the rest; enter to confirm.
	script := []typed{now("\n"), now("2\n")}
	for range groups[2:] {
		script = append(script, now("\n"))
	}
	script = append(script, now("\n"), now("y\n"), settled)
	p := playIn(t, evtest.Answered(answeredAt), Options{Evening: config(shortRoutine())}, script...)
	out := p.out
	wantID := g2.Questions[1].ID
	cs := p.store.Checks()
	if len(cs) != 1 || !slices.Equal(cs[0].Yes, []string{wantID}) {
		t.Fatalf("checks kept %+v, want one with yes to %q:\n%s", cs, wantID, out)
	}
	if tier := safety.TierName(g2.Questions[1].Tier); cs[0].Tier != tier || p.res.Record.RedFlag != tier {
		t.Errorf("tier %q (record %q), want %q", cs[0].Tier, p.res.Record.RedFlag, tier)
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
			p := playIn(t, evtest.Answered(answeredAt), Options{Evening: config(shortRoutine()), Keys: keys},
				now(first), now(change), now(noneApply), settled)
			out := p.out
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
			if cs := p.store.Checks(); len(cs) != 1 || len(cs[0].Yes) != 0 || cs[0].Tier != "none" || p.res.End != evening.Finished {
				t.Errorf("checks kept %+v, end %s: the changed answers must count, and only they", cs, endName(p.res.End))
			}
		})
	}
}

// TestCheckInputEndsMidway: input that ends after a group with an
// EMERGENCY yes still gives its outcome (nobody is left to change it); one
// that ends with nothing marked starts nothing and keeps nothing.
func TestCheckInputEndsMidway(t *testing.T) {
	emergency := firstOf(t, safety.Emergency)
	q, _ := safety.QuestionByID(emergency)
	p := playIn(t, evtest.Answered(answeredAt), Options{Evening: config(shortRoutine())}, now(strings.SplitAfter(answers(emergency), "\n")[0]))
	if p.res.Record.RedFlag != "EMERGENCY" || p.res.End != evening.RedFlag || !has(p.out, "- "+q.Report) || strings.Contains(p.out, "Step 1 of") {
		t.Errorf("result %s:\n%s", wantOf(p.res), p.out)
	}
	if cs := p.store.Checks(); len(cs) != 1 || cs[0].Tier != "EMERGENCY" {
		t.Errorf("checks kept %+v", cs)
	}
	p = playIn(t, evtest.Answered(answeredAt), Options{Evening: config(shortRoutine())}, now("\n\n"))
	if p.res.End != evening.Left || p.res.Stored || len(p.store.Checks()) != 0 ||
		!has(p.out, "The input ended before the check was answered, so the routine does not start.") {
		t.Errorf("result %s, %d checks kept:\n%s", wantOf(p.res), len(p.store.Checks()), p.out)
	}
}
