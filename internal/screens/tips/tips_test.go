package tips

import (
	"reflect"
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
		msg := screentest.Key
		if k == "pgdown" {
			m, _, act = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
			continue
		}
		m, _, act = m.Update(msg(k))
	}
	return m, act
}

func TestKeys(t *testing.T) {
	pick := func(p guide.Position) screens.Action { return screens.PickPosition{Position: string(p)} }
	tests := []struct {
		current guide.Position
		keys    []string
		want    screens.Action
	}{
		{guide.Side, []string{"enter"}, pick(guide.Side)},
		{guide.Back, []string{"enter"}, pick(guide.Back)},
		{guide.Side, []string{"tab", "enter"}, pick(guide.Back)},
		{guide.Side, []string{"right", "right", "enter"}, pick(guide.Stomach)},
		{guide.Side, []string{"right", "right", "right", "enter"}, pick(guide.Side)},
		{guide.Side, []string{"shift+tab", "enter"}, pick(guide.Stomach)},
		{guide.Stomach, []string{"left", "enter"}, pick(guide.Back)},
		{guide.Side, []string{"3", "enter"}, pick(guide.Stomach)},
		{guide.Stomach, []string{"1", "enter"}, pick(guide.Side)},
		{guide.Side, []string{"2", "down", "pgdown", "enter"}, pick(guide.Back)},
		{"", []string{"enter"}, pick(guide.Side)},
		{guide.Side, []string{"esc"}, screens.Back{}},
		{guide.Side, []string{"q"}, screens.Quit{}},
		{guide.Side, []string{"2"}, nil},
		{guide.Side, []string{"4"}, nil},
		{guide.Side, []string{"?"}, nil},
		{guide.Side, []string{"down"}, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.current)+":"+strings.Join(tt.keys, ","), func(t *testing.T) {
			_, got := press(New(st, tt.current).SetSize(40, 12), tt.keys...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestCurrentIsMarkedInWords(t *testing.T) {
	v := New(st, guide.Back).SetSize(80, 24).View()
	if !strings.Contains(v, "[2 Back ✓]") || !strings.Contains(v, "tonight") {
		t.Fatalf("tonight's position is not marked:\n%s", v)
	}
	m, _ := press(New(st, guide.Back).SetSize(80, 24), "3")
	if v := m.View(); !strings.Contains(v, "[3 Stomach]") || !strings.Contains(v, "enter to use from tonight on") {
		t.Fatalf("another tab does not say how to pick it:\n%s", v)
	}
}

func TestScrollingReachesTheMattressAtTheSmallestSize(t *testing.T) {
	m := New(st, guide.Side).SetSize(40, 12)
	last := guide.Mattress()[len(guide.Mattress())-1]
	words := strings.Fields(last)
	for range 30 {
		m, _ = press(m, "down")
	}
	if v := m.View(); !strings.Contains(v, words[len(words)-1]) {
		t.Fatalf("scrolled to the end, the last mattress line is not on screen:\n%s", v)
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name    string
		current guide.Position
		keys    []string
	}{
		{"side_current", guide.Side, nil},
		{"back_tab", guide.Side, []string{"tab"}},
		{"stomach_current", guide.Stomach, nil},
		{"side_scrolled", guide.Side, []string{"down", "down", "down"}},
		{"full_help", guide.Back, []string{"?"}},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				m, _ := press(New(st, c.current).SetSize(s.w, s.h), c.keys...)
				screentest.Golden(t, m.View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, keys := range [][]string{nil, {"3"}, {"?"}, {"pgdown", "pgdown", "down"}} {
		for _, w := range widths {
			for _, h := range heights {
				m, _ := press(New(st, guide.Side).SetSize(w, h), keys...)
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
