package player

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
)

func TestBreathAt(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		elapsed time.Duration
		in      bool
		dots    int
		next    time.Duration
	}{
		{-time.Second, true, 1, 500 * ms}, // never before the hold: its start
		{0, true, 1, 500 * ms},
		{499 * ms, true, 1, ms},
		{500 * ms, true, 2, 500 * ms},
		{1200 * ms, true, 3, 300 * ms},
		{3500 * ms, true, 8, 500 * ms},
		{4 * time.Second, false, 8, 750 * ms},
		{4750 * ms, false, 7, 750 * ms},
		{5 * time.Second, false, 7, 500 * ms},
		{9250 * ms, false, 1, 750 * ms},
		{9999 * ms, false, 1, ms},
		{10 * time.Second, true, 1, 500 * ms}, // the next breath
		{14 * time.Second, false, 8, 750 * ms},
	}
	for _, tt := range tests {
		b, next := breathAt(tt.elapsed)
		if b.in != tt.in || b.dots != tt.dots || next != tt.next {
			t.Errorf("breathAt(%v) = %+v, next in %v; want in=%v dots=%d, next in %v",
				tt.elapsed, b, next, tt.in, tt.dots, tt.next)
		}
	}
}

// The pacer changes 16 times a breath (8 dots in, 8 out), each change
// visible, and never sooner than half a second after the last: at most 2
// redraws a second.
func TestThePacerChangesAtMostTwiceASecond(t *testing.T) {
	e := time.Duration(0)
	prev, next := breathAt(e)
	changes := 0
	for e+next <= 3*breathCycle {
		if next < 500*time.Millisecond {
			t.Fatalf("at %v the next change is only %v away", e, next)
		}
		e += next
		var b breath
		b, next = breathAt(e)
		if b == prev {
			t.Fatalf("at %v a tick was asked for but nothing changed (%+v)", e, b)
		}
		prev = b
		changes++
	}
	if changes != 3*16 {
		t.Errorf("%d changes in three breaths, want 48", changes)
	}
}

func TestThePacerIsOffByDefaultAndAsksForNothing(t *testing.T) {
	for _, r := range []routines.Routine{short(), tonight()} {
		h := newHarness(t, r)
		if r.Name == "tonight" {
			h.press("n") // past the heat, which waits for the person
		}
		h.runUntil(2000, func() bool {
			if v := ansi.Strip(h.m.SetSize(80, 24).View()); strings.Contains(v, "breathe ") {
				t.Fatalf("%s: the pacer is drawn while off:\n%s", r.Name, v)
			}
			return h.m.mode() == modeSettle
		})
		if h.breathsAsked != 0 {
			t.Errorf("%s: %d pacer ticks asked for while the pacer is off", r.Name, h.breathsAsked)
		}
	}
}

func TestThePacerTicksOnlyDuringHolds(t *testing.T) {
	h := newBreathingHarness(t, tonight())
	quiet := func(what string) {
		t.Helper()
		if h.breathsAsked != 0 {
			t.Fatalf("%s: %d pacer ticks asked for", what, h.breathsAsked)
		}
	}
	quiet("heat ready")
	h.press("enter")
	quiet("heat started")
	h.deliver(h.clock.Now()+15*time.Minute+time.Second, nil)
	if h.m.mode() != modeHeatDone {
		t.Fatalf("mode %d, want the heat-done gate", h.m.mode())
	}
	h.deliver(h.clock.Now()+time.Minute, nil)
	quiet("heat running and the gate")

	h.press("enter") // the pad is off: knee to chest
	if h.breath == nil {
		t.Fatal("no pacer tick was asked for at the start of a hold")
	}
	onHold := 0
	h.deliver(h.clock.Now()+time.Hour, func(s scheduled) {
		if _, ok := s.msg.(breathMsg); !ok || !h.fresh(s) {
			return
		}
		seg := h.m.segment()
		if !h.m.onHold() || h.m.paused() || h.m.cdDone(h.clock.Now()) {
			t.Fatalf("a pacer tick at %v on segment %d (%s, step %q)", h.clock.Now(), h.m.state.Seg, seg.Phase, h.m.step().Title)
		}
		onHold++
	})
	if h.m.mode() != modeSettle {
		t.Fatalf("mode %d after an hour, want settle", h.m.mode())
	}
	// Knee to chest: 6 holds of 20 s, 31 changes each before its end;
	// knee rolls: 6 holds of 15 s, 25 each.
	if want := 6*31 + 6*25; onHold != want {
		t.Errorf("%d pacer ticks on the holds, want %d", onHold, want)
	}
	asked := h.breathsAsked
	h.deliver(h.clock.Now()+time.Hour, nil)
	if h.breathsAsked != asked {
		t.Error("pacer ticks were asked for on the settle step")
	}
}

