package safety

import "testing"

func TestTriageHighestTierWins(t *testing.T) {
	// One ID from each tier; every combination is checked below.
	book, urgent, emergency := "no-better", "fever-unwell", "saddle-numbness"
	tests := []struct {
		name string
		yes  []string
		want Tier
	}{
		{"empty", nil, None},
		{"empty slice", []string{}, None},
		{"unknown only", []string{"not-a-question"}, None},
		{"book", []string{book}, Book},
		{"urgent", []string{urgent}, Urgent},
		{"emergency", []string{emergency}, Emergency},
		{"book+urgent", []string{book, urgent}, Urgent},
		{"urgent+book", []string{urgent, book}, Urgent},
		{"book+emergency", []string{book, emergency}, Emergency},
		{"emergency+book", []string{emergency, book}, Emergency},
		{"urgent+emergency", []string{urgent, emergency}, Emergency},
		{"emergency+urgent", []string{emergency, urgent}, Emergency},
		{"all three", []string{book, urgent, emergency}, Emergency},
		{"all three reversed", []string{emergency, urgent, book}, Emergency},
		{"two of one tier", []string{book, "exercise-pain"}, Book},
		{"duplicates", []string{urgent, urgent}, Urgent},
		{"unknown ignored", []string{"nope", book, ""}, Book},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Triage(tt.yes); got != tt.want {
				t.Errorf("Triage(%q) = %v, want %v", tt.yes, got, tt.want)
			}
		})
	}
}

func TestTriageEveryQuestionReachesItsTier(t *testing.T) {
	for _, q := range Questions() {
		if got := Triage([]string{q.ID}); got != q.Tier {
			t.Errorf("Triage(%q) = %v, want %v", q.ID, got, q.Tier)
		}
	}
}

func TestEndsSession(t *testing.T) {
	tests := []struct {
		tier Tier
		want bool
	}{{None, false}, {Book, false}, {Urgent, true}, {Emergency, true}}
	for _, tt := range tests {
		if got := EndsSession(tt.tier); got != tt.want {
			t.Errorf("EndsSession(%v) = %v, want %v", tt.tier, got, tt.want)
		}
	}
}
