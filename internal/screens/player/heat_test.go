package player

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// flat is a view's text with its line breaks and indents folded, so that a
// wrapped sentence reads as one.
func flat(view string) string { return strings.Join(strings.Fields(ansi.Strip(view)), " ") }

// squeeze is text without any space, so that a sentence is found
// wherever its lines were broken (a break after a hyphen leaves none).
func squeeze(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), "") }

// holds reports whether a view holds a sentence whole.
func holds(view, sentence string) bool { return strings.Contains(squeeze(view), squeeze(sentence)) }

// heatStates are the heat step's screens while the safety lines show.
func heatStates(t *testing.T) map[string]Model {
	out := map[string]Model{}
	for _, c := range states(t) {
		if strings.HasPrefix(c.name, "heat_") && (c.m.mode() == modeReady || c.m.mode() == modeRunning) {
			out[c.name] = c.m
		}
	}
	muted := newHarness(t, tonight())
	muted.m = muted.m.SetMuted(true)
	out["heat_ready_muted"] = muted.m
	if len(out) < 4 {
		t.Fatalf("only %d heat states", len(out))
	}
	return out
}

// TestTheThreeHeatLinesNeverLeaveTheScreen: at every size from 40x12 to
// 160x50 (above 30 lines every fourth height), the pad-off line, the numb-skin line and tonight's heat question
// are on screen whole, with the countdown; every other safety line is on
// screen too, or the screen says more are one key away (↓) and the help
// line shows the key (CONTENT.md section 3, v3; issue 19 item 3).
func TestTheThreeHeatLinesNeverLeaveTheScreen(t *testing.T) {
	var kept, more []string
	for _, l := range safety.HeatSafetyLines() {
		if l.Kept {
			kept = append(kept, squeeze(l.Text))
		} else {
			more = append(more, squeeze(l.Text))
		}
	}
	for name, m := range heatStates(t) {
		clock := flat(m.SetSize(40, 12).View())
		// The root gives the player at most MaxWidth columns: a wider
		// window draws what MaxWidth draws, centred. Every height to 30,
		// then every fourth: taller windows have room to spare.
		for w := 40; w <= MaxWidth; w++ {
			for h := 12; h <= 50; h += 1 + 3*b2i(h >= 30) {
				view := m.SetSize(w, h).View()
				v, sq := flat(view), squeeze(view)
				for _, k := range kept {
					if !strings.Contains(sq, k) {
						t.Fatalf("%s at %dx%d lacks %q:\n%s", name, w, h, k, ansi.Strip(view))
					}
				}
				if !strings.Contains(v, "██") && !strings.Contains(clock, strings.Fields(v)[0]) {
					t.Fatalf("%s at %dx%d has no countdown:\n%s", name, w, h, ansi.Strip(view))
				}
				all := true
				for _, l := range more {
					all = all && strings.Contains(sq, l)
				}
				scrolls := strings.Contains(v, "press ↓") && strings.Contains(v, "↓ more safety")
				small := (w < 80 || h < 24) && strings.Contains(v, "enlarge the window")
				if !all && !scrolls && !small {
					t.Fatalf("%s at %dx%d hides a safety line without the ↓ key:\n%s", name, w, h, ansi.Strip(view))
				}
			}
		}
	}
}

// TestEverySafetyLineIsOneKeyAway: from 80x24, pressing ↓ brings every
// safety line onto the screen in turn, the three kept ones staying put,
// and ↓ after the last goes back to the first.
func TestEverySafetyLineIsOneKeyAway(t *testing.T) {
	for name, m := range heatStates(t) {
		for _, size := range [][2]int{{80, 24}, {90, 24}, {80, 27}, {100, 30}, {120, 40}} {
			m := m.SetSize(size[0], size[1])
			seen := map[string]bool{}
			for press := 0; press <= len(safety.HeatSafetyLines()); press++ {
				v := m.View()
				for _, l := range safety.HeatSafety() {
					if holds(v, l) {
						seen[l] = true
					}
				}
				m, _, _ = m.Update(screentest.Key("down"))
			}
			for _, l := range safety.HeatSafety() {
				if !seen[l] {
					t.Errorf("%s at %dx%d: ↓ never shows %q", name, size[0], size[1], l)
				}
			}
			if m.safetyOff != 0 && !strings.Contains(flat(m.View()), "press ↓") {
				t.Errorf("%s at %dx%d: scrolled with no word of it", name, size[0], size[1])
			}
		}
	}
}

