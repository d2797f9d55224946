package plain

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/evening"
)

// fakeTones records the tones asked for, in order; after failAfter plays
// (when set) it fails, as a player with no sound device does.
type fakeTones struct {
	played    []string
	calls     int
	failAfter int
}

func (f *fakeTones) Play(k cues.Kind, phase string) bool {
	f.calls++
	if f.failAfter > 0 && f.calls > f.failAfter {
		return false
	}
	name := k.String()
	if phase != "" {
		name += ":" + phase
	}
	f.played = append(f.played, name)
	return true
}

func (f *fakeTones) Err() error {
	if f.failAfter > 0 && f.calls > f.failAfter {
		return errors.New("the tone player pw-play failed (exit status 1); the cues are lines of text only")
	}
	return nil
}

// TestTonesFollowTheRoutine: each cue of a short routine plays its tone,
// in order, as the full-screen app sounds them; the output stays plain
// text (no bell).
func TestTonesFollowTheRoutine(t *testing.T) {
	f := &fakeTones{}
	o := Options{Evening: config(shortRoutine()), Tones: f}
	_, out := play(t, o, ready(o, typed{time.Minute, "\n"})...)
	// Switch sides in the hold, the tilts' first beat as a new step, the
	// second rep's tilt, the rest as a new step, and the end of the
	// stretches: the engine's cues, in its order.
	want := []string{"switch_sides", "next_step:tilt", "phase:tilt", "next_step", "done"}
	if !slices.Equal(f.played, want) {
		t.Errorf("tones\n got %q\nwant %q\n%s", f.played, want, out)
	}
}

// TestTonesSoftVolume: with volume = "soft" only the cues that matter
// sound, as in the full-screen app; with sound off, none.
func TestTonesSoftVolume(t *testing.T) {
	f := &fakeTones{}
	o := Options{Evening: config(shortRoutine()), Tones: f, Sound: cues.Settings{Volume: cues.VolumeSoft}}
	play(t, o, ready(o, typed{time.Minute, "\n"})...)
	if want := []string{"next_step:tilt", "next_step", "done"}; !slices.Equal(f.played, want) {
		t.Errorf("soft tones %q, want %q", f.played, want)
	}
	f = &fakeTones{}
	o = Options{Evening: config(shortRoutine()), Tones: f, Sound: cues.Settings{Sound: cues.SoundOff}}
	play(t, o, ready(o, typed{time.Minute, "\n"})...)
	if f.calls != 0 {
		t.Errorf("sound off played %q", f.played)
	}
}

// TestTonesFailOnce: a player that fails is said once, in one line with
// its reason, and asked for nothing more; the cues go on as lines.
func TestTonesFailOnce(t *testing.T) {
	f := &fakeTones{failAfter: 2}
	o := Options{Evening: config(shortRoutine()), Tones: f}
	res, out := play(t, o, ready(o, typed{time.Minute, "\n"})...)
	line := "The tones stopped working: the tone player pw-play failed (exit status 1); the cues are lines of text only."
	if n := strings.Count(out, "The tones stopped working"); n != 1 || !has(out, line) {
		t.Errorf("%d failure lines, want one %q:\n%s", n, line, out)
	}
	if f.calls != 3 {
		t.Errorf("Play called %d times, want 3: none after it failed", f.calls)
	}
	if res.End != evening.Finished || !has(out, "Stretches done. Settle into your sleep position.") {
		t.Errorf("the routine did not go on as lines: %s\n%s", wantOf(res), out)
	}
}

// TestHeatSaysHowTheReminderComes: with tones the heat step says the end
// sounds; without, that the reminder is a line of text with no sound.
func TestHeatSaysHowTheReminderComes(t *testing.T) {
	for _, tones := range []bool{false, true} {
		o := Options{Evening: config(tonightLike())}
		want := "with no sound"
		if tones {
			o.Tones = &fakeTones{}
			want = "The end of the heat sounds"
		}
		_, out := play(t, o, ready(o, now("q\n"), now("y\n"))...)
		if !strings.Contains(out, want) {
			t.Errorf("tones %v: no %q in:\n%s", tones, want, out)
		}
	}
}

// TestACommandForEveryCueButHeatDoneLeavesTheReminderSilent: with sound =
// "command", the end of heat sounds only when a program is set for it; the
// heat step says which.
func TestACommandForEveryCueButHeatDoneLeavesTheReminderSilent(t *testing.T) {
	for _, heatDone := range []bool{false, true} {
		s := cues.Settings{Sound: cues.SoundCommand, Commands: map[string]string{"next_step": "chime"}}
		want := "with no sound"
		if heatDone {
			s.Commands["heat_done"] = "chime long"
			want = "The end of the heat sounds"
		}
		o := Options{Evening: config(tonightLike()), Tones: &fakeTones{}, Sound: s}
		_, out := play(t, o, ready(o, now("q\n"), now("y\n"))...)
		if !strings.Contains(out, want) {
			t.Errorf("heat_done set %v: no %q in:\n%s", heatDone, want, out)
		}
	}
}

// heatDoneFails is a tone player whose heat-done tone fails, as a reminder
// program that exits 1 does: at once (failAt 1), or on the second
// reminder (failAt 2), once the first one's program has been seen to fail
// in the background.
type heatDoneFails struct {
	failAt   int
	heatDone int
}

func (f *heatDoneFails) Play(k cues.Kind, _ string) bool {
	if k != cues.HeatDone {
		return true
	}
	f.heatDone++
	return f.heatDone < f.failAt
}

// TestTheReminderSaysItsSoundFailed: the heat step said the end would
// sound; when the heat-done sound fails, each reminder of the pad-off
// line after that says the sound failed and to set another alarm, until
// enter says the pad is off.
func TestTheReminderSaysItsSoundFailed(t *testing.T) {
	const failed = "The reminder's sound failed, so it may not be heard: set another alarm if you may fall asleep."
	for _, failAt := range []int{1, 2} {
		f := &heatDoneFails{failAt: failAt}
		o := Options{Evening: config(tonightLike()), Tones: f}
		// n ends heat a minute in; the reminder repeats at 10 and 20 s;
		// enter at 25 s says the pad is off.
		_, out := play(t, o, ready(o, now("\n"), typed{time.Minute, "n\n"}, typed{time.Minute + 25*sec, "\n"},
			typed{2 * time.Minute, "q\n"}, now("y\n"))...)
		if !strings.Contains(out, "The end of the heat sounds") {
			t.Fatalf("failing at heat done %d: the heat step did not promise a sound, so the test proves nothing:\n%s", failAt, out)
		}
		rest := after(t, out, "14 minutes of heat left.")
		enter := slices.Index(rest, "Step 2 of 5. Knee to chest, left side, 1 of 3. Hold 20 seconds.")
		if enter < 0 {
			t.Fatalf("failing at heat done %d: the stretches never came:\n%s", failAt, out)
		}
		// The reminders at 10 and 20 s: the tone is played before the
		// line, so a reminder whose own tone fails says so too.
		const want = 2
		if n := strings.Count(strings.Join(rest[:enter], "\n"), failed); n != want {
			t.Errorf("failing at heat done %d: %q said %d times before enter, want %d:\n%s",
				failAt, failed, n, want, strings.Join(rest[:enter], "\n"))
		}
		if strings.Contains(strings.Join(rest[enter:], "\n"), failed) {
			t.Errorf("failing at heat done %d: the sound's failure is said after the pad is off:\n%s", failAt, out)
		}
	}
}
