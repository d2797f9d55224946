package figure

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/routines"
)

// TestBrailleGolden: every picture at both sizes, as the braille a
// terminal shows (the colours are the player's, tested there).
func TestBrailleGolden(t *testing.T) {
	for _, s := range Scenes() {
		for _, size := range []Size{Large, Small} {
			t.Run(fmt.Sprintf("%s/%dx%d", s.Name(), size.Cols, size.Rows), func(t *testing.T) {
				golden.RequireEqual(t, Text(Braille(s, size.Cols, size.Rows))+"\n")
			})
		}
	}
}

// Every picture is drawn, fits its box exactly, and differs from every
// other at both sizes: a frame that does not change would not show the
// cue.
func TestEveryPictureIsItsOwn(t *testing.T) {
	for _, size := range []Size{Large, Small} {
		seen := map[string]string{}
		for _, s := range Scenes() {
			cells := Braille(s, size.Cols, size.Rows)
			if len(cells) != size.Rows {
				t.Fatalf("%s: %d rows, want %d", s.Name(), len(cells), size.Rows)
			}
			inked := 0
			for _, row := range cells {
				if len(row) != size.Cols {
					t.Fatalf("%s: a row of %d cells, want %d", s.Name(), len(row), size.Cols)
				}
				for _, c := range row {
					if c.Rune != ' ' {
						inked++
					}
				}
			}
			if inked < size.Cols {
				t.Errorf("%s at %v: only %d cells drawn", s.Name(), size, inked)
			}
			txt := Text(cells)
			if other, ok := seen[txt]; ok {
				t.Errorf("%s and %s look the same at %v", s.Name(), other, size)
			}
			seen[txt] = s.Name()
		}
	}
}

