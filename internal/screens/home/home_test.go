package home

import (
	"github.com/charmbracelet/x/ansi"

	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

func data() Data {
	return Data{
		Routines: []Routine{
			{Name: "tonight", Title: "Tonight", Total: 20*time.Minute + 35*time.Second},
			{Name: "quick", Title: "Quick stretches", Total: 6 * time.Minute},
			{Name: "heat", Title: "Heat only", Total: 15 * time.Minute, Note: "Your own file replaces the built-in one."},
		},
		Selected: "tonight",
	}
}

// busy has every optional line at once, the hardest case for small windows.
func busy() Data {
	d := data()
	d.Skipped = 2
	d.Nudge = "Your tightness has not eased in three weeks: book an appointment with a GP or physiotherapist."
	d.Notice = "The history database could not be read; it was moved to supine.db.broken-20261101 and a fresh one started."
	return d
}

// adapted is tonight adapted to two precautions, and the busy lines too.
func adapted() Data {
	d := busy()
	d.Adapted = []string{
		"Adapted for osteoporosis: no knee-to-chest; knee rolls small and slow.",
		"Adapted for diabetes, circulation or skin feeling: heat only after asking a clinician.",
	}
	return d
}

// Home says that tonight is adapted, and why when there is room; at any
// size it says at least that it is.
func TestAdaptedTonightIsAlwaysSaid(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
		v := ansi.Strip(New(style.New(style.Night()), adapted()).SetSize(size[0], size[1]).View())
		flat := strings.Join(strings.Fields(v), " ")
		if !strings.Contains(flat, "Adapted for osteoporosis") && !strings.Contains(flat, "Tonight is adapted to 2 precautions") {
			t.Errorf("%dx%d: home does not say tonight is adapted:\n%s", size[0], size[1], v)
		}
	}
	v := ansi.Strip(New(style.New(style.Night()), adapted()).SetSize(80, 24).View())
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "heat only after asking a clinician") {
		t.Errorf("80x24: home does not say why:\n%s", v)
	}
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

