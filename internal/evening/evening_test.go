package evening

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// The first night walks the whole evening: reading, the disclaimer, the
// precautions, the full check, the before check-in with the waking
// question, tonight's heat question, heat claimed and run, the stretches,
// the after check-in and lights out; it ends in the dark, kept as complete
// with every field one builder wrote.
func TestAFirstNightFromStartToLightsOut(t *testing.T) {
	w := evtest.New()
	p := start(t, w, config(), at(10, 22, 0))
	p.mustBe(Disclaimer)
	p.do(Seen{})
	p.mustBe(Precautions)
	p.do(AnsweredPrecautions{Answers: map[string]bool{"osteoporosis": false}})
	p.mustBe(Check) // no full check ever: no shortcut
	p.do(AnsweredCheck{Tier: safety.None})
	p.mustBe(Before)
	if st := p.state(); !st.AskWoke || !st.AllClear {
		t.Fatalf("before: %+v, want the waking question and the all-clear", st)
	}
	p.do(AnsweredBefore{Tightness: score(7), Woke: no()})
	p.mustBe(HeatQuestion)
	p.do(AnsweredHeat{Answer: No})
	p.mustBe(Running)
	if st := p.state().Run; st.Mode != night.Ready || st.Segment.Kind != 1 /* SegHeat */ {
		t.Fatalf("run %+v, want the heat step waiting", st)
	}
	p.do(RunCommand{Command: night.StartHeat})
	if h := p.state().Run.Heat; !h.Started || w.Claims() != 1 {
		t.Fatalf("heat %+v after %d claims, want it started by one claim", h, w.Claims())
	}
	p.wait(15 * time.Minute)
	if st := p.state().Run; st.Mode != night.PadOff {
		t.Fatalf("mode %v after 15 minutes, want the pad-off gate", st.Mode)
	}
	p.wait(35 * time.Second) // three reminders; the gate holds
	p.do(RunCommand{Command: night.PadIsOff})
	p.until(5*time.Minute, func(s State) bool { return s.Stage == After })
	p.do(AnsweredAfter{Tightness: score(4)})
	p.mustBe(Running)
	if !p.state().Run.LightsOut {
		t.Fatal("after the after check-in: no lights out")
	}
	p.wait(2 * time.Minute)
	p.mustBe(Closed)
	st := p.state()
	if !st.Dark || st.End != Finished || st.PadLine {
		t.Fatalf("end %+v, want finished in the dark with the pad off", st)
	}
	got := w.Sessions()
	if len(got) != 1 {
		t.Fatalf("%d sessions stored, want 1", len(got))
	}
	s := got[0]
	want := history.Session{
		ID: 1, Start: at(10, 22, 0), Routine: "tonight",
		Completed:   []string{"Heat", "Knee to chest", "Pelvic tilts", "Settle in"},
		HeatMinutes: 15, Before: score(7), After: score(4), RedFlag: "none", Woke: no(),
		HeatStart: s.HeatStart, HeatSeconds: 15*60 + 35, HeatKnown: true, HeatQuestion: "no", End: s.End,
	}
	if diff := evtest.Diff(s, want, true); diff != "" {
		t.Fatalf("stored session differs: %s", diff)
	}
	if s.HeatStart.Before(at(10, 22, 0)) || s.Partial {
		t.Fatalf("stored %+v", s)
	}
	if len(w.Checks()) != 1 || w.Checks()[0].Tier != "none" || !w.Checks()[0].Full {
		t.Fatalf("checks %+v", w.Checks())
	}
}

// A window left open does not decide on what it read when it opened: an
// EMERGENCY stored by another process a minute ago closes the routine at
// the next decision, and no shortcut or heat is offered.
func TestAnEmergencyElsewhereClosesTheRoutineAtTheNextDecision(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	w.AddCheck(history.Check{At: at(8, 22, 0), Tier: "none", Full: true})
	a := start(t, w, config(), at(10, 22, 0))
	a.mustBe(Shortcut)
	// Another window reports an EMERGENCY now.
	b := start(t, w, Config{Entry: ForCheck, Routine: tonightRoutine(), Rollover: 4}, at(10, 22, 1))
	b.mustBe(Check)
	b.do(AnsweredCheck{Tier: safety.Emergency, Yes: []string{"saddle"}})
	b.mustBe(Outcome)
	// The first window answers its shortcut: the outcome is decided on
	// the store as it is now.
	a.wall = at(10, 22, 2)
	a.do(AnsweredShortcut{Woke: no()})
	a.mustBe(Void)
	st := a.state()
	if st.Void.Void.Tier != safety.Emergency || !slices.Equal(st.Void.Void.Yes, []string{"saddle"}) {
		t.Fatalf("void %+v, want the EMERGENCY with what was reported", st.Void)
	}
	if !st.Void.VoidUntil.Equal(at(11, 10, 1)) {
		t.Fatalf("void until %v, want 12 hours after the answer", st.Void.VoidUntil)
	}
	// A new start in either window shows the outcome again, not a check.
	c := start(t, w, config(), at(11, 9, 0))
	c.mustBe(Void)
	d := start(t, w, Config{Entry: ForCheck, Routine: tonightRoutine(), Rollover: 4}, at(11, 9, 0))
	d.mustBe(Void)
	e := start(t, w, config(), at(11, 10, 2))
	if e.stage() == Void {
		t.Fatal("the void held past 12 hours and the night")
	}
}

