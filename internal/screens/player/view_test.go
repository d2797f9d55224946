package player

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// states builds the player in each state worth drawing.
func states(t *testing.T) []struct {
	name string
	m    Model
} {
	at := func(keys []string, ticks int, until func(h *harness) bool) Model {
		h := newHarness(t, tonight())
		h.press(keys...)
		if until != nil {
			h.runUntil(2000, func() bool { return until(h) })
		}
		for range ticks {
			h.tick()
		}
		return h.m
	}
	seg := func(pred func(s routines.Segment) bool) func(h *harness) bool {
		return func(h *harness) bool { return h.m.mode() == modeRunning && pred(h.m.segment()) }
	}
	gate := func(h *harness) bool { return h.m.mode() == modeHeatDone }
	leftTwo := seg(func(s routines.Segment) bool { return s.Side == routines.Left && s.Rep == 2 })
	switching := seg(func(s routines.Segment) bool { return s.Kind == routines.SegSwitch })
	relax := seg(func(s routines.Segment) bool { return s.Phase == "relax" && s.Rep == 4 })
	return []struct {
		name string
		m    Model
	}{
		{"heat_ready", at(nil, 0, nil)},
		{"heat_running", at([]string{"+", "enter"}, 125, nil)},
		{"heat_done", at([]string{"enter"}, 0, gate)},
		{"heat_done_muted", func() Model {
			h := newHarness(t, tonight())
			h.m = h.m.SetMuted(true)
			h.press("enter")
			h.runUntil(2000, func() bool { return gate(h) })
			return h.m
		}()},
		{"heat_left_early", at([]string{"enter"}, 30, nil).pressed("n")},
		{"heat_stopped_for_pain", at([]string{"enter"}, 30, nil).pressed("x")},
		{"heat_pause_refused", at([]string{"enter"}, 30, nil).pressed("space")},
		{"hold", at([]string{"n"}, 6, leftTwo)},
		{"hold_breathing", func() Model {
			h := newBreathingHarness(t, tonight())
			h.press("n")
			h.runUntil(2000, func() bool { return leftTwo(h) })
			for range 6 {
				h.tick()
			}
			return h.m
		}()},
		{"hold_breathing_paused", func() Model {
			h := newBreathingHarness(t, tonight())
			h.press("n")
			h.runUntil(2000, func() bool { return leftTwo(h) })
			h.press("space")
			return h.m
		}()},
		{"switch", at([]string{"n"}, 1, switching)},
		{"paced_tilt", at([]string{"n", "n"}, 1, nil)},
		{"paced_relax", at([]string{"n", "n"}, 0, relax)},
		{"paused", func() Model {
			return at([]string{"n"}, 6, leftTwo).pressed("space")
		}()},
		{"settle", at([]string{"n", "n", "n", "n"}, 0, nil)},
		{"full_help", func() Model {
			m := at([]string{"n"}, 3, nil)
			m, _, _ = m.Update(screentest.Key("?"))
			return m
		}()},
	}
}

// The root passes w = min(window, MaxWidth): these are the 40x12, 80x24,
// 100x30 and 120x40 windows.
var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"100x30", 100, 30}, {"120x40", 120, 40}}

func TestViewGolden(t *testing.T) {
	for _, c := range states(t) {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				screentest.Golden(t, c.m.SetSize(s.w, s.h).View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, c := range states(t) {
		for w := 40; w <= MaxWidth; w += 5 {
			for h := 12; h <= 50; h++ {
				requireFits(t, c.name, c.m.SetSize(w, h).View(), w, h)
			}
		}
	}
}

func TestViewKeepsTheEssentialsAtTheSmallestSize(t *testing.T) {
	want := map[string][]string{
		"heat_ready":            {"Heat", "15:00", "step ", "enter start", "! Switch the pad off", "! Not tonight", "More safety lines"},
		"heat_running":          {"Heat", "13:55", "step ", "x stop", "! Switch the pad off", "! Not tonight", "More safety lines"},
		"heat_left_early":       {"Heat ended early", "pad off", "enter"},
		"heat_stopped_for_pain": {"Stopped for pain", "your skin", "enter"},
		"heat_pause_refused":    {"cannot be paused"},
		"heat_done_muted":       {"silent", "another alarm"},
		"heat_done":             {"Heat done. Switch the pad off", "enter the pad is off"},
		"hold":                  {"Knee to chest", "Left 2 of 3", "0:14", "step ", "x stop"},
		"switch":                {"Switch sides", "right next", "0:04", "Now your right side"},
		"paced_tilt":            {"Pelvic tilts", "Rep 1 of 10", "TILT", "0:04", "step "},
		"paced_relax":           {"Rep 4 of 10", "RELAX", "0:05"},
		"paused":                {"PAUSED", "Left 2 of 3", "space resume"},
		"hold_breathing":        {"Left 2 of 3", "0:14", "breathe out • • • • • • · ·", "x stop"},
		"hold_breathing_paused": {"PAUSED", "0:20", "breathe normally"},
		"settle":                {"Settle in", "On your back", "Head", "enter finish"},
	}
	for _, c := range states(t) {
		v := ansi.Strip(c.m.SetSize(40, 12).View())
		for _, s := range want[c.name] {
			if !strings.Contains(v, s) {
				t.Errorf("%s at 40x12 lacks %q:\n%s", c.name, s, v)
			}
		}
	}
}

// TestTheCountdownComesFirst: from 80x24 up the time left is drawn large,
// heat included; prose gives way before the digits do, and safety lines
// are never cut without a "more" line.
func TestTheCountdownComesFirst(t *testing.T) {
	for _, c := range states(t) {
		if c.name == "settle" || c.name == "full_help" || strings.HasPrefix(c.name, "heat_done") ||
			c.name == "heat_left_early" || c.name == "heat_stopped_for_pain" {
			continue // no countdown on these screens
		}
		for _, size := range [][2]int{{80, 24}, {80, 30}, {80, 40}} {
			v := ansi.Strip(c.m.SetSize(size[0], size[1]).View())
			if !strings.Contains(v, "██") {
				t.Errorf("%s at %dx%d draws the countdown small:\n%s", c.name, size[0], size[1], v)
			}
		}
		if strings.Contains(c.m.SetSize(40, 12).View(), "██  ██") {
			t.Errorf("%s at 40x12 draws big glyphs", c.name)
		}
	}
}

func requireFits(t *testing.T, name, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%s %dx%d: view has %d lines", name, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Fatalf("%s %dx%d: line %d is %d cells wide: %q", name, w, h, i, lw, l)
		}
	}
}

func BenchmarkPlayerView(b *testing.B) {
	t := &testing.T{}
	h := newHarness(t, tonight())
	h.press("n")
	h.tick()
	m := h.m.SetSize(80, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

func BenchmarkPlayerViewBreathing(b *testing.B) {
	t := &testing.T{}
	h := newBreathingHarness(t, tonight())
	h.press("n")
	h.deliver(h.clock.Now()+1200*time.Millisecond, nil)
	m := h.m.SetSize(80, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
