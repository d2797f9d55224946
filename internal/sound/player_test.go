package sound

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// failures collects OnFail reports.
type failures struct {
	mu   sync.Mutex
	errs []error
}

func (f *failures) add(err error) { f.mu.Lock(); f.errs = append(f.errs, err); f.mu.Unlock() }
func (f *failures) get() []error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]error{}, f.errs...)
}
func (f *failures) wait(t *testing.T) error {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if e := f.get(); len(e) > 0 {
			return e[0]
		}
	}
	t.Fatal("no failure was reported")
	return nil
}

func newTestPlayer(t *testing.T, sound string, timeout time.Duration) (*Player, *failures) {
	t.Helper()
	var f failures
	p, err := NewPlayer(PlayerConfig{Sound: sound, ToneDir: t.TempDir(), Timeout: timeout, OnFail: f.add})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p, &f
}

func TestPlayIsAsyncAndOneAtATime(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "pw-play", 1, 0)
	bin.add(t, "paplay", 0, 0) // found later in the list: must not be used
	p, f := newTestPlayer(t, Tones, 0)
	if p.Name() != "pw-play" {
		t.Fatalf("player %q, want pw-play, the first of the list", p.Name())
	}
	p.Play(cues.NextStep, "")
	// Had Play waited for the player, the tone would have ended by now.
	bin.notYet(t, "end next_step-normal-v2.wav")
	bin.waitLog(t, "start next_step-normal-v2.wav")
	p.Play(cues.Phase, "tilt")   // waits, then is overtaken by the switch
	p.Play(cues.HeatDone, "")    // kept whatever comes after
	p.Play(cues.SwitchSides, "") // the newest: kept
	bin.notYet(t, "end next_step-normal-v2.wav")
	bin.waitLog(t,
		"start next_step-normal-v2.wav", "end next_step-normal-v2.wav",
		"start heat_done-normal-v2.wav", "end heat_done-normal-v2.wav",
		"start switch_sides-normal-v2.wav", "end switch_sides-normal-v2.wav")
	noOverlap(t, bin.lines())
	if e := f.get(); len(e) > 0 {
		t.Errorf("a working player reported %v", e)
	}
}

func TestPlayerTimesOut(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "aplay", 30, 0)
	p, f := newTestPlayer(t, Tones, 300*time.Millisecond)
	p.Play(cues.Done, "")
	err := f.wait(t)
	if !contains(err.Error(), "aplay did not finish within 300ms") {
		t.Errorf("time-out reported as %q", err)
	}
	bin.waitLog(t, "start done-normal-v2.wav", "cut done-normal-v2.wav")
	if args := bin.args(); args[0] != "aplay -q "+p.files["done"] {
		t.Errorf("aplay ran as %q", args[0])
	}
}

func TestFailingPlayerIsReportedOnceThenBell(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "paplay", 0, 1)
	p, f := newTestPlayer(t, Tones, 0)
	p.Play(cues.NextStep, "")
	err := f.wait(t)
	if !contains(err.Error(), "paplay failed") || !contains(err.Error(), "no sound device") || !contains(err.Error(), "bell") {
		t.Errorf("failure reported as %q; want the player, its message and the bell", err)
	}
	if p.Play(cues.NextStep, "") {
		t.Errorf("Play accepted a tone after the player failed; the front end would not ring the bell")
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(f.get()); n != 1 {
		t.Errorf("%d failure notices, want 1", n)
	}
}

func TestSoundCommandGetsThePathLast(t *testing.T) {
	bin := newFakeBin(t)
	bin.add(t, "mytone", 0, 0)
	p, _ := newTestPlayer(t, "mytone --gain '0.5 dB'", 0)
	p.Play(cues.SwitchSides, "")
	bin.waitLog(t, "start switch_sides-normal-v2.wav", "end switch_sides-normal-v2.wav")
	if got, want := bin.args()[0], "mytone --gain 0.5 dB "+p.files["switch_sides"]; got != want {
		t.Errorf("ran %q, want %q", got, want)
	}
}

func TestNewPlayerSaysWhatToDo(t *testing.T) {
	newFakeBin(t) // an empty PATH
	for sound, want := range map[string]string{
		Tones:      "no program to play tones",
		"nosuch x": `"nosuch" was not found`,
		Bell:       "plays no tones",
		"'open":    "never closed",
	} {
		if _, err := NewPlayer(PlayerConfig{Sound: sound, ToneDir: t.TempDir()}); err == nil || !contains(err.Error(), want) {
			t.Errorf("sound %q: error %v, want one saying %q", sound, err, want)
		}
	}
}

func TestDefaultSound(t *testing.T) {
	for _, c := range []struct {
		env    []string
		found  []string
		want   string
		reason string
	}{
		{nil, []string{"paplay"}, Tones, "a player exists"},
		{nil, nil, Bell, "no player"},
		{[]string{"SSH_CONNECTION=1.2.3.4 5 6.7.8.9 22"}, []string{"pw-play"}, Bell, "over SSH the tone plays on the far machine"},
		{[]string{"SSH_TTY=/dev/pts/1"}, []string{"pw-play"}, Bell, "over SSH"},
		{[]string{"SSH_TTY="}, []string{"aplay"}, Tones, "an empty SSH_TTY is not SSH"},
	} {
		if got := DefaultSound(c.env, lookIn(c.found...)); got != c.want {
			t.Errorf("%s: DefaultSound = %q, want %q", c.reason, got, c.want)
		}
	}
}

func TestFindPlayerOrderAndPowerShell(t *testing.T) {
	if got := FindPlayer("linux", lookIn("aplay", "paplay")); got != "paplay" {
		t.Errorf("got %q, want paplay before aplay", got)
	}
	if got := FindPlayer("darwin", lookIn("afplay")); got != "afplay" {
		t.Errorf("got %q, want afplay", got)
	}
	if got := FindPlayer("windows", lookIn("powershell", "aplay")); got != "powershell" {
		t.Errorf("got %q, want powershell on Windows", got)
	}
	argv := playerArgv("powershell", `C:\Users\o'brien\tone.wav`)
	if last := argv[len(argv)-1]; last != `(New-Object Media.SoundPlayer 'C:\Users\o''brien\tone.wav').PlaySync()` {
		t.Errorf("PowerShell script %q", last)
	}
}
