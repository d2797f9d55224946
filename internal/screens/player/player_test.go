package player

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
)

func TestHeatMinutesStayWithinLimitsBeforeTheStart(t *testing.T) {
	h := newHarness(t, tonight())
	if h.m.mode() != modeReady || h.pending != nil {
		t.Fatalf("heat should wait for the person with no tick: mode %d, pending %v", h.m.mode(), h.pending)
	}
	total := h.m.plan().Total
	steps := []struct {
		key  string
		want int
	}{
		{"-", 15}, {"+", 16}, {"+", 17}, {"+", 18}, {"+", 19}, {"+", 20}, {"+", 20}, {"=", 20}, {"-", 19}, {"_", 18},
	}
	for i, s := range steps {
		h.press(s.key)
		if got := h.m.plan().HeatMinutes(); got != s.want {
			t.Fatalf("press %d (%s): %d minutes, want %d", i, s.key, got, s.want)
		}
		if h.pending != nil {
			t.Fatalf("press %d (%s) scheduled a tick before the heat started", i, s.key)
		}
	}
	if got, want := h.m.plan().Total, total+3*time.Minute; got != want {
		t.Errorf("routine total %v, want %v: the plan must be expanded again", got, want)
	}
	h.press("enter")
	if got := h.left(); got != 18*time.Minute {
		t.Errorf("countdown starts with %v, want 18m", got)
	}
}

func TestHeatMinutesStayWithinLimitsDuringTheCountdown(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("space")
	for range 90 {
		h.tick()
	}
	shown := func() string { return routines.FormatClock(h.left()) }
	if got := shown(); got != "13:30" {
		t.Fatalf("after 90 ticks %s shown, want 13:30", got)
	}
	h.press("-")
	if got := shown(); got != "13:30" || h.m.plan().HeatMinutes() != 15 {
		t.Fatalf("- at 15 minutes changed the heat: %s shown, %d min", got, h.m.plan().HeatMinutes())
	}
	if h.pending != nil {
		t.Error("a refused - rescheduled the tick")
	}
	for i := range 7 {
		h.press("+")
		want := min(16+i, 20)
		if got := h.m.plan().HeatMinutes(); got != want {
			t.Fatalf("+ #%d: %d minutes, want %d", i+1, got, want)
		}
	}
	if got := shown(); got != "18:30" {
		t.Errorf("at 20 minutes %s shown, want 18:30", got)
	}
	h.press("-", "-")
	if got := shown(); got != "16:30" {
		t.Errorf("after - - %s shown, want 16:30", got)
	}
	if got, want := h.m.plan().Total, tonight().Total(routines.Options{HeatMinutes: 18}); got != want {
		t.Errorf("routine total %v, want %v", got, want)
	}
}

func TestAdjustingHeatDropsTheOldTick(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	old := *h.pending
	h.press("+")
	if h.pending == nil {
		t.Fatal("+ during the countdown scheduled no tick")
	}
	h.clock.Advance(old.d)
	gen := h.m.gen
	h.pending = nil
	h.update(old.msg)
	if h.m.gen != gen || h.pending != nil {
		t.Error("a tick from before + was not dropped")
	}
}

func TestHeatDoneWaitsForThePadToComeOff(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	h.runUntil(1000, func() bool { return h.m.mode() == modeHeatDone })
	if got := h.takeCues(); !slices.Equal(got, []screens.CueKind{screens.CueHeatDone}) {
		t.Fatalf("cues at the end of heat %v, want one CueHeatDone", got)
	}
	if h.pending == nil || h.pending.d != night.RemindEvery+tickSlack {
		t.Fatalf("the heat-done cue is not scheduled to repeat: %+v", h.pending)
	}
	for i := range 3 {
		h.tick()
		if got := h.takeCues(); !slices.Equal(got, []screens.CueKind{screens.CueHeatDone}) {
			t.Fatalf("repeat %d: cues %v, want CueHeatDone", i+1, got)
		}
		if h.m.mode() != modeHeatDone {
			t.Fatal("the gate opened without the person")
		}
	}
	h.press("b", "+", "-", "left", "?", "?")
	if h.m.mode() != modeHeatDone || h.m.plan().HeatMinutes() != 15 {
		t.Fatalf("other keys moved the gate: mode %d, %d min", h.m.mode(), h.m.plan().HeatMinutes())
	}
	h.press("space")
	if h.m.mode() != modeHeatDone || h.m.notice == "" {
		t.Fatalf("space passed the pad-off gate, or said nothing: mode %d, notice %q", h.m.mode(), h.m.notice)
	}
	h.press("n")
	if h.m.mode() != modeHeatDone {
		t.Fatal("n passed the pad-off gate")
	}
	h.press("enter")
	if h.m.mode() != modeRunning || h.m.step().Title != "Knee to chest" {
		t.Fatalf("after the acknowledgement: mode %d, step %q; want Knee to chest running", h.m.mode(), h.m.step().Title)
	}
	if got := h.left(); got != 20*time.Second {
		t.Errorf("knee to chest starts with %v, want 20s: it starts when the person says so", got)
	}
	if p := h.progress(); !slices.Equal(p.Completed, []int{0}) || p.Heat.Minutes != 15 || !p.Heat.Started {
		t.Errorf("progress %+v, want heat completed with 15 minutes", p)
	}
}

