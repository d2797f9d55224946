package sound

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

// speaker is a speech program and the soft settings it is run with.
type speaker struct {
	name string
	args []string // before the line
	stop []string // silences speech that outlives the program, if any
}

// speakers are tried in this order. Settings are slower and quieter than
// the defaults: the listener is lying down, half asleep, next to someone
// asleep.
//
// spd-say runs with -w so that it returns only when the line has been
// spoken; without it, it returns at once and lines would overlap. Speech
// Dispatcher keeps speaking after its client is killed, so a cut line is
// also cancelled with spd-say -C.
//
// say is looked for on macOS only: elsewhere a program of that name is not
// Apple's and may not take -r.
var speakers = []speaker{
	{name: "spd-say", args: []string{"-w", "-r", "-30", "-i", "-40"}, stop: []string{"spd-say", "-C"}},
	{name: "espeak-ng", args: []string{"-s", "140", "-a", "60", "-g", "4"}},
	{name: "say", args: []string{"-r", "150"}},
}

// SpeakerArgs is how the voice runs the speech program name, before the
// line; nil when supine does not use that program. The test of every
// built-in line's spoken length measures with the same settings.
func SpeakerArgs(name string) []string {
	for _, s := range speakers {
		if s.name == name {
			return append([]string(nil), s.args...)
		}
	}
	return nil
}

// handing is how a speech program is given the line to speak, so that the
// line can never be taken for one of its options. A routine's phase name
// reaches the voice: "-f/home/me/.ssh/id_ed25519" made espeak-ng read that
// file aloud, and -w, --phonout= and say's -o write files.
type handing int

const (
	// asLastArgument is for a program supine does not know: the line goes
	// last, without its leading dashes and blanks, which is all that can be
	// done without knowing how it reads its arguments.
	asLastArgument handing = iota
	// afterDashes is for getopt_long programs (espeak-ng, espeak): "--"
	// ends the options, and the line follows it.
	afterDashes
	// afterDashesAsFormat is spd-say: getopt_long too, but it hands its
	// text to spd_sayf as a printf format, so a % is doubled. (Its pipe
	// mode, -e, reads stdin but runs any line that starts with "!-!" as a
	// Speech Dispatcher command, so stdin is no way round for it.)
	afterDashesAsFormat
	// onStdin is macOS say: "-f -" reads the text from standard input, a
	// way documented in its manual page that no text can turn into an
	// option. Its embedded commands ([[volm 1]], [[rate 500]]) are broken
	// up, so that a routine cannot make it loud or fast.
	onStdin
)

// handingFor is how the program named name takes its line: by its base
// name, so that a configured "/usr/bin/espeak-ng -v en" is handled as the
// espeak-ng supine looks for. say is Apple's only on macOS.
func handingFor(name, goos string) handing {
	switch filepath.Base(name) {
	case "espeak-ng", "espeak":
		return afterDashes
	case "spd-say":
		return afterDashesAsFormat
	case "say":
		if goos == "darwin" {
			return onStdin
		}
	}
	return asLastArgument
}

// command is the command line, and the standard input, that speaks line
// through argv (the program and its settings).
func command(argv []string, h handing, line string) (args []string, stdin string) {
	line = strings.TrimLeft(line, "- \t")
	args = append([]string{}, argv...)
	switch h {
	case afterDashes:
		return append(args, "--", line), ""
	case afterDashesAsFormat:
		return append(args, "--", strings.ReplaceAll(line, "%", "%%")), ""
	case onStdin:
		return append(args, "-f", "-"), strings.ReplaceAll(line, "[[", "[ [")
	}
	return append(args, line), ""
}

// FindVoice returns the name of the speech program voice = "auto" uses on
// goos, or "" when there is none.
func FindVoice(goos string, lookPath LookPath) string {
	if s, ok := findSpeaker(goos, lookPath); ok {
		return s.name
	}
	return ""
}

