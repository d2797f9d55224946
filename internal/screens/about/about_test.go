package about

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var st = style.New(style.Night())

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

// TestSaysTheDisclaimerAndItsSources: the words are safety.Disclaimer's,
// with the content version and all 33 sources, scrolled to.
func TestSaysTheDisclaimerAndItsSources(t *testing.T) {
	m := New(st).SetSize(80, 400)
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	for _, l := range append(safety.Disclaimer(), safety.ReviewedLine(), "33. Owen et al.") {
		if !strings.Contains(v, l) {
			t.Errorf("lacks %q", l)
		}
	}
}

func TestKeys(t *testing.T) {
	if _, act := press(New(st).SetSize(80, 24), "enter"); act != nil {
		t.Errorf("enter from the menu: %#v, want nothing", act)
	}
	if _, act := press(New(st).SetSize(80, 24), "esc"); act != (screens.Back{}) {
		t.Errorf("esc: %#v", act)
	}
	if _, act := press(New(st).FirstNight().SetSize(80, 24), "enter"); act != (screens.Seen{}) {
		t.Errorf("enter on the first night: %#v, want Seen", act)
	}
	if _, act := press(New(st).FirstNight().SetSize(80, 24), "esc"); act != (screens.Back{}) {
		t.Errorf("esc on the first night: %#v, want Back", act)
	}
}

func TestViewGolden(t *testing.T) {
	for _, n := range []struct {
		name string
		m    Model
	}{{"menu", New(st)}, {"first_night", New(st).FirstNight()}} {
		for _, s := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(n.name+"/"+strconv.Itoa(s[0])+"x"+strconv.Itoa(s[1]), func(t *testing.T) {
				v := n.m.SetSize(s[0], s[1]).View()
				screentest.RequireFits(t, v, s[0], s[1])
				screentest.Golden(t, v)
			})
		}
	}
}