func TestThePacerKeepsOutOfPacedRepsNamedHold(t *testing.T) {
	r := routines.Routine{Name: "odd", Title: "Odd", Steps: []routines.Step{
		{Kind: routines.KindPaced, Title: "Squeeze", Reps: 2, Phases: []routines.PacedPhase{
			{Name: routines.PhaseHold, Duration: 5 * time.Second}, {Name: "relax", Duration: 5 * time.Second},
		}},
	}}
	h := newBreathingHarness(t, r)
	h.deliver(h.clock.Now()+time.Minute, nil)
	if !h.m.ended() || h.breathsAsked != 0 {
		t.Errorf("result %#v, %d pacer ticks; want the routine finished with none", h.act, h.breathsAsked)
	}
}

// The countdown's ticks come at the same moments and the same cues sound
// with the pacer on as with it off.
func TestThePacerLeavesTheCountdownAlone(t *testing.T) {
	run := func(breathing bool) (ticks []time.Duration, cues []screens.CueKind, pacer int) {
		h := newHarnessWith(t, short(), breathing)
		start := h.clock.Now()
		h.deliver(start+time.Hour, func(s scheduled) {
			if !h.fresh(s) {
				return
			}
			switch s.msg.(type) {
			case tickMsg:
				ticks = append(ticks, s.at-start)
			case breathMsg:
				pacer++
			}
		})
		if h.m.mode() != modeSettle {
			t.Fatalf("breathing %v: mode %d, want settle", breathing, h.m.mode())
		}
		return ticks, h.takeCues(), pacer
	}
	offTicks, offCues, offPacer := run(false)
	onTicks, onCues, onPacer := run(true)
	if !slices.Equal(offTicks, onTicks) {
		t.Errorf("countdown ticks differ:\n off %v\n  on %v", offTicks, onTicks)
	}
	if !slices.Equal(offCues, onCues) {
		t.Errorf("cues differ:\n off %v\n  on %v", offCues, onCues)
	}
	// Four holds of 4 s, each with 7 changes before its end.
	if offPacer != 0 || onPacer != 4*7 {
		t.Errorf("pacer ticks: %d off, %d on; want 0 and 28", offPacer, onPacer)
	}
}

