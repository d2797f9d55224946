package routines

import (
	"strings"
	"testing"
)

func TestMoveIsParsed(t *testing.T) {
	for _, name := range []string{"knee-to-chest", "knee-rolls", "pelvic-tilt"} {
		src := "title = \"T\"\n[[steps]]\nkind = \"hold\"\ntitle = \"A\"\nhold = \"5s\"\nmove = \"" + name + "\"\n"
		r, ps := Parse("t.toml", []byte(src))
		if len(ps) != 0 {
			t.Fatalf("%s: problems %v", name, ps)
		}
		if r.Steps[0].Move != Move(name) {
			t.Errorf("move = %q, want %q", r.Steps[0].Move, name)
		}
	}
}

func TestUnknownMoveIsAPositionedProblem(t *testing.T) {
	src := "title = \"T\"\n[[steps]]\nkind = \"hold\"\ntitle = \"A\"\nhold = \"5s\"\nmove = \"knee-roll\"\n"
	_, ps := Parse("t.toml", []byte(src))
	if len(ps) != 1 {
		t.Fatalf("problems %v, want one", ps)
	}
	got := ps[0].Error()
	for _, want := range []string{"t.toml:6:8: steps[1].move:", `"knee-roll" is not a move`, `did you mean "knee-rolls"?`} {
		if !strings.Contains(got, want) {
			t.Errorf("problem %q lacks %q", got, want)
		}
	}
}

// The built-ins name their stretches, so the precautions find them; and
// skip_with_osteoporosis still marks knee-to-chest on its own.
func TestBuiltinsNameTheirMoves(t *testing.T) {
	lib := Load("")
	for _, name := range []string{"tonight", "quick"} {
		r, ok := lib.Find(name)
		if !ok {
			t.Fatalf("no built-in %s", name)
		}
		var moves []string
		for _, st := range r.Steps {
			if st.Move != MoveNone {
				moves = append(moves, string(st.Move))
			}
			if st.SkipWithOsteoporosis && st.Move != MoveKneeToChest {
				t.Errorf("%s: %q skips with osteoporosis but is not knee-to-chest", name, st.Title)
			}
		}
		if got := strings.Join(moves, ","); got != "knee-to-chest,pelvic-tilt,knee-rolls" {
			t.Errorf("%s moves %s", name, got)
		}
	}
	if !(Step{SkipWithOsteoporosis: true}).IsKneeToChest() {
		t.Error("skip_with_osteoporosis alone no longer marks knee-to-chest")
	}
}

func TestStarterKeepsMove(t *testing.T) {
	r, _ := Load("").Find("tonight")
	back, ps := Parse("tonight.toml", Starter(r))
	if len(ps) != 0 {
		t.Fatalf("problems %v", ps)
	}
	for i, st := range r.Steps {
		if back.Steps[i].Move != st.Move {
			t.Errorf("step %d move %q, want %q", i, back.Steps[i].Move, st.Move)
		}
	}
}
