package check

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
)

var checkedOn = time.Date(2026, time.November, 3, 0, 0, 0, 0, time.UTC)

// TestReminderUnderACheckedQuestion: a question a clinician checked shows
// the reminder right under it (hint included), the others do not, and an
// EMERGENCY question never does.
func TestReminderUnderACheckedQuestion(t *testing.T) {
	on := map[string]time.Time{"fever-unwell": checkedOn, "no-better": checkedOn, "saddle-numbness": checkedOn}
	m := newCheck().WithClinicianChecks(on)
	reminder := "You said a clinician checked this on 3 Nov. If it has changed, answer yes."
	seen := map[string]bool{}
	for range m.groups {
		v := text(m.View())
		for _, q := range m.questions() {
			i := strings.Index(v, q.Text)
			if i < 0 {
				t.Fatalf("%s is not on screen:\n%s", q.ID, v)
			}
			after := v[i+len(q.Text):]
			if q.Hint != "" {
				after = strings.TrimPrefix(after, " "+q.Hint)
			}
			has := strings.HasPrefix(after, " "+reminder)
			want := q.ID == "fever-unwell" || q.ID == "no-better"
			if has != want {
				t.Errorf("%s: reminder under it %v, want %v:\n%s", q.ID, has, want, v)
			}
			seen[q.ID] = true
		}
		m, _ = press(m, "n")
	}
	if !seen["fever-unwell"] || !seen["no-better"] || !seen["saddle-numbness"] {
		t.Fatalf("not every question was on screen: %v", seen)
	}
	if n := strings.Count(text(newCheck().View()), "clinician checked"); n != 0 {
		t.Errorf("a check without clinician's checks shows %d reminders", n)
	}
}

// TestACheckedQuestionsYesStillCounts: the reminder changes nothing about
// the answers: yes is yes and reaches its tier, no is no.
func TestACheckedQuestionsYesStillCounts(t *testing.T) {
	on := map[string]time.Time{"fever-unwell": checkedOn}
	m := toQuestion(t, newCheck().WithClinicianChecks(on), "fever-unwell")
	m, _ = press(m, "space")
	_, act := press(toConfirm(m), "enter")
	if want := (screens.CheckDone{Tier: safety.Urgent, Yes: []string{"fever-unwell"}}); !reflect.DeepEqual(act, want) {
		t.Errorf("a yes to a checked question returned %#v, want %#v", act, want)
	}
	_, act = press(allNone(newCheck().WithClinicianChecks(on)), "enter")
	if want := (screens.CheckDone{Tier: safety.None}); !reflect.DeepEqual(act, want) {
		t.Errorf("no to a checked question returned %#v, want %#v", act, want)
	}
}

// TestReminderFitsAndShowsWhenScrolling: the reminder is part of its
// question: at every size the cursor's question shows with it.
func TestReminderFitsAndShowsWhenScrolling(t *testing.T) {
	on := map[string]time.Time{}
	for _, q := range safety.Questions() {
		on[q.ID] = checkedOn
	}
	for _, w := range widths {
		for _, h := range heights {
			m := sized(w, h).WithClinicianChecks(on)
			m = toQuestion(t, m, "no-better")
			screentest.RequireFits(t, m.View(), w, h)
			if v := text(m.View()); !strings.Contains(v, "If it has changed, answer yes.") {
				t.Fatalf("%dx%d: the reminder of the question under the cursor is not on screen:\n%s", w, h, m.View())
			}
		}
	}
}
