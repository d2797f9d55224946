package night

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/routines"
)

const t0 = time.Hour // a clock time to start at

// setups put a run into each mode; each returns the run and the clock time.
func setups(t *testing.T) map[string]func() (*Run, time.Duration) {
	tonight := routines.Expand(builtin(t, "tonight"), routines.Options{})
	noHeat := routines.Expand(builtin(t, "tonight"), routines.Options{NoHeat: true})
	settle := routines.Expand(builtin(t, "tonight"), routines.Options{SettleOnly: true})
	quiet := routines.Expand(builtin(t, "tonight"), routines.Options{SettleOnly: true, Settle: 2 * time.Minute})
	getReady := routines.Expand(builtin(t, "tonight"), routines.Options{NoHeat: true, GetReady: 5 * time.Second})
	return map[string]func() (*Run, time.Duration){
		"ready": func() (*Run, time.Duration) { r, _ := New(tonight, t0); return r, t0 + time.Second },
		"heat": func() (*Run, time.Duration) {
			r, _ := New(tonight, t0)
			r.Do(StartHeat, t0+time.Second)
			return r, t0 + 5*time.Minute
		},
		"padoff": func() (*Run, time.Duration) {
			r, _ := New(tonight, t0)
			r.Do(StartHeat, t0)
			r.Tick(t0 + 15*time.Minute)
			return r, t0 + 15*time.Minute + time.Second
		},
		"padoff-pain": func() (*Run, time.Duration) {
			r, _ := New(tonight, t0)
			r.Do(StartHeat, t0)
			r.Do(StopForPain, t0+time.Minute)
			return r, t0 + time.Minute + time.Second
		},
		"stretch": func() (*Run, time.Duration) { r, _ := New(noHeat, t0); return r, t0 + 10*time.Second },
		"paused": func() (*Run, time.Duration) {
			r, _ := New(noHeat, t0)
			r.Do(TogglePause, t0+10*time.Second)
			return r, t0 + 10*time.Minute
		},
		"settle": func() (*Run, time.Duration) { r, _ := New(settle, t0); return r, t0 + time.Second },
		"quiet":  func() (*Run, time.Duration) { r, _ := New(quiet, t0); return r, t0 + time.Second },
		"lightsout": func() (*Run, time.Duration) {
			r, _ := New(quiet, t0)
			r.Do(StartSettle, t0+time.Second)
			return r, t0 + time.Minute
		},
		"getready": func() (*Run, time.Duration) { r, _ := New(getReady, t0); return r, t0 + 2*time.Second },
		"ended": func() (*Run, time.Duration) {
			r, _ := New(tonight, t0)
			r.Do(Leave, t0)
			return r, t0 + time.Second
		},
	}
}

