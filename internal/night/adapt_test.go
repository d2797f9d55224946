package night

import (
	"reflect"
	"strings"
	"testing"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

func builtinRoutine(t *testing.T, name string) routines.Routine {
	t.Helper()
	r, ok := routines.Load("").Find(name)
	if !ok {
		t.Fatalf("no built-in %q", name)
	}
	return r
}

func titles(r routines.Routine) string {
	var out []string
	for _, st := range r.Steps {
		out = append(out, st.Title)
	}
	return strings.Join(out, ", ")
}

func stepTitled(r routines.Routine, title string) (routines.Step, bool) {
	for _, st := range r.Steps {
		if st.Title == title {
			return st, true
		}
	}
	return routines.Step{}, false
}

// TestAdaptEachPrecaution is CONTENT.md section 6's table applied to the
// built-in "tonight": each precaution alone, and two together.
func TestAdaptEachPrecaution(t *testing.T) {
	tests := []struct {
		name      string
		yes       []string
		steps     string
		smallRoll bool // knee rolls carry the small-and-slow line
		sideSleep bool // the settle step says to settle on the side
	}{
		{"none", nil, "Heat, Knee to chest, Pelvic tilts, Knee rolls, Settle in", false, false},
		{"osteoporosis", []string{safety.Osteoporosis}, "Heat, Pelvic tilts, Knee rolls, Settle in", true, false},
		{"hip replacement", []string{safety.HipReplacement}, "Heat, Pelvic tilts, Settle in", false, false},
		{"back surgery", []string{safety.BackSurgery}, "Settle in", false, false},
		{"pregnant", []string{safety.Pregnant}, "Settle in", false, true},
		{"heat caution", []string{safety.HeatCaution}, "Knee to chest, Pelvic tilts, Knee rolls, Settle in", false, false},
		{"osteoporosis and hip", []string{safety.Osteoporosis, safety.HipReplacement}, "Heat, Pelvic tilts, Settle in", false, false},
		{"osteoporosis and heat caution", []string{safety.Osteoporosis, safety.HeatCaution}, "Pelvic tilts, Knee rolls, Settle in", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answers := map[string]bool{}
			for _, id := range tt.yes {
				answers[id] = true
			}
			r := builtinRoutine(t, "tonight")
			got := Adapt(r, safety.Adapt(answers))
			if titles(got) != tt.steps {
				t.Errorf("steps %q, want %q", titles(got), tt.steps)
			}
			if rolls, ok := stepTitled(got, "Knee rolls"); ok {
				has := len(rolls.Cues) > 0 && rolls.Cues[len(rolls.Cues)-1] == SmallKneeRollsCue
				if has != tt.smallRoll {
					t.Errorf("knee rolls small-and-slow line %v, want %v: %q", has, tt.smallRoll, rolls.Cues)
				}
				orig, _ := stepTitled(r, "Knee rolls")
				if tt.smallRoll && len(rolls.Cues) != len(orig.Cues)+1 {
					t.Errorf("knee rolls: %d cues, want the %d it had and one more", len(rolls.Cues), len(orig.Cues))
				}
			}
			settle, ok := stepTitled(got, "Settle in")
			if !ok {
				t.Fatal("the sleep set-up was taken away")
			}
			if has := strings.Contains(strings.Join(settle.Cues, " "), SideSleepCue); has != tt.sideSleep {
				t.Errorf("side-sleep line %v, want %v", has, tt.sideSleep)
			}
		})
	}
}

// Adapt never changes the routine it was given: the library's routines are
// shared.
func TestAdaptIsPure(t *testing.T) {
	r := builtinRoutine(t, "tonight")
	before := builtinRoutine(t, "tonight")
	all := map[string]bool{}
	for _, p := range safety.Precautions() {
		all[p.ID] = true
	}
	_ = Adapt(r, safety.Adapt(map[string]bool{safety.Osteoporosis: true}))
	_ = Adapt(r, safety.Adapt(all))
	if !reflect.DeepEqual(r, before) {
		t.Fatal("Adapt changed the routine it was given")
	}
	if got := Adapt(r, safety.Adaptation{}); !reflect.DeepEqual(got, r) {
		t.Error("no precaution changed the routine")
	}
}

// Knee-to-chest is found by skip_with_osteoporosis in a file written
// before move existed; knee rolls only by move, never by a title.
func TestAdaptFindsMovesByTheirMarks(t *testing.T) {
	r := routines.Routine{Steps: []routines.Step{
		{Kind: routines.KindHold, Title: "Hug", SkipWithOsteoporosis: true},
		{Kind: routines.KindHold, Title: "Hug too", Move: routines.MoveKneeToChest},
		{Kind: routines.KindHold, Title: "Twist", Move: routines.MoveKneeRolls},
		{Kind: routines.KindHold, Title: "Knee rolls"}, // no move: not known to be knee rolls
		{Kind: routines.KindSettle, Title: "Settle"},
	}}
	got := Adapt(r, safety.Adapt(map[string]bool{safety.HipReplacement: true}))
	if titles(got) != "Knee rolls, Settle" {
		t.Errorf("steps %q, want the unmarked step and settle", titles(got))
	}
}

// A routine of heat alone still ends in the sleep set-up when heat is
// left out.
func TestAdaptHeatOnlyKeepsTheSleepSetUp(t *testing.T) {
	got := Adapt(builtinRoutine(t, "heat"), safety.Adapt(map[string]bool{safety.Pregnant: true}))
	if len(got.Steps) != 1 || got.Steps[0].Kind != routines.KindSettle {
		t.Fatalf("steps %q, want the settle step alone", titles(got))
	}
	if !strings.Contains(strings.Join(got.Steps[0].Cues, " "), SideSleepCue) {
		t.Error("the settle step of a pregnancy does not say to settle on the side")
	}
}
