package check

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

// tonight is the night of the checks below; checkedOn the day a clinician
// checked.
var (
	tonight   = time.Date(2026, time.November, 26, 0, 0, 0, 0, time.UTC)
	checkedOn = time.Date(2026, time.November, 3, 0, 0, 0, 0, time.UTC)
)

// asking is tonight's check with the pattern due or not, and a clinician's
// check on checkedOn of each of ids.
func asking(pattern bool, ids ...string) safety.Asking {
	a := safety.Asking{Pattern: pattern, Tonight: tonight, Checked: map[string]time.Time{}}
	for _, id := range ids {
		a.Checked[id] = checkedOn
	}
	return a
}

// TestACheckedQuestionIsAskedInItsOwnWords: a question a clinician checked
// is asked as "worse, or different, since then?", with what was checked
// under it; the others, and every EMERGENCY question, as usual.
func TestACheckedQuestionIsAskedInItsOwnWords(t *testing.T) {
	m := NewAsking(st, asking(false, "no-better", "fever-unwell", "saddle-numbness")).SetSize(80, 40)
	ask := "A clinician checked this on 3 Nov. Is it worse, or different, since then?"
	seen := map[string]bool{}
	for range m.groups {
		v := text(m.View())
		for _, q := range m.questions() {
			seen[q.ID] = true
			asked := q.Text == ask
			if want := q.ID == "no-better"; asked != want {
				t.Errorf("%s asked as %q", q.ID, q.Text)
			}
			if !strings.Contains(v, q.Text) || (q.Hint != "" && !strings.Contains(v, q.Hint)) {
				t.Errorf("%s is not on screen as asked:\n%s", q.ID, v)
			}
		}
		m, _ = press(m, "n")
	}
	if !seen["no-better"] || !seen["fever-unwell"] || !seen["saddle-numbness"] {
		t.Fatalf("not every question was on screen: %v", seen)
	}
}

// TestACheckedQuestionsYesCountsAndItsNoGoesOn: yes counts as a yes; no
// does not stop the session.
func TestACheckedQuestionsYesCountsAndItsNoGoesOn(t *testing.T) {
	a := asking(false, "pain-constant")
	a.Checked["pain-constant"] = tonight.AddDate(0, 0, -2)
	m := toQuestion(t, NewAsking(st, a).SetSize(80, 24), "pain-constant")
	m, _ = press(m, "space")
	_, act := press(toConfirm(m), "enter")
	if want := (screens.CheckDone{Tier: safety.Urgent, Yes: []string{"pain-constant"}}); !reflect.DeepEqual(act, want) {
		t.Errorf("yes returned %#v, want %#v", act, want)
	}
	_, act = press(allNone(NewAsking(st, a).SetSize(80, 24)), "enter")
	if want := (screens.CheckDone{Tier: safety.None}); !reflect.DeepEqual(act, want) {
		t.Errorf("no returned %#v, want %#v", act, want)
	}
}

// TestThePatternPage: asked only when due, as four short questions on a
// page of their own, after the others; the parts add up to BOOK, and the
// check says it asked them.
func TestThePatternPage(t *testing.T) {
	if n := len(New(st).groups); n != 4 {
		t.Errorf("pattern not due: %d pages, want 4", n)
	}
	m := NewAsking(st, asking(true)).SetSize(80, 24)
	if n := len(m.groups); n != 5 {
		t.Fatalf("pattern due: %d pages, want 5", n)
	}
	for _, tt := range []struct {
		mark []string
		want screens.CheckDone
	}{
		{nil, screens.CheckDone{Tier: safety.None, PatternAsked: true}},
		{[]string{safety.PatternLong, safety.PatternYoung}, screens.CheckDone{Tier: safety.None, Yes: []string{safety.PatternLong, safety.PatternYoung}, PatternAsked: true}},
		{[]string{safety.PatternLong, safety.PatternYoung, safety.PatternNightEnd},
			screens.CheckDone{Tier: safety.Book, Yes: []string{safety.PatternLong, safety.PatternYoung, safety.PatternNightEnd, safety.InflammatoryPattern}, PatternAsked: true}},
	} {
		c := NewAsking(st, asking(true)).SetSize(80, 24)
		for _, id := range tt.mark {
			c = toQuestion(t, c, id)
			c, _ = press(c, "space")
		}
		_, act := press(toConfirm(c), "enter")
		if !reflect.DeepEqual(act, tt.want) {
			t.Errorf("marked %q: %#v, want %#v", tt.mark, act, tt.want)
		}
	}
	// The confirm page reads back the parts marked, not the pattern.
	c := NewAsking(st, asking(true)).SetSize(80, 40)
	for _, id := range []string{safety.PatternLong, safety.PatternYoung, safety.PatternMorning} {
		c = toQuestion(t, c, id)
		c, _ = press(c, "space")
	}
	v := text(toConfirm(c).View())
	if !strings.Contains(v, "The back pain started before age 45") || strings.Contains(v, "starting before 45, with") {
		t.Errorf("confirm page:\n%s", v)
	}
}

// TestThePatternPageFits at every size, with its help open.
func TestThePatternPageFits(t *testing.T) {
	for _, w := range widths {
		for _, h := range heights {
			m := toQuestion(t, NewAsking(st, asking(true, safety.InflammatoryPattern)).SetSize(w, h), safety.InflammatoryPattern)
			screentest.RequireFits(t, m.View(), w, h)
			m, _ = press(m, "?")
			screentest.RequireFits(t, m.View(), w, h)
		}
	}
}

var st = style.New(style.Night())