func TestTheRepeatStopsOnceAcknowledged(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	h.clock.Advance(15 * time.Minute)
	h.tick()
	repeat := *h.pending
	h.press("enter")
	h.takeCues()
	h.update(repeat.msg)
	if got := h.takeCues(); len(got) != 0 {
		t.Errorf("a repeat after the acknowledgement still sounded %v", got)
	}
}

func TestPauseStopsTicksAndStaleTicksAreDropped(t *testing.T) {
	h := newHarness(t, short())
	h.tick()
	h.tick()
	left := h.left()
	stale := *h.pending
	h.press("space")
	if h.pending != nil {
		t.Fatal("pausing scheduled a tick")
	}
	if !h.m.paused() || h.m.WindowTitle() != "supine · Knee to chest · paused 0:02" {
		t.Fatalf("not shown paused: %q", h.m.WindowTitle())
	}
	h.clock.Advance(time.Minute)
	h.update(stale.msg)
	if h.pending != nil || h.left() != left {
		t.Fatalf("a stale tick moved a paused countdown: %v left, want %v", h.left(), left)
	}
	h.press("space")
	if h.pending == nil {
		t.Fatal("resuming scheduled no tick")
	}
	if h.left() != left {
		t.Fatalf("after resume %v left, want %v", h.left(), left)
	}
	fresh := *h.pending
	h.pending = nil
	h.update(stale.msg)
	if h.pending != nil {
		t.Fatal("a tick from before the pause was not dropped after the resume")
	}
	h.pending = &fresh
	h.tick()
	if got := h.left(); got != left-time.Second {
		t.Errorf("after one tick %v left, want %v", got, left-time.Second)
	}
}

func TestTicksFromAnotherPlayerAreDropped(t *testing.T) {
	a := newHarness(t, short())
	b := newHarness(t, short())
	msg := a.pending.msg
	b.clock.Advance(10 * time.Second)
	b.pending = nil
	b.update(msg)
	if b.pending != nil || b.m.state.Seg != 0 {
		t.Error("a tick from another player moved this one")
	}
}

func TestSkipRecordsTheStepSkipped(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("n")
	if h.m.step().Title != "Knee to chest" || h.m.mode() != modeRunning {
		t.Fatalf("n on the heat step went to %q (mode %d)", h.m.step().Title, h.m.mode())
	}
	h.tick()
	h.press("right")
	if h.m.step().Title != "Pelvic tilts" {
		t.Fatalf("→ went to %q, want Pelvic tilts", h.m.step().Title)
	}
	p := h.progress()
	if !slices.Equal(p.Skipped, []int{0, 1}) || len(p.Completed) != 0 || p.Heat.Started || p.Reason != night.NotEnded {
		t.Errorf("progress %+v, want heat and knee to chest skipped, no heat", p)
	}
}

func TestSkippingARunningHeatStillAsksForThePad(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	h.tick()
	h.press("n")
	if h.m.mode() != modeHeatDone {
		t.Fatalf("n during heat: mode %d, want the heat-done gate", h.m.mode())
	}
	h.press("enter")
	p := h.progress()
	if h.m.step().Title != "Knee to chest" || !slices.Equal(p.Skipped, []int{0}) || !p.Heat.Started || p.Heat.Minutes != 15 {
		t.Errorf("step %q, progress %+v", h.m.step().Title, p)
	}
}