func TestKeysReturnActions(t *testing.T) {
	tests := []struct {
		keys []string
		want screens.Action
	}{
		{[]string{"enter"}, screens.StartRoutine{Name: "tonight"}},
		{[]string{"s"}, screens.StartRoutine{Name: "tonight"}},
		{[]string{"c"}, screens.OpenCheck{}},
		{[]string{"t"}, screens.OpenTips{}},
		{[]string{"w"}, screens.OpenWhy{}},
		{[]string{"h"}, screens.OpenHistory{}},
		{[]string{"q"}, screens.Quit{}},
		{[]string{"down", "enter"}, screens.OpenCheck{}},
		{[]string{"j", "j", "enter"}, screens.OpenTips{}},
		{[]string{"down", "down", "down", "enter"}, screens.OpenWhy{}},
		{[]string{"up", "enter"}, screens.Quit{}},
		{[]string{"k", "k", "enter"}, screens.OpenAbout{}},
		{[]string{"k", "k", "k", "enter"}, screens.OpenTrial{}},
		{[]string{"k", "k", "k", "k", "enter"}, screens.OpenActivities{}},
		{[]string{"k", "k", "k", "k", "k", "enter"}, screens.OpenPrecautions{}},
		{[]string{"k", "k", "k", "k", "k", "k", "enter"}, screens.OpenClinician{}},
		{[]string{"k", "k", "k", "k", "k", "k", "k", "enter"}, screens.OpenHistory{}},
		{[]string{"d"}, screens.OpenClinician{}},
		{[]string{"a"}, screens.OpenAbout{}},
		{[]string{"f"}, screens.OpenActivities{}},
		{[]string{"e"}, screens.OpenTrial{}},
		{[]string{"p"}, screens.OpenPrecautions{}},
		{[]string{"r", "s"}, screens.StartRoutine{Name: "quick"}},
		{[]string{"right", "right", "enter"}, screens.StartRoutine{Name: "heat"}},
		{[]string{"left", "s"}, screens.StartRoutine{Name: "heat"}},
		{[]string{"R", "R", "R", "s"}, screens.StartRoutine{Name: "tonight"}},
		{[]string{"esc"}, nil},
		{[]string{"?"}, nil},
		{[]string{"x"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			_, got := press(New(style.New(style.Night()), data()), tt.keys...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestSelectedRoutineIsKept(t *testing.T) {
	d := data()
	d.Selected = "heat"
	m := New(style.New(style.Night()), d)
	if m.Selected() != "heat" {
		t.Fatalf("Selected() = %q, want heat", m.Selected())
	}
	m, _ = press(m, "r")
	if m.Selected() != "tonight" {
		t.Fatalf("after r, Selected() = %q, want tonight (it wraps)", m.Selected())
	}
	d.Selected = "gone"
	if got := New(style.New(style.Night()), d).Selected(); got != "tonight" {
		t.Fatalf("unknown selection: Selected() = %q, want the first routine", got)
	}
}

func TestNoRoutinesCannotStart(t *testing.T) {
	m := New(style.New(style.Night()), Data{})
	for _, k := range []string{"s", "enter", "r"} {
		if _, act := press(m, k); act != nil {
			t.Errorf("%s with no routines returned %#v, want nothing", k, act)
		}
	}
	if _, act := press(m, "c"); act != (screens.OpenCheck{}) {
		t.Errorf("c returned %#v, want OpenCheck", act)
	}
}

// The root passes w = min(window, 80): these are the 40x12, 80x24 and
// 120x40 windows.
var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		m    Model
	}{
		{"tonight", New(style.New(style.Night()), data())},
		{"busy", New(style.New(style.Night()), busy())},
		{"adapted", New(style.New(style.Night()), adapted())},
		{"full_help", func() Model { m, _ := press(New(style.New(style.Night()), data()), "?"); return m }()},
		{"light_quick", func() Model { m, _ := press(New(style.New(style.Light()), data()), "r", "down"); return m }()},
		{"no_routines", New(style.New(style.Night()), Data{Skipped: 1})},
		{"measures", New(style.New(style.Night()), measures())},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				screentest.Golden(t, c.m.SetSize(s.w, s.h).View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, d := range []Data{data(), busy(), adapted(), measures(), {}} {
		for _, help := range []bool{false, true} {
			m := New(style.New(style.Night()), d)
			if help {
				m, _ = press(m, "?")
			}
			for _, w := range widths {
				for _, h := range heights {
					screentest.RequireFits(t, m.SetSize(w, h).View(), w, h)
				}
			}
		}
	}
}

func TestViewKeepsTheEssentialsAtTheSmallestSize(t *testing.T) {
	v := New(style.New(style.Night()), busy()).SetSize(40, 12).View()
	for _, want := range []string{"supine", "Tonight · 21 min", "Start tonight's routine", "Quit", "not a diagnosis", "database"} {
		if !strings.Contains(v, want) {
			t.Errorf("40x12 view lacks %q:\n%s", want, v)
		}
	}
}

// widths and heights sample every size the root passes, 40x12 up, with
// the small ones (where layouts change) densest.
var (
	widths  = []int{40, 41, 42, 43, 45, 47, 50, 53, 57, 61, 66, 72, 79, 80}
	heights = []int{12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 28, 33, 40}
)

// measures has the weekly rating due and a heat trial under way.
func measures() Data {
	d := busy()
	d.Measures = []string{
		"A rating of your activities is due: a minute, press f.",
		"Heat trial, night 5 of 16: a night without heat. The heat step is left out tonight; everything else is as usual.",
	}
	return d
}

// In a window too small for the whole menu the activities and the heat
// trial give way, the cursor passes over them, and their keys still work.
func TestTheExtrasGiveWayInASmallWindow(t *testing.T) {
	small := New(style.New(style.Night()), measures()).SetSize(40, 12)
	v := ansi.Strip(small.View())
	if strings.Contains(v, "Does heat help me?") || strings.Contains(v, "Rate your activities") {
		t.Fatalf("40x12 shows the extras, so something essential gave way:\n%s", v)
	}
	m, act := press(small, "k", "k", "k", "enter")
	if act != (screens.OpenPrecautions{}) {
		t.Errorf("up three times from the start at 40x12 chose %#v, want OpenPrecautions (the extras are skipped)", act)
	}
	if _, act = press(m, "e"); act != (screens.OpenTrial{}) {
		t.Errorf("e at 40x12 chose %#v, want OpenTrial", act)
	}
	big := New(style.New(style.Night()), measures()).SetSize(80, 24)
	v = ansi.Strip(big.View())
	for _, want := range []string{"Does heat help me?", "Rate your activities", "a night without heat"} {
		if !strings.Contains(v, want) {
			t.Errorf("80x24 does not show %q:\n%s", want, v)
		}
	}
	if _, act = press(big, "k", "k", "k", "enter"); act != (screens.OpenTrial{}) {
		t.Errorf("up three times from the start at 80x24 chose %#v, want OpenTrial", act)
	}
}
