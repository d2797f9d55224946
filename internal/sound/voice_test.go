package sound

import (
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

func newTestVoice(t *testing.T, voice string) (*Voice, *failures) {
	t.Helper()
	var f failures
	v, err := NewVoice(VoiceConfig{Voice: voice, Timeout: 5 * time.Second, OnFail: f.add})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(v.Close)
	return v, &f
}

func TestVoiceReplacesStaleLinesButNeverHeatDone(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "espeak-ng", 0.4, 0)
	v, f := newTestVoice(t, Auto)
	if v.Name() != "espeak-ng" {
		t.Fatalf("auto chose %q, want espeak-ng", v.Name())
	}
	v.Say(cues.NextStep, "Left knee to your chest.")
	bin.notYet(t, "end Left knee to your chest.") // Say did not wait for the speech
	bin.waitLog(t, "start Left knee to your chest.")
	v.Say(cues.LastSeconds, "3") // cuts the knee line, then is overtaken
	v.Say(cues.LastSeconds, "2")
	bin.waitLog(t, "start Left knee to your chest.", "cut Left knee to your chest.", "start 2", "end 2")

	v.Say(cues.HeatDone, "Heat done. Switch the pad off.")
	bin.waitLog(t, "start Left knee to your chest.", "cut Left knee to your chest.", "start 2", "end 2",
		"start Heat done. Switch the pad off.")
	v.Say(cues.Phase, "Tilt") // must wait: heat done is never cut
	bin.waitLog(t, "start Left knee to your chest.", "cut Left knee to your chest.", "start 2", "end 2",
		"start Heat done. Switch the pad off.", "end Heat done. Switch the pad off.", "start Tilt", "end Tilt")
	noOverlap(t, bin.lines())
	if got, want := bin.args()[0], "espeak-ng -s 140 -a 60 -g 4 -- Left knee to your chest."; got != want {
		t.Errorf("espeak-ng ran as %q, want the soft settings and the line last, after --: %q", got, want)
	}
	if e := f.get(); len(e) > 0 {
		t.Errorf("a working voice reported %v", e)
	}
}

func TestQueuedHeatDoneSurvivesNewerLines(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "spd-say", 0.3, 0)
	bin.add(t, "espeak-ng", 0, 0) // later in the list: unused
	v, _ := newTestVoice(t, Auto)
	v.Say(cues.HeatDone, "Heat done.")
	bin.waitLog(t, "start Heat done.")
	v.Say(cues.HeatDone, "Heat done again.")
	v.Say(cues.Phase, "Relax")
	bin.waitLog(t, "start Heat done.", "end Heat done.", "start Heat done again.", "end Heat done again.", "start Relax", "end Relax")
	if got := bin.args()[0]; got != "spd-say -w -r -30 -i -40 -- Heat done." {
		t.Errorf("spd-say ran as %q; it needs -w so lines cannot overlap", got)
	}
}

func TestQuietStopsTheVoiceForGood(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "spd-say", 5, 0)
	v, _ := newTestVoice(t, Auto)
	v.Say(cues.Done, "Lights out.")
	bin.waitLog(t, "start Lights out.")
	v.Quiet()
	bin.notYet(t, "end Lights out.") // Quiet cut the line rather than waiting it out
	// The line is cut, and Speech Dispatcher is told to stop too.
	bin.waitLog(t, "start Lights out.", "cut Lights out.", "start -C", "end -C")
	if v.Say(cues.HeatDone, "Heat done.") {
		t.Errorf("Say accepted a line after Quiet")
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(bin.lines()); n != 4 {
		t.Errorf("the voice went on after Quiet: %q", bin.lines())
	}
}

func TestVoiceCommandAndFailure(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "myvoice", 0, 1)
	v, f := newTestVoice(t, "myvoice --soft")
	v.Say(cues.NextStep, "Knee rolls.")
	err := f.wait(t)
	if !contains(err.Error(), "voice myvoice failed") || !contains(err.Error(), "no sound device") {
		t.Errorf("failure reported as %q", err)
	}
	if got := bin.args()[0]; got != "myvoice --soft Knee rolls." {
		t.Errorf("ran %q, want the line as the last argument", got)
	}
	if v.Say(cues.NextStep, "Again.") {
		t.Errorf("Say accepted a line after the voice failed")
	}
}

func TestVoiceOffAndAbsent(t *testing.T) {
	newFakeBin(t) // an empty PATH
	v, err := NewVoice(VoiceConfig{Voice: VoiceOff})
	if err != nil || v.Say(cues.HeatDone, "x") || v.Name() != "" {
		t.Errorf("voice off: %v, or it spoke", err)
	}
	v.Quiet()
	v.Close()
	if _, err := NewVoice(VoiceConfig{Voice: Auto}); err == nil || !contains(err.Error(), "install espeak-ng") {
		t.Errorf("auto with nothing installed: %v, want a hint to install espeak-ng", err)
	}
	if got := FindVoice("linux", lookIn("say", "espeak-ng")); got != "espeak-ng" {
		t.Errorf("linux: %q, want espeak-ng (say is Apple's only)", got)
	}
	if got := FindVoice("darwin", lookIn("say")); got != "say" {
		t.Errorf("darwin: %q, want say", got)
	}
}
