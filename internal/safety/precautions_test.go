package safety

import (
	"reflect"
	"strings"
	"testing"
)

func TestPrecautionsOfContent(t *testing.T) {
	tests := []struct {
		id   string
		want []string // in the question, lower case
		does []string // in what a yes does, lower case
	}{
		{"osteoporosis", []string{"osteoporosis", "spine fracture"}, []string{"no knee-to-chest", "small and slow", "end of the range"}},
		{"hip_replacement", []string{"hip replacement", "last few months", "surgeon", "limits"}, []string{"no knee-to-chest", "no knee rolls", "surgeon or physio", "pelvic tilts"}},
		{"back_surgery", []string{"back surgery", "last few months"}, []string{"surgeon or physio first", "heat (if they allow it)", "sleep set-up only"}},
		{"pregnant", []string{"pregnant"}, []string{"midwife or doctor", "no heat without their ok", "no stretches", "on your side"}},
		{"heat_caution", []string{"diabetes", "poor circulation", "reduced feeling"}, []string{"heat only after asking a clinician", "stretches as usual"}},
	}
	ps := Precautions()
	if len(ps) != len(tests) {
		t.Fatalf("%d precautions, want %d", len(ps), len(tests))
	}
	for i, tt := range tests {
		p := ps[i]
		if p.ID != tt.id {
			t.Errorf("precaution %d is %q, want %q", i, p.ID, tt.id)
		}
		if !strings.HasSuffix(p.Text, "?") {
			t.Errorf("%s: %q is not a question", p.ID, p.Text)
		}
		for _, w := range tt.want {
			if !strings.Contains(strings.ToLower(p.Text+" "+p.Hint), w) {
				t.Errorf("%s: question lacks %q", p.ID, w)
			}
		}
		for _, w := range tt.does {
			if !strings.Contains(strings.ToLower(p.Does), w) {
				t.Errorf("%s: Does lacks %q: %q", p.ID, w, p.Does)
			}
		}
		if got, ok := PrecautionByID(tt.id); !ok || got != p {
			t.Errorf("PrecautionByID(%q) = %+v, %v", tt.id, got, ok)
		}
	}
}

// TestAdaptTable is CONTENT.md section 6's table: each answer alone, and
// what it does to tonight's routine.
func TestAdaptTable(t *testing.T) {
	tests := []struct {
		id     string
		want   Adaptation
		reason []string
	}{
		{"osteoporosis", Adaptation{NoKneeToChest: true, SmallKneeRolls: true}, []string{"osteoporosis", "no knee-to-chest", "knee rolls small and slow"}},
		{"hip_replacement", Adaptation{NoKneeToChest: true, NoKneeRolls: true}, []string{"hip", "no knee-to-chest", "no knee rolls", "surgeon or physio"}},
		{"back_surgery", Adaptation{NoKneeToChest: true, NoKneeRolls: true, NoStretches: true, HeatAfterClinician: true}, []string{"back surgery", "heat only if", "sleep set-up", "no stretches"}},
		{"pregnant", Adaptation{NoKneeToChest: true, NoKneeRolls: true, NoStretches: true, HeatAfterClinician: true, SideSleep: true}, []string{"pregnancy", "no heat without", "no stretches", "on your side"}},
		{"heat_caution", Adaptation{HeatAfterClinician: true}, []string{"diabetes", "heat only after asking a clinician"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got := Adapt(map[string]bool{tt.id: true})
			if len(got.Reasons) != 1 || !strings.HasPrefix(got.Reasons[0], "Adapted for ") {
				t.Fatalf("reasons %q, want one \"Adapted for ...\" line", got.Reasons)
			}
			for _, w := range tt.reason {
				if !strings.Contains(strings.ToLower(got.Reasons[0]), w) {
					t.Errorf("reason lacks %q: %q", w, got.Reasons[0])
				}
			}
			got.Reasons = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Adapt = %+v, want %+v", got, tt.want)
			}
			if !Adapt(map[string]bool{tt.id: true}).Adapted() {
				t.Error("Adapted() is false")
			}
		})
	}
}

func TestAdaptNothingAndCombinations(t *testing.T) {
	if a := Adapt(nil); !reflect.DeepEqual(a, Adaptation{}) || a.Adapted() {
		t.Errorf("Adapt(nil) = %+v, want the routine unchanged", a)
	}
	if a := Adapt(map[string]bool{"osteoporosis": false, "unknown": true}); a.Adapted() {
		t.Errorf("false and unknown answers changed the routine: %+v", a)
	}
	// Osteoporosis with a hip replacement: the stricter rule wins, and knee
	// rolls are out, not merely small.
	a := Adapt(map[string]bool{"osteoporosis": true, "hip_replacement": true})
	if !a.NoKneeRolls || a.SmallKneeRolls || !a.NoKneeToChest || len(a.Reasons) != 2 {
		t.Errorf("osteoporosis + hip: %+v", a)
	}
	// Every answer yes: no stretch survives, heat waits for a clinician,
	// the sleep set-up is on the side; a reason for each, in order.
	all := map[string]bool{}
	for _, p := range Precautions() {
		all[p.ID] = true
	}
	a = Adapt(all)
	if !a.NoStretches || !a.NoKneeToChest || !a.NoKneeRolls || !a.HeatAfterClinician || !a.SideSleep || len(a.Reasons) != 5 {
		t.Errorf("everything: %+v", a)
	}
	if !strings.Contains(a.Reasons[0], "osteoporosis") || !strings.Contains(a.Reasons[4], "diabetes") {
		t.Errorf("reasons out of order: %q", a.Reasons)
	}
}

func TestShortcutNamesEveryEmergencyItem(t *testing.T) {
	sc := Shortcut()
	if len(sc) != 3 || sc[0].ID != ShortcutAnythingNew || sc[1].ID != ShortcutWokeByPain || sc[2].ID != ShortcutStretchPain {
		t.Fatalf("shortcut = %+v", sc)
	}
	em := QuestionsIn(Emergency)
	if len(sc[0].Items) != len(em) {
		t.Fatalf("%d items named, want every EMERGENCY item (%d)", len(sc[0].Items), len(em))
	}
	for i, q := range em {
		if sc[0].Items[i] != q.Report {
			t.Errorf("item %d = %q, want %q", i, sc[0].Items[i], q.Report)
		}
	}
	if !strings.Contains(sc[0].Text, "{since}") {
		t.Errorf("first question %q has no {since}", sc[0].Text)
	}
	for _, w := range []string{"wake you", "last night"} {
		if !strings.Contains(sc[1].Text, w) {
			t.Errorf("%q lacks %q", sc[1].Text, w)
		}
	}
	if !strings.Contains(sc[2].Text, "pain during your last stretches") {
		t.Errorf("%q", sc[2].Text)
	}
	for _, q := range sc {
		if strings.Contains(strings.ToLower(q.Text), "inflammatory") || strings.Contains(q.Text, "3 months") {
			t.Errorf("the shortcut asks the full-check-only question: %q", q.Text)
		}
	}
}
