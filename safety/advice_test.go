package safety

import (
	"strings"
	"testing"
)

func TestAdviceForEveryTier(t *testing.T) {
	tests := []struct {
		tier Tier
		want []string // phrases that must appear, lower case
	}{
		{Emergency, []string{"emergency number", "emergency department now", "no stretching", "closed until the morning"}},
		{Urgent, []string{"see a doctor today", "no stretching", "closed until the morning"}},
		{Book, []string{"gp or physiotherapist", "tight", "weak", "only if you say yes"}},
		{None, []string{"no red flags reported", "pain gets worse", "sharp", "down a leg", "numbness, tingling or weakness"}},
	}
	for _, tt := range tests {
		t.Run(TierName(tt.tier), func(t *testing.T) {
			a := AdviceFor(tt.tier)
			if a.Tier != tt.tier {
				t.Errorf("Tier = %v, want %v", a.Tier, tt.tier)
			}
			if a.Headline == "" || len(a.Lines) == 0 {
				t.Fatalf("advice for %v is empty: %+v", tt.tier, a)
			}
			all := strings.ToLower(a.Headline + " " + strings.Join(a.Lines, " "))
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("advice for %v lacks %q:\n%s", tt.tier, w, all)
				}
			}
		})
	}
}

func TestPainStopPointsToTheCheck(t *testing.T) {
	a := PainStop()
	all := strings.ToLower(a.Headline + " " + strings.Join(a.Lines, " "))
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
		{Urgent, "URGENT", "See a doctor today"},
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