// A key typed before the history is read waits with it; when the store
// cannot be read the evening fails closed with the two questions.
func TestAnUnreadableHistoryFailsClosed(t *testing.T) {
	w := evtest.New()
	w.ReadErr = errors.New("disk I/O error")
	for _, tc := range []struct {
		name       string
		help, heat Answer
		settleOnly bool
		heatOut    bool
	}{
		{"no and no", No, No, false, false},
		{"not sure whether told to get help", NotSure, No, true, true},
		{"yes, heat in the last 2 hours", No, Yes, false, true},
		{"not sure about heat", No, NotSure, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := start(t, w, config(), at(10, 22, 0))
			p.mustBe(Unknown)
			p.do(AnsweredCheck{Tier: safety.None}) // a key for another question: nothing
			p.mustBe(Unknown)
			p.do(AnsweredUnknown{HelpOrPain: tc.help, HeatRecently: tc.heat})
			if p.stage() == Disclaimer {
				p.do(Seen{})
			}
			if p.stage() == Precautions {
				p.do(AnsweredPrecautions{Answers: map[string]bool{}})
			}
			p.mustBe(Check) // never the shortcut when tonight is unknown
			p.do(AnsweredCheck{Tier: safety.None})
			p.do(AnsweredBefore{Tightness: score(5), Woke: no()})
			if tc.heatOut && p.stage() == HeatQuestion {
				t.Fatal("the heat question asked when heat is out")
			}
			if p.stage() == HeatQuestion {
				p.do(AnsweredHeat{Answer: No})
			}
			p.mustBe(Running)
			plan := p.e.Run().Plan()
			if got := plan.HeatMinutes() == 0; got != tc.heatOut {
				t.Errorf("heat out %v, want %v", got, tc.heatOut)
			}
			settleOnly := len(plan.Steps()) == 1
			if settleOnly != tc.settleOnly {
				t.Errorf("settle only %v, want %v (steps %v)", settleOnly, tc.settleOnly, plan.Steps())
			}
		})
	}
	// No store at all is the same.
	p := start(t, nil, config(), at(10, 22, 0))
	p.mustBe(Unknown)
}

// Woken by pain that nothing eased leads to the full check at once after
// the shortcut, and the waking question is asked once a night.
func TestWokenAndNothingEasedLeadsToTheFullCheck(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	w.AddCheck(history.Check{At: at(8, 22, 0), Tier: "none", Full: true})
	p := start(t, w, config(), at(10, 22, 0))
	p.mustBe(Shortcut)
	// The shortcut's waking question answered yes: the full check.
	p.do(AnsweredShortcut{Yes: []string{safety.ShortcutWokeByPain}, Woke: yes()})
	p.mustBe(Check)
	p.do(AnsweredCheck{Tier: safety.None})
	p.mustBe(Before)
	if p.state().AskWoke {
		t.Fatal("the waking question asked again after the shortcut asked it")
	}
	p.do(AnsweredBefore{Tightness: score(6)})
	p.mustBe(Eased)
	p.do(AnsweredEased{Eased: false})
	p.mustBe(HeatQuestion) // the full check was taken tonight: on to the routine
	p.do(Leave{})
	if s := w.Sessions()[0]; s.Woke == nil || !*s.Woke || s.WokeNothingEases == nil || !*s.WokeNothingEases {
		t.Fatalf("stored woke %v nothing eased %v", s.Woke, s.WokeNothingEases)
	}

	// A second window the same night asks neither again; after the
	// shortcut the woken-and-nothing-eased answer sends it to the check.
	q := start(t, w, config(), at(10, 22, 30))
	q.mustBe(Check) // a yes tonight: no shortcut
	q.do(AnsweredCheck{Tier: safety.None})
	q.mustBe(Before)
	if q.state().AskWoke {
		t.Fatal("the waking question asked in a second window the same night")
	}

	// The shortcut said nothing new, then the before check-in says woken
	// and nothing eased it: the full check at once.
	w2 := evtest.Answered(at(9, 22, 0))
	w2.AddCheck(history.Check{At: at(8, 22, 0), Tier: "none", Full: true})
	r := start(t, w2, config(), at(10, 22, 0))
	r.mustBe(Shortcut)
	r.do(AnsweredShortcut{})
	r.mustBe(Before)
	if !r.state().AskWoke {
		t.Fatal("the shortcut did not give the waking answer, but the before check-in does not ask it")
	}
	r.do(AnsweredBefore{Tightness: score(6), Woke: yes()})
	r.mustBe(Eased)
	r.do(AnsweredEased{Eased: false})
	r.mustBe(Check)
	r.do(AnsweredCheck{Tier: safety.Urgent, Yes: []string{"pain-nothing-eases"}})
	r.mustBe(Outcome)
}

