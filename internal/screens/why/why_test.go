package why

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var st = style.New(style.Night())

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		msg := tea.Msg(nil)
		switch k {
		case "pgdown":
			msg = tea.KeyPressMsg{Code: tea.KeyPgDown}
		case "end":
			msg = tea.KeyPressMsg{Code: tea.KeyEnd}
		default:
			msg = screentest.Key(k)
		}
		m, _, act = m.Update(msg)
	}
	return m, act
}

func TestKeys(t *testing.T) {
	m := New(st).SetSize(40, 12)
	if _, act := press(m, "esc"); act != (screens.Back{}) {
		t.Errorf("esc returned %#v, want Back", act)
	}
	if _, act := press(m, "q"); act != (screens.Quit{}) {
		t.Errorf("q returned %#v, want Quit", act)
	}
	for _, k := range []string{"down", "up", "space", "pgdown", "g", "G", "end", "?", "enter", "x"} {
		if _, act := press(m, k); act != nil {
			t.Errorf("%s returned %#v, want nothing", k, act)
		}
	}
}

func TestEveryCauseCanBeScrolledTo(t *testing.T) {
	for _, keys := range [][]string{{"G"}, {"end"}} {
		m, _ := press(New(st).SetSize(40, 12), keys...)
		causes := guide.Causes()
		last := strings.Fields(causes[len(causes)-1].Body)
		if v := m.View(); !strings.Contains(v, last[len(last)-1]) {
			t.Fatalf("%v: the last paragraph's end is not on screen:\n%s", keys, v)
		}
	}
	m := New(st).SetSize(40, 12)
	seen := ""
	for range 80 {
		seen += m.View()
		m, _ = press(m, "down")
	}
	for _, c := range guide.Causes() {
		if !strings.Contains(seen, c.Title) {
			t.Errorf("scrolling line by line never shows %q", c.Title)
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
		{"top", nil},
		{"paged", []string{"space"}},
		{"full_help", []string{"?"}},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				m, _ := press(New(st).SetSize(s.w, s.h), c.keys...)
				screentest.Golden(t, m.View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, keys := range [][]string{nil, {"?"}, {"G"}} {
		for _, w := range widths {
			for _, h := range heights {
				m, _ := press(New(st).SetSize(w, h), keys...)
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
