package safety

import (
	"strings"
	"testing"
)

// TestEveryQuestionOfContent is CONTENT.md section 4, question by question:
// its tier, its group and the phrases that must be asked (question and hint
// together, lower case).
func TestEveryQuestionOfContent(t *testing.T) {
	tests := []struct {
		id    string
		tier  Tier
		group string
		want  []string
	}{
		{"saddle-numbness", Emergency, GroupNerves, []string{"numbness or tingling", "between your legs", "genitals", "back passage", "buttocks", "inner thighs", "wipe"}},
		{"bladder-bowel", Emergency, GroupNerves, []string{"starting or stopping urine", "weak or changed flow", "new leaking", "recent need for pads", "full or empty", "feel urine or a bowel motion pass", "bowel control"}},
		{"both-legs-new", Emergency, GroupNerves, []string{"new pain", "both legs", "worse than when a clinician last checked it", "weakness", "severe or getting worse"}},
		{"walking", Emergency, GroupNerves, []string{"newly hard to walk", "legs give way"}},
		{"sexual-function", Emergency, GroupNerves, []string{"sexual function", "genitals", "erection", "ejaculation", "during sex"}},
		{"serious-accident", Emergency, GroupPain, []string{"serious accident or fall", "no clinician checked it since", "trip or a fall from standing"}},
		{"chest-pain", Emergency, GroupPain, []string{"chest pain"}},
		{"sudden-severe", Emergency, GroupPain, []string{"sudden, severe", "tummy", "faint", "clammy"}},
		{"fever-unwell", Urgent, GroupPain, []string{"high temperature", "chills", "very unwell"}},
		{"pain-constant", Urgent, GroupPain, []string{"all the time", "position, rest or movement", "worse at night", "moving or shifting eases it", "ordinary tightness", "answer no"}},
		{"upper-back", Urgent, GroupPain, []string{"shoulder blades", "cough", "sneeze", "strain on the toilet", "lump", "shape of your back"}},
		{"one-leg-foot", Urgent, GroupNerves, []string{"one leg or foot", "trip over that foot"}},
		{"weight-loss", Urgent, GroupHealth, []string{"lost weight without trying"}},
		{"cancer-new-pain", Urgent, GroupHealth, []string{"cancer now", "in the past", "new or different"}},
		{"immune-risk", Urgent, GroupHealth, []string{"inject drugs", "weakened immune system", "steroid tablets long term", "recent infection", "transplant", "chemotherapy"}},
		{"minor-fall", Urgent, GroupHealth, []string{"minor fall", "trip", "fall from standing", "osteoporosis", "steroid tablets long term"}},
		{"no-better", Book, GroupCourse, []string{"no better after several weeks", "getting worse"}},
		{"not-coping", Book, GroupCourse, []string{"daily things", "not coping"}},
		{"exercise-pain", Book, GroupCourse, []string{"severe pain during the exercises"}},
	}
	if len(tests) != len(Questions()) {
		t.Errorf("the table has %d questions, the package %d: every question needs a row", len(tests), len(Questions()))
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			q, ok := QuestionByID(tt.id)
			if !ok {
				t.Fatalf("no question %q", tt.id)
			}
			if q.Tier != tt.tier || q.Group != tt.group {
				t.Errorf("tier %v group %q, want %v %q", q.Tier, q.Group, tt.tier, tt.group)
			}
			all := strings.ToLower(q.Text + " " + q.Hint)
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("lacks %q: %s", w, all)
				}
			}
			if q.Report == "" {
				t.Error("no Report line for the outcome's list")
			}
		})
	}
}

// No question asks "worse at night" as the whole question, and none asks
// about cancer or an accident without a time frame.
func TestNoQuestionEveryoneAnswersYes(t *testing.T) {
	for _, q := range Questions() {
		low := strings.ToLower(q.Text)
		if strings.Contains(low, "worse at night") || strings.Contains(low, "wakes you") {
			t.Errorf("%s asks about night pain in the question itself: %q", q.ID, q.Text)
		}
		if strings.Contains(low, "ever had cancer") {
			t.Errorf("%s asks about cancer with no time frame: %q", q.ID, q.Text)
		}
		if strings.Contains(low, "accident") && !strings.Contains(low, "since") {
			t.Errorf("%s asks about an accident with no time frame: %q", q.ID, q.Text)
		}
	}
}

func TestQuestionsAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range append(Questions(), retired...) {
		if q.ID == "" || strings.TrimSpace(q.Text) == "" || q.Report == "" {
			t.Errorf("question %+v needs an ID, text and a report line", q)
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
		if q.Hint != "" && !strings.HasSuffix(q.Hint, ".") {
			t.Errorf("%s: hint should be a sentence: %q", q.ID, q.Hint)
		}
	}
}

func TestQuestionsPerTier(t *testing.T) {
	want := map[Tier]int{Emergency: 8, Urgent: 8, Book: 3}
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

// Every question is on exactly one page, the headings are neutral, and the
// most serious questions of a page come first.
func TestGroupsCoverEveryQuestionOnce(t *testing.T) {
	want := []string{"Nerves, bladder and bowel", "Pain and other signs", "Health and medicines", "How it has gone", "Your back over time"}
	gs := Groups()
	if len(gs) != len(want) {
		t.Fatalf("%d groups, want %d", len(gs), len(want))
	}
	seen := map[string]int{}
	for i, g := range gs {
		if g.Heading != want[i] {
			t.Errorf("group %d heading %q, want %q", i, g.Heading, want[i])
		}
		low := strings.ToLower(g.Heading)
		for _, tier := range []Tier{None, Book, Urgent, Emergency} {
			for _, name := range []string{strings.ToLower(TierName(tier)), strings.ToLower(TierLabel(tier))} {
				if strings.Contains(low, name) {
					t.Errorf("heading %q names a tier (%q)", g.Heading, name)
				}
			}
		}
		if len(g.Questions) == 0 {
			t.Errorf("group %q is empty", g.ID)
		}
		for j, q := range g.Questions {
			seen[q.ID]++
			if q.Group != g.ID {
				t.Errorf("%s is in group %q but listed under %q", q.ID, q.Group, g.ID)
			}
			if j > 0 && q.Tier > g.Questions[j-1].Tier {
				t.Errorf("%s: a more serious question after a lesser one", q.ID)
			}
		}
	}
	for _, q := range append(Questions(), PatternQuestions()...) {
		if seen[q.ID] != 1 {
			t.Errorf("%s is on %d pages, want 1", q.ID, seen[q.ID])
		}
	}
}

// A question must fit a 40-column terminal in at most four wrapped lines,
// and so must its hint.
func TestQuestionsFitNarrowTerminal(t *testing.T) {
	for _, q := range append(Questions(), PatternQuestions()...) {
		if n := wrappedLines(q.Text, 38); n > 4 {
			t.Errorf("%s: text wraps to %d lines at 40 columns", q.ID, n)
		}
		if n := wrappedLines(q.Hint, 38); n > 4 {
			t.Errorf("%s: hint wraps to %d lines at 40 columns", q.ID, n)
		}
	}
}

// Stored answers of earlier versions still read, with their old tier.
func TestRetiredIDsStillRead(t *testing.T) {
	for _, tt := range []struct {
		id   string
		tier Tier
	}{{"accident-fall", Emergency}, {"weight-cancer", Urgent}, {"pain-nothing-eases", Urgent},
		{"both-legs", Emergency}, {"accident-unchecked", Emergency}, {"one-leg", Urgent}} {
		q, ok := QuestionByID(tt.id)
		if !ok || q.Tier != tt.tier || q.Text == "" {
			t.Errorf("retired %q: %+v, %v", tt.id, q, ok)
		}
		if Triage([]string{tt.id}) != tt.tier {
			t.Errorf("Triage(%q) = %v, want %v", tt.id, Triage([]string{tt.id}), tt.tier)
		}
		for _, g := range Groups() {
			for _, asked := range g.Questions {
				if asked.ID == tt.id {
					t.Errorf("retired %q is still asked", tt.id)
				}
			}
		}
	}
}

func TestReportedKeepsOrderAndSkipsUnknown(t *testing.T) {
	got := Reported([]string{"chest-pain", "nope", "saddle-numbness"})
	if len(got) != 2 || !strings.Contains(got[0], "Chest pain") || !strings.Contains(got[1], "between the legs") {
		t.Errorf("Reported = %q", got)
	}
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
