package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

// TestPlainModeRunsTheSoundCommands: with sound = "command", plain mode
// runs the program set for a cue, says nothing for a cue without one, and
// reports a program that cannot run.
func TestPlainModeRunsTheSoundCommands(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	script := "#!/bin/sh\necho \"$*\" >> " + log + "\n"
	if err := os.WriteFile(filepath.Join(dir, "chime"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	c := &commandTones{s: cues.Settings{Sound: cues.SoundCommand, Commands: map[string]string{
		"heat_done": "chime 'heat done.wav'",
		"done":      "nowhere-to-be-found",
	}}}
	if !c.Play(cues.HeatDone, "") {
		t.Fatalf("a program that runs was reported as failing: %v", c.Err())
	}
	if !c.Play(cues.NextStep, "") || c.Err() != nil {
		t.Errorf("a cue without a program failed: %v", c.Err())
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		b, _ := os.ReadFile(log)
		if strings.TrimSpace(string(b)) == "heat done.wav" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the heat-done program logged %q, want one run with its argument", b)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if c.Play(cues.Done, "") || c.Err() == nil || !strings.Contains(c.Err().Error(), "nowhere-to-be-found") {
		t.Errorf("a missing program: err %v, want it named", c.Err())
	}
}
