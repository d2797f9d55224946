package e2e

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// wait bounds every wait for a screen. It is a limit for a test that has
// failed, not a pace: a loaded machine (CI at load 20) takes seconds to
// start the app, so it is generous.
const wait = 30 * time.Second

// walkToPlayer goes from home through the check ("none") and the before
// check-in to the player's first screen.
func walkToPlayer(t *testing.T, tm *term, before string) {
	t.Helper()
	tm.waitFor(wait, "Start tonight's routine")
	tm.press("s")
	tm.waitFor(wait, "Red-flag check", "Press n if none")
	tm.noneOfThese()
	tm.waitFor(wait, "Before: how tight")
	tm.checkIn(before)
}

// skipToLightsOut skips each stretch of "tonight" once it shows, answers
// the after check-in that comes right after the last one, and ends the
// night with a key in the dark of lights out: the app closes by itself.
func skipToLightsOut(t *testing.T, tm *term, after string) {
	t.Helper()
	for _, step := range []string{"Knee to chest", "Pelvic tilts", "Knee rolls"} {
		tm.waitFor(wait, step)
		tm.press("n")
	}
	tm.waitFor(wait, "After: how tight")
	tm.checkIn(after)
	tm.waitFor(wait, "Lights out", "Any key ends the night")
	tm.press("z")
	if code := tm.wait(wait); code != 0 {
		t.Errorf("the night ended with status %d, want 0", code)
	}
}

// TestRoutineToSummary is the whole evening: home, the check ("none"), the
// check-in, heat, every stretch skipped through, settle, the after check-in
// and the summary; then the session is in the history as complete.
func TestRoutineToSummary(t *testing.T) {
	tm := start(t, termOpts{})
	walkToPlayer(t, tm, "6")

	tm.waitFor(wait, "Heat", "Ready · 15 min", "Heat safety")
	tm.press("+")
	tm.waitFor(wait, "Ready · 16 min") // 16:00 is in big digits, which are no text
	tm.press("-", "-", "-")            // never below 15
	tm.waitFor(wait, "Ready · 15 min")
	tm.press("enter")
	tm.waitFor(wait, "14:5") // counting down
	tm.press("n")
	tm.waitFor(wait, "Press enter once the pad is off")
	tm.press("enter")

	skipToLightsOut(t, tm, "3")
	if !tm.restored() {
		t.Fatal("the terminal was left in the alternate screen")
	}

	sessions := exportJSON(t, tm.home)
	if len(sessions) != 1 {
		t.Fatalf("history holds %d sessions, want 1", len(sessions))
	}
	s := sessions[0]
	if s["partial"] != false || s["before"] != 6.0 || s["after"] != 3.0 {
		t.Fatalf("stored session = %v, want complete with before 6 and after 3", s)
	}
}

// TestEmergencyEndsSession: an EMERGENCY answer ends on the outcome screen,
// and no key there leads into the player.
func TestEmergencyEndsSession(t *testing.T) {
	tm := start(t, termOpts{})
	tm.waitFor(wait, "Start tonight's routine")
	tm.press("s")
	tm.waitFor(wait, "Press n if none")
	tm.press("space") // the first item: numbness in the saddle area
	tm.finishCheck()
	tm.waitFor(wait, "EMERGENCY")
	for _, k := range []string{"y", "n", "space", "s", "+", "right", "g", "1"} {
		tm.press(k)
	}
	tm.keysTaken()
	if s := tm.screen(); strings.Contains(s, "Ready ·") || strings.Contains(s, "Heat safety") || !strings.Contains(s, "EMERGENCY") {
		t.Fatalf("after the emergency outcome the screen shows:\n%s", s)
	}
	tm.press("esc")
	tm.waitFor(wait, "Start tonight's routine")
	tm.press("q")
	tm.wait(wait)

	sessions := exportJSON(t, tm.home)
	if len(sessions) != 1 || sessions[0]["red_flag"] != "EMERGENCY" {
		t.Fatalf("history = %v, want one session with red_flag EMERGENCY", sessions)
	}
}

// TestCheckAlone runs `supine check`: "none" gives no all-clear beyond "no
// red flags reported", and esc goes home.
func TestCheckAlone(t *testing.T) {
	tm := start(t, termOpts{args: []string{"check"}})
	tm.waitFor(wait, "Red-flag check")
	tm.noneOfThese()
	tm.waitFor(wait, "No red flags reported")
	tm.press("esc")
	tm.waitFor(wait, "Start tonight's routine")
	tm.press("ctrl+c")
	tm.wait(wait)
	if !tm.restored() {
		t.Fatal("the terminal was left in the alternate screen")
	}
}

func exportJSON(t *testing.T, home string) []map[string]any {
	t.Helper()
	cmd := exec.Command(binary, "history", "--json")
	cmd.Env = envFor(home)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("supine history --json: %v\n%s", err, out)
	}
	var sessions []map[string]any
	if err := json.Unmarshal(out, &sessions); err != nil {
		t.Fatalf("history --json printed something that is not JSON: %v\n%s", err, out)
	}
	return sessions
}

// TestQuitThenFinish is issue 4's evening twice: a routine with check-ins
// quit midway, then started again (the check now asks only what is new) and
// finished; the export shows one partial and one complete session.
func TestQuitThenFinish(t *testing.T) {
	home := newHome(t)
	first := start(t, termOpts{home: home})
	walkToPlayer(t, first, "7")
	first.waitFor(wait, "Ready · 15 min")
	first.press("n") // skip heat before it starts
	first.waitFor(wait, "Knee to chest")
	first.press("n")
	first.waitFor(wait, "Pelvic tilts")
	first.press("q")
	first.waitFor(wait, "Stop for tonight?")
	first.press("y")
	first.wait(wait)

	second := start(t, termOpts{home: home})
	second.waitFor(wait, "Start tonight's routine")
	second.press("s")
	second.waitFor(wait, "Anything new since")
	second.noneOfThese()
	second.waitFor(wait, "Before: how tight")
	second.checkIn("6")
	second.waitFor(wait, "Ready · 15 min")
	second.press("n")
	skipToLightsOut(t, second, "4")

	sessions := exportJSON(t, home) // newest first
	if len(sessions) != 2 {
		t.Fatalf("history holds %d sessions, want 2: %v", len(sessions), sessions)
	}
	done, partial := sessions[0], sessions[1]
	if done["partial"] != false || done["before"] != 6.0 || done["after"] != 4.0 {
		t.Errorf("second session = %v, want complete, 6 -> 4", done)
	}
	if partial["partial"] != true || partial["before"] != 7.0 || partial["after"] != nil {
		t.Errorf("first session = %v, want partial with before 7", partial)
	}
	if c, _ := partial["completed"].([]any); len(c) != 0 {
		t.Errorf("first session completed %v; every step was skipped", c)
	}
	if s, _ := partial["skipped"].([]any); len(s) != 2 {
		t.Errorf("first session skipped %v, want Heat and Knee to chest", s)
	}
}