func findSpeaker(goos string, lookPath LookPath) (speaker, bool) {
	for _, s := range speakers {
		if s.name == "say" && goos != "darwin" {
			continue
		}
		if _, err := lookPath(s.name); err == nil {
			return s, true
		}
	}
	return speaker{}, false
}

// VoiceTimeout is how long one line may take to speak by default: the
// longest cue line at a slow rate takes under 10 s.
const VoiceTimeout = 20 * time.Second

// VoiceConfig says how lines are spoken.
type VoiceConfig struct {
	// Voice is Auto, VoiceOff or a command line that gets the line to
	// speak as its last argument (after "--" for espeak-ng, espeak and
	// spd-say, on standard input for macOS say; see handing).
	Voice string
	// Timeout per line; 0 means VoiceTimeout.
	Timeout time.Duration
	// OnFail is called once, from the voice's goroutine (so it must not
	// block for long), when the speech program exits with an error or times out; after that Say returns
	// false. Show err (one sentence) as a notice.
	OnFail func(err error)
}

// Voice speaks one line at a time in the background.
//
// A newer line replaces the one being spoken, and any waiting: in a
// countdown or a run of tilt / relax the old line is already wrong, and
// letting lines queue up would put the voice seconds behind the screen.
// The heat-done line is the exception: it is never cut nor dropped, and a
// line that comes while it is spoken waits for it.
type Voice struct {
	q       *queue // nil when the voice is off
	argv    []string
	name    string
	handing handing
}

// NewVoice finds the speech program. With VoiceOff it returns a Voice
// that says nothing. With Auto and no program found, the error says what
// to install; the front end carries on without a voice.
func NewVoice(cfg VoiceConfig) (*Voice, error) {
	v := &Voice{}
	var stop []string
	switch cfg.Voice {
	case VoiceOff, "":
		return v, nil
	case Auto:
		s, ok := findSpeaker(runtime.GOOS, exec.LookPath)
		if !ok {
			return nil, fmt.Errorf("no speech program was found (spd-say, espeak-ng or say); install espeak-ng or set voice = %q", VoiceOff)
		}
		v.name, stop = s.name, s.stop
		v.argv = append([]string{s.name}, s.args...)
	default:
		words, err := cues.SplitCommand(cfg.Voice)
		if err != nil {
			return nil, fmt.Errorf("voice = %q cannot be read as a command: %v, or set voice = %q", cfg.Voice, err, Auto)
		}
		if len(words) == 0 {
			return nil, fmt.Errorf("voice = %q is empty; set it to %q, %q or a command", cfg.Voice, Auto, VoiceOff)
		}
		if _, err := exec.LookPath(words[0]); err != nil {
			return nil, fmt.Errorf("the voice command %q was not found; install it or set voice = %q", words[0], Auto)
		}
		v.name, v.argv = words[0], words
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = VoiceTimeout
	}
	v.handing = handingFor(v.name, runtime.GOOS)
	v.q = newQueue("voice", true, timeout, stop, cfg.OnFail)
	return v, nil
}

// Name is the speech program ("espeak-ng"), or "" when the voice is off.
func (v *Voice) Name() string { return v.name }

// Say speaks line for a cue of kind k and returns at once; k decides
// whether the line may be cut (only cues.HeatDone may not). It returns
// false when the voice is off, has failed or is quiet.
func (v *Voice) Say(k cues.Kind, line string) bool {
	if v.q == nil || line == "" {
		return false
	}
	argv, stdin := command(v.argv, v.handing, line)
	return v.q.submit(job{argv: argv, stdin: stdin, keep: k == cues.HeatDone})
}

// Quiet stops the line being spoken and says nothing more, for good: after
// lights out the room is dark and someone is asleep. It returns at once.
func (v *Voice) Quiet() {
	if v.q != nil {
		v.q.close(false)
	}
}

// Close is Quiet, and waits until the speech program has ended. Call it
// when the app exits.
func (v *Voice) Close() {
	if v.q != nil {
		v.q.close(true)
	}
}
