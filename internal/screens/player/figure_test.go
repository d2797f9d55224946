package player

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	ansikitty "github.com/charmbracelet/x/ansi/kitty"

	"github.com/supine-app/supine/internal/figure"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens/kitty"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

// withoutPictures is squeeze without braille: what is left of a view
// once its picture is taken out.
func withoutPictures(view string) string {
	return squeeze(strings.Map(func(r rune) rune {
		if r >= 0x2800 && r <= 0x28ff || r == ansikitty.Placeholder {
			return -1
		}
		return r
	}, ansi.Strip(view)))
}

// pictureStates are the screens that have a picture.
func pictureStates(t *testing.T) map[string]Model {
	out := map[string]Model{}
	for _, c := range states(t) {
		if _, ok := c.m.scene(); ok {
			out[c.name] = c.m
		}
	}
	rolls := newHarness(t, tonight())
	rolls.press("n", "n", "n")
	rolls.runUntil(100, func() bool { return rolls.m.segment().Kind == routines.SegHold })
	out["knee_rolls"] = rolls.m
	first := newHarness(t, tonight())
	first.m = first.m.SetFirstNight(true)
	first.press("n")
	first.tick()
	out["first_night"] = first.m
	if len(out) < 8 {
		t.Fatalf("only %d states with a picture", len(out))
	}
	return out
}

// TestNoPictureHidesAnything: at every width from 40 to 160 (the root
// gives the player at most MaxWidth columns) and every height from 12 to
// 50 (every fourth above 30, where nothing is short of room), a screen with
// its picture shows everything the same screen shows without it: no safety
// line, no countdown, no word is pushed off by a picture.
func TestNoPictureHidesAnything(t *testing.T) {
	for name, m := range pictureStates(t) {
		if name == "paused" || name == "hold_breathing_paused" {
			continue // laid out as "hold" is
		}
		bare := m
		bare.noPictures = true
		shown := 0
		for w := 40; w <= MaxWidth; w++ {
			for h := 12; h <= 50; h += 1 + 3*b2i(h >= 30) {
				with, without := m.SetSize(w, h).View(), bare.SetSize(w, h).View()
				if withoutPictures(with) != squeeze(without) {
					t.Fatalf("%s at %dx%d: the picture changed what else shows.\nwith:\n%s\nwithout:\n%s",
						name, w, h, ansi.Strip(with), ansi.Strip(without))
				}
				if strings.ContainsFunc(with, func(r rune) bool { return r >= 0x2801 && r <= 0x28ff }) {
					shown++
				}
			}
		}
		if shown == 0 {
			t.Errorf("%s: the picture never shows at any size", name)
		}
	}
}

// TestCountdownAndPictureShareTheRow: at 80x24 a hold shows the big
// countdown and the large picture side by side, in the countdown's rows.
func TestCountdownAndPictureShareTheRow(t *testing.T) {
	m := pictureStates(t)["hold"].SetSize(80, 24)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	both := 0
	for _, l := range lines {
		if strings.Contains(l, "██") && strings.ContainsFunc(l, func(r rune) bool { return r >= 0x2801 && r <= 0x28ff }) {
			both++
		}
	}
	if both < 4 {
		t.Errorf("%d rows hold both the digits and the picture, want the digits' rows:\n%s", both, strings.Join(lines, "\n"))
	}
}

// TestThePictureFollowsTheCue: the picture is the side that works now,
// the tilt frame on "tilt", the relax frame on "relax", the sleep
// position at the settle step, and none on the heat step.
func TestThePictureFollowsTheCue(t *testing.T) {
	h := newHarness(t, tonight())
	scene := func() figure.Pose {
		s, ok := h.m.scene()
		if !ok {
			return figure.NoPose
		}
		return s.Pose
	}
	if p := scene(); p != figure.NoPose {
		t.Fatalf("the heat step shows %v", p)
	}
	h.press("n")
	seen := map[figure.Pose]string{}
	for i := 0; i < 400 && h.m.step().Kind != routines.KindSettle; i++ {
		s := h.m.segment()
		side := s.Side
		if s.Kind == routines.SegSwitch { // the side that comes next
			side = h.m.plan().Segments[h.m.state.Seg+1].Side
		}
		want := figure.NoPose
		switch st := h.m.step(); {
		case st.Move == routines.MoveKneeToChest && side == routines.Left:
			want = figure.KneeToChestLeft
		case st.Move == routines.MoveKneeToChest:
			want = figure.KneeToChestRight
		case st.Move == routines.MovePelvicTilt && s.Phase == "tilt":
			want = figure.PelvicTilt
		case st.Move == routines.MovePelvicTilt:
			want = figure.PelvicRelax
		case st.Move == routines.MoveKneeRolls && side == routines.Left:
			want = figure.KneeRollLeft
		case st.Move == routines.MoveKneeRolls:
			want = figure.KneeRollRight
		}
		if got := scene(); got != want {
			t.Fatalf("%s, segment %+v: picture %v, want %v", h.m.step().Title, s, got, want)
		}
		seen[want] = ansi.Strip(h.m.SetSize(80, 24).View())
		h.tick()
	}
	if len(seen) != 6 {
		t.Errorf("%d pictures seen through the stretches, want 6", len(seen))
	}
	if withoutPictures(seen[figure.PelvicTilt]) == "" || seen[figure.PelvicTilt] == seen[figure.PelvicRelax] {
		t.Error("tilt and relax look the same")
	}
	for pos, want := range map[guide.Position]figure.Pose{guide.Side: figure.SleepSide, guide.Back: figure.SleepBack, guide.Stomach: figure.SleepStomach} {
		h.m.setup = guide.For(pos)
		if got := scene(); got != want {
			t.Errorf("settle on the %s: picture %v, want %v", pos, got, want)
		}
	}
}

