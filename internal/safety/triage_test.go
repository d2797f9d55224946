package safety

import "testing"

func TestTriageHighestTierWins(t *testing.T) {
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
		{"urgent+book", []string{urgent, book}, Urgent},
		{"emergency+book", []string{emergency, book}, Emergency},
		{"all three reversed", []string{emergency, urgent, book}, Emergency},
		{"duplicates", []string{urgent, urgent}, Urgent},
		{"unknown ignored", []string{"nope", book, ""}, Book},
		{"retired keeps its tier", []string{book, "accident-fall"}, Emergency},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Triage(tt.yes); got != tt.want {
				t.Errorf("Triage(%q) = %v, want %v", tt.yes, got, tt.want)
			}
		})
	}
}

// subsets returns every subset of ids, in a stable order.
func subsets(ids []string) [][]string {
	var out [][]string
	for mask := 0; mask < 1<<len(ids); mask++ {
		var s []string
		for i, id := range ids {
			if mask&(1<<i) != 0 {
				s = append(s, id)
			}
		}
		out = append(out, s)
	}
	return out
}

func idsIn(t Tier) []string {
	var out []string
	for _, q := range QuestionsIn(t) {
		out = append(out, q.ID)
	}
	return out
}

// TestTriageOverCombinations: every subset of one tier's questions, each
// combined with no answer, one answer and every answer of each other tier,
// in both orders. The highest tier present must win every time. (All 2^18
// combinations would be slow; a tier only counts as present or not, so
// these cover every case the rule can tell apart.)
func TestTriageOverCombinations(t *testing.T) {
	tiers := Tiers()
	reps := func(tier Tier) [][]string {
		ids := idsIn(tier)
		return [][]string{nil, ids[:1], ids[len(ids)-1:], ids}
	}
	n := 0
	for _, tier := range tiers {
		for _, sub := range subsets(idsIn(tier)) {
			var others []Tier
			for _, o := range tiers {
				if o != tier {
					others = append(others, o)
				}
			}
			for _, a := range reps(others[0]) {
				for _, b := range reps(others[1]) {
					want := None
					if len(sub) > 0 {
						want = tier
					}
					if len(a) > 0 && others[0] > want {
						want = others[0]
					}
					if len(b) > 0 && others[1] > want {
						want = others[1]
					}
					yes := append(append(append([]string(nil), sub...), a...), b...)
					if got := Triage(yes); got != want {
						t.Fatalf("Triage(%q) = %v, want %v", yes, got, want)
					}
					rev := append(append(append([]string(nil), b...), a...), sub...)
					if got := Triage(rev); got != want {
						t.Fatalf("Triage(%q) = %v, want %v", rev, got, want)
					}
					n++
				}
			}
		}
	}
	if n < 3000 {
		t.Errorf("only %d combinations checked", n)
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