// The shortcut asks the waking question only when it was not answered
// tonight: after a session earlier tonight that answered it (the routine
// done, then another start), its other questions only, and the evening
// keeps the earlier answer.
func TestTheShortcutAsksTheWakingQuestionOnceANight(t *testing.T) {
	ids := func(qs []safety.ShortcutQuestion) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	all := []string{safety.ShortcutAnythingNew, safety.ShortcutWokeByPain, safety.ShortcutStretchPain}
	for _, tc := range []struct {
		name    string
		earlier *history.Session
		want    []string
		woke    *bool
	}{
		{name: "the first start tonight", want: all},
		{name: "answered no earlier tonight", earlier: &history.Session{Start: at(10, 21, 0), End: at(10, 21, 20), Routine: "tonight",
			RedFlag: history.TierNone, Woke: no(), Completed: []string{"Knee to chest"}, HeatKnown: true},
			want: []string{safety.ShortcutAnythingNew, safety.ShortcutStretchPain}, woke: no()},
		{name: "not answered earlier tonight", earlier: &history.Session{Start: at(10, 21, 0), End: at(10, 21, 20), Routine: "tonight",
			RedFlag: history.TierNone, HeatKnown: true}, want: all},
		{name: "answered last night", earlier: &history.Session{Start: at(9, 21, 0), End: at(9, 21, 20), Routine: "tonight",
			RedFlag: history.TierNone, Woke: no(), HeatKnown: true}, want: all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := evtest.Answered(at(1, 22, 0))
			w.AddCheck(history.Check{At: at(8, 22, 0), Tier: "none", Full: true})
			if tc.earlier != nil {
				w.AddSession(*tc.earlier)
			}
			p := start(t, w, config(), at(10, 22, 0))
			p.mustBe(Shortcut)
			if got := ids(p.state().ShortcutQuestions); !slices.Equal(got, tc.want) {
				t.Fatalf("the shortcut asks %q, want %q", got, tc.want)
			}
			p.do(AnsweredShortcut{})
			p.mustBe(Before)
			if ask := p.state().AskWoke; ask != (tc.woke == nil) {
				t.Errorf("the before check-in asks the waking question: %v", ask)
			}
			p.do(AnsweredBefore{Tightness: score(5)})
			p.do(Leave{})
			own := w.Sessions()[len(w.Sessions())-1]
			if (own.Woke == nil) != (tc.woke == nil) || own.Woke != nil && *own.Woke != *tc.woke {
				t.Errorf("kept woke %v, want %v", own.Woke, tc.woke)
			}
		})
	}
}

// Nobody answers the after check-in: lights out comes by itself after a
// minute, and the number stays unanswered; the night is complete.
func TestLightsOutComesByItself(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	p := start(t, w, config(), at(10, 22, 0))
	p.throughToRun(no())
	p.do(RunCommand{Command: night.Skip}) // no heat tonight
	p.until(10*time.Minute, func(s State) bool { return s.Stage == After })
	p.wait(59 * time.Second)
	p.mustBe(After)
	p.wait(time.Second)
	if !p.hasNote(LightsOutByItself) || !p.state().Run.LightsOut {
		t.Fatalf("after a minute: stage %v, lights out %v", p.stage(), p.state().Run.LightsOut)
	}
	p.wait(2 * time.Minute)
	p.mustBe(Closed)
	s := w.Sessions()[0]
	if s.Partial || s.After != nil || !p.state().Dark {
		t.Fatalf("stored %+v, want complete with no after", s)
	}
}

// BOOK asks to go on; "no" ends the evening as finished, a check of its
// own; `supine check` on a void night shows the outcome and asks nothing.
func TestBookAndTheCheckOnItsOwn(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	p := start(t, w, config(), at(10, 22, 0))
	p.do(AnsweredCheck{Tier: safety.Book, Yes: []string{"weeks"}})
	p.mustBe(Outcome)
	p.do(GoOn{})
	p.mustBe(Before)
	p.do(Leave{})

	q := start(t, w, config(), at(10, 22, 10))
	q.do(AnsweredCheck{Tier: safety.Book, Yes: []string{"weeks"}})
	q.do(Stop{})
	q.mustBe(Closed)
	if s := w.Sessions()[1]; s.Partial || s.RedFlag != "BOOK" {
		t.Fatalf("stored %+v", s)
	}

	c := start(t, w, Config{Entry: ForCheck, Routine: tonightRoutine(), Rollover: 4}, at(10, 22, 20))
	c.mustBe(Check)
	c.do(AnsweredCheck{Tier: safety.Urgent, Yes: []string{"fever"}})
	c.mustBe(Outcome)
	c.do(Stop{})
	if len(w.Sessions()) != 2 {
		t.Fatal("the check on its own stored a session")
	}
	again := start(t, w, Config{Entry: ForCheck, Routine: tonightRoutine(), Rollover: 4}, at(10, 23, 0))
	again.mustBe(Void)
}

