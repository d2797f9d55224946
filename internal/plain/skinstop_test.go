package plain

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// TestTheSkinStopSaysItsFirstAid: s typed with the pad on is the skin
// stop. The next line is the pad-off line for the skin, and the line after
// it the first aid in safety.SkinStopAdvice's words: look at the skin,
// cool running water for 20 minutes, when to get medical help. Once enter
// says the pad is off, the first aid is said once more.
func TestTheSkinStopSaysItsFirstAid(t *testing.T) {
	advice := strings.Join(safety.SkinStopAdvice(), " ")
	for _, w := range []string{"Look at the skin", "cool running water for 20 minutes", "Get medical help", "any burn if you have diabetes"} {
		if !strings.Contains(advice, w) {
			t.Fatalf("safety.SkinStopAdvice no longer says %q: %q", w, advice)
		}
	}
	o := Options{Evening: config(tonightLike())}
	_, out := play(t, o, ready(o, now("\n"), typed{time.Minute, "s\n"}, typed{time.Minute + 5*sec, "\n"},
		typed{2 * time.Minute, "q\n"}, now("y\n"))...)
	rest := after(t, out, "14 minutes of heat left.")
	gate := padOffLine(night.PadOffLine(night.PadSkin))
	if len(rest) < 2 || rest[0] != gate || rest[1] != advice {
		t.Fatalf("after s, want the lines\n%s\n%s\ngot:\n%s", gate, advice, strings.Join(rest, "\n"))
	}
	if n := strings.Count(out, advice); n != 2 {
		t.Errorf("the first aid said %d times, want twice (at the skin stop and once the pad is off):\n%s", n, out)
	}
	for _, s := range safety.SkinStopAdvice() {
		if !strings.Contains(rest[1], s) {
			t.Errorf("the first aid lacks %q", s)
		}
	}
}
