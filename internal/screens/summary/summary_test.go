package summary

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

func num(n int) *int { return &n }

func sideSetup() guide.Setup {
	return guide.Setup{
		Position: guide.Side,
		Title:    "On your side",
		Head:     "Use a thicker, firmer head pillow that fills the gap between your head and shoulder.",
		BodyPart: "Knees",
		Body:     "Put a pillow between your knees to keep your hips and pelvis stacked.",
		Extra:    []string{"Pillow advice is for comfort; it has not been tested in trials."},
	}
}

func finished() Data {
	return Data{
		Routine:   "Tonight",
		Completed: []string{"Heat", "Knee to chest", "Pelvic tilts", "Settle in"},
		Skipped:   []string{"Knee rolls"},
		Heat:      "17 minutes",
		Before:    num(6),
		After:     num(4),
		Streak:    3,
		Setup:     sideSetup(),
		Reason:    screens.Finished,
		Nudge:     "Your tightness has not eased in three weeks: book an appointment with a GP or physiotherapist.",
	}
}

func cases() []struct {
	name string
	d    Data
} {
	worse := finished()
	worse.After, worse.Nudge, worse.Streak = num(7), "", 1
	early := Data{Routine: "Quick", Completed: []string{"Knee to chest"}, Before: num(5), Reason: screens.QuitMidway, Setup: sideSetup()}
	pain := Data{Routine: "Tonight", Skipped: []string{"Heat"}, Heat: "4 of 15 minutes", Reason: screens.StoppedByPain}
	return []struct {
		name string
		d    Data
	}{{"finished", finished()}, {"worse", worse}, {"early", early}, {"pain", pain}}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		key  string
		want screens.Action
	}{
		{"enter", screens.Quit{}},
		{"q", screens.Quit{}},
		{"h", screens.Back{}},
		{"esc", screens.Back{}},
		{"?", nil},
		{"x", nil},
	}
	for _, tt := range tests {
		_, _, got := New(style.New(style.Night()), finished()).Update(screentest.Key(tt.key))
		if got != tt.want {
			t.Errorf("%s: got %#v, want %#v", tt.key, got, tt.want)
		}
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	for _, c := range cases() {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				screentest.Golden(t, New(style.New(style.Night()), c.d).SetSize(s.w, s.h).View())
			})
		}
	}
}

func TestViewSaysWhatHappened(t *testing.T) {
	want := map[string][]string{
		"finished": {"Done for tonight", "Knee to chest", "6 → 4 · 2 lower", "3 nights in a row", "17 minutes", "On your side", "Knee rolls", "book an appointment", "Lights out"},
		"worse":    {"6 → 7 · 1 higher", "1 night in a row"},
		"early":    {"Stopped early", "5 before"},
		"pain":     {"Stopped for pain", "red-flag check", "nothing this time"},
	}
	for _, c := range cases() {
		v := ansi.Strip(New(style.New(style.Night()), c.d).SetSize(80, 40).View())
		for _, s := range want[c.name] {
			if !strings.Contains(v, s) {
				t.Errorf("%s lacks %q:\n%s", c.name, s, v)
			}
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, c := range cases() {
		for _, full := range []bool{false, true} {
			m := New(style.New(style.Night()), c.d)
			if full {
				m, _, _ = m.Update(screentest.Key("?"))
			}
			for w := 40; w <= 80; w++ {
				for h := 12; h <= 44; h++ {
					v := m.SetSize(w, h).View()
					lines := strings.Split(v, "\n")
					if len(lines) > h {
						t.Fatalf("%s %dx%d: %d lines", c.name, w, h, len(lines))
					}
					for i, l := range lines {
						if lw := lipgloss.Width(l); lw > w {
							t.Fatalf("%s %dx%d: line %d is %d wide", c.name, w, h, i, lw)
						}
					}
				}
			}
			if v := ansi.Strip(m.SetSize(40, 12).View()); !strings.Contains(v, "Lights out") {
				t.Errorf("%s at 40x12 lacks the closing line:\n%s", c.name, v)
			}
		}
	}
}

func TestTheZeroModelIsSafe(t *testing.T) {
	var m Model
	if m.SetSize(80, 24).View() != "" {
		t.Error("a summary never built draws")
	}
}
