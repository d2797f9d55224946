package sound

import (
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

// LookPath finds a program; exec.LookPath in the app, a fake in tests.
type LookPath func(file string) (string, error)

// players are tried in this order: PipeWire, PulseAudio, ALSA, macOS. A
// sound server first, because it mixes with whatever else is playing and
// honours the desktop's volume.
var players = []string{"pw-play", "paplay", "aplay", "afplay"}

// FindPlayer returns the name of the first tone player found on goos, or
// "" when there is none. On Windows it is PowerShell.
func FindPlayer(goos string, lookPath LookPath) string {
	if goos == "windows" {
		if _, err := lookPath("powershell"); err == nil {
			return "powershell"
		}
		return ""
	}
	for _, p := range players {
		if _, err := lookPath(p); err == nil {
			return p
		}
	}
	return ""
}

// playerArgv is how player name plays the WAV file at path.
func playerArgv(name, path string) []string {
	switch name {
	case "aplay":
		return []string{"aplay", "-q", path}
	case "powershell":
		// The path goes inside a PowerShell string: double any single quote.
		script := fmt.Sprintf("(New-Object Media.SoundPlayer '%s').PlaySync()", strings.ReplaceAll(path, "'", "''"))
		return []string{"powershell", "-NoProfile", "-NonInteractive", "-c", script}
	}
	return []string{name, path}
}

// DefaultSound is the sound setting to use when the config file sets
// none: Tones where a player exists, Bell otherwise and always over SSH,
// where a tone would play on the far machine, not where the person lies.
// env is in os.Environ form.
func DefaultSound(env []string, lookPath LookPath) string {
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if (k == "SSH_CONNECTION" || k == "SSH_TTY") && v != "" {
			return Bell
		}
	}
	if FindPlayer(runtime.GOOS, lookPath) != "" {
		return Tones
	}
	return Bell
}

// ToneTimeout is how long one tone may take to play by default. The
// longest pattern lasts under 1.5 s; a player still running after this
// is stuck (a sound server that does not answer).
const ToneTimeout = 5 * time.Second

// PlayerConfig says how tones are played.
type PlayerConfig struct {
	// Sound is Tones or a command line that gets the WAV path as its last
	// argument. Bell and Off have no player: the front end handles them.
	Sound string
	// ToneDir is where the WAV files are written once and reused;
	// DefaultToneDir() in the app.
	ToneDir string
	// Soft plays every tone at PeakSoft instead of PeakNormal.
	Soft bool
	// Timeout per tone; 0 means ToneTimeout.
	Timeout time.Duration
	// OnFail is called once, from the player's goroutine (so it must not
	// block for long), when the player exits with an error or times out. After that Play returns false:
	// ring the bell instead, and show err (one sentence) as a notice.
	OnFail func(err error)
}

// Player plays one tone at a time in the background. A tone asked for
// while another plays waits for it (tones are short, and cutting one
// clicks); of the tones waiting, only the newest and every heat-done tone
// are kept, so a burst of cues never builds a backlog.
type Player struct {
	q     *queue
	argv  func(path string) []string
	files map[string]string // pattern name -> WAV path
	name  string
}

// PlaysTones reports whether the sound setting plays through a player:
// "tones" or a command line of the person's own. The bell, off, unset and
// "command" (a program per cue, run by the front end) play no tones.
func PlaysTones(setting string) bool {
	switch setting {
	case Bell, Off, "", cues.SoundCommand:
		return false
	}
	return true
}

// NewPlayer writes the tones into cfg.ToneDir (once; later runs reuse
// them) and finds the player. The error is a sentence to show, after
// which the front end uses the bell.
func NewPlayer(cfg PlayerConfig) (*Player, error) {
	if !PlaysTones(cfg.Sound) {
		return nil, fmt.Errorf("sound = %q plays no tones; this is a bug in the caller, which should ring the bell or stay silent", cfg.Sound)
	}
	p := &Player{files: map[string]string{}}
	switch cfg.Sound {
	case Tones:
		p.name = FindPlayer(runtime.GOOS, exec.LookPath)
		if p.name == "" {
			return nil, fmt.Errorf("no program to play tones was found (pw-play, paplay, aplay or afplay); install one or set sound = %q", Bell)
		}
		p.argv = func(path string) []string { return playerArgv(p.name, path) }
	default:
		words, err := cues.SplitCommand(cfg.Sound)
		if err != nil {
			return nil, fmt.Errorf("sound = %q cannot be read as a command: %v, or set sound = %q", cfg.Sound, err, Tones)
		}
		if len(words) == 0 {
			return nil, fmt.Errorf("sound = %q is empty; set it to %q, %q, %q or a command", cfg.Sound, Tones, Bell, Off)
		}
		if _, err := exec.LookPath(words[0]); err != nil {
			return nil, fmt.Errorf("the sound command %q was not found; install it or set sound = %q", words[0], Tones)
		}
		p.name = words[0]
		p.argv = func(path string) []string { return append(append([]string{}, words...), path) }
	}
	for _, pat := range AllPatterns() {
		path, err := ToneFile(cfg.ToneDir, pat, cfg.Soft)
		if err != nil {
			return nil, err
		}
		p.files[pat.Name] = path
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = ToneTimeout
	}
	p.q = newQueue("tone player", false, timeout, nil, cfg.OnFail)
	return p, nil
}

// Name is the program that plays the tones ("pw-play"), for a notice.
func (p *Player) Name() string { return p.name }

// Play queues the tone of cue k (phase: see PatternFor) and returns at
// once. It returns false when the player has failed or is closed: ring
// the bell instead.
func (p *Player) Play(k cues.Kind, phase string) bool {
	path := p.files[PatternFor(k, phase).Name]
	return p.q.submit(job{argv: p.argv(path), keep: k == cues.HeatDone})
}

// Close stops the tone playing, if any, and waits for the player to end.
// Call it when the app exits.
func (p *Player) Close() { p.q.close(true) }
