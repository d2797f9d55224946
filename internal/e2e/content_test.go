package e2e

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestChestPainSaysAmbulanceOnScreenAndCard: in the built binary, a check
// with new difficulty walking and chest pain gives the ambulance wording
// (CONTENT.md section 4, v3): on the outcome screen, again on the next
// start, in `supine report --card` and in `supine start --plain` of the
// same night, the same sentences; and the outcome offers no clinician's
// check.
func TestChestPainSaysAmbulanceOnScreenAndCard(t *testing.T) {
	home := newHome(t)
	tm := start(t, termOpts{home: home, args: []string{"check"}})
	tm.waitFor(wait, "Red-flag check", "Press n if none")
	tm.press("down", "down", "down", "space") // new difficulty walking, page 1
	tm.press("enter")
	tm.waitFor(wait, "Pain and other signs")
	tm.press("down", "space") // chest pain, page 2
	tm.finishCheck()
	headline := "Call for an ambulance now: 999 in the UK, 112 in the EU, 911 in the US."
	tm.waitFor(wait, "EMERGENCY", headline, "Do not drive yourself.", "New difficulty walking", "Chest pain with the back pain")
	if s := tm.screen(); strings.Contains(s, "emergency department") || strings.Contains(s, "clinician has checked") {
		t.Errorf("outcome:\n%s", s)
	}
	tm.press("d")
	tm.never(300*time.Millisecond, "A clinician has checked this")
	tm.press("enter")
	tm.waitFor(wait, "Start tonight's routine")
	tm.press("s")
	tm.waitFor(wait, "EMERGENCY", headline, "closed the routine: no routine until")
	tm.press("ctrl+c")
	tm.wait(wait)

	card := exec.Command(binary, "report", "--card", "--format", "txt", "-o", "-")
	card.Env = envFor(home)
	out, err := card.CombinedOutput()
	if err != nil {
		t.Fatalf("report --card: %v\n%s", err, out)
	}
	flat := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{headline, "Do not drive yourself.", "New difficulty walking, or legs giving way", "Chest pain with the back pain"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the card lacks %q:\n%s", want, out)
		}
	}

	plain := exec.Command(binary, "start", "--plain")
	plain.Env = envFor(home)
	plain.Stdin = strings.NewReader("")
	out, _ = plain.CombinedOutput()
	for _, want := range []string{"EMERGENCY · Go now", headline, "Do not drive yourself.", "closed the routine: no routine until"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("plain mode lacks %q:\n%s", want, out)
		}
	}
}

// TestPlainFirstNightDisclaimerClearanceAndPattern: `supine start --plain`
// on a first night says the disclaimer, then asks the precautions with the
// third answer (pregnancy, heat cleared today), then the check with the
// long-standing pattern's group; the pattern's parts reach BOOK, and the
// history keeps the clearance and that the check asked the pattern. A
// second check the same night does not ask the pattern again.
func TestPlainFirstNightDisclaimerClearanceAndPattern(t *testing.T) {
	home := newHome(t)
	p := startPiped(t, home, "start", "--plain")
	p.waitFor(wait, "About supine:")
	p.answer("Press enter to go on to a few questions that adapt the routine to you.", "")
	for i, a := range []string{"n", "n", "n", "c"} {
		p.answer(fmt.Sprintf("Question %d of 5.", i+1), a)
	}
	p.answer("What did your clinician clear?", "h")
	p.answer("When did they clear you?", "t")
	p.answer("Question 5 of 5.", "n")
	p.answer("Press enter to keep these answers.", "")
	if n := p.groups(); n != 5 {
		t.Fatalf("%d groups on a first night, want 5 with the pattern:\n%s", n, p.output())
	}
	for i := 1; i <= 4; i++ {
		p.answer(fmt.Sprintf("Group %d of 5:", i), "")
	}
	p.answer("Group 5 of 5: Your back over time.", "1 2 4")
	p.answer("If this is right, press enter.", "")
	p.answer("Go on with tonight's routine? y or n", "n")
	out, _ := p.wait(wait)
	for _, want := range []string{"For pregnancy, your clinician cleared heat on", "BOOK · Book an appointment",
		"This is one pattern a GP may ask about"} {
		if !strings.Contains(out, want) {
			t.Errorf("plain first night lacks %q:\n%s", want, out)
		}
	}

	checks := exportWhat(t, home, "checks")
	if len(checks) != 1 || checks[0]["pattern_asked"] != true || checks[0]["tier"] != "BOOK" {
		t.Errorf("checks kept: %v", checks)
	}
	var pregnant map[string]any
	for _, pr := range exportWhat(t, home, "precautions") {
		if pr["id"] == "pregnant" {
			pregnant = pr
		}
	}
	if pregnant["yes"] != true || pregnant["cleared_heat"] != true || pregnant["cleared_on"] == nil {
		t.Errorf("pregnancy kept as %v", pregnant)
	}

	q := startPiped(t, home, "check", "--plain")
	if n := q.groups(); n != 4 {
		t.Errorf("%d groups at the second check of the night, want 4:\n%s", n, q.output())
	}
}

// exportWhat is `supine history --json --what what`, decoded.
func exportWhat(t *testing.T, home, what string) []map[string]any {
	t.Helper()
	cmd := exec.Command(binary, "history", "--json", "--what", what)
	cmd.Env = envFor(home)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("supine history --json --what %s: %v\n%s", what, err, out)
	}
	var rows []map[string]any
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return rows
}