// TestSmallKneeRollsDrawTheSmallerRange: with osteoporosis the knee rolls
// step (night.Adapt) draws the small roll.
func TestSmallKneeRollsDrawTheSmallerRange(t *testing.T) {
	r := night.Adapt(tonight(), safety.Adaptation{SmallKneeRolls: true})
	h := newHarness(t, r)
	h.press("n", "n", "n")
	h.runUntil(100, func() bool { return h.m.segment().Kind == routines.SegHold })
	s, ok := h.m.scene()
	if !ok || !s.Small || s.Pose != figure.KneeRollLeft {
		t.Fatalf("adapted knee rolls show %+v (%v), want the small roll to the left", s, ok)
	}
	full := pictureStates(t)["knee_rolls"].SetSize(80, 24).View()
	if small := h.m.SetSize(80, 24).View(); withoutPictures(small) != withoutPictures(full) && small == full {
		t.Error("the small roll looks like the full one")
	}
}

// TestAPictureIsDrawnOnceAStep: the countdown's ticks reuse the picture;
// it is drawn again only when the step, phase or side changes.
func TestAPictureIsDrawnOnceAStep(t *testing.T) {
	h := newHarness(t, tonight())
	h.press("n")
	h.runUntil(100, func() bool { return h.m.segment().Kind == routines.SegHold })
	_ = h.m.SetSize(80, 24).View()
	before := h.m.pics.drawn
	for range 10 {
		h.tick()
		_ = h.m.SetSize(80, 24).View()
	}
	if h.m.segment().Kind != routines.SegHold || h.m.segment().Side != routines.Left {
		t.Fatal("the test left the first hold")
	}
	if n := h.m.pics.drawn - before; n != 0 {
		t.Errorf("10 seconds of a hold drew the picture %d more times, want 0", n)
	}
}

// graphicsOn is what a terminal that answered the graphics query says.
func graphicsOn() kitty.Support {
	s := kitty.NewSupport()
	s, _ = s.Answer(uv.KittyGraphicsEvent{Options: ansikitty.Options{ID: 31}, Payload: []byte("OK")})
	s, _ = s.Answer(tea.ColorProfileMsg{Profile: colorprofile.TrueColor})
	return s
}

// TestImagesWhereTheTerminalSaidSo: a terminal that answered yes gets
// each picture once, as an image, and the screen names it by placeholder
// cells; one that did not answer keeps the braille and is sent nothing.
func TestImagesWhereTheTerminalSaidSo(t *testing.T) {
	for _, answered := range []bool{true, false} {
		h := newHarness(t, tonight())
		if answered {
			h.m = h.m.SetGraphics(graphicsOn())
		} else {
			s, _ := kitty.NewSupport().Answer(uv.PrimaryDeviceAttributesEvent{62})
			h.m = h.m.SetGraphics(s)
		}
		h.press("n")
		view := h.m.SetSize(80, 24).View()
		placeholders := strings.ContainsRune(view, ansikitty.Placeholder)
		braille := strings.ContainsFunc(view, func(r rune) bool { return r >= 0x2801 && r <= 0x28ff })
		if !answered {
			if len(h.raws) != 0 || placeholders || !braille {
				t.Errorf("unanswered: %d sequences sent, placeholders %v, braille %v", len(h.raws), placeholders, braille)
			}
			continue
		}
		if len(h.raws) != 1 || !strings.Contains(h.raws[0], "\x1b_G") || !strings.Contains(h.raws[0], "U=1") {
			t.Fatalf("answered: sent %d sequences, want one carrying the pictures", len(h.raws))
		}
		if !placeholders || braille {
			t.Errorf("answered: placeholders %v, braille %v:\n%s", placeholders, braille, ansi.Strip(view))
		}
		for range 5 {
			h.tick()
		}
		if len(h.raws) != 1 {
			t.Errorf("the countdown sent the pictures again: %d sequences", len(h.raws))
		}
		h.m = h.m.SetStyles(style.New(style.Light()))
		h.press("z") // any message: the next update sends what the new palette needs
		if len(h.raws) != 2 {
			t.Errorf("a new palette sent %d sequences in all, want the pictures again (2)", len(h.raws))
		}
	}
}

// TestPicturesFitTheirRoom: the picture lines are as wide as the size
// says, in braille and as placeholders.
func TestPicturesFitTheirRoom(t *testing.T) {
	m := pictureStates(t)["hold"].SetSize(80, 24)
	s, _ := m.scene()
	for _, size := range []figure.Size{figure.Large, figure.Small} {
		for _, ls := range [][]string{m.picture(s, size), kitty.Placeholder(imageID(s, size), size.Cols, size.Rows)} {
			if len(ls) != size.Rows {
				t.Fatalf("%d rows, want %d", len(ls), size.Rows)
			}
			for _, l := range ls {
				if w := ansi.StringWidth(l); w != size.Cols {
					t.Errorf("a row %d wide, want %d", w, size.Cols)
				}
			}
		}
	}
	_ = screentest.Key
}
