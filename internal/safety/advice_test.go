package safety

import (
	"strings"
	"testing"
	"time"
)

func lower(a Advice) string {
	return strings.ToLower(a.Headline + " " + strings.Join(a.Lines, " "))
}

var (
	bedtime = time.Date(2026, 11, 26, 22, 15, 0, 0, time.UTC)
	noon    = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
)

// TestOutcomeTexts is CONTENT.md section 4's outcomes, situation by
// situation: the phrases that must appear, and those that must not.
func TestOutcomeTexts(t *testing.T) {
	tests := []struct {
		name    string
		tier    Tier
		sit     Situation
		want    []string
		notWant []string
	}{
		{"emergency", Emergency, Situation{At: bedtime, Yes: []string{"saddle-numbness"}},
			[]string{"emergency number", "emergency department", "999 in the uk", "112 in the eu", "911 in the us", "take the list", "no stretching", "closed for the rest of the night and at least 12 hours"}, nil},
		{"urgent at bedtime", Urgent, Situation{At: bedtime},
			[]string{"contact a doctor tonight", "if your surgery is closed", "out-of-hours or non-emergency", "nhs 111 in the uk", "if you cannot get through, see a doctor first thing tomorrow", "no stretching", "closed for the rest of the night and at least 12 hours"}, []string{"today"}},
		{"urgent, time unknown", Urgent, Situation{},
			[]string{"contact a doctor tonight", "nhs 111"}, nil},
		{"urgent at noon", Urgent, Situation{At: noon},
			[]string{"speak to a doctor today", "nhs 111"}, []string{"tonight."}},
		{"book in the routine", Book, Situation{Yes: []string{"no-better"}},
			[]string{"gp or physiotherapist", "tight", "weak", "only if you say yes"}, []string{"stretches are left out"}},
		{"book standalone", Book, Situation{Standalone: true, Yes: []string{"no-better"}},
			[]string{"gp or physiotherapist"}, []string{"say yes", "go on"}},
		{"book for exercise pain", Book, Situation{Yes: []string{"exercise-pain"}},
			[]string{"stretches are left out", "heat (if it is allowed for you)", "sleep set-up only", "let a physiotherapist check which stretches suit you", "only if you say yes"}, nil},
		{"book, inflammatory pattern", Book, Situation{Yes: []string{"inflammatory-pattern"}},
			[]string{"worth a gp's look", "inflammatory back condition", "its own treatment"}, nil},
		{"none", None, Situation{},
			[]string{"no red flags reported", "if numbness between your legs, a bladder or bowel change, or weakness in both legs appears, call the emergency number", "pain gets worse", "sharp", "down a leg", "numbness, tingling or weakness"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := AdviceIn(tt.tier, tt.sit)
			if a.Tier != tt.tier || a.Headline == "" || len(a.Lines) == 0 {
				t.Fatalf("advice %+v", a)
			}
			all := lower(a)
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("lacks %q:\n%s", w, all)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(all, w) {
					t.Errorf("says %q:\n%s", w, all)
				}
			}
		})
	}
}

func TestAdviceForIsBedtimeInTheRoutine(t *testing.T) {
	for _, tier := range []Tier{None, Book, Urgent, Emergency} {
		if got, want := lower(AdviceFor(tier)), lower(AdviceIn(tier, Situation{})); got != want {
			t.Errorf("%v: AdviceFor differs from AdviceIn at bedtime", tier)
		}
	}
	if !strings.Contains(lower(AdviceFor(Urgent)), "tonight") {
		t.Error("URGENT without a time should speak of tonight")
	}
}

func TestAdviceListsWhatWasReported(t *testing.T) {
	a := AdviceIn(Emergency, Situation{At: bedtime, Yes: []string{"bladder-bowel", "chest-pain"}})
	if len(a.Reported) != 2 || !strings.Contains(a.Reported[0], "bladder or bowel") || !strings.Contains(a.Reported[1], "Chest pain") {
		t.Errorf("Reported = %q", a.Reported)
	}
}

func TestNoStretchesTonight(t *testing.T) {
	tests := []struct {
		yes  []string
		want bool
	}{
		{nil, false},
		{[]string{"no-better"}, false},
		{[]string{"exercise-pain"}, true},
		{[]string{"no-better", "exercise-pain"}, true},
		{[]string{"exercise-pain", "chest-pain"}, true}, // void anyway
	}
	for _, tt := range tests {
		if got := NoStretchesTonight(tt.yes); got != tt.want {
			t.Errorf("NoStretchesTonight(%q) = %v, want %v", tt.yes, got, tt.want)
		}
		if a := AdviceIn(Book, Situation{Yes: tt.yes}); a.NoStretches != tt.want {
			t.Errorf("AdviceIn(Book, %q).NoStretches = %v, want %v", tt.yes, a.NoStretches, tt.want)
		}
	}
}

func TestPainStopPointsToTheCheck(t *testing.T) {
	all := lower(PainStop())
	for _, w := range []string{"red-flag check", "supine check"} {
		if !strings.Contains(all, w) {
			t.Errorf("PainStop lacks %q: %s", w, all)
		}
	}
}

func TestTierNamesAndLabels(t *testing.T) {
	tests := []struct {
		tier        Tier
		name, label string
	}{
		{None, "none", "No red flags reported"},
		{Book, "BOOK", "Book an appointment"},
		{Urgent, "URGENT", "Speak to a doctor"},
		{Emergency, "EMERGENCY", "Go now"},
	}
	for _, tt := range tests {
		if got := TierName(tt.tier); got != tt.name {
			t.Errorf("TierName(%d) = %q, want %q", tt.tier, got, tt.name)
		}
		if got := tt.tier.String(); got != tt.name {
			t.Errorf("Tier(%d).String() = %q, want %q", tt.tier, got, tt.name)
		}
		if got := TierLabel(tt.tier); got != tt.label {
			t.Errorf("TierLabel(%d) = %q, want %q", tt.tier, got, tt.label)
		}
	}
}
