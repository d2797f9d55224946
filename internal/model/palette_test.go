package model

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/screens/bigdigits"
)

// stateNamed is the view state of that name.
func stateNamed(t *testing.T, name string) viewState {
	t.Helper()
	for _, s := range viewStates() {
		if s.name == name {
			return s
		}
	}
	t.Fatalf("no view state %q", name)
	return viewState{}
}

// withPalette is the state drawn with the palette option p.
func (s viewState) withPalette(p string) viewState {
	prev := s.opts
	s.opts = func(o *Options) {
		if prev != nil {
			prev(o)
		}
		o.Palette = p
	}
	return s
}

// TestNightAndLightDifferOnlyInColour: every screen says the same words
// in both palettes; only the colours change.
func TestNightAndLightDifferOnlyInColour(t *testing.T) {
	t.Parallel()
	for _, s := range viewStates() {
		for _, size := range goldenSizes {
			night := viewOf(t, s, "night", size.w, size.h)
			light := viewOf(t, s, "light", size.w, size.h)
			if ansi.Strip(night) != ansi.Strip(light) {
				t.Errorf("%s at %dx%d: the text differs between night and light:\n%s\n---\n%s",
					s.name, size.w, size.h, ansi.Strip(night), ansi.Strip(light))
			}
			if night == light {
				t.Errorf("%s at %dx%d: night and light draw the same colours", s.name, size.w, size.h)
			}
		}
	}
}

// TestSignalsAreNeverColourAlone: tiers, warnings, phases, sides and the
// selection all carry a word or a symbol, at every size.
func TestSignalsAreNeverColourAlone(t *testing.T) {
	t.Parallel()
	tests := []struct {
		state string
		words []string
	}{
		{"outcome_emergency", []string{"EMERGENCY"}},
		{"outcome_urgent", []string{"URGENT"}},
		{"outcome_book", []string{"BOOK", "Go on with tonight's routine?"}},
		{"outcome_clear", []string{"No red flags reported"}},
		{"outcome_pain", []string{"Routine stopped", "Stopped for pain"}},
		{"home", []string{"› s"}},
		{"check_marked", []string{"› [ ]", "1 marked"}},
		{"player_heat_ready", []string{"! Switch the pad off", "! Not on numb", "! Not tonight"}},
		{"player_heat_running", []string{"! Switch the pad off", "! Not on numb", "! Not tonight"}},
		{"player_heat_done", []string{"Switch the pad off"}},
		{"player_hold_running", []string{"Left 1 of 3"}},
		{"player_hold_paused", []string{"PAUSED"}},
		{"quit_overlay", []string{"Stop for tonight?"}},
		{"history", []string{"BOOK"}},
	}
	for _, tt := range tests {
		s := stateNamed(t, tt.state)
		for _, size := range goldenSizes {
			for _, p := range []string{"night", "light"} {
				v := flatten(viewOf(t, s, p, size.w, size.h))
				for _, w := range tt.words {
					if !strings.Contains(v, w) {
						t.Errorf("%s at %dx%d in %s lacks %q:\n%s", tt.state, size.w, size.h, p, w, v)
					}
				}
			}
		}
	}
}

// TestAMarkedAnswerIsMarkedInText: a yes is [x], the cursor is ›.
func TestAMarkedAnswerIsMarkedInText(t *testing.T) {
	for _, size := range goldenSizes {
		d := newDriver(t, testOptions(&fakeStore{}), size.w, size.h)
		d.press("s", "space")
		d.expectText("› [x]", "1 marked")
	}
}

// TestThePacedPhaseIsNamed: TILT is written out in small windows and drawn
// in big letters in large ones.
func TestThePacedPhaseIsNamed(t *testing.T) {
	s := stateNamed(t, "player_paced_tilt")
	for _, size := range goldenSizes {
		v := ansi.Strip(viewOf(t, s, "night", size.w, size.h))
		if strings.Contains(v, "TILT") {
			continue
		}
		for _, l := range strings.Split(bigdigits.Render("TILT"), "\n") {
			if !strings.Contains(v, strings.TrimRight(l, " ")) {
				t.Errorf("%dx%d: the paced phase is not named:\n%s", size.w, size.h, v)
				break
			}
		}
	}
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;:]*(38|48)[;:][0-9;:]*m`)

// TestNoColourWithNoColor: NO_COLOR terminals (the ASCII profile, which the
// renderer picks for them) get every screen with no colour at all and the
// same text; a terminal with no ANSI support gets the text alone.
func TestNoColourWithNoColor(t *testing.T) {
	t.Parallel()
	for _, s := range viewStates() {
		for _, size := range goldenSizes {
			view := viewOf(t, s, "night", size.w, size.h)
			if !colourSGR.MatchString(view) {
				t.Fatalf("%s: the view has no colour to take out; the test proves nothing", s.name)
			}
			ascii := downsample(t, view, colorprofile.Ascii)
			if colourSGR.MatchString(ascii) || strings.Contains(ascii, "38;") || strings.Contains(ascii, "48;") {
				t.Errorf("%s at %dx%d: colour left in the NO_COLOR output: %q", s.name, size.w, size.h, ascii)
			}
			if ansi.Strip(ascii) != ansi.Strip(view) {
				t.Errorf("%s at %dx%d: NO_COLOR changed the text", s.name, size.w, size.h)
			}
			if plain := downsample(t, view, colorprofile.NoTTY); plain != ansi.Strip(view) {
				t.Errorf("%s at %dx%d: escape codes left without a terminal: %q", s.name, size.w, size.h, plain)
			}
		}
	}
}

func downsample(t *testing.T, view string, p colorprofile.Profile) string {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: p}
	if _, err := w.Write([]byte(view)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestTheNightIsDim: no pure white and nothing blinks, in either palette.
func TestTheNightIsDim(t *testing.T) {
	t.Parallel()
	for _, s := range viewStates() {
		for _, p := range []string{"night", "light"} {
			v := viewOf(t, s, p, 120, 40)
			if strings.Contains(v, "2;255;255;255") {
				t.Errorf("%s in %s: pure white", s.name, p)
			}
			if blinks(v) {
				t.Errorf("%s in %s: something blinks", s.name, p)
			}
		}
	}
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// blinks reports whether any SGR sequence turns blinking on (5 or 6),
// reading past the arguments of extended colours (38;5;N, 38;2;R;G;B).
func blinks(view string) bool {
	for _, m := range sgr.FindAllStringSubmatch(view, -1) {
		ps := strings.Split(m[1], ";")
		for i := 0; i < len(ps); i++ {
			switch ps[i] {
			case "38", "48", "58":
				if i+1 < len(ps) && ps[i+1] == "5" {
					i += 2
				} else if i+1 < len(ps) && ps[i+1] == "2" {
					i += 4
				}
			case "5", "6":
				return true
			}
		}
	}
	return false
}
