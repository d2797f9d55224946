// Package config reads supine's settings file, config.toml in supine's
// config folder. The caller passes the path; this package knows nothing of
// XDG folders or flags.
//
// A missing file means the defaults. A bad value is reported with its line
// and column and only that key falls back to its default, so one typo never
// costs the person their other settings.
package config

import (
	"time"

	"github.com/supine-app/supine/internal/routines"
)

// Settings are the values in force.
type Settings struct {
	Routine string // the routine "start" runs: "tonight"
	// HeatMinutes is tonight's heat, 15 to 20; 0 means each routine's own.
	HeatMinutes  int
	Position     string // sleep position: "side", "back" or "stomach"
	Bell         bool   // sound cues at all
	Palette      string // "auto", "night" or "light"
	Osteoporosis bool   // leave out steps marked skip_with_osteoporosis
	// Sound is how cues sound: "tones", "bell", "off", "command" (a
	// program per cue, SoundCommands) or any other text, a command line
	// that gets a tone's WAV file as its last argument. "" means not set:
	// the caller picks (tones where a player exists, the bell over SSH).
	Sound string
	// SoundCommands maps a cue name (see CueNames) to the command run for
	// it when Sound is "command", e.g. "paplay /usr/share/sounds/bell.oga".
	SoundCommands map[string]string
	Volume        string // "normal", or "soft": step changes only
	Notify        string // desktop notifications: "auto", "on" or "off"
	Breathing     bool   // the breathing pacer on holds
	// Plain is plain mode every night: one line per event for a screen
	// reader, as --plain or the ACCESSIBLE environment variable give.
	Plain        bool
	CheckIns     bool // ask how tight the back is before and after
	RolloverHour int  // the hour (0-23) at which one night becomes the next
	// Voice speaks the cues' words: "auto" (the first speech program
	// found), "off", or a command line that gets the line as its last
	// argument.
	Voice string
	// GetReady is the get-ready before each timed stretch step, 0..30 s;
	// Settle the quiet time of lights out, 0..30 min (0: it waits for a key).
	GetReady, Settle time.Duration
	// Reminder is the time of the bedtime reminder, "22:30" (24-hour), or
	// "" for none ("off" in the file). `supine remind` writes it.
	Reminder string
}

// CueNames are the cue kinds a [sound_commands] table may name, in the
// order of screens.CueKind: next step, switch sides, a paced phase, the
// last seconds of a hold, heat done, routine done.
var CueNames = []string{"next_step", "switch_sides", "phase", "last_seconds", "heat_done", "done"}

// Allowed values of the settings that are one of a few words.
var (
	Positions = []string{"side", "back", "stomach"}
	Palettes  = []string{"auto", "night", "light"}
	Sounds    = []string{"tones", "bell", "off", "command"} // or a command line
	Voices    = []string{"auto", "off"}                     // or a command line
	Volumes   = []string{"normal", "soft"}
	Notifies  = []string{"auto", "on", "off"}
)

// Defaults are the settings with no file.
func Defaults() Settings {
	return Settings{
		Routine:      "tonight",
		HeatMinutes:  0,
		Position:     "side",
		Bell:         true,
		Palette:      "auto",
		Osteoporosis: false,
		Sound:        "", // the caller's default: sound.DefaultSound
		Volume:       "normal",
		Notify:       "auto",
		Breathing:    false,
		CheckIns:     true,
		RolloverHour: 4,
		Voice:        "off",
		GetReady:     routines.DefaultGetReady,
		Settle:       routines.DefaultSettle,
	}
}

// Problem is one bad line of the settings file; it prints as
// "config.toml:3:12: position: ...", like a routine file's problems.
type Problem = routines.Problem