func TestCommandInEachMode(t *testing.T) {
	mk := setups(t)
	for _, tc := range []struct {
		setup  string
		cmd    Command
		mode   Mode
		reason EndReason
		kind   EventKind // an event of this kind, unless -1
		words  string    // in some event's words
	}{
		{"ready", StartHeat, Running, NotEnded, HeatStarted, "Heat on for 15 minutes"},
		{"ready", TogglePause, Ready, NotEnded, -1, ""},
		{"ready", Skip, Running, NotEnded, StepEnded, ""},
		{"ready", Back, Ready, NotEnded, -1, ""},
		{"ready", HeatMore, Ready, NotEnded, -1, ""},
		{"ready", HeatLess, Ready, NotEnded, Refused, "15 to 20 minutes"},
		{"ready", PadIsOff, Ready, NotEnded, -1, ""},
		{"ready", Finish, Ready, NotEnded, -1, ""},
		{"ready", StopForPain, Ended, StoppedForPain, RunEnded, ""},
		{"ready", Leave, Ended, Left, RunEnded, ""},
		{"ready", StartSettle, Ready, NotEnded, Refused, "Lights out comes at the end"},

		{"heat", StartHeat, Running, NotEnded, -1, ""},
		{"heat", TogglePause, Running, NotEnded, Refused, "cannot be paused"},
		{"heat", Skip, PadOff, NotEnded, Cue, "Heat ended early. Switch the pad off"},
		{"heat", Back, Running, NotEnded, Refused, "cannot be restarted"},
		{"heat", HeatMore, Running, NotEnded, -1, ""},
		{"heat", HeatLess, Running, NotEnded, Refused, "15 to 20 minutes"},
		{"heat", PadIsOff, Running, NotEnded, -1, ""},
		{"heat", Finish, Running, NotEnded, -1, ""},
		{"heat", StopForPain, PadOff, NotEnded, Cue, "look at your skin"},
		{"heat", Leave, Ended, Left, Cue, LeftWithPadOn},
		{"heat", StartSettle, Running, NotEnded, Refused, "Lights out comes at the end"},

		{"padoff", StartHeat, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff", TogglePause, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff", Skip, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff", Back, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff", HeatMore, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff", HeatLess, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff", PadIsOff, Running, NotEnded, Entered, "Knee to chest. Left side. Hold 20 seconds."},
		{"padoff", Finish, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff", StopForPain, PadOff, NotEnded, Cue, "look at your skin"},
		{"padoff", Leave, Ended, Left, Cue, LeftWithPadOn},
		{"padoff", StartSettle, PadOff, NotEnded, Refused, "Switch the pad off"},

		{"padoff-pain", Skip, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff-pain", Finish, PadOff, NotEnded, Refused, "Switch the pad off"},
		{"padoff-pain", PadIsOff, Ended, StoppedForPain, RunEnded, ""},
		{"padoff-pain", Leave, Ended, StoppedForPain, Cue, LeftWithPadOn},

		{"stretch", StartHeat, Running, NotEnded, -1, ""},
		{"stretch", TogglePause, Paused, NotEnded, -1, ""},
		{"stretch", Skip, Running, NotEnded, Entered, "Pelvic tilts. Tilt on each tone, for a slow count of five; then relax."},
		{"stretch", Back, Running, NotEnded, Entered, "Knee to chest."},
		{"stretch", HeatMore, Running, NotEnded, -1, ""},
		{"stretch", PadIsOff, Running, NotEnded, -1, ""},
		{"stretch", Finish, Running, NotEnded, -1, ""},
		{"stretch", StopForPain, Ended, StoppedForPain, RunEnded, ""},
		{"stretch", Leave, Ended, Left, RunEnded, ""},
		{"stretch", StartSettle, Running, NotEnded, Refused, "Lights out comes at the end"},

		{"paused", TogglePause, Running, NotEnded, -1, ""},
		{"paused", Skip, Running, NotEnded, StepEnded, ""},
		{"paused", Back, Running, NotEnded, Entered, "Knee to chest."},
		{"paused", StopForPain, Ended, StoppedForPain, RunEnded, ""},
		{"paused", StartSettle, Paused, NotEnded, Refused, "Lights out comes at the end"},

		// The get-ready is a stretch segment like any other, and names the step.
		{"getready", TogglePause, Paused, NotEnded, -1, ""},
		{"getready", Skip, Running, NotEnded, Cue, "Get ready: pelvic tilts."},
		{"getready", Back, Running, NotEnded, Cue, "Get ready: knee to chest, left side."},
		{"getready", Finish, Running, NotEnded, -1, ""},
		{"getready", StartSettle, Running, NotEnded, Refused, "Lights out comes at the end"},

		{"settle", Skip, Settle, NotEnded, Refused, "last step"},
		{"settle", TogglePause, Settle, NotEnded, -1, ""},
		{"settle", Finish, Ended, Finished, RunEnded, ""},
		{"settle", StopForPain, Ended, StoppedForPain, RunEnded, ""},
		{"settle", Leave, Ended, Left, RunEnded, ""},
		{"settle", StartSettle, Settle, NotEnded, Refused, "No quiet time is set"},

		// Lights out: waits for StartSettle, then ends by itself or by any key.
		{"quiet", StartSettle, Running, NotEnded, Cue, LightsOutWords},
		{"quiet", Finish, Ended, Finished, RunEnded, ""},
		{"quiet", Skip, Settle, NotEnded, Refused, "last step"},
		{"quiet", TogglePause, Settle, NotEnded, -1, ""},
		{"lightsout", StartSettle, Running, NotEnded, Refused, "on already"},
		{"lightsout", Finish, Ended, Finished, RunEnded, ""},
		{"lightsout", Skip, Ended, Finished, RunEnded, ""},
		{"lightsout", TogglePause, Running, NotEnded, -1, ""},
		{"lightsout", StopForPain, Ended, StoppedForPain, RunEnded, ""},
		{"lightsout", Leave, Ended, Left, RunEnded, ""},
	} {
		t.Run(tc.setup+"/"+cmdName(tc.cmd), func(t *testing.T) {
			r, now := mk[tc.setup]()
			before := r.State(now)
			ev := r.Do(tc.cmd, now)
			st := r.State(now)
			if st.Mode != tc.mode || st.Reason != tc.reason {
				t.Errorf("mode %d reason %d, want %d %d; events %s", st.Mode, st.Reason, tc.mode, tc.reason, evString(ev))
			}
			if tc.kind >= 0 && !hasKind(ev, tc.kind) {
				t.Errorf("no event of kind %d in %s", tc.kind, evString(ev))
			}
			if tc.kind < 0 && len(ev) > 0 {
				t.Errorf("events %s, want none", evString(ev))
			}
			if tc.words != "" && !anyWords(ev, tc.words) {
				t.Errorf("no event says %q: %s", tc.words, evString(ev))
			}
			if tc.cmd == TogglePause || tc.cmd == Back {
				if st.Heat != before.Heat {
					t.Errorf("%s changed the heat: %+v -> %+v", cmdName(tc.cmd), before.Heat, st.Heat)
				}
			}
		})
	}
	// After the end, every command is nothing.
	for _, c := range Commands() {
		r, now := mk["ended"]()
		if ev := r.Do(c, now); ev != nil || r.Mode() != Ended || r.State(now).Reason != Left {
			t.Errorf("%s after the end: %s", cmdName(c), evString(ev))
		}
	}
}

func anyWords(ev []Event, sub string) bool {
	for _, e := range ev {
		if strings.Contains(e.Words, sub) {
			return true
		}
	}
	return false
}

// The heat clock runs in real time: a suspend past the deadline ends the
// heat at once, at its deadline, with the pad-off line; the reminder comes
// every RemindEvery until the pad-off answer, and never after it.
func TestHeatAcrossASuspend(t *testing.T) {
	p := routines.Expand(builtin(t, "tonight"), routines.Options{HeatMinutes: 17})
	r, _ := New(p, t0)
	r.Do(StartHeat, t0)
	if at, ok := r.Due(t0); !ok || at-t0 > RemindEvery {
		t.Fatalf("heat running: due %v %v", at, ok)
	}
	wake := t0 + 3*time.Hour
	ev := r.Tick(wake)
	h := r.Heat()
	if r.Mode() != PadOff || !h.Ended || h.Early || h.EndedAt != t0+17*time.Minute {
		t.Fatalf("after the suspend: mode %d heat %+v", r.Mode(), h)
	}
	if len(ev) != 2 || ev[1].Kind != Cue || ev[1].Cue != cues.HeatDone || ev[1].Words != "Heat done. Switch the pad off and take it out of the bed." {
		t.Fatalf("events %s", evString(ev))
	}
	for i := 1; i <= 3; i++ {
		now := wake + time.Duration(i)*RemindEvery
		if at, ok := r.Due(now - time.Second); !ok || at != now {
			t.Fatalf("reminder %d due %v %v, want %v", i, at, ok, now)
		}
		ev := r.Tick(now)
		if len(ev) != 1 || !ev[0].Reminder || ev[0].Cue != cues.HeatDone {
			t.Fatalf("reminder %d: %s", i, evString(ev))
		}
		if ev := r.Tick(now + time.Second); len(ev) != 0 {
			t.Fatalf("a second reminder within %v: %s", RemindEvery, evString(ev))
		}
	}
	off := wake + time.Minute
	r.Do(PadIsOff, off)
	if h := r.Heat(); !h.Off || h.OffAt != off || h.Seconds(off+time.Hour) != int((off-t0)/time.Second) {
		t.Fatalf("pad off: %+v", h)
	}
	for now := off; now < off+time.Minute; now += RemindEvery {
		for _, e := range r.Tick(now) {
			if e.Cue == cues.HeatDone {
				t.Fatalf("heat-done cue after the pad-off answer: %s", evString([]Event{e}))
			}
		}
	}
}

// HeatLess during heat shortens it from its start, never from now: past
// the new deadline, the heat ends at once.
func TestHeatLessEndsAtOnceWhenPastTheNewDeadline(t *testing.T) {
	p := routines.Expand(builtin(t, "heat"), routines.Options{HeatMinutes: 20})
	r, _ := New(p, t0)
	r.Do(StartHeat, t0)
	now := t0 + 17*time.Minute
	r.Do(HeatLess, now)
	r.Do(HeatLess, now)
	if h := r.Heat(); h.Minutes != 18 || h.Ended {
		t.Fatalf("18 minutes at 17: %+v", h)
	}
	ev := r.Do(HeatLess, now) // 17 minutes: the deadline is now
	h := r.Heat()
	if h.Minutes != 17 || !h.Ended || h.EndedAt != t0+17*time.Minute || r.Mode() != PadOff || h.StartedAt != t0 || !hasKind(ev, Cue) {
		t.Fatalf("17 minutes at 17: %+v mode %d %s", h, r.Mode(), evString(ev))
	}
	if ev := r.Do(HeatLess, now); !hasKind(ev, Refused) || r.Heat().Minutes != 17 {
		t.Fatalf("HeatLess in PadOff: %s", evString(ev))
	}
	if r.Do(PadIsOff, now); r.Mode() != Ended || r.State(now).Reason != Finished {
		t.Fatalf("heat alone, pad off: mode %d", r.Mode())
	}
}

// Per-side holds: the clock moves left, switch, right with cue words that
// name the side, and each hold runs its full time from its cue, however
// late the tick.
func TestSidesAndWords(t *testing.T) {
	p := routines.Expand(builtin(t, "quick"), routines.Options{GetReady: 5 * time.Second})
	r, ev := New(p, t0)
	if len(ev) != 2 || ev[0].Words != "Get ready: knee to chest, left side." || ev[1].Kind != Cue || ev[1].Cue != cues.NextStep || ev[1].Words != ev[0].Words {
		t.Fatalf("first: %s", evString(ev))
	}
	var got []string
	now := t0
	for i := 0; i < 500 && r.State(now).Segment.Step == 0; i++ {
		at, _ := r.Due(now)
		now = at
		for _, e := range r.Tick(now) {
			if e.Kind == Cue {
				got = append(got, e.Cue.String()+": "+e.Words)
			}
		}
	}
	want := []string{
		"phase: Hold 20 seconds.",
		"switch_sides: Switch sides: now your right side.",
		"switch_sides: Switch sides: now your left side.",
		"switch_sides: Switch sides: now your right side.",
		"switch_sides: Switch sides: now your left side.",
		"switch_sides: Switch sides: now your right side.",
		"next_step: Get ready: pelvic tilts.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cues\n%q\nwant\n%q", got, want)
	}
	// A late tick (a suspend in the get-ready) starts the next segment when
	// it comes, with one cue.
	r, _ = New(p, t0)
	ev = r.Tick(t0 + time.Hour)
	if s := r.State(t0 + time.Hour); s.Seg != 1 || s.Left != 20*time.Second || len(ev) != 2 || !hasKind(ev, Cue) {
		t.Errorf("after a late tick: seg %d left %v events %s", s.Seg, s.Left, evString(ev))
	}
}

// A paced phase named "settle" or "heat" in a user routine is a paced
// phase: timed, pausable, with its own name as its word.
func TestUserPhaseNamesStayPaced(t *testing.T) {
	p := routines.Expand(mine(t), routines.Options{NoHeat: true})
	r, ev := New(p, t0)
	if r.Mode() != Running || r.State(t0).Segment.Kind != routines.SegPaced || ev[0].Words != "Odd names. Settle on each tone, for a slow count of four; then heat." {
		t.Fatalf("mode %d %+v %s", r.Mode(), r.State(t0).Segment, evString(ev))
	}
	ev = r.Tick(t0 + 4*time.Second)
	if r.Mode() != Running || len(ev) != 1 || ev[0].Words != "Heat." || ev[0].Phase != "heat" {
		t.Fatalf("mode %d %s", r.Mode(), evString(ev))
	}
	if r.Do(TogglePause, t0+5*time.Second); r.Mode() != Paused || r.Heat().Started {
		t.Fatalf("a phase named heat: mode %d heat %+v", r.Mode(), r.Heat())
	}
}

// Back: restart the step a few seconds in, go to the step before early on,
// never into heat that has started.
func TestBack(t *testing.T) {
	p := routines.Expand(builtin(t, "tonight"), routines.Options{})
	r, _ := New(p, t0)
	r.Do(Skip, t0) // heat skipped before the pad went on
	if r.Do(Back, t0+time.Second); r.Mode() != Ready || r.State(t0).Seg != 0 {
		t.Errorf("back to heat never started: mode %d seg %d", r.Mode(), r.State(t0).Seg)
	}
	r, _ = New(p, t0)
	r.Do(StartHeat, t0)
	r.Do(Skip, t0+time.Minute)
	r.Do(PadIsOff, t0+2*time.Minute)
	now := t0 + 2*time.Minute + time.Second
	if ev := r.Do(Back, now); r.State(now).Seg != 1 || r.Heat().Ended != true || hasKind(ev, HeatStarted) {
		t.Errorf("back after heat: seg %d heat %+v %s", r.State(now).Seg, r.Heat(), evString(ev))
	}
	// 30 s into knee to chest: back restarts it.
	now += 30 * time.Second
	r.Tick(now)
	ev := r.Do(Back, now)
	if s := r.State(now); s.Seg != 1 || s.Left != 20*time.Second || !hasKind(ev, Entered) {
		t.Errorf("restart: seg %d left %v", s.Seg, s.Left)
	}
}

func TestEmptyPlan(t *testing.T) {
	r, ev := New(routines.Expand(builtin(t, "heat"), routines.Options{NoHeat: true}), t0)
	if len(ev) != 0 || !r.State(t0).Empty() || r.Mode() != Settle {
		t.Fatalf("empty: %s mode %d", evString(ev), r.Mode())
	}
	for _, c := range []Command{StartHeat, TogglePause, Back, HeatMore, PadIsOff} {
		if ev := r.Do(c, t0); r.Mode() != Settle || hasKind(ev, RunEnded) {
			t.Errorf("%s on an empty plan: %s", cmdName(c), evString(ev))
		}
	}
	if r.Do(Finish, t0); r.Mode() != Ended || r.State(t0).Reason != Finished {
		t.Errorf("finish: mode %d", r.Mode())
	}
}

// TestKeepAwakeWhileThePadMayBeOn: the machine must stay awake from the pad
// going on to the pad-off answer, through the end of the heat's time and a
// stop for pain, and no longer once the run has ended.
func TestKeepAwakeWhileThePadMayBeOn(t *testing.T) {
	want := map[string]bool{
		"ready": false, "heat": true, "padoff": true, "padoff-pain": true, "stretch": false, "paused": false,
		"settle": false, "quiet": false, "lightsout": false, "getready": false, "ended": false,
	}
	for name, setup := range setups(t) {
		r, now := setup()
		w, ok := want[name]
		if !ok {
			t.Fatalf("no expectation for %q", name)
		}
		if got := r.State(now).KeepAwake(); got != w {
			t.Errorf("%s: KeepAwake = %v, want %v", name, got, w)
		}
	}
	p := routines.Expand(builtin(t, "tonight"), routines.Options{})
	r, _ := New(p, t0)
	r.Do(StartHeat, t0)
	r.Do(PadIsOff, t0+time.Minute) // refused: the heat is still running
	if !r.State(t0 + time.Minute).KeepAwake() {
		t.Errorf("a refused pad-off let the machine sleep")
	}
	r.Do(Leave, t0+2*time.Minute)
	if r.State(t0 + 2*time.Minute).KeepAwake() {
		t.Errorf("the run ended with the pad on and still asks to keep the machine awake")
	}
}