func TestBackRestartsOrGoesToThePreviousStep(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("n")
	for range 10 {
		h.tick()
	}
	h.press("b")
	if h.m.step().Title != "Knee to chest" || h.left() != 20*time.Second || h.m.state.Seg != 1 {
		t.Fatalf("b 10 s in: step %q seg %d, %v left; want knee to chest restarted", h.m.step().Title, h.m.state.Seg, h.left())
	}
	h.tick()
	h.press("left")
	if h.m.step().Title != "Heat" || h.m.mode() != modeReady {
		t.Fatalf("b 1 s in: step %q mode %d, want heat, ready", h.m.step().Title, h.m.mode())
	}
	if p := h.progress(); len(p.Skipped) != 0 {
		t.Errorf("steps gone back to are still counted skipped: %+v", p)
	}
	h.press("b")
	if h.m.state.Seg != 0 || h.m.mode() != modeReady {
		t.Errorf("b on the first step moved: seg %d mode %d", h.m.state.Seg, h.m.mode())
	}
}

func TestStopForPainAndQuit(t *testing.T) {
	h := newHarness(t, tonight())
	if act := h.press("q"); act != (screens.Quit{}) {
		t.Fatalf("q returned %#v, want Quit", act)
	}
	if !h.m.Running() {
		t.Fatal("q alone ended the player; the root asks first")
	}
	h.press("n")
	h.tick()
	act := h.press("x")
	if act != (screens.RunCmd{Cmd: night.StopForPain}) {
		t.Fatalf("x returned %#v, want the stop for pain", act)
	}
	if p := h.progress(); p.Reason != night.StoppedForPain || !slices.Equal(p.Skipped, []int{0}) || h.engine.PainStep() != "Knee to chest (left)" {
		t.Fatalf("after x: %+v, pain step %q", p, h.engine.PainStep())
	}
	if h.m.Running() || h.pending != nil {
		t.Fatal("the player kept running after x")
	}
	if act := h.press("space"); act != nil || h.pending != nil {
		t.Error("keys still act after the player ended")
	}
}

func TestAFullRunReachesSettleAndFinishes(t *testing.T) {
	h := newHarness(t, short())
	start := h.clock.Now()
	h.runUntil(100, func() bool { return h.m.mode() == modeSettle })
	plan := routines.Expand(short(), routines.Options{})
	if got := h.clock.Now() - start; got < plan.Total || got > plan.Total+time.Second {
		t.Errorf("settle reached after %v, want %v", got, plan.Total)
	}
	// The cue set of the night engine (night/cues_test.go): one cue at each
	// switch of sides and none after it, the next step, one cue per paced
	// rep after the first, and the end; no last seconds unless asked for.
	want := []screens.CueKind{
		screens.CueSwitchSides, screens.CueSwitchSides, screens.CueSwitchSides, // left 1, right 1, left 2, right 2
		screens.CueNextStep, // tilts, rep 1
		screens.CuePhase,    // rep 2
		screens.CueDone,
	}
	if got := h.takeCues(); !slices.Equal(got, want) {
		t.Errorf("cues\n got %v\nwant %v", got, want)
	}
	if h.pending != nil {
		t.Error("a tick is scheduled on the settle step")
	}
	h.press("enter")
	if p := h.progress(); p.Reason != night.Finished || !slices.Equal(p.Completed, []int{0, 1, 2}) {
		t.Errorf("enter on settle: %+v, want finished with every step", p)
	}
}

func TestARoutineWithoutSettleFinishesOnItsOwn(t *testing.T) {
	r := short()
	r.Steps = r.Steps[:1]
	h := newHarness(t, r)
	for !h.m.ended() {
		h.tick()
	}
	if p := h.progress(); p.Reason != night.Finished || !slices.Equal(p.Completed, []int{0}) {
		t.Errorf("got %+v, want finished with the one step", p)
	}
}

func TestTwentyMinutesOfHeatTickByTick(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("+", "+", "+", "+", "+")
	h.press("enter")
	start := h.clock.Now()
	h.runUntil(2000, func() bool { return h.m.mode() == modeHeatDone })
	took := h.clock.Now() - start
	if took < 20*time.Minute || took > 20*time.Minute+time.Second {
		t.Errorf("20 minutes of heat took %v of clock time", took)
	}
	if h.ticks > 1205 {
		t.Errorf("%d ticks for 20 minutes, want about one a second", h.ticks)
	}
}

