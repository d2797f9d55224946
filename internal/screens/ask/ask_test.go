package ask

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var st = style.New(style.Night())

func heatQuestion() Model {
	return New(st, safety.HeatQuestionTitle, safety.HeatQuestion, []string{safety.HeatQuestionWhy}, YesNoUnsure)
}

// Only the answers the question takes answer it; enter never stands for
// one, so a stray key never says no.
func TestKeysAnswer(t *testing.T) {
	yes, no, unsure := screens.Answered{Answer: screens.AnswerYes}, screens.Answered{Answer: screens.AnswerNo},
		screens.Answered{Answer: screens.AnswerNotSure}
	for _, tc := range []struct {
		name    string
		m       Model
		key     string
		want    screens.Action
		noOther bool
	}{
		{"y", heatQuestion(), "y", yes, false},
		{"n", heatQuestion(), "n", no, false},
		{"u", heatQuestion(), "u", unsure, false},
		{"enter answers nothing", heatQuestion(), "enter", nil, false},
		{"space answers nothing", heatQuestion(), "space", nil, false},
		{"esc goes home", heatQuestion(), "esc", screens.Back{}, false},
		{"q quits", heatQuestion(), "q", screens.Quit{}, false},
		{"u on a yes/no question is nothing", New(st, "", "Did anything ease it?", nil, YesNo), "u", nil, false},
		{"enter on a page goes on", New(st, "Before your first night", "", safety.Disclaimer(), Continue), "enter", screens.Seen{}, false},
		{"y on a page is nothing", New(st, "Before your first night", "", safety.Disclaimer(), Continue), "y", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, got := tc.m.SetSize(80, 24).Update(screentest.Key(tc.key))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: got %#v, want %#v", tc.key, got, tc.want)
			}
		})
	}
}

// The question, why it is asked and its answers are on screen at every
// size from 40x12; a page too long for the window scrolls, its answer line
// never leaves.
func TestViewAtEverySize(t *testing.T) {
	for _, m := range []Model{heatQuestion(), New(st, "Before your first night", "", safety.Disclaimer(), Continue)} {
		for w := 40; w <= 80; w += 4 {
			for h := 12; h <= 30; h += 3 {
				v := m.SetSize(w, h).View()
				screentest.RequireFits(t, v, w, h)
				text := ansi.Strip(v)
				if !strings.Contains(text, "yes") && !strings.Contains(text, "go on") {
					t.Fatalf("%dx%d: no answer line:\n%s", w, h, text)
				}
			}
		}
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		v := ansi.Strip(heatQuestion().Lead("No red flags reported. "+safety.SafetyNet).SetSize(size[0], size[1]).View())
		flat := strings.Join(strings.Fields(v), "") // a wrap may break "nerve-pain" at its hyphen
		if !strings.Contains(flat, strings.Join(strings.Fields(safety.HeatQuestion), "")) || !strings.Contains(flat, "unotsure") {
			t.Errorf("%dx%d: the heat question is cut:\n%s", size[0], size[1], v)
		}
	}
}

func TestViewGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    Model
	}{
		{"heat_question", heatQuestion().Lead("No red flags reported. " + safety.SafetyNet)},
		{"disclaimer", New(st, "Before your first night", "", safety.Disclaimer(), Continue)},
	} {
		for _, s := range []struct{ w, h int }{{80, 24}, {40, 12}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, s.w, s.h), func(t *testing.T) {
				screentest.Golden(t, tc.m.SetSize(s.w, s.h).View())
			})
		}
	}
}
