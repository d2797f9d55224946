package model

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
)

// squeezed is a frame's text with no space at all, so that a sentence is
// found however its lines were broken (a break after a hyphen leaves no
// space to fold).
func squeezed(view string) string { return strings.Join(strings.Fields(ansi.Strip(view)), "") }

// skinStopAdvice is the skin stop's first aid, each sentence squeezed, and
// a few words from the start of each to tell a cut sentence by.
func skinStopAdvice(t *testing.T) (whole, starts []string) {
	t.Helper()
	all := strings.Join(safety.SkinStopAdvice(), " ")
	// The sentences below are compared as the safety package words them:
	// these are the words the person must get from them.
	for _, w := range []string{"pad was", "cool running water for 20 minutes", "Get medical help", "any burn if you have diabetes"} {
		if !strings.Contains(all, w) {
			t.Fatalf("safety.SkinStopAdvice no longer says %q: %q", w, all)
		}
	}
	for _, s := range safety.SkinStopAdvice() {
		whole = append(whole, squeezed(s))
		f := strings.Fields(s)
		starts = append(starts, squeezed(strings.Join(f[:min(4, len(f))], " ")))
	}
	return whole, starts
}

// TestTheSkinStopsFirstAidIsOnScreen: s with the pad on is the skin stop;
// the pad-off gate then gives the first aid in safety.SkinStopAdvice's
// words (look at the skin, cool running water for 20 minutes, when to get
// medical help). At 80x24 all of it shows. From the root's smallest window
// (40x12) up, the gate shows every sentence whole, or none of them and the
// line that says safety lines are left out: never a sentence cut short
// without a word. Once the pad is off, the screen that follows shows all of
// it at every one of those sizes.
func TestTheSkinStopsFirstAidIsOnScreen(t *testing.T) {
	whole, starts := skinStopAdvice(t)
	d := atPlayer(t, testOptions(&fakeStore{}))
	d.press("enter") // the pad goes on
	d.advance(30 * time.Second)
	d.press("s")
	d.expectText("Skin stop.", "Press enter once the pad is off")
	for _, s := range whole {
		if !strings.Contains(squeezed(d.view()), s) {
			t.Fatalf("at 80x24 the gate after the skin stop lacks %q:\n%s", s, ansi.Strip(d.view()))
		}
	}

	sizes := func(each func(w, h int)) {
		for w := 40; w <= 120; w += 1 + 9*b2i(w >= 80) {
			for h := 12; h <= 30; h++ {
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
				each(w, h)
			}
		}
		d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	}
	sizes(func(w, h int) {
		view := squeezed(d.view())
		shown, cut := 0, ""
		for i, s := range whole {
			switch {
			case strings.Contains(view, s):
				shown++
			case strings.Contains(view, starts[i]):
				cut = safety.SkinStopAdvice()[i]
			}
		}
		switch {
		case cut != "":
			t.Errorf("at %dx%d the gate cuts %q short:\n%s", w, h, cut, ansi.Strip(d.view()))
		case shown == len(whole):
		case shown > 0:
			t.Errorf("at %dx%d the gate shows %d of the %d sentences of first aid:\n%s", w, h, shown, len(whole), ansi.Strip(d.view()))
		case !strings.Contains(d.text(), "More safety lines"):
			t.Errorf("at %dx%d the gate leaves the first aid out without a word:\n%s", w, h, ansi.Strip(d.view()))
		}
	})

	d.press("enter") // the pad is off: the stretches go on
	d.expectText("Knee to chest")
	sizes(func(w, h int) {
		view := squeezed(d.view())
		for _, s := range whole {
			if !strings.Contains(view, s) {
				t.Errorf("at %dx%d, once the pad is off, the screen lacks %q:\n%s", w, h, s, ansi.Strip(d.view()))
				return
			}
		}
	})
}

// b2i is 1 for true.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
