package player

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
)

// lightsOutHarness is a harness whose plan has a quiet time of settle.
func lightsOutHarness(t *testing.T, settle time.Duration) *harness {
	t.Helper()
	h := &harness{t: t, clock: routines.NewFakeClock(time.Hour)}
	plan := routines.Expand(short(), routines.Options{Settle: settle})
	h.m = h.start(plan).SetSize(80, 24)
	h.m.schedule = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return scheduled{d, msg, h.clock.Now() + d} }
	}
	h.run(h.m.Init())
	return h
}

// awaitLightsOut runs the stretches to the sleep set-up, where the evening
// asks the "after" check-in: no tick runs meanwhile.
func (h *harness) awaitLightsOut() {
	h.t.Helper()
	h.runUntil(200, func() bool { return h.m.state.Mode == night.Settle })
	if h.pending != nil {
		h.t.Fatal("a tick runs while the root asks the check-in")
	}
}

// startLightsOut plays the evening's part: the quiet time starts.
func (h *harness) startLightsOut() {
	var cmd tea.Cmd
	h.m, cmd = h.m.Show(h.engine.Do(night.StartSettle, h.clock.Now()))
	h.act = nil
	h.takeCues()
	h.run(cmd)
}

// TestLightsOutEndsTheNightByItself: after the last stretch the run waits
// for the "after" check-in, then the quiet time dims to a dark screen and
// ends the night, Finished, with no sound at its end.
func TestLightsOutEndsTheNightByItself(t *testing.T) {
	h := lightsOutHarness(t, 2*time.Minute)
	h.awaitLightsOut()
	h.startLightsOut()
	if v := ansi.Strip(h.m.View()); !strings.Contains(v, "Lights out") || !strings.Contains(v, "On your back") {
		t.Errorf("lights out starts with the sleep set-up:\n%s", v)
	}
	h.runUntil(200, func() bool { return h.m.dark() })
	if v := strings.TrimSpace(ansi.Strip(h.m.View())); v != "Lights out. Any key ends the night." {
		t.Errorf("a dark screen holds one faint line, got:\n%s", v)
	}
	start := h.clock.Now()
	h.takeCues()
	h.runUntil(200, func() bool { return h.m.ended() })
	if st := h.progress(); st.Reason != night.Finished {
		t.Fatalf("the quiet time ended with reason %v, want Finished", st.Reason)
	}
	if got := h.takeCues(); len(got) != 0 {
		t.Errorf("the end of lights out sounded %v: someone is asleep", got)
	}
	if elapsed := h.clock.Now() - start; elapsed > 2*time.Minute {
		t.Errorf("lights out ran %v past the dimming, want under its 2 minutes", elapsed)
	}
}

// TestAnyKeyEndsLightsOut: in the dark, any key ends the night at once.
func TestAnyKeyEndsLightsOut(t *testing.T) {
	h := lightsOutHarness(t, 2*time.Minute)
	h.awaitLightsOut()
	h.startLightsOut()
	act := h.press("z")
	if c, ok := act.(screens.RunCmd); !ok || c.Cmd != night.Finish || !h.m.ended() || h.progress().Reason != night.Finished {
		t.Fatalf("a key in the dark returned %#v, want Finished at once", act)
	}
}

// TestGetReadyNamesTheStep: a timed stretch starts with a get-ready that
// shows what comes, and the hold counts after it.
func TestGetReadyNamesTheStep(t *testing.T) {
	h := &harness{t: t, clock: routines.NewFakeClock(time.Hour)}
	plan := routines.Expand(short(), routines.Options{GetReady: 5 * time.Second})
	h.m = h.start(plan).SetSize(80, 24)
	h.m.schedule = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return scheduled{d, msg, h.clock.Now() + d} }
	}
	h.run(h.m.Init())
	v := ansi.Strip(h.m.View())
	if h.m.segment().Kind != routines.SegReady || !strings.Contains(v, "Get ready") || !strings.Contains(strings.ToLower(v), "knee to chest") {
		t.Fatalf("the first stretch does not start with a get-ready naming it:\n%s", v)
	}
	h.runUntil(20, func() bool { return h.m.segment().Kind == routines.SegHold })
	if got := h.left(); got != 4*time.Second {
		t.Errorf("the hold starts with %v, want its full 4s after the get-ready", got)
	}
}