func TestASuspendMovesOnAndRingsOnce(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("n") // to knee to chest
	h.takeCues()
	h.pending.d = 100 * time.Second // the laptop slept
	h.tick()
	// Nobody could follow a stretch while the laptop slept: the hold that
	// was on is over, and the next segment starts now, in full, with its
	// cue, rather than racing through what the sleep covered.
	if h.m.state.Seg != 2 || h.m.segment().Kind != routines.SegSwitch {
		t.Fatalf("after a 100 s sleep at segment %d (%v), want 2, the switch", h.m.state.Seg, h.m.segment().Kind)
	}
	if want := h.m.segment().Duration; h.left() != want {
		t.Errorf("%v left, want %v", h.left(), want)
	}
	if got := h.takeCues(); len(got) != 1 {
		t.Errorf("cues after the sleep %v, want exactly one", got)
	}
	if p := h.progress(); !slices.Equal(p.Skipped, []int{0}) {
		t.Errorf("progress %+v", p)
	}
}

func TestASuspendDuringHeatEndsOnTheGate(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	h.pending.d = 40 * time.Minute
	h.tick()
	if h.m.mode() != modeHeatDone {
		t.Fatalf("mode %d, want the heat-done gate: the pad kept heating", h.m.mode())
	}
	if got := h.takeCues(); !slices.Equal(got, []screens.CueKind{screens.CueHeatDone}) {
		t.Errorf("cues %v", got)
	}
	// The first thing on waking says how long the pad has been on: the
	// evening notes it (evening.TestASuspendWithThePadOnIsSaid), the
	// player shows the note.
	h.m = h.m.Note("The pad may still be on: it has been 40 minutes since it went on.")
	if v := ansi.Strip(h.m.SetSize(80, 24).View()); !strings.Contains(v, "it has been 40 minutes") {
		t.Errorf("the note is not on screen:\n%s", v)
	}
}

// TestNoWakingNoticeWithoutASuspend: ticks a second apart say nothing.
func TestNoWakingNoticeWithoutASuspend(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	for range 30 {
		h.tick()
	}
	if h.m.notice != "" {
		t.Errorf("notice %q after ordinary ticks", h.m.notice)
	}
}

func TestWindowTitle(t *testing.T) {
	h := newHarness(t, tonight())
	if got := h.m.WindowTitle(); got != "supine · Heat · ready" {
		t.Errorf("ready: %q", got)
	}
	h.press("n")
	h.tick()
	if got := h.m.WindowTitle(); got != "supine · Knee to chest · 0:19" {
		t.Errorf("running: %q", got)
	}
	if got := (Model{}).WindowTitle(); got != "supine" {
		t.Errorf("zero model: %q", got)
	}
}

func TestTheZeroModelIsSafe(t *testing.T) {
	var m Model
	m = m.SetSize(80, 24)
	if m.View() != "" || m.Running() {
		t.Error("a player never started draws or runs")
	}
	if _, cmd, act := m.Update(tickMsg{}); cmd != nil || act != nil {
		t.Error("a player never started answers messages")
	}
}

func TestAnEmptyPlanFinishesOnEnter(t *testing.T) {
	h := newHarness(t, routines.Routine{Title: "Nothing"})
	if act := h.press("enter"); act != (screens.RunCmd{Cmd: night.Finish}) || h.progress().Reason != night.Finished {
		t.Errorf("got %#v, run %+v", act, h.progress())
	}
}

// TestTheSkinStopIsOfferedOnce: s is the skin stop while the pad is on;
// once it is said, the gate's help no longer offers it.
func TestTheSkinStopIsOfferedOnce(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	h.m = h.m.SetSize(80, 24)
	if !strings.Contains(ansi.Strip(h.m.View()), "s skin stop") {
		t.Fatal("the running heat step does not offer the skin stop")
	}
	if act := h.press("s"); act != (screens.RunCmd{Cmd: night.SkinStop}) {
		t.Fatalf("s returned %#v, want the skin stop", act)
	}
	if h.m.mode() != modeHeatDone || strings.Contains(ansi.Strip(h.m.View()), "s skin stop") {
		t.Fatalf("after the skin stop: mode %d, help still offering it:\n%s", h.m.mode(), ansi.Strip(h.m.View()))
	}
}
