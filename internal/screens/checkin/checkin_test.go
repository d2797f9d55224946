package checkin

import (
	"reflect"
	"strings"
	"testing"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

func newCheckin() Model {
	return New(style.New(style.Night()), "Before").SetSize(80, 24)
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

func TestKeysAnswer(t *testing.T) {
	tests := []struct {
		keys []string
		want screens.Action
	}{
		{[]string{"0", "enter"}, screens.CheckedIn{Value: 0}},
		{[]string{"1", "enter"}, screens.CheckedIn{Value: 1}},
		{[]string{"7", "enter"}, screens.CheckedIn{Value: 7}},
		{[]string{"9", "enter"}, screens.CheckedIn{Value: 9}},
		{[]string{"t", "enter"}, screens.CheckedIn{Value: 10}},
		{[]string{"1"}, nil}, // a digit chooses; only enter keeps it
		{[]string{"1", "0", "enter"}, screens.CheckedIn{Value: 10}}, // "1" then "0" is ten, not one
		{[]string{"0", "1", "enter"}, screens.CheckedIn{Value: 1}},
		{[]string{"1", "right", "0", "enter"}, screens.CheckedIn{Value: 0}}, // a 0 after a move is zero
		{[]string{"7", "4", "enter"}, screens.CheckedIn{Value: 4}},          // a wrong key corrected
		{[]string{"right", "enter"}, screens.CheckedIn{Value: 5}},
		{[]string{"left", "enter"}, screens.CheckedIn{Value: 5}},
		{[]string{"right", "right", "up", "enter"}, screens.CheckedIn{Value: 7}},
		{[]string{"left", "left", "down", "enter"}, screens.CheckedIn{Value: 3}},
		{[]string{"right", "right", "right", "right", "right", "right", "right", "enter"}, screens.CheckedIn{Value: 10}},
		{[]string{"left", "left", "left", "left", "left", "left", "left", "enter"}, screens.CheckedIn{Value: 0}},
		{[]string{"right", "3", "enter"}, screens.CheckedIn{Value: 3}},
		{[]string{"s"}, screens.CheckedIn{Skipped: true}},
		{[]string{"esc"}, screens.Back{}}, // esc leaves; it never answers or skips
		{[]string{"right", "esc"}, screens.Back{}},
		{[]string{"q"}, screens.Quit{}},
		{[]string{"enter"}, nil}, // nothing chosen yet: a stray enter records nothing
		{[]string{"right"}, nil},
		{[]string{"?"}, nil},
		{[]string{"x"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			_, got := press(newCheckin(), tt.keys...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	want := []string{"none", "mild", "mild", "mild", "moderate", "moderate", "moderate", "severe", "severe", "severe", "worst you can imagine"}
	for n, w := range want {
		if got := Word(n); got != w {
			t.Errorf("Word(%d) = %q, want %q", n, got, w)
		}
	}
}

func TestChosenNumberShowsWithoutColour(t *testing.T) {
	m, _ := press(newCheckin(), "right", "right")
	v := m.View()
	if !strings.Contains(v, "[6]") || !strings.Contains(v, "6 · moderate") {
		t.Fatalf("the chosen 6 is not bracketed and named:\n%s", v)
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name, title string
		keys        []string
	}{
		{"before_fresh", "Before", nil},
		{"after_ten", "After", []string{"right", "right", "right", "right", "right", "right"}},
		{"before_full_help", "Before", []string{"left", "?"}},
		{"before_woke", "Before", []string{"4", "enter"}},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				m, _ := press(New(style.New(style.Night()), c.title).AskWoke().SetSize(s.w, s.h), c.keys...)
				screentest.Golden(t, m.View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, keys := range [][]string{nil, {"right", "right", "right", "right", "right", "right"}, {"?"}} {
		for _, w := range widths {
			for _, h := range heights {
				m, _ := press(New(style.New(style.Night()), "Before").SetSize(w, h), keys...)
				screentest.RequireFits(t, m.View(), w, h)
			}
		}
	}
}

// widths and heights sample every size the root passes, 40x12 up, with
// the small ones (where layouts change) densest.
var (
	widths  = []int{40, 41, 42, 43, 45, 47, 50, 53, 57, 61, 66, 72, 79, 80}
	heights = []int{12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 28, 33, 40}
)

// TestTheBeforeCheckinAsksAboutLastNight: with AskWoke, the number is
// followed by "did back pain wake you last night?"; esc goes back to the
// number, s skips only the question.
func TestTheBeforeCheckinAsksAboutLastNight(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		keys []string
		want screens.Action
	}{
		{[]string{"4", "enter"}, nil},
		{[]string{"4", "enter", "y"}, screens.CheckedIn{Value: 4, Woke: &yes}},
		{[]string{"4", "enter", "n"}, screens.CheckedIn{Value: 4, Woke: &no}},
		{[]string{"4", "enter", "s"}, screens.CheckedIn{Value: 4}},
		{[]string{"s", "y"}, screens.CheckedIn{Skipped: true, Woke: &yes}},
		{[]string{"4", "enter", "esc", "6", "enter", "n"}, screens.CheckedIn{Value: 6, Woke: &no}},
		{[]string{"4", "enter", "5"}, nil}, // digits mean nothing on the question
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			_, got := press(newCheckin().AskWoke(), tt.keys...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
	m, _ := press(newCheckin().AskWoke().SetSize(80, 24), "4", "enter")
	if v := m.View(); !strings.Contains(v, "wake you last night") {
		t.Errorf("the waking question is not on screen:\n%s", v)
	}
}
