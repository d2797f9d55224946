package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// TestPlainTranscript: with its output piped, supine speaks in plain lines.
// The check is answered ("none"), a short routine runs on its own to the
// settle step, whose enter is typed when it asks, and the transcript matches testdata/TestPlainTranscript.golden line
// by line. Refresh with `go test ./e2e -run Plain -update`.
func TestPlainTranscript(t *testing.T) {
	home := newHome(t)
	writeFile(t, filepath.Join(home, "config", "supine", "routines", "short.toml"), `title = "Short"
[[steps]]
kind = "hold"
title = "Knee hug"
cues = ["Hug one knee gently toward your chest."]
hold = "4s"
reps = 1
per_side = true
switch = "1s"
[[steps]]
kind = "paced"
title = "Tilts"
reps = 2
phases = [{ name = "tilt", time = "1s" }, { name = "relax", time = "1s" }]
[[steps]]
kind = "settle"
title = "Settle in"
`)
	writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), "checkins = false\n")

	// As a person would: enter at each group of the check (none of these
	// apply) and enter at the read-back, then the routine runs on its own
	// until the settle step asks for enter.
	p := startPiped(t, home, "start", "short")
	for i := 1; i <= 4; i++ {
		p.answer(fmt.Sprintf("Group %d of 4:", i), "")
	}
	p.answer("If this is right, press enter.", "")
	p.answerWithin(30*time.Second, "Press enter when you are settled.", "")
	s, err := p.wait(30 * time.Second)
	if err != nil {
		t.Fatalf("supine start short, piped: %v\n%s", err, s)
	}
	out := []byte(s)
	if strings.ContainsRune(s, '\x1b') {
		t.Fatalf("plain output holds escape sequences:\n%q", out)
	}
	golden.RequireEqual(t, out)

	sessions := exportJSON(t, home)
	if len(sessions) != 1 || sessions[0]["partial"] != false {
		t.Fatalf("history = %v, want one complete session", sessions)
	}
}

// TestPlainEmergency: a red-flag answer ends plain mode with the advice,
// what was reported with the time, and no routine line. The input ends
// after the first group: what was marked there already ends the night.
func TestPlainEmergency(t *testing.T) {
	home := newHome(t)
	cmd := exec.Command(binary, "--plain")
	cmd.Env = envFor(home)
	cmd.Stdin = strings.NewReader("1\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("supine --plain: %v\n%s", err, out)
	}
	s := string(out)
	if !strings.Contains(s, "EMERGENCY") || strings.Contains(s, "Step 1 of") {
		t.Fatalf("plain emergency transcript:\n%s", s)
	}
	for _, want := range []string{"(take this with you):", "- Numbness or tingling between the legs", "supine report --card"} {
		if !strings.Contains(s, want) {
			t.Errorf("plain emergency transcript lacks %q:\n%s", want, s)
		}
	}
}
