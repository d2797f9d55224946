package model

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
)

// fakeSound records, in order, what the player played and the voice said;
// fail makes the player refuse (as a failed player does).
type fakeSound struct {
	mu    sync.Mutex
	log   []string
	fail  bool
	quiet bool
	holds int
	held  bool
}

func (f *fakeSound) Play(k cues.Kind, phase string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return false
	}
	f.log = append(f.log, fmt.Sprintf("tone %s %s", k, phase))
	return true
}

func (f *fakeSound) Say(k cues.Kind, line string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.quiet {
		return false
	}
	f.log = append(f.log, fmt.Sprintf("say %s %q", k, line))
	return true
}

func (f *fakeSound) Quiet() { f.mu.Lock(); f.quiet = true; f.mu.Unlock() }

func (f *fakeSound) Hold(string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.holds++
	f.held = true
	return nil
}

func (f *fakeSound) Release() { f.mu.Lock(); f.held = false; f.mu.Unlock() }

func (f *fakeSound) lines() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.log...)
}

// shortOptions runs a routine of one per-side hold (3 s) and one paced
// step (tilt, relax) with a 2 s get-ready, tones and a voice.
func shortOptions(t *testing.T, f *fakeSound) Options {
	t.Helper()
	r, problems := routines.Parse("short.toml", []byte(`title = "Short"
[[steps]]
kind = "hold"
title = "Knee hug"
hold = "3s"
reps = 1
per_side = true
switch = "1s"
[[steps]]
kind = "paced"
title = "Tilts"
reps = 1
phases = [{ name = "tilt", time = "1s" }, { name = "relax", time = "1s" }]
[[steps]]
kind = "settle"
title = "Settle in"
`))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	opts := testOptions(&fakeStore{})
	opts.Library = routines.Library{Routines: []routines.Routine{r}}
	opts.Routine = "short"
	opts.GetReady, opts.Settle = 2*time.Second, time.Minute
	opts.Sound = cues.Settings{Sound: "tones"}
	opts.Tones, opts.Voice, opts.Guard = f, f, f
	return opts
}

// TestCuesPlayTonesAndSayTheirWords: every cue of a short routine is its
// tone (with the paced phase) and the engine's words, in order, through to
// lights out, after which the voice goes quiet.
func TestCuesPlayTonesAndSayTheirWords(t *testing.T) {
	f := &fakeSound{}
	d := newDriver(t, shortOptions(t, f), 80, 24)
	d.press("s", "n", "4")
	d.expect(ScreenPlayer)
	for i := 0; i < 30 && d.m.screen == ScreenPlayer; i++ {
		d.advance(time.Second)
	}
	got := f.lines()
	var tones, said []string
	for _, l := range got {
		if strings.HasPrefix(l, "tone ") {
			tones = append(tones, l)
		} else {
			said = append(said, l)
		}
	}
	t.Logf("in order:\n%s", strings.Join(got, "\n"))
	if len(tones) == 0 || len(said) == 0 {
		t.Fatalf("played %d tones and said %d lines, want both", len(tones), len(said))
	}
	// Each cue is its tone, then its words.
	for i := 0; i+1 < len(got); i += 2 {
		tone, line := got[i], got[i+1]
		if !strings.HasPrefix(tone, "tone ") || !strings.HasPrefix(line, "say ") ||
			strings.Fields(tone)[1] != strings.Fields(line)[1] {
			t.Fatalf("cue %d is %q then %q, want a tone and the words of the same kind", i/2, tone, line)
		}
	}
	for _, want := range []string{"tone phase tilt", `say next_step "Get ready: `, `say switch_sides "`} {
		if !containsPrefix(got, want) {
			t.Errorf("nothing starts with %q", want)
		}
	}
	d.expect(ScreenCheckin)
	d.press("2") // lights out: its line is said, then the voice is quiet
	d.expect(ScreenPlayer)
	if !containsPrefix(f.lines(), fmt.Sprintf("say done %q", night.LightsOutWords)) {
		t.Fatalf("the lights-out line was not said: %v", f.lines())
	}
	if d.timers == 0 {
		t.Error("no timer to quieten the voice after the lights-out line")
	}
}

func containsPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// TestAFailedPlayerFallsBackToTheBell: once the player refuses, the cue
// rings the bell instead, and the player's failure is a one-line warning.
func TestAFailedPlayerFallsBackToTheBell(t *testing.T) {
	f := &fakeSound{}
	d := newDriver(t, shortOptions(t, f), 80, 24)
	d.press("s", "n", "4")
	d.expect(ScreenPlayer)
	bells := func() int { return strings.Count(strings.Join(d.raw, ""), bell) }
	before := bells()
	d.advance(2 * time.Second) // the get-ready ends: a cue
	if bells() != before {
		t.Fatalf("a bell rang while the player works")
	}
	f.mu.Lock()
	f.fail = true
	f.mu.Unlock()
	d.send(SoundFailMsg{Err: errors.New("the tone player pw-play failed (exit status 1); check the sound system or use the bell instead")})
	if !strings.Contains(d.text(), "pw-play failed") {
		t.Fatalf("no warning on screen:\n%s", d.text())
	}
	for i := 0; i < 5 && bells() == before; i++ {
		d.advance(time.Second)
	}
	if bells() == before {
		t.Fatal("the player failed and no bell rang instead")
	}
}

// TestTheSleepGuardHoldsWhileThePadIsOn: the guard is held when the pad
// goes on and released at the pad-off answer.
func TestTheSleepGuardHoldsWhileThePadIsOn(t *testing.T) {
	f := &fakeSound{}
	opts := testOptions(&fakeStore{})
	opts.Guard = f
	d := atPlayer(t, opts)
	if f.held {
		t.Fatal("held before the pad went on")
	}
	d.press("enter")
	if !f.held || f.holds != 1 {
		t.Fatalf("pad on: held %v (%d holds), want held once", f.held, f.holds)
	}
	d.press("n") // heat ended early: the pad is still on
	if !f.held {
		t.Fatal("released before the pad-off answer")
	}
	d.press("enter") // the pad is off
	if f.held {
		t.Fatal("still held after the pad-off answer")
	}
}

// TestTheSleepGuardIsLetGoWhenThePadOffAnswerEndsTheRun: when the pad-off
// answer ends the routine (heat alone, no check-ins) the screen leaves the
// player at once; the guard follows the evening, not the player, and is
// let go all the same.
func TestTheSleepGuardIsLetGoWhenThePadOffAnswerEndsTheRun(t *testing.T) {
	f := &fakeSound{}
	opts := testOptions(&fakeStore{})
	opts.Guard, opts.Routine, opts.CheckIns = f, "heat", false
	d := newDriver(t, opts, 80, 24)
	d.press("s", "n")
	d.expect(ScreenPlayer)
	d.press("enter")
	if !f.held {
		t.Fatal("the pad went on and the guard was not held")
	}
	d.press("n", "enter") // ended early; the pad is off
	if f.held {
		t.Fatalf("still held after the pad-off answer ended the run (screen %s)", screenName(d.m.screen))
	}
}
