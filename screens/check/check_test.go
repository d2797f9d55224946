package check

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/screens"
	"github.com/supine-app/supine/screens/screentest"
	"github.com/supine-app/supine/screens/style"
)

func newCheck() Model {
	return New(style.New(style.Night())).SetSize(80, 24)
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

// downTo moves the cursor to the first question of a tier.
func downTo(t *testing.T, m Model, tier safety.Tier) Model {
	t.Helper()
	for i, q := range m.qs {
		if q.Tier == tier {
			for range i {
				m, _ = press(m, "down")
			}
			return m
		}
	}
	t.Fatalf("no question of tier %v", tier)
	return m
}

func TestNoneIsOneKeyFromTheStart(t *testing.T) {
	_, act := press(newCheck(), "n")
	want := screens.CheckDone{Tier: safety.None}
	if !reflect.DeepEqual(act, want) {
		t.Fatalf("n returned %#v, want %#v", act, want)
	}
}

func TestEnterWithNothingMarkedIsNone(t *testing.T) {
	_, act := press(newCheck(), "enter")
	if !reflect.DeepEqual(act, screens.CheckDone{Tier: safety.None}) {
		t.Fatalf("enter returned %#v, want CheckDone{None}", act)
	}
}

func TestMarkedTierWins(t *testing.T) {
	for _, tier := range []safety.Tier{safety.Emergency, safety.Urgent, safety.Book} {
		t.Run(safety.TierName(tier), func(t *testing.T) {
			m := downTo(t, newCheck(), tier)
			id := m.qs[m.cursor].ID
			_, act := press(m, "space", "enter")
			want := screens.CheckDone{Tier: tier, Yes: []string{id}}
			if !reflect.DeepEqual(act, want) {
				t.Fatalf("got %#v, want %#v", act, want)
			}
		})
	}
}

func TestHighestTierWinsOverALowerOne(t *testing.T) {
	m := downTo(t, newCheck(), safety.Book)
	m, _ = press(m, "space")
	for range len(m.qs) {
		m, _ = press(m, "up")
	}
	m, _ = press(m, "space")
	_, act := press(m, "enter")
	done := act.(screens.CheckDone)
	if done.Tier != safety.Emergency || len(done.Yes) != 2 {
		t.Fatalf("got %#v, want Emergency with two answers", done)
	}
}

func TestSpaceTogglesBackToNo(t *testing.T) {
	_, act := press(newCheck(), "space", "space", "enter")
	if !reflect.DeepEqual(act, screens.CheckDone{Tier: safety.None}) {
		t.Fatalf("got %#v, want CheckDone{None}", act)
	}
}

func TestNoneDoesNotWipeAMarkedAnswer(t *testing.T) {
	m, act := press(newCheck(), "space", "n")
	if act != nil {
		t.Fatalf("n after a yes returned %#v, want nothing", act)
	}
	if !strings.Contains(m.View(), "You marked 1") {
		t.Errorf("view does not explain why n did nothing:\n%s", m.View())
	}
	_, act = press(m, "enter")
	if got := act.(screens.CheckDone).Tier; got != safety.Emergency {
		t.Fatalf("enter after the refused n: tier %v, want EMERGENCY", got)
	}
}

func TestLeavingKeys(t *testing.T) {
	if _, act := press(newCheck(), "esc"); act != (screens.Back{}) {
		t.Errorf("esc returned %#v, want Back", act)
	}
	if _, act := press(newCheck(), "q"); act != (screens.Quit{}) {
		t.Errorf("q returned %#v, want Quit", act)
	}
	for _, k := range []string{"up", "down", "j", "k", "?", "space", "x"} {
		if _, act := press(newCheck(), k); act != nil {
			t.Errorf("%s returned %#v, want nothing", k, act)
		}
	}
}

func TestCursorStaysInsideTheList(t *testing.T) {
	m := newCheck()
	for range len(m.qs) + 5 {
		m, _ = press(m, "down")
	}
	if m.cursor != len(m.qs)-1 {
		t.Fatalf("cursor %d after running off the end, want %d", m.cursor, len(m.qs)-1)
	}
	m, _ = press(m, "space", "enter")
	_, act := press(m, "enter")
	if got := act.(screens.CheckDone).Tier; got != safety.Book {
		t.Fatalf("last question is tier %v, want BOOK", got)
	}
}

// The cursor's question shows whole, under its tier heading, at small
// sizes, all the way down.
func TestCursorStaysVisibleWhenScrolling(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {50, 14}, {80, 24}} {
		m := New(style.New(style.Night())).SetSize(size[0], size[1])
		for i := range m.qs {
			view := m.View()
			words := strings.Fields(m.qs[i].Text)
			last := words[len(words)-1]
			if !strings.Contains(view, style.Pointer) || !strings.Contains(stripped(view), last) {
				t.Fatalf("%v, question %d: cursor or its last word %q not on screen:\n%s", size, i, last, stripped(view))
			}
			if label := safety.TierLabel(m.qs[i].Tier); !strings.Contains(stripped(view), label) {
				t.Fatalf("%v, question %d: its tier heading %q is not on screen:\n%s", size, i, label, stripped(view))
			}
			screentest.RequireFits(t, view, size[0], size[1])
			m, _ = press(m, "down")
		}
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"start", nil},
		{"emergency_marked", []string{"space", "down"}},
		{"urgent_hint", []string{"down", "down", "down", "down", "down", "down", "down", "down"}},
		{"none_refused", []string{"space", "n"}},
		{"full_help", []string{"?"}},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				m, _ := press(New(style.New(style.Night())).SetSize(s.w, s.h), c.keys...)
				screentest.Golden(t, m.View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, keys := range [][]string{nil, {"?"}, {"space", "n"}, {"down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down"}} {
		for _, w := range widths {
			for _, h := range heights {
				m, _ := press(New(style.New(style.Night())).SetSize(w, h), keys...)
				screentest.RequireFits(t, m.View(), w, h)
			}
		}
	}
}

func stripped(s string) string {
	return strings.Join(strings.Fields(ansi.Strip(s)), " ")
}

// widths and heights sample every size the root passes, 40x12 up, with
// the small ones (where layouts change) densest.
var (
	widths  = []int{40, 41, 42, 43, 45, 47, 50, 53, 57, 61, 66, 72, 79, 80}
	heights = []int{12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 28, 33, 40}
)
