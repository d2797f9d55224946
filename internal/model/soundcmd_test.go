package model

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/cues"
)

// TestACueWithoutACommandRingsTheBell: with sound = "command", a cue that
// has a program runs it, and a cue left out of [sound_commands] rings the
// bell rather than going silent (heat done above all).
func TestACueWithoutACommandRingsTheBell(t *testing.T) {
	m := newDriver(t, testOptions(nil), 80, 24).m
	m.opts.Sound = cues.Settings{Sound: cues.SoundCommand, Commands: map[string]string{"next_step": "surely-not-a-program-here"}}

	cmds := m.sound(cues.HeatDone, "")
	if len(cmds) == 0 {
		t.Fatal("heat done without a program made no sound")
	}
	if _, ok := cmds[0]().(tea.RawMsg); !ok {
		t.Errorf("heat done without a program: the first sound is %T, want the bell", cmds[0]())
	}

	cmds = m.sound(cues.NextStep, "")
	if len(cmds) != 1 {
		t.Fatalf("next step with a program: %d commands, want the program alone", len(cmds))
	}
	if w, ok := cmds[0]().(warnMsg); !ok || w.err == nil {
		t.Errorf("a program that is not there: got %#v, want a warning naming it", cmds[0]())
	}
}

// TestAFailingReminderProgramIsTold: the heat-done reminder's own program
// is watched: one that starts and fails (exit 1) rings the bell instead,
// and the pad-off gate no longer says the reminder sounds every 10
// seconds; it says the sound failed and what to do.
func TestAFailingReminderProgramIsTold(t *testing.T) {
	falseCmd, err := exec.LookPath("false")
	if err != nil {
		t.Skip("no false(1) on this machine")
	}
	opts := testOptions(&fakeStore{})
	opts.Sound = cues.Settings{Sound: cues.SoundCommand, Commands: map[string]string{"heat_done": falseCmd}}
	d := atPlayer(t, opts)
	d.press("enter", "n") // the pad goes on; heat ends early: the reminder sounds
	d.expectText("Press enter once the pad is off", "sound failed", "bell rings instead")
	if strings.Contains(d.text(), "sounds every 10 seconds") {
		t.Fatalf("the gate still promises a sound:\n%s", d.text())
	}
	if !slices.Contains(d.raw, bell) {
		t.Error("the bell did not take over")
	}
}
