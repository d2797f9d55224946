// Package cues says how the moments of a routine sound, so that a person can
// follow it with the eyes closed: the kinds of cue, which of them the
// settings let through (Audible), the bell pattern of each kind, and Run,
// which starts a configured sound program. Which moment gets which cue, and
// its words, is the night engine's decision (package night), made once.
//
// cues imports no UI package. Its Kind mirrors screens.CueKind one to one;
// the root model maps between them.
package cues

import "time"

// Kind names a moment worth hearing.
type Kind int

const (
	NextStep    Kind = iota // a new step begins
	SwitchSides             // switch to the other side
	Phase                   // a paced phase changes (tilt / relax)
	LastSeconds             // no longer sounded (issue 22); kept so a [sound_commands] last_seconds line still loads
	HeatDone                // heat finished: switch the pad off (repeats until acknowledged)
	Done                    // the routine is done: settle in
)

// Kinds lists every kind in order, for tables and settings screens.
func Kinds() []Kind {
	return []Kind{NextStep, SwitchSides, Phase, LastSeconds, HeatDone, Done}
}

// kindNames are the names used as keys of Settings.Commands, so they are
// part of the config file format: do not rename them.
var kindNames = map[Kind]string{
	NextStep:    "next_step",
	SwitchSides: "switch_sides",
	Phase:       "phase",
	LastSeconds: "last_seconds",
	HeatDone:    "heat_done",
	Done:        "done",
}

// String returns the kind's name as written in config.toml ("next_step").
func (k Kind) String() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return "unknown"
}

// ParseKind reads a kind's name as written in config.toml.
func ParseKind(name string) (Kind, bool) {
	for k, n := range kindNames {
		if n == name {
			return k, true
		}
	}
	return 0, false
}

// Sound settings.
const (
	SoundBell    = "bell"    // the terminal bell (default)
	SoundOff     = "off"     // no cues at all
	SoundCommand = "command" // run a program per cue kind
)

// Volume settings.
const (
	VolumeNormal = "normal" // every cue
	VolumeSoft   = "soft"   // step changes, heat done and done only
)

// Settings is how cues sound. The zero value means bell at normal volume.
type Settings struct {
	Sound  string // SoundBell, SoundOff or SoundCommand; "" means SoundBell
	Volume string // VolumeNormal or VolumeSoft; "" means VolumeNormal
	// Commands maps a kind's name (Kind.String) to a command line, such as
	// "paplay /usr/share/sounds/freedesktop/stereo/bell.oga". Used when
	// Sound is SoundCommand.
	Commands map[string]string
}

// Audible reports whether cues of kind k sound at all with these settings.
// Soft keeps the step changes and the two cues that must never be missed:
// heat done is a burn-safety cue and done ends the routine.
func (s Settings) Audible(k Kind) bool {
	if s.Sound == SoundOff {
		return false
	}
	if s.Volume == VolumeSoft {
		return k == NextStep || k == HeatDone || k == Done
	}
	return true
}

// Pattern is when the bells of a cue ring, as offsets from the moment of
// the cue: one offset per bell. A terminal bell has no pitch, so kinds are
// told apart by ear through the number and spacing of bells: a quick double
// for switch sides, a quick triple for heat done, a slow double for done.
// Single bells (next step, phase) are told apart by when they come: a new
// step's follows its words, a phase's the rhythm of the reps.
func Pattern(k Kind) []time.Duration {
	switch k {
	case SwitchSides:
		return []time.Duration{0, 250 * time.Millisecond}
	case HeatDone:
		return []time.Duration{0, 250 * time.Millisecond, 500 * time.Millisecond}
	case Done:
		return []time.Duration{0, 900 * time.Millisecond}
	}
	return []time.Duration{0}
}

// HeatDoneRepeat is how often the heat-done cue sounds again until the
// person says the pad is off.
const HeatDoneRepeat = 10 * time.Second