// pacerLine is the pacer's line on screen, without colour, or "".
func pacerLine(m Model) string {
	for l := range strings.SplitSeq(ansi.Strip(m.SetSize(80, 24).View()), "\n") {
		if strings.Contains(l, "breathe ") {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

func TestThePacerWordsAtKnownTimes(t *testing.T) {
	h := newBreathingHarness(t, tonight())
	h.press("n") // knee to chest, left 1: a 20 s hold
	start := h.clock.Now()
	ms := time.Millisecond
	tests := []struct {
		at   time.Duration
		want string
	}{
		{0, "breathe in  • · · · · · · ·"},
		{1200 * ms, "breathe in  • • • · · · · ·"},
		{3900 * ms, "breathe in  • • • • • • • •"},
		{4100 * ms, "breathe out • • • • • • • •"},
		{5 * time.Second, "breathe out • • • • • • • ·"},
		{9900 * ms, "breathe out • · · · · · · ·"},
		{10100 * ms, "breathe in  • · · · · · · ·"},
		{16 * time.Second, "breathe out • • • • • • · ·"},
		{19900 * ms, "breathe out • · · · · · · ·"},
	}
	for _, tt := range tests {
		h.deliver(start+tt.at, nil)
		if got := pacerLine(h.m); got != tt.want {
			t.Errorf("%v into the hold: %q, want %q", tt.at, got, tt.want)
		}
	}
	h.deliver(start+20*time.Second+10*ms, nil)
	if h.m.segment().Phase != routines.PhaseSwitch {
		t.Fatalf("20 s on, phase %q, want switch", h.m.segment().Phase)
	}
	if got := pacerLine(h.m); got != "" {
		t.Errorf("the pacer shows while sides switch: %q", got)
	}
}

func TestThePacerStopsOnPauseAndGoesOnAfter(t *testing.T) {
	h := newBreathingHarness(t, tonight())
	h.press("n")
	start := h.clock.Now()
	h.deliver(start+1200*time.Millisecond, nil)
	stale := *h.breath
	asked := h.breathsAsked
	h.press("space")
	if h.breath != nil || h.breathsAsked != asked {
		t.Fatal("pausing asked for a pacer tick")
	}
	if got := pacerLine(h.m); got != "breathe normally" {
		t.Errorf("paused pacer line %q, want %q", got, "breathe normally")
	}
	now := h.m.now
	h.deliver(start+time.Minute, nil) // every tick from before the pause
	if h.breathsAsked != asked || h.m.now != now {
		t.Fatalf("ticks from before the pause moved a paused pacer (%d asked, was %d)", h.breathsAsked, asked)
	}
	h.press("space")
	if h.breath == nil {
		t.Fatal("resuming asked for no pacer tick")
	}
	// 1.2 s of the hold had run: the pacer goes on from there.
	if want := 300*time.Millisecond + tickSlack; h.breath.d != want {
		t.Errorf("after the resume the pacer ticks in %v, want %v", h.breath.d, want)
	}
	h.breath = nil
	h.update(stale.msg) // the clock stands still: the tick is stale, not early
	if h.breath != nil {
		t.Error("a pacer tick from before the pause was not dropped after the resume")
	}
	h.deliver(h.clock.Now()+400*time.Millisecond, nil)
	if got := pacerLine(h.m); got != "breathe in  • • • • · · · ·" {
		t.Errorf("after the resume %q, want the fourth dot of the in-breath", got)
	}
}

func TestPacerTicksFromBeforeASkipOrBackAreDropped(t *testing.T) {
	dropped := func(h *harness, stale scheduled, what string) {
		t.Helper()
		now, asked := h.m.now, h.breathsAsked
		h.clock.Set(max(stale.at, h.clock.Now()))
		h.update(stale.msg)
		if h.breathsAsked != asked || h.m.now != now {
			t.Errorf("a pacer tick from before %s was not dropped", what)
		}
	}

	h := newBreathingHarness(t, tonight())
	h.press("n")
	h.deliver(h.clock.Now()+5*time.Second, nil)
	stale := *h.breath
	h.press("b") // 5 s in: knee to chest starts again
	if h.m.step().Title != "Knee to chest" || h.breath == nil || h.breath.d != 500*time.Millisecond+tickSlack {
		t.Fatalf("after b: step %q, pacer %+v; want the hold restarted on a new in-breath", h.m.step().Title, h.breath)
	}
	dropped(h, stale, "back")

	stale = *h.breath
	h.press("n") // to pelvic tilts: a paced step, no pacer
	if h.m.step().Title != "Pelvic tilts" || h.breath != nil {
		t.Fatalf("after n: step %q, pacer %+v; want pelvic tilts and no pacer tick", h.m.step().Title, h.breath)
	}
	dropped(h, stale, "skip")
}

func TestTwentyMinutesOfHeatWithThePacerOn(t *testing.T) {
	heat := func(breathing bool) *harness {
		h := newHarnessWith(t, tonight(), breathing)
		h.press("+", "+", "+", "+", "+")
		h.press("enter")
		h.runUntil(2000, func() bool { return h.m.mode() == modeHeatDone })
		return h
	}
	off, on := heat(false), heat(true)
	if on.ticks != off.ticks || on.clock.Now() != off.clock.Now() {
		t.Errorf("with the pacer on: %d ticks to %v; off: %d ticks to %v", on.ticks, on.clock.Now(), off.ticks, off.clock.Now())
	}
	if on.breathsAsked != 0 {
		t.Errorf("%d pacer ticks during heat", on.breathsAsked)
	}
}