// TestScrollingBackAndRound: ↑ goes back a line, ↓ after the last line
// starts again from the first.
func TestScrollingBackAndRound(t *testing.T) {
	m := newHarness(t, tonight()).m.SetSize(80, 24)
	if !m.layout().hiddenAfter {
		t.Fatalf("at 80x24 every safety line fits; the test needs some hidden:\n%s", ansi.Strip(m.View()))
	}
	m = m.pressed("down")
	if m.safetyOff != 1 {
		t.Fatalf("↓ scrolled to %d, want 1", m.safetyOff)
	}
	m = m.pressed("up", "up")
	if m.safetyOff != 0 {
		t.Fatalf("↑ twice scrolled to %d, want 0", m.safetyOff)
	}
	for range 10 {
		m = m.pressed("down")
		if m.safetyOff == 0 {
			return
		}
	}
	t.Error("↓ never came back to the first safety line")
}

// TestHeatStepScrolledGolden: the heat step at 80x24, 100x30 and 120x40
// after ↓ (TestViewGolden has heat_ready and heat_running at those sizes,
// issue 19 item 3).
func TestHeatStepScrolledGolden(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	for range 30 {
		h.tick()
	}
	for _, s := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(t *testing.T) {
			screentest.Golden(t, h.m.SetSize(s[0], s[1]).pressed("down").View())
		})
	}
}

// TestTheSkinStopHasRoomInTheHelp: while the pad is on, the skin-stop key
// (s) shows on the heat step's help line with the stop key and ↓, at 80
// columns.
func TestTheSkinStopHasRoomInTheHelp(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	h.tick()
	m := h.m.SetSize(80, 24)
	help := ansi.Strip(m.helpLine(true))
	for _, want := range []string{"s skin stop", "x stop", "↓ more safety"} {
		if !strings.Contains(help, want) {
			t.Errorf("the heat help line %q lacks %q", help, want)
		}
	}
}

// The full help (?) during heat never offers space to pause: the pad
// keeps heating, and space is refused there, as the short help says.
func TestTheFullHelpOffersNoPauseDuringHeat(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("enter")
	h.tick()
	h.press("?")
	v := ansi.Strip(h.m.SetSize(80, 24).View())
	if strings.Contains(v, "pause") {
		t.Errorf("the full help during heat offers a pause:\n%s", v)
	}
	h.press("?", "n", "enter") // on past the heat, to a stretch
	h.press("?")
	if v := ansi.Strip(h.m.SetSize(80, 24).View()); !strings.Contains(v, "pause") {
		t.Errorf("the full help of a stretch offers no pause:\n%s", v)
	}
}

// TestTheSkinLineNamesTheSkinKey: the kept line for numb skin names the
// key that makes the skin stop here, and that key, pressed with the pad
// on, asks the run for the skin stop: the gate then says "Skin stop."
func TestTheSkinLineNamesTheSkinKey(t *testing.T) {
	var line string
	for _, l := range safety.HeatSafetyLines() {
		if l.Kept && strings.Contains(l.Text, "numb") {
			line = l.Text
		}
	}
	h := newHarness(t, tonight())
	h.press("enter") // the pad goes on
	k := h.m.keys.Skin.Help().Key
	if !strings.Contains(line, "press "+k+",") {
		t.Fatalf("the skin line %q does not name the skin-stop key %q", line, k)
	}
	if c, ok := h.press(k).(screens.RunCmd); !ok || c.Cmd != night.SkinStop {
		t.Fatalf("%s with the pad on asks for %v, want the skin stop", k, h.act)
	}
	if v := flat(h.m.SetSize(80, 24).View()); !strings.Contains(v, "Skin stop. ") {
		t.Errorf("after the skin stop the gate does not say so:\n%s", v)
	}
}

// TestTheHeatStopIsTheSkinStop: the heat step's stop-if line names the
// skin stop and its key, never the stop for pain's; a stretch's names x.
func TestTheHeatStopIsTheSkinStop(t *testing.T) {
	h := newHarness(t, tonight())
	heat := flat(h.m.SetSize(120, 40).View())
	if want := "Skin stop: press s if the skin under the pad feels numb, tingles or burns."; !strings.Contains(heat, want) {
		t.Errorf("the heat step lacks %q:\n%s", want, heat)
	}
	if strings.Contains(heat, "press x if the skin") {
		t.Errorf("the heat step sends the skin to the stop for pain:\n%s", heat)
	}
	h.press("n")
	if stretch := flat(h.m.SetSize(120, 40).View()); !strings.Contains(stretch, "Stop and press x if the pain gets worse") {
		t.Errorf("the stretch lacks its stop for pain:\n%s", stretch)
	}
}
