package e2e

import (
	"testing"
)

// TestCheckinTenIsTen: issue 10's "1 0 records 1 and starts the routine at
// once". In the real binary, 1 then 0 is ten, nothing is kept until enter,
// the "before" check-in asks whether back pain woke you, and both answers
// are stored.
func TestCheckinTenIsTen(t *testing.T) {
	home := newHome(t)
	tm := start(t, termOpts{args: []string{"start", "quick"}, home: home})
	tm.waitFor(wait, "Press n if none")
	tm.noneOfThese()
	tm.waitFor(wait, "how tight is your back")
	tm.press("1")
	tm.waitFor(wait, "1 · mild")
	tm.press("0")
	tm.waitFor(wait, "10 · worst you can imagine")
	tm.press("enter")
	tm.waitFor(wait, "wake you last night")
	tm.press("y")
	tm.waitFor(wait, "Did anything ease it")
	tm.press("y")
	tm.waitFor(wait, "Knee to chest")
	tm.press("q", "y")
	tm.wait(wait)
	sessions := exportJSON(t, home)
	if len(sessions) != 1 {
		t.Fatalf("%d sessions stored, want 1", len(sessions))
	}
	if s := sessions[0]; s["before"] != float64(10) || s["woke"] != true {
		t.Errorf("stored before %v, woke %v; want 10 and true", s["before"], s["woke"])
	}
}
