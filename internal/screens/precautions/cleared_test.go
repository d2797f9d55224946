package precautions

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
)

// bedtime is the day t counts from: Thursday 26 November 2026.
var bedtime = time.Date(2026, 11, 26, 22, 15, 0, 0, time.UTC)

func day(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }

// TestTheThirdAnswer: c keeps a yes with what a clinician cleared and the
// day; a precaution that takes both asks which; y or n replace it.
func TestTheThirdAnswer(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		cleared map[string]safety.Answer
		yes     []string
	}{
		{"pregnancy, heat cleared on a typed day", []string{"n", "n", "n", "c", "h", "2", "0", "2", "6", "-", "1", "1", "-", "0", "3", "enter", "n"},
			map[string]safety.Answer{safety.Pregnant: {Yes: true, Cleared: safety.Clearance{Heat: true}, ClearedOn: day(3)}}, []string{safety.Pregnant}},
		{"back surgery, both, yesterday", []string{"n", "n", "c", "b", "y", "n", "n"},
			map[string]safety.Answer{safety.BackSurgery: {Yes: true, Cleared: safety.Clearance{Heat: true, Stretches: true}, ClearedOn: day(25)}}, []string{safety.BackSurgery}},
		{"heat caution takes heat only: no question which", []string{"n", "n", "n", "n", "c", "t"},
			map[string]safety.Answer{safety.HeatCaution: {Yes: true, Cleared: safety.Clearance{Heat: true}, ClearedOn: day(26)}}, []string{safety.HeatCaution}},
		{"osteoporosis takes the stretches only", []string{"c", "t", "n", "n", "n", "n"},
			map[string]safety.Answer{safety.Osteoporosis: {Yes: true, Cleared: safety.Clearance{Stretches: true}, ClearedOn: day(26)}}, []string{safety.Osteoporosis}},
		{"esc drops it", []string{"c", "esc", "n", "n", "n", "n", "n"}, nil, nil},
		{"a later n replaces it", []string{"c", "t", "n", "n", "n", "n", "up", "up", "up", "up", "up", "n"}, nil, nil},
		{"a later y replaces it", []string{"c", "t", "n", "n", "n", "n", "up", "up", "up", "up", "up", "y"}, nil, []string{safety.Osteoporosis}},
		{"a day after today is refused", []string{"c", "2", "0", "2", "6", "-", "1", "1", "-", "2", "7", "enter", "esc", "n", "n", "n", "n", "n"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := press(sized(80, 24), tt.keys...)
			m, _ = press(m, "enter")
			if !m.summary {
				t.Fatalf("not on the summary:\n%s", text(m.View()))
			}
			_, act := press(m, "enter")
			done, ok := act.(screens.PrecautionsDone)
			if !ok {
				t.Fatalf("saved %#v", act)
			}
			if !reflect.DeepEqual(done.Cleared, tt.cleared) {
				t.Errorf("cleared %#v, want %#v", done.Cleared, tt.cleared)
			}
			for _, p := range safety.Precautions() {
				want := false
				for _, id := range tt.yes {
					want = want || id == p.ID
				}
				if done.Answers[p.ID] != want {
					t.Errorf("%s answered %v, want %v", p.ID, done.Answers[p.ID], want)
				}
			}
		})
	}
}

// TestTheSummarySaysWhatWasCleared: the summary is safety.AdaptAnswers's,
// so pregnancy cleared for heat says so and still leaves the stretches out.
func TestTheSummarySaysWhatWasCleared(t *testing.T) {
	m, _ := press(sized(80, 24), "n", "n", "n", "c", "h", "t", "n", "enter")
	v := strings.Join(strings.Fields(text(m.View())), " ")
	want := safety.AdaptAnswers(map[string]safety.Answer{safety.Pregnant: {Yes: true, Cleared: safety.Clearance{Heat: true}, ClearedOn: day(26)}}).Reasons[0]
	if !strings.Contains(v, want) || !strings.Contains(want, "cleared heat") || !strings.Contains(want, "no stretches") {
		t.Errorf("summary lacks %q:\n%s", want, v)
	}
}

// TestARefusedDaySaysWhy in one sentence, and the step stays open.
func TestARefusedDaySaysWhy(t *testing.T) {
	m, _ := press(sized(80, 24), "c", "2", "0", "2", "6", "-", "1", "1", "-", "2", "7", "enter")
	if !m.step.open || !strings.Contains(strings.Join(strings.Fields(text(m.View())), " "), "27 Nov 2026 is after today") {
		t.Errorf("open %v:\n%s", m.step.open, text(m.View()))
	}
}
