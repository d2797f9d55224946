package routines

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestBuiltinsParseWithoutProblems(t *testing.T) {
	if ps := loadBuiltins().problems; len(ps) > 0 {
		for _, p := range ps {
			t.Error(p.Error())
		}
	}
	var names []string
	for _, r := range Builtins() {
		names = append(names, r.Name)
		if r.Source != BuiltinSource {
			t.Errorf("%s: Source = %q", r.Name, r.Source)
		}
		for i, st := range r.Steps {
			if st.Title == "" || len(st.Cues) < 2 || len(st.Cues) > 4 || st.Why == "" {
				t.Errorf("%s step %d (%s): want a title, 2 to 4 cues and a why line", r.Name, i, st.Title)
			}
		}
	}
	if want := []string{"tonight", "quick", "heat"}; !reflect.DeepEqual(names, want) {
		t.Errorf("built-ins = %v, want %v", names, want)
	}
}

// TestTonightDoses pins the doses of CONTENT.md section 2.
func TestTonightDoses(t *testing.T) {
	lib := Load("")
	r, ok := lib.Find("tonight")
	if !ok {
		t.Fatal("no tonight routine")
	}
	s := r.Steps
	if len(s) != 5 {
		t.Fatalf("%d steps, want 5", len(s))
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"heat 15 minutes", s[0].Kind == KindHeat && s[0].Minutes == 15},
		{"knee to chest 20 s x 3 per side, 5 s switch, skipped with osteoporosis",
			s[1].Kind == KindHold && s[1].Hold == 20*time.Second && s[1].Reps == 3 && s[1].PerSide && s[1].Switch == 5*time.Second && s[1].SkipWithOsteoporosis},
		{"pelvic tilt 5/5 x 10", s[2].Kind == KindPaced && s[2].Reps == 10 && len(s[2].Phases) == 2 &&
			s[2].Phases[0] == PacedPhase{Name: "tilt", Duration: 5 * time.Second, Cue: s[2].Phases[0].Cue} &&
			s[2].Phases[1].Name == "relax" && s[2].Phases[1].Duration == 5*time.Second},
		{"knee rolls 15 s x 3 per side, 5 s switch", s[3].Kind == KindHold && s[3].Hold == 15*time.Second && s[3].Reps == 3 && s[3].PerSide && s[3].Switch == 5*time.Second && !s[3].SkipWithOsteoporosis},
		{"settle in", s[4].Kind == KindSettle && s[4].Title == "Settle in"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("tonight: %s: not as CONTENT.md says", c.name)
		}
	}
	quick, _ := lib.Find("quick")
	if !reflect.DeepEqual(quick.Steps, s[1:]) {
		t.Error("quick is not tonight's steps without the heat")
	}
	heat, _ := lib.Find("HEAT")
	if len(heat.Steps) != 1 || heat.Steps[0].Kind != KindHeat {
		t.Error("heat is not a single heat step")
	}
}

// TestStarterRoundTrip writes every built-in as a starter file and reads
// it back: the plan must be the same, with and without options.
func TestStarterRoundTrip(t *testing.T) {
	for _, r := range Builtins() {
		t.Run(r.Name, func(t *testing.T) {
			back, problems := Parse(r.Name+".toml", Starter(r))
			if len(problems) > 0 {
				t.Fatalf("starter does not parse: %v", problems)
			}
			assertSameRoutine(t, r, back)
			for _, o := range []Options{{}, {HeatMinutes: 20, Osteoporosis: true}} {
				if a, b := Expand(r, o), Expand(back, o); !reflect.DeepEqual(a.Segments, b.Segments) || a.Total != b.Total {
					t.Errorf("plans differ with %+v", o)
				}
			}
		})
	}
}

func assertSameRoutine(t *testing.T, a, b Routine) {
	t.Helper()
	a.Source, b.Source = "", ""
	a.Name, b.Name = "", ""
	if !reflect.DeepEqual(a, b) {
		t.Errorf("routine changed on the round trip:\n%+v\n%+v", a, b)
	}
}

func TestBuiltinsAreCopies(t *testing.T) {
	a := Builtins()
	a[0].Steps[0].Cues[0] = "changed"
	if Builtins()[0].Steps[0].Cues[0] == "changed" {
		t.Error("changing a returned routine changed the built-in")
	}
}

func TestBuiltinData(t *testing.T) {
	if data, ok := BuiltinData("tonight"); !ok || len(data) == 0 {
		t.Error("no file text for tonight")
	}
	if _, ok := BuiltinData("nope"); ok {
		t.Error("file text for a routine that does not exist")
	}
}

// TestBuiltinHeatIsOptionalComfort: the built-in heat steps say heat is
// optional comfort, and nothing in them says it treats or loosens anything
// (CONTENT.md section 3, v3).
func TestBuiltinHeatIsOptionalComfort(t *testing.T) {
	for _, r := range Builtins() {
		for _, st := range r.Steps {
			if st.Kind != KindHeat {
				continue
			}
			if !strings.Contains(st.Why, "optional") || !strings.Contains(st.Why, "many people find warmth helps them relax") {
				t.Errorf("%s: heat's why %q does not say it is optional comfort", r.Name, st.Why)
			}
			all := strings.ToLower(strings.Join(append(append([]string{st.Why}, st.Cues...), st.StopIf...), " "))
			for _, claim := range []string{"loosen", "treat", "eases", "relief", "blood", "dull", "pain"} {
				if strings.Contains(all, claim) {
					t.Errorf("%s: the heat step claims %q", r.Name, claim)
				}
			}
		}
	}
}