// The moving part is drawn in its own ink, so that colour shows what moves.
func TestTheMovingPartHasItsInk(t *testing.T) {
	for _, s := range Scenes() {
		g := Dots(s, Large.Cols*2, Large.Rows*4)
		n := 0
		for _, d := range g.Dots {
			if d == Work {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: nothing drawn as the moving part", s.Name())
		}
	}
}

// The small knee roll goes a shorter way than the full one: the knees'
// ink lies nearer the middle.
func TestSmallKneeRollsDrawTheSmallerRange(t *testing.T) {
	reach := func(s Scene) float64 {
		g := Dots(s, 120, 48)
		far := 0.0
		for y := range g.H {
			for x := range g.W {
				if g.At(x, y) == Work {
					far = max(far, abs(float64(x)-float64(g.W)/2))
				}
			}
		}
		return far
	}
	for _, p := range []Pose{KneeRollLeft, KneeRollRight} {
		full, small := reach(Scene{Pose: p}), reach(Scene{Pose: p, Small: true})
		if small >= full {
			t.Errorf("%v: the small roll reaches %.0f dots from the middle, the full one %.0f", p, small, full)
		}
	}
}

func abs(f float64) float64 { return max(f, -f) }

// The side that works is the side drawn: left and right knee rolls go to
// their own side of the picture.
func TestKneeRollsGoToTheirSide(t *testing.T) {
	centre := func(s Scene) float64 {
		g := Dots(s, 120, 48)
		sum, n := 0.0, 0
		for y := range g.H / 2 { // the knees: the top half
			for x := range g.W {
				if g.At(x, y) == Work {
					sum += float64(x)
					n++
				}
			}
		}
		return sum / float64(n)
	}
	if l, r := centre(Scene{Pose: KneeRollLeft}), centre(Scene{Pose: KneeRollRight}); !(l < 60 && r > 60) {
		t.Errorf("knees left at %.0f, right at %.0f: want left of 60 and right of it", l, r)
	}
}

func TestImageIsSmoothAndTransparent(t *testing.T) {
	cols := map[Ink]color.Color{Bed: color.Gray{80}, Pillow: color.Gray{120}, Far: color.Gray{120},
		Body: color.Gray{200}, Work: color.RGBA{0xd9, 0x9a, 0x5b, 0xff}}
	img := Image(Scene{Pose: PelvicRelax}, 360, 120, cols)
	var clear, partial, solid int
	for i := 3; i < len(img.Pix); i += 4 {
		switch a := img.Pix[i]; {
		case a == 0:
			clear++
		case a == 255:
			solid++
		default:
			partial++
		}
	}
	if clear == 0 || solid == 0 || partial == 0 {
		t.Errorf("alpha: %d clear, %d partial, %d solid: want the background clear and the edges smoothed", clear, partial, solid)
	}
	again := Image(Scene{Pose: PelvicRelax}, 360, 120, cols)
	if string(again.Pix) != string(img.Pix) {
		t.Error("the same scene drew two different images")
	}
}

func TestWordsForEveryScene(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Scenes() {
		w := Words(s)
		if !strings.HasPrefix(w, "Picture: ") || !strings.HasSuffix(w, ".") || strings.Contains(w, "\n") {
			t.Errorf("%s: %q is not one line starting with Picture:", s.Name(), w)
		}
		if seen[w] {
			t.Errorf("%s: %q says the same as another picture", s.Name(), w)
		}
		seen[w] = true
	}
	for want, s := range map[string]Scene{
		"left knee":          {Pose: KneeToChestLeft},
		"right knee":         {Pose: KneeToChestRight},
		"flat":               {Pose: PelvicTilt},
		"arch":               {Pose: PelvicRelax},
		"short way":          {Pose: KneeRollLeft, Small: true},
		"to your right":      {Pose: KneeRollRight},
		"between your knees": {Pose: SleepSide},
		"under your knees":   {Pose: SleepBack},
		"under your hips":    {Pose: SleepStomach},
	} {
		if !strings.Contains(Words(s), want) {
			t.Errorf("%s: %q lacks %q", s.Name(), Words(s), want)
		}
	}
	if Words(Scene{}) != "" {
		t.Error("no pose has words")
	}
}

func TestForReadsTheMoveAndTheSegment(t *testing.T) {
	k2c := routines.Step{Kind: routines.KindHold, Title: "Hug", Move: routines.MoveKneeToChest, PerSide: true}
	rolls := routines.Step{Kind: routines.KindHold, Title: "Rolls", Move: routines.MoveKneeRolls, PerSide: true}
	small := rolls
	small.Small = true
	tilt := routines.Step{Kind: routines.KindPaced, Title: "Tilts", Move: routines.MovePelvicTilt,
		Phases: []routines.PacedPhase{{Name: "tilt", Duration: time.Second}, {Name: "relax", Duration: time.Second}}}
	settle := routines.Step{Kind: routines.KindSettle, Title: "Settle"}
	hold := routines.Segment{Kind: routines.SegHold}
	paced := func(phase string) routines.Segment { return routines.Segment{Kind: routines.SegPaced, Phase: phase} }
	cases := []struct {
		name string
		st   routines.Step
		seg  routines.Segment
		side routines.Side
		pos  guide.Position
		want Scene
		ok   bool
	}{
		{"knee to chest, left", k2c, hold, routines.Left, "", Scene{Pose: KneeToChestLeft}, true},
		{"knee to chest, right", k2c, hold, routines.Right, "", Scene{Pose: KneeToChestRight}, true},
		{"knee to chest by the old flag", routines.Step{Kind: routines.KindHold, SkipWithOsteoporosis: true}, hold, routines.Right, "", Scene{Pose: KneeToChestRight}, true},
		{"knee rolls, right", rolls, hold, routines.Right, "", Scene{Pose: KneeRollRight}, true},
		{"small knee rolls", small, hold, routines.Left, "", Scene{Pose: KneeRollLeft, Small: true}, true},
		{"tilt", tilt, paced("tilt"), routines.NoSide, "", Scene{Pose: PelvicTilt}, true},
		{"relax", tilt, paced("relax"), routines.NoSide, "", Scene{Pose: PelvicRelax}, true},
		{"tilt's get-ready", tilt, routines.Segment{Kind: routines.SegReady, Phase: routines.PhaseReady}, routines.NoSide, "", Scene{Pose: PelvicRelax}, true},
		{"settle on the back", settle, routines.Segment{Kind: routines.SegSettle}, routines.NoSide, guide.Back, Scene{Pose: SleepBack}, true},
		{"settle on the stomach", settle, routines.Segment{Kind: routines.SegSettle}, routines.NoSide, guide.Stomach, Scene{Pose: SleepStomach}, true},
		{"settle on the side", settle, routines.Segment{Kind: routines.SegSettle}, routines.NoSide, guide.Side, Scene{Pose: SleepSide}, true},
		{"a stretch without a move", routines.Step{Kind: routines.KindHold, Title: "Knee to chest"}, hold, routines.Left, "", Scene{}, false},
		{"heat", routines.Step{Kind: routines.KindHeat}, routines.Segment{Kind: routines.SegHeat}, routines.NoSide, "", Scene{}, false},
		{"settle with no position", settle, routines.Segment{Kind: routines.SegSettle}, routines.NoSide, "", Scene{}, false},
	}
	for _, c := range cases {
		got, ok := For(c.st, c.seg, c.side, c.pos)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: For = %+v, %v; want %+v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// TestAtShowsTheSideThatComesNext: a get-ready shows the first side, a
// switch the side after it.
func TestAtShowsTheSideThatComesNext(t *testing.T) {
	r := routines.Routine{Title: "r", Steps: []routines.Step{
		{Kind: routines.KindHold, Title: "Hug", Move: routines.MoveKneeToChest, Hold: time.Second, Reps: 1, PerSide: true, Switch: time.Second},
	}}
	p := routines.Expand(r, routines.Options{GetReady: time.Second})
	var got []Pose
	for i := range p.Segments {
		s, ok := At(p, i, guide.Back)
		if !ok {
			t.Fatalf("segment %d has no picture", i)
		}
		got = append(got, s.Pose)
	}
	want := []Pose{KneeToChestLeft, KneeToChestLeft, KneeToChestRight, KneeToChestRight} // ready, left, switch, right
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pictures %v, want %v", got, want)
	}
	if _, ok := At(p, len(p.Segments), guide.Back); ok {
		t.Error("a segment past the end has a picture")
	}
}
