package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Describe lists the settings in force, one "key = value" line each, in the
// settings file's own syntax: printed together they are a valid settings
// file. An unset heat_minutes shows as a comment.
func (s Settings) Describe() []string {
	width := len("rollover_hour")
	line := func(key, value string) string {
		return fmt.Sprintf("%-*s = %s", width, key, value)
	}
	heat := "# heat_minutes: not set, so each routine uses its own"
	if s.HeatMinutes != 0 {
		heat = line("heat_minutes", strconv.Itoa(s.HeatMinutes))
	}
	out := []string{
		line("routine", quote(s.Routine)),
		heat,
		line("position", quote(s.Position)),
		line("osteoporosis", strconv.FormatBool(s.Osteoporosis)),
		line("palette", quote(s.Palette)),
		line("bell", strconv.FormatBool(s.Bell)),
		line("sound", quote(s.Sound)),
		line("volume", quote(s.Volume)),
		line("notify", quote(s.Notify)),
		line("breathing", strconv.FormatBool(s.Breathing)),
		line("checkins", strconv.FormatBool(s.CheckIns)),
		line("rollover_hour", strconv.Itoa(s.RolloverHour)),
	}
	for _, cue := range CueNames {
		if cmd, ok := s.SoundCommands[cue]; ok {
			out = append(out, fmt.Sprintf("sound_commands.%s = %s", cue, quote(cmd)))
		}
	}
	return out
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// StarterFile is a commented settings file with every setting at its
// default, commented out, for a person to edit.
func StarterFile() []byte {
	return []byte(starter)
}

const starter = `# supine settings. Remove the "# " in front of a line to change it; a line
# left commented keeps its default. ` + "`supine config`" + ` shows the values in force.
# Flags given on the command line win over this file for that run.

# The routine "supine start" runs; ` + "`supine routines`" + ` lists them.
# routine = "tonight"

# Heat minutes, 15 to 20 (never more: longer heat risks burns). Left out,
# each routine uses its own.
# heat_minutes = 15

# Your sleep position, for the settle-in step: "side", "back" or "stomach".
# position = "side"

# true leaves out the steps to avoid with osteoporosis (knee to chest).
# osteoporosis = false

# Colours: "auto" (follow the terminal), "night" or "light".
# palette = "auto"

# Sound cues at all; --no-bell turns them off for one run.
# bell = true

# How cues sound: "bell" (the terminal bell), "off", or "command" to run
# a program per cue, set in [sound_commands] below.
# sound = "bell"

# "normal", or "soft" for fewer cues (step changes only).
# volume = "normal"

# Desktop notifications (heat done, routine done): "auto" sends them only
# when the terminal is not in front, "on" always, "off" never. "off" also
# turns off the heat countdown in the terminal's own progress indicator.
# notify = "auto"

# A slow breathing cue during holds.
# breathing = false

# Ask how tight your back is (0 to 10) before and after the routine; the
# history uses the answers to show whether it is easing.
# checkins = true

# The hour (0 to 23) at which one night becomes the next in your history.
# rollover_hour = 4

# With sound set to "command": the program to run for each cue. Any cue left out
# stays silent. The cues: next_step, switch_sides, phase, last_seconds,
# heat_done, done.
# [sound_commands]
# next_step = "paplay /usr/share/sounds/freedesktop/stereo/bell.oga"
# heat_done = "paplay /usr/share/sounds/freedesktop/stereo/complete.oga"
`
