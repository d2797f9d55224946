package outcome

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/screens"
	"github.com/supine-app/supine/screens/screentest"
	"github.com/supine-app/supine/screens/style"
)

var st = style.New(style.Night())

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(keyPress(k))
	}
	return m, act
}

// keyPress is screentest.Key plus the paging keys it does not know.
func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	}
	return screentest.Key(name)
}

// everyKey is every printable ASCII key and the named keys a person could
// press, to prove that no key leads where it must not.
func everyKey() []tea.KeyPressMsg {
	var keys []tea.KeyPressMsg
	for r := rune(33); r < 127; r++ {
		keys = append(keys, screentest.Key(string(r)))
	}
	for _, k := range []string{"space", "enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "backspace"} {
		keys = append(keys, screentest.Key(k))
	}
	return append(keys, tea.KeyPressMsg{Code: tea.KeyEnter, Mod: tea.ModAlt}, tea.KeyPressMsg{Code: 'y', Text: "Y", Mod: tea.ModShift})
}

func TestEmergencyAndUrgentHaveNoWayOn(t *testing.T) {
	for _, tier := range []safety.Tier{safety.Emergency, safety.Urgent} {
		for _, size := range [][2]int{{40, 12}, {80, 24}} {
			m := ForTier(st, tier).SetSize(size[0], size[1])
			for _, k := range everyKey() {
				_, _, act := m.Update(k)
				switch act.(type) {
				case nil, screens.Back, screens.Quit:
				default:
					t.Errorf("%v: key %q returned %#v; only Back or Quit may leave", tier, k.String(), act)
				}
			}
		}
	}
}

func TestEmergencyLeavesBackHome(t *testing.T) {
	for _, tier := range []safety.Tier{safety.Emergency, safety.Urgent} {
		for _, k := range []string{"enter", "esc"} {
			if _, act := press(ForTier(st, tier).SetSize(80, 24), k); act != (screens.Back{}) {
				t.Errorf("%v: %s returned %#v, want Back", tier, k, act)
			}
		}
		if _, act := press(ForTier(st, tier).SetSize(80, 24), "y"); act != nil {
			t.Errorf("%v: y returned %#v, want nothing", tier, act)
		}
	}
}

func TestBookGoesOnOnlyOnYes(t *testing.T) {
	m := ForTier(st, safety.Book).SetSize(80, 24)
	for _, k := range everyKey() {
		_, _, act := m.Update(k)
		if _, on := act.(screens.GoOn); on != (k.String() == "y") {
			t.Errorf("key %q returned %#v", k.String(), act)
		}
	}
	for _, k := range []string{"n", "esc"} {
		if _, act := press(m, k); act != (screens.Back{}) {
			t.Errorf("%s returned %#v, want Back", k, act)
		}
	}
	if _, act := press(m, "enter"); act != nil {
		t.Errorf("enter returned %#v: the question needs an explicit answer", act)
	}
	if !strings.Contains(m.View(), "Go on with tonight's routine?") {
		t.Errorf("BOOK view does not ask the question:\n%s", m.View())
	}
}

func TestBookStandaloneAsksNothing(t *testing.T) {
	m := ForTier(st, safety.Book).Standalone().SetSize(80, 24)
	if _, act := press(m, "y"); act != nil {
		t.Errorf("y with no routine waiting returned %#v", act)
	}
	if _, act := press(m, "enter"); act != (screens.Back{}) {
		t.Errorf("enter returned %#v, want Back", act)
	}
	if strings.Contains(m.View(), "Go on") {
		t.Errorf("standalone BOOK still asks to go on:\n%s", m.View())
	}
}

func TestNoneGoesBack(t *testing.T) {
	m := ForTier(st, safety.None).SetSize(80, 24)
	for _, k := range []string{"enter", "esc"} {
		if _, act := press(m, k); act != (screens.Back{}) {
			t.Errorf("%s returned %#v, want Back", k, act)
		}
	}
	if _, act := press(m, "y"); act != nil {
		t.Errorf("y returned %#v, want nothing", act)
	}
}

func TestPainStopLeadsToTheCheck(t *testing.T) {
	m := StoppedForPain(st).SetSize(80, 24)
	if _, act := press(m, "c"); act != (screens.OpenCheck{}) {
		t.Errorf("c returned %#v, want OpenCheck", act)
	}
	for _, k := range []string{"enter", "esc"} {
		if _, act := press(m, k); act != (screens.Back{}) {
			t.Errorf("%s returned %#v, want Back", k, act)
		}
	}
	for _, k := range everyKey() {
		if _, _, act := m.Update(k); act == (screens.GoOn{}) {
			t.Errorf("key %q goes on after a stop for pain", k.String())
		}
	}
}

func TestQuit(t *testing.T) {
	for _, m := range outcomes() {
		if _, act := press(m.m.SetSize(80, 24), "q"); act != (screens.Quit{}) {
			t.Errorf("%s: q returned %#v, want Quit", m.name, act)
		}
	}
}

func TestScrollingRevealsTheLastLine(t *testing.T) {
	m := ForTier(st, safety.Emergency).SetSize(40, 12)
	last := safety.AdviceFor(safety.Emergency).Lines
	want := strings.Fields(last[len(last)-1])
	word := want[len(want)-1]
	for range 20 {
		m, _ = press(m, "down")
	}
	if !strings.Contains(m.View(), word) {
		t.Fatalf("scrolled to the end, %q is not on screen:\n%s", word, m.View())
	}
}

type named struct {
	name string
	m    Model
}

func outcomes() []named {
	return []named{
		{"emergency", ForTier(st, safety.Emergency)},
		{"urgent", ForTier(st, safety.Urgent)},
		{"book", ForTier(st, safety.Book)},
		{"book_standalone", ForTier(st, safety.Book).Standalone()},
		{"none", ForTier(st, safety.None)},
		{"pain", StoppedForPain(st)},
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	for _, o := range outcomes() {
		for _, s := range sizes {
			t.Run(o.name+"/"+s.name, func(t *testing.T) {
				screentest.Golden(t, o.m.SetSize(s.w, s.h).View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, o := range outcomes() {
		for _, keys := range [][]string{nil, {"?"}, {"pgdown", "down"}} {
			for _, w := range widths {
				for _, h := range heights {
					m, _ := press(o.m.SetSize(w, h), keys...)
					screentest.RequireFits(t, m.View(), w, h)
				}
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
