package model

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/night"
)

func TestQuitMidRoutineAsksFirst(t *testing.T) {
	st := &fakeStore{}
	d := atPlayer(t, testOptions(st))
	d.press("enter") // the heat countdown starts
	if d.timers == 0 {
		t.Fatalf("the running heat step scheduled no tick")
	}
	d.advance(time.Minute)

	d.press("q")
	if d.quit || !d.m.confirmQuit {
		t.Fatalf("q mid-routine: quit = %v, overlay = %v; want the overlay and no quit", d.quit, d.m.confirmQuit)
	}
	d.expectText("Stop for tonight?", "What you have done is kept.")
	d.expect(ScreenPlayer)

	d.press("n")
	if d.m.confirmQuit || d.quit {
		t.Fatalf("n did not close the overlay: overlay = %v, quit = %v", d.m.confirmQuit, d.quit)
	}
	d.expect(ScreenPlayer)
	if got := d.text(); strings.Contains(got, "Stop for tonight?") {
		t.Fatalf("the overlay is still drawn:\n%s", got)
	}

	// Keys under the overlay go to the overlay, not to the player.
	d.press("q")
	before := d.m.player.WindowTitle()
	d.press("x", "space", "n")
	if !(d.m.screen == ScreenPlayer && !d.m.confirmQuit) {
		t.Fatalf("n after x and space under the overlay: screen %s, overlay %v", screenName(d.m.screen), d.m.confirmQuit)
	}
	if d.m.player.WindowTitle() != before {
		t.Fatalf("keys under the overlay reached the player: %q, then %q", before, d.m.player.WindowTitle())
	}

	d.press("q", "y")
	if !d.quit || !d.m.quitting {
		t.Fatalf("q then y did not quit")
	}
	if v := d.view(); v != "" {
		t.Errorf("the last frame after quitting is %q, want it empty", v)
	}
	if err := d.m.SaveNow(); err != nil {
		t.Fatal(err)
	}
	s := onlySession(t, st)
	if !s.Partial || score(s.Before) != "4" || s.After != nil || s.HeatMinutes != 15 {
		t.Errorf("session = %+v, want partial, before 4, 15 heat minutes", s)
	}
}

func TestQuitWhereNothingRunsIsImmediate(t *testing.T) {
	for _, keys := range [][]string{{}, {"c"}, {"t"}, {"w"}, {"s", "n"}} {
		d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
		d.press(keys...)
		d.press("q")
		if !d.quit || d.m.confirmQuit {
			t.Errorf("after %q, q: quit = %v, overlay = %v; want quit at once", keys, d.quit, d.m.confirmQuit)
		}
	}
}

// stateBuilders reach each screen of the app from a fresh model.
var stateBuilders = []struct {
	name string
	keys []string
}{
	{"home", nil},
	{"check", []string{"s"}},
	{"outcome", []string{"c", "n"}},
	{"checkin", []string{"s", "n"}},
	{"player", []string{"s", "n", "4"}},
	{"player running", []string{"s", "n", "4", "enter"}},
	{"quit overlay", []string{"s", "n", "4", "enter", "q"}},
	{"summary", []string{"s", "n", "4", "n", "n", "n", "n", "enter", "2"}},
	{"tips", []string{"t"}},
	{"why", []string{"w"}},
	{"history", []string{"h"}},
}

func TestCtrlCAndHangupQuitAnywhere(t *testing.T) {
	for _, b := range stateBuilders {
		for _, how := range []string{"ctrl+c", "hangup"} {
			t.Run(b.name+"/"+how, func(t *testing.T) {
				st := &fakeStore{}
				d := newDriver(t, testOptions(st), 80, 24)
				d.press(b.keys...)
				if how == "ctrl+c" {
					d.press("ctrl+c")
				} else {
					d.send(HangupMsg{})
				}
				if !d.quit || !d.m.quitting {
					t.Fatalf("%s did not quit", how)
				}
				if err := d.m.SaveNow(); err != nil {
					t.Fatal(err)
				}
				saved := st.saved()
				switch {
				case slices.Contains(b.keys, "4") && b.name != "summary":
					if len(saved) != 1 || !saved[0].Partial {
						t.Errorf("sessions after %s mid-routine = %+v, want one partial", how, saved)
					}
				case b.name == "summary":
					if len(saved) != 1 || saved[0].Partial {
						t.Errorf("sessions after %s on the summary = %+v, want one finished", how, saved)
					}
				}
			})
		}
	}
}

// TestHangupMidStepKeepsWhatWasDone: a step done before the terminal went
// away is in the partial session.
func TestHangupMidStepKeepsWhatWasDone(t *testing.T) {
	st := &fakeStore{}
	d := atPlayer(t, testOptions(st))
	d.press("n", "n") // heat skipped, knee to chest skipped: pelvic tilts run
	d.expectText("Pelvic tilts")
	d.send(HangupMsg{})
	if err := d.m.SaveNow(); err != nil {
		t.Fatal(err)
	}
	s := onlySession(t, st)
	if !s.Partial || !slices.Equal(s.Skipped, []string{"Heat", "Knee to chest"}) || s.StoppedForPain {
		t.Errorf("session = %+v, want partial with heat and knee to chest skipped", s)
	}
}

// TestTheQuitQuestionPausesAStretch: while "Stop for tonight?" waits, a
// stretch waits too (the evening pauses it, in every front end); n
// resumes it where it was. Heat never pauses (the pad keeps heating).
func TestTheQuitQuestionPausesAStretch(t *testing.T) {
	d := atPlayer(t, testOptions(&fakeStore{}))
	d.press("n") // skip heat: knee to chest
	d.advance(2 * time.Second)
	left := d.m.ev.State(d.m.moment()).Run.Left
	d.press("q")
	if !d.m.confirmQuit || d.m.ev.State(d.m.moment()).Run.Mode != night.Paused {
		t.Fatalf("q did not ask, or the stretch ran on under the question")
	}
	d.clock.Advance(time.Minute)
	d.press("enter") // enter answers nothing here
	if !d.m.confirmQuit {
		t.Fatal("enter answered the quit question")
	}
	d.press("n")
	st := d.m.ev.State(d.m.moment())
	if d.m.confirmQuit || st.Run.Mode != night.Running || st.Run.Left != left {
		t.Fatalf("after n: asking %v, mode %v, %v left; want running on with %v", d.m.confirmQuit, st.Run.Mode, st.Run.Left, left)
	}
}
