package precautions

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

func sized(w, h int) Model {
	return New(style.New(style.Night())).SetToday(bedtime).SetSize(w, h)
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

func text(view string) string { return ansi.Strip(view) }

// allNo answers no to each question, in order.
func allNo(m Model) Model {
	for range m.ps {
		m, _ = press(m, "n")
	}
	return m
}

func TestEveryQuestionIsAskedWithWhatAYesDoes(t *testing.T) {
	m := sized(120, 40)
	v := strings.Join(strings.Fields(text(m.View())), " ")
	for _, p := range safety.Precautions() {
		if !strings.Contains(v, p.Text) {
			t.Errorf("question %s is not on screen:\n%s", p.ID, v)
		}
		if !strings.Contains(v, "If yes: "+p.Does) {
			t.Errorf("what a yes to %s does is not on screen", p.ID)
		}
	}
	if strings.Contains(v, "[no ]") || strings.Contains(v, "[yes]") {
		t.Errorf("an answer is shown before the person gave one:\n%s", v)
	}
}

// Nothing is assumed: enter with questions open never saves, and says
// how many are left, with the cursor on the first of them.
func TestEnterWaitsForEveryAnswer(t *testing.T) {
	m := sized(80, 24)
	next, act := press(m, "enter")
	if act != nil || next.summary {
		t.Fatalf("enter with nothing answered went on (%#v)", act)
	}
	if !strings.Contains(text(next.View()), "5 questions left to answer") {
		t.Errorf("no word on what is left:\n%s", text(next.View()))
	}
	m, _ = press(m, "n", "n", "down", "n")
	m, act = press(m, "enter")
	if act != nil || m.summary {
		t.Fatalf("enter with two questions open went on (%#v)", act)
	}
	if m.cursor != 2 {
		t.Errorf("cursor on %d, want the open question 2", m.cursor)
	}
	if !strings.Contains(text(m.View()), "2 questions left") {
		t.Errorf("no word on the two questions left:\n%s", text(m.View()))
	}
	m, _ = press(m, "y", "n", "enter")
	if !m.summary {
		t.Fatal("enter after the last answers did not reach the summary")
	}
}

func TestAllNoSavesEveryAnswer(t *testing.T) {
	m := allNo(sized(80, 24))
	m, act := press(m, "enter")
	if act != nil || !m.summary {
		t.Fatalf("enter after five answers: summary %v, action %#v", m.summary, act)
	}
	if !strings.Contains(text(m.View()), "runs as it is") {
		t.Errorf("the summary of all no does not say the routine is unchanged:\n%s", text(m.View()))
	}
	_, act = press(m, "enter")
	want := screens.PrecautionsDone{Answers: map[string]bool{
		safety.Osteoporosis: false, safety.HipReplacement: false, safety.BackSurgery: false,
		safety.Pregnant: false, safety.HeatCaution: false,
	}}
	if !reflect.DeepEqual(act, want) {
		t.Fatalf("enter on the summary returned %#v, want %#v", act, want)
	}
}

// Each yes reaches the answers and the summary says what it changes.
func TestEachYesIsSummarisedAndSaved(t *testing.T) {
	for i, p := range safety.Precautions() {
		t.Run(p.ID, func(t *testing.T) {
			m := sized(80, 24)
			for j := range m.ps {
				if j == i {
					m, _ = press(m, "y")
				} else {
					m, _ = press(m, "n")
				}
			}
			m, _ = press(m, "enter")
			reason := safety.Adapt(map[string]bool{p.ID: true}).Reasons[0]
			if !strings.Contains(strings.Join(strings.Fields(text(m.View())), " "), reason) {
				t.Errorf("summary lacks %q:\n%s", reason, text(m.View()))
			}
			_, act := press(m, "enter")
			done, ok := act.(screens.PrecautionsDone)
			if !ok || len(done.Answers) != 5 || !done.Answers[p.ID] {
				t.Fatalf("saved %#v, want %s yes among five answers", act, p.ID)
			}
			for id, yes := range done.Answers {
				if id != p.ID && yes {
					t.Errorf("%s saved as yes, only %s was", id, p.ID)
				}
			}
		})
	}
}

// b on the summary goes back to change an answer; a changed answer is the
// one saved.
func TestSummaryGoesBackToChange(t *testing.T) {
	m := allNo(sized(80, 24))
	m, _ = press(m, "enter", "b")
	if m.summary {
		t.Fatal("b on the summary did not go back")
	}
	m, _ = press(m, "up", "up", "up", "up", "y", "enter")
	_, act := press(m, "enter")
	if done := act.(screens.PrecautionsDone); !done.Answers[safety.Osteoporosis] {
		t.Fatalf("changed answer not saved: %#v", done)
	}
}

func TestAnswerMovesToTheNextOpenQuestion(t *testing.T) {
	m, _ := press(sized(80, 24), "down", "down", "y")
	if m.cursor != 3 {
		t.Fatalf("after y on question 3 the cursor is on %d, want 3", m.cursor)
	}
	m, _ = press(m, "n", "n")
	if m.cursor != 0 {
		t.Fatalf("after the last question the cursor is on %d, want the open question 0", m.cursor)
	}
	m, _ = press(m, "n", "n")
	if m.unanswered() != -1 {
		t.Fatalf("question %d still open", m.unanswered())
	}
}

func TestLeavingKeys(t *testing.T) {
	if _, act := press(sized(80, 24), "esc"); act != (screens.Back{}) {
		t.Errorf("esc returned %#v", act)
	}
	if _, act := press(sized(80, 24), "q"); act != (screens.Quit{}) {
		t.Errorf("q returned %#v", act)
	}
	// y and n do nothing on the summary: a stray key never changes an answer.
	m, _ := press(allNo(sized(80, 24)), "enter", "y")
	if m.answers[safety.Osteoporosis] {
		t.Error("y on the summary changed an answer")
	}
}

// Every question with its "if yes" line is on one 80x24 screen.
func TestFits80x24WithoutScrolling(t *testing.T) {
	m := sized(80, 24)
	if mark := style.ScrollMark(true, true); strings.Contains(text(m.View()), "more") || mark != "" {
		t.Fatalf("80x24 scrolls:\n%s", text(m.View()))
	}
	screentest.RequireFits(t, m.View(), 80, 24)
}

// At 40x12 the list scrolls and the question under the cursor shows whole.
func TestCursorQuestionVisibleAt40x12(t *testing.T) {
	m := sized(40, 12)
	for i, p := range m.ps {
		v := strings.Join(strings.Fields(text(m.View())), " ")
		if !strings.Contains(v, p.Text) || !strings.Contains(v, "If yes: "+p.Does) {
			t.Fatalf("question %d (%s) not whole on screen at 40x12:\n%s", i, p.ID, text(m.View()))
		}
		screentest.RequireFits(t, m.View(), 40, 12)
		m, _ = press(m, "n")
	}
}

var sizes = []struct {
	name string
	w, h int
}{
	{"40x12", 40, 12},
	{"80x24", 80, 24},
	{"120x40", 120, 40},
}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"start", nil},
		{"answered", []string{"y", "n"}},
		{"left_to_answer", []string{"n", "enter"}},
		{"summary_none", []string{"n", "n", "n", "n", "n", "enter"}},
		{"summary_osteoporosis", []string{"y", "n", "n", "n", "y", "enter"}},
		{"full_help", []string{"?"}},
		{"cleared_what", []string{"n", "n", "n", "c"}},
		{"cleared_when", []string{"n", "n", "n", "c", "h", "2", "0", "2", "6", "-", "1", "1"}},
		{"cleared_summary", []string{"n", "n", "n", "c", "h", "2", "0", "2", "6", "-", "1", "1", "-", "0", "3", "enter", "c", "y", "enter"}},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				m, _ := press(sized(s.w, s.h), c.keys...)
				screentest.Golden(t, m.View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, keys := range [][]string{nil, {"?"}, {"n", "enter"}, {"y", "y", "y", "y", "y", "enter"}, {"y", "y", "y", "y", "y", "enter", "down", "down", "down"}} {
		for _, w := range []int{40, 41, 45, 50, 57, 61, 72, 79, 80} {
			for _, h := range []int{12, 13, 15, 16, 19, 20, 24, 33, 40} {
				m, _ := press(sized(w, h), keys...)
				screentest.RequireFits(t, m.View(), w, h)
			}
		}
	}
}
