package e2e

import (
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
	tm.waitFor(wait, "EMERGENCY", headline, "Tonight's check at")
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
	for _, want := range []string{"EMERGENCY · Go now", headline, "Do not drive yourself.", "Tonight's check at"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("plain mode lacks %q:\n%s", want, out)
		}
	}
}
