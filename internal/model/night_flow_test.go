package model

import (
	"github.com/supine-app/supine/internal/screens/screentest"
	"strings"
	"testing"
	"time"
)

// TestClosingWithThePadOnSaysSo: however the app closes while the pad is
// on (q and y, Ctrl+C, a hang-up, or a SIGTERM that never reaches the
// model), the final model says so and the CLI prints the pad-off line.
func TestClosingWithThePadOnSaysSo(t *testing.T) {
	for _, how := range []string{"q y", "ctrl+c", "closed"} {
		t.Run(how, func(t *testing.T) {
			d := atPlayer(t, testOptions(&fakeStore{}))
			if d.m.Closed().PadMayBeOn() {
				t.Fatal("the pad is not on yet, but closing says it may be")
			}
			d.press("enter") // the pad goes on
			d.advance(30 * time.Second)
			switch how {
			case "closed":
			case "q y":
				d.press("q")
				d.expectText("The pad may be on")
				d.press("y")
			default:
				d.press(how)
			}
			m := d.m.Closed()
			if !m.PadMayBeOn() {
				t.Fatalf("closing (%s) with the pad on does not say so", how)
			}
			if r := m.ev.Record(m.moment()); r.HeatSeconds != 30 || r.HeatMinutes != 15 {
				t.Errorf("record %+v, want 30 s of heat kept", r)
			}
		})
	}
	d := atPlayer(t, testOptions(&fakeStore{}))
	d.press("enter", "n") // heat ended early: the pad-off gate
	if !d.m.Closed().PadMayBeOn() {
		t.Fatal("closing at the pad-off gate does not say the pad may be on")
	}
	d.press("enter") // the pad is off
	if d.m.Closed().PadMayBeOn() {
		t.Error("the pad is off, but closing still says it may be on")
	}
}

// TestHeatOnceANight: once the pad went on, no later start that night
// offers heat, in this process or the next.
func TestHeatOnceANight(t *testing.T) {
	st := &fakeStore{}
	d := atPlayer(t, testOptions(st))
	d.press("enter") // the pad goes on
	d.advance(time.Minute)
	d.press("n", "enter") // ends early; the pad is off
	d.expectText("Knee to chest")
	d.press("q", "y")

	again := newDriver(t, testOptions(st), 80, 24)
	again.expectText("Heat is left out")
	again.press("s", "n", "3")
	again.expect(ScreenPlayer)
	again.expectText("Knee to chest", "step 1 of 4")
	if strings.Contains(again.text(), "Ready") {
		t.Error("heat offered again on the same night")
	}
}

// TestPainStopLeavesTheSleepSetUpOnly: after x, the night goes on with the
// sleep set-up alone, and the next start asks the full check.
func TestPainStopLeavesTheSleepSetUpOnly(t *testing.T) {
	st := &fakeStore{}
	st.RecordCheck(tonightAt.Add(-24*time.Hour), "none") // a recent clear check
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.expect(ScreenRecheck)
	d.press("n", "4")
	d.expect(ScreenPlayer)
	d.press("n") // heat skipped before the pad went on
	d.press("x")
	d.expect(ScreenOutcome)
	d.press("esc")
	d.expect(ScreenHome)
	d.expectText("stopped for pain")
	d.press("s")
	d.expect(ScreenCheck) // never "anything new?" after a pain stop
	d.press("n", "4")
	d.expect(ScreenPlayer)
	d.expectText("Settle in", "step 1 of 1")
}

// TestAMutedHeatStepSaysItsReminderIsSilent: with the bell off, the heat
// step and the pad-off gate say the reminder makes no sound.
func TestAMutedHeatStepSaysItsReminderIsSilent(t *testing.T) {
	opts := testOptions(&fakeStore{})
	opts.Bell = false
	d := atPlayer(t, opts)
	d.expectText("the end of the heat will be silent", "switches itself off")
	d.press("enter", "n")
	d.expectText("this reminder is silent")
}

// TestSeverePainDuringTheExercisesLeavesThemOut: the BOOK answer "severe
// pain during the exercises" goes on, after a yes, with heat and the sleep
// set-up only, and the rest of the night stays that way.
func TestSeverePainDuringTheExercisesLeavesThemOut(t *testing.T) {
	d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
	d.press("s", "page", "page", "page", "down", "down", "space", "finish")
	d.expect(ScreenOutcome)
	d.expectText("BOOK", "without the stretches")
	d.press("y", "4")
	d.expect(ScreenPlayer)
	d.expectText("Heat", "step 1 of 2")
	d.press("n") // heat skipped before the pad went on
	d.expectText("Settle in", "step 2 of 2")
	d.press("q", "y")

	again := newDriver(t, testOptions(d.store), 80, 24)
	again.expectText("The stretches are left out tonight")
}

// TestLightsOutSavesACompleteNight: the "after" check-in comes right after
// the last stretch, lights out follows, and a key in the dark (or its end)
// closes the app with the night saved as complete, not partial.
func TestLightsOutSavesACompleteNight(t *testing.T) {
	st := &fakeStore{}
	opts := testOptions(st)
	opts.Settle = 2 * time.Minute
	d := atPlayer(t, opts)
	d.press("n", "n", "n", "n") // heat, then each stretch skipped
	d.expect(ScreenCheckin)
	d.press("2")
	d.expect(ScreenPlayer)
	d.expectText("Lights out")
	d.press("z") // any key in the dark ends the night
	if !d.quit {
		t.Fatal("the night ended but the app stayed open")
	}
	s := onlySession(t, st)
	if s.Partial || score(s.After) != "2" {
		t.Errorf("session = %+v, want complete with after 2", s)
	}
}

// TestTheWakingQuestionIsStored: the "before" check-in asks whether back
// pain woke the person last night, and the answer is kept with the night.
func TestTheWakingQuestionIsStored(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s", "n")
	d.expect(ScreenCheckin)
	d.send(screentest.Key("1"))
	d.send(screentest.Key("0"))
	d.send(screentest.Key("enter"))
	d.expectText("wake you last night")
	d.send(screentest.Key("y"))
	// Woken: the follow-up, once (CONTENT.md section 7).
	d.expectText("Did anything ease it")
	d.send(screentest.Key("y"))
	d.passHeatQuestion()
	d.expect(ScreenPlayer)
	s := onlySession(t, st)
	if s.Woke == nil || !*s.Woke || score(s.Before) != "10" || s.WokeNothingEases == nil || *s.WokeNothingEases {
		t.Errorf("session before %s, woke %v, nothing eased %v: want before 10 (typed 1 then 0), woke yes, eased", score(s.Before), s.Woke, s.WokeNothingEases)
	}
}

// TestTighterAfterTheStretchesIsSaid: 2 or more points up after a night
// with stretches done, the summary says they may not suit right now.
func TestTighterAfterTheStretchesIsSaid(t *testing.T) {
	for _, tc := range []struct {
		after string
		want  bool
	}{{"6", true}, {"5", false}} {
		d := newDriver(t, testOptions(&fakeStore{}), 80, 40)
		d.press("s", "n", "4", "n") // before 4; heat skipped
		for i := 0; i < 20 && strings.Contains(d.text(), "Knee to chest"); i++ {
			d.advance(25 * time.Second) // each hold and switch runs out
		}
		d.press("n", "n")
		d.expectText("Settle in")
		d.press("enter", tc.after)
		d.expect(ScreenSummary)
		if got := strings.Contains(d.text(), "may not suit you right now"); got != tc.want {
			t.Errorf("after %s: said %v, want %v:\n%s", tc.after, got, tc.want, d.text())
		}
	}
}
