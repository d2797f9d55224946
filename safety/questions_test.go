package safety

import (
	"strings"
	"testing"
)

func TestQuestionsAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range Questions() {
		if q.ID == "" || strings.TrimSpace(q.Text) == "" {
			t.Errorf("question %+v needs an ID and text", q)
		}
		if seen[q.ID] {
			t.Errorf("ID %q used twice", q.ID)
		}
		seen[q.ID] = true
		if q.Tier != Book && q.Tier != Urgent && q.Tier != Emergency {
			t.Errorf("%s: tier %d is not a question tier", q.ID, q.Tier)
		}
		if !strings.HasSuffix(q.Text, "?") {
			t.Errorf("%s: text should be one question ending in '?': %q", q.ID, q.Text)
		}
	}
}

func TestQuestionsPerTier(t *testing.T) {
	want := map[Tier]int{Emergency: 6, Urgent: 5, Book: 3}
	got := map[Tier]int{}
	for _, q := range Questions() {
		got[q.Tier]++
	}
	for tier, n := range want {
		if got[tier] != n {
			t.Errorf("%v has %d questions, want %d", tier, got[tier], n)
		}
		if len(QuestionsIn(tier)) != n {
			t.Errorf("QuestionsIn(%v) has %d, want %d", tier, len(QuestionsIn(tier)), n)
		}
	}
}

func TestQuestionsInTierOrder(t *testing.T) {
	qs := Questions()
	for i := 1; i < len(qs); i++ {
		if qs[i].Tier > qs[i-1].Tier {
			t.Errorf("%s (%v) comes after %s (%v): want EMERGENCY, URGENT, BOOK order",
				qs[i].ID, qs[i].Tier, qs[i-1].ID, qs[i-1].Tier)
		}
	}
}

// A question must fit a 40-column terminal in at most three wrapped lines,
// and so must its hint.
func TestQuestionsFitNarrowTerminal(t *testing.T) {
	for _, q := range Questions() {
		if n := wrappedLines(q.Text, 40); n > 3 {
			t.Errorf("%s: text wraps to %d lines at 40 columns", q.ID, n)
		}
		if n := wrappedLines(q.Hint, 40); n > 3 {
			t.Errorf("%s: hint wraps to %d lines at 40 columns", q.ID, n)
		}
	}
}

func TestRestPainQuestionTellsTightnessApart(t *testing.T) {
	for _, q := range Questions() {
		if q.ID != "pain-nothing-eases" {
			continue
		}
		text := strings.ToLower(q.Text + " " + q.Hint)
		for _, w := range []string{"rest", "position", "night", "wakes", "eases when you move"} {
			if !strings.Contains(text, w) {
				t.Errorf("pain-nothing-eases should mention %q: %q", w, text)
			}
		}
		return
	}
	t.Fatal("no pain-nothing-eases question")
}

func TestQuestionsIsACopy(t *testing.T) {
	qs := Questions()
	qs[0].Text = "changed"
	if Questions()[0].Text == "changed" {
		t.Error("Questions() hands out its own backing array")
	}
}

// wrappedLines counts the lines text takes when word-wrapped at width.
func wrappedLines(text string, width int) int {
	lines, col := 0, 0
	for _, w := range strings.Fields(text) {
		switch {
		case col == 0:
			lines, col = lines+1, len(w)
		case col+1+len(w) <= width:
			col += 1 + len(w)
		default:
			lines, col = lines+1, len(w)
		}
	}
	return lines
}
