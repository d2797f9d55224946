package player

import (
	"fmt"
	"testing"
	"time"

	"github.com/supine-app/supine/cues"
)

// TestCuesFollowTheCuePlan: the cues the player rings while a routine runs
// untouched are the ones cues.Plan lists for that plan, at the same moments.
// cues.Plan is the pure statement of the cue rules; this keeps the player
// honest to it.
func TestCuesFollowTheCuePlan(t *testing.T) {
	h := newHarness(t, tonight())
	start := h.clock.Now()
	h.press("enter") // start the heat at once

	type heard struct {
		at   time.Duration
		kind cues.Kind
	}
	var got []heard
	collect := func() {
		for _, k := range h.takeCues() {
			got = append(got, heard{h.clock.Now() - start, k.Plan()})
		}
	}
	for i := 0; i < 5000 && h.act == nil && h.m.mode() != modeSettle; i++ {
		if h.m.mode() == modeHeatDone {
			// Acknowledge the pad at once, as the plan's timeline assumes.
			h.press("enter")
			collect()
			continue
		}
		h.tick()
		collect()
	}

	// A step that begins with the person's own key press rings nothing: the
	// first step (started with enter) and the step after heat (started when
	// the person says the pad is off).
	var want []cues.Cue
	heatDone := time.Duration(-1)
	for _, c := range cues.Plan(h.m.plan(), cues.Settings{}) {
		if c.Kind == cues.HeatDone {
			heatDone = c.At
		}
		if c.Kind == cues.NextStep && (c.At == 0 || c.At == heatDone) {
			continue
		}
		want = append(want, c)
	}
	for i := 0; i < max(len(got), len(want)); i++ {
		g, w := "nothing", "nothing"
		if i < len(got) {
			g = fmt.Sprintf("%v at %v", got[i].kind, got[i].at.Round(time.Second))
		}
		if i < len(want) {
			w = fmt.Sprintf("%v at %v", want[i].Kind, want[i].At.Round(time.Second))
		}
		if g != w {
			t.Fatalf("cue %d: the player rang %s, the plan says %s", i, g, w)
		}
	}
}