// While "Stop for tonight?" is open, a stretch waits and heat does not, in
// every front end alike.
func TestAskingToLeavePausesAStretchNotHeat(t *testing.T) {
	w := evtest.Answered(at(9, 22, 0))
	p := start(t, w, config(), at(10, 22, 0))
	p.throughToRun(no())
	p.do(RunCommand{Command: night.StartHeat})
	p.do(AskLeave{})
	if p.state().Run.Mode != night.Running {
		t.Fatal("asking paused the heat")
	}
	p.do(KeepGoing{})
	p.do(RunCommand{Command: night.Skip})
	p.do(RunCommand{Command: night.PadIsOff})
	p.until(time.Minute, func(s State) bool { return s.Run.Segment.Kind == 2 /* SegHold */ })
	p.do(AskLeave{})
	if p.state().Run.Mode != night.Paused || !p.state().Asking {
		t.Fatal("asking did not pause the stretch")
	}
	p.do(KeepGoing{})
	if p.state().Run.Mode != night.Running {
		t.Fatal("keep going did not resume the stretch")
	}
}

// A save that fails is said once, and a later one that works clears it.
func TestASaveThatFailsIsToldAndClearedByALaterOne(t *testing.T) {
	p := &proc{t: t}
	e, _ := New(config(), Moment{Wall: at(10, 22, 0)})
	p.e = e
	var r Reply
	e.checked = true
	e.saved(Saved{Seq: 1, Err: errors.New("disk full")}, &r)
	if e.State(Moment{}).SaveErr == nil || len(r.Notes) != 1 {
		t.Fatal("a failed save was not told")
	}
	e.saved(Saved{Seq: 2}, &r)
	if e.State(Moment{}).SaveErr != nil {
		t.Fatal("a later save that worked left the warning")
	}
	e.saved(Saved{Seq: 1, Err: errors.New("late")}, &r)
	if e.State(Moment{}).SaveErr != nil {
		t.Fatal("an older answer overwrote a newer one")
	}
}

// The end of the stretches and lights out are said in one cue when
// nothing comes between them (check-ins off): two at one moment would be
// one heard, a voice keeping the newer line (issue 22). With check-ins on,
// "stretches done" comes with the after check-in, lights out after it.
func TestTheEndOfTheStretchesAndLightsOutAreOneCueWithNothingBetween(t *testing.T) {
	said := func(p *proc) []string {
		var out []string
		for _, e := range p.events {
			if e.Kind == night.Cue && e.Cue == cues.Done {
				w := e.Words
				if e.LightsOut {
					w = "lights out: " + w
				}
				out = append(out, w)
			}
		}
		return out
	}
	t.Run("check-ins off", func(t *testing.T) {
		cfg := config()
		cfg.CheckIns = false
		p := start(t, evtest.Answered(at(9, 22, 0)), cfg, at(10, 22, 0))
		switch p.stage() {
		case Shortcut:
			p.do(AnsweredShortcut{Woke: no()})
		case Check:
			p.do(AnsweredCheck{Tier: safety.None})
		}
		if p.stage() == HeatQuestion {
			p.do(AnsweredHeat{Answer: No})
		}
		p.mustBe(Running)
		p.do(RunCommand{Command: night.Skip}) // no heat tonight
		p.until(10*time.Minute, func(s State) bool { return s.Run.LightsOut })
		if got, want := said(p), []string{"lights out: " + night.LightsOutAtOnceWords}; !slices.Equal(got, want) {
			t.Errorf("said %q, want %q", got, want)
		}
	})
	t.Run("check-ins on", func(t *testing.T) {
		p := start(t, evtest.Answered(at(9, 22, 0)), config(), at(10, 22, 0))
		p.throughToRun(no())
		p.do(RunCommand{Command: night.Skip})
		p.until(10*time.Minute, func(s State) bool { return s.Stage == After })
		p.do(AnsweredAfter{Tightness: score(4)})
		if got, want := said(p), []string{night.StretchesDoneWords, "lights out: " + night.LightsOutWords}; !slices.Equal(got, want) {
			t.Errorf("said %q, want %q", got, want)
		}
	})
}
