package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/supine-app/supine/internal/routines/tomlpos"
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
	sound := line("sound", quote(s.Sound))
	if s.Sound == "" {
		sound = `# sound: not set, so "tones" where a player is found, the bell over SSH or without one`
	}
	reminder := line("reminder", quote(ReminderOff))
	if s.Reminder != "" {
		reminder = line("reminder", quote(s.Reminder))
	}
	out := []string{
		line("routine", quote(s.Routine)),
		heat,
		line("position", quote(s.Position)),
		line("osteoporosis", strconv.FormatBool(s.Osteoporosis)),
		line("palette", quote(s.Palette)),
		line("bell", strconv.FormatBool(s.Bell)),
		sound,
		line("volume", quote(s.Volume)),
		line("voice", quote(s.Voice)),
		line("get_ready", quote(tomlpos.FormatDuration(s.GetReady))),
		line("settle", quote(tomlpos.FormatDuration(s.Settle))),
		line("notify", quote(s.Notify)),
		line("breathing", strconv.FormatBool(s.Breathing)),
		line("plain", strconv.FormatBool(s.Plain)),
		line("checkins", strconv.FormatBool(s.CheckIns)),
		line("rollover_hour", strconv.Itoa(s.RolloverHour)),
		reminder,
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

# How cues sound: "tones" (soft tones supine makes, a different one for each
# kind of cue, played by pw-play, paplay, aplay or afplay), "bell" (the
# terminal bell), "off", or a command that plays a WAV file given as its
# last argument. Left out: tones where a player is found, the bell over SSH
# or without one. "command" with [sound_commands] below still runs a
# program of your own per cue.
# sound = "tones"

# "normal", or "soft" for quieter tones and fewer cues (a new step, heat
# done and the end of the stretches only).
# volume = "normal"

# A voice that says each cue's words ("Switch sides: right knee."): "auto"
# uses the first of spd-say, espeak-ng or say found, "off" says nothing, or a
# command that gets the line as its last argument. Off unless you turn it on:
# tones are quieter for someone asleep beside you. --voice / --no-voice
# for one run. The voice goes quiet at lights out.
# voice = "off"

# The get-ready before each timed stretch ("Get ready: left knee to chest"),
# "0s" to "30s".
# get_ready = "5s"

# The quiet time of lights out before supine ends by itself, up to "30m";
# "0s" waits for a key instead.
# settle = "2m"

# Desktop notifications (heat done, routine done): "auto" sends them only
# when the terminal is not in front, "on" always, "off" never. "off" also
# turns off the heat countdown in the terminal's own progress indicator.
# notify = "auto"

# A slow breathing cue during holds.
# breathing = false

# Plain lines instead of the full screen, every night: one line per event
# and numbered questions, for a screen reader (as --plain, or the
# ACCESSIBLE environment variable set to anything).
# plain = false

# Ask how tight your back is (0 to 10) before and after the routine; the
# history uses the answers to show whether it is easing.
# checkins = true

# The hour (0 to 23) at which one night becomes the next in your history.
# rollover_hour = 4

# A quiet desktop reminder at bedtime, 24-hour ("22:30"), or "off". Set it
# with ` + "`supine remind at 22:30`" + `, which also asks the system's scheduler to
# run it; ` + "`supine remind off`" + ` takes it away. It stays silent on a night
# when the routine is done, started, or not for tonight.
# reminder = "off"

# With sound set to "command": the program to run for each cue. A cue left out
# rings the terminal bell (in plain mode it is a line of text only). The cues:
# next_step, switch_sides, phase, heat_done, done (last_seconds is still
# read, but no cue counts the last seconds any more).
# [sound_commands]
# next_step = "paplay /usr/share/sounds/freedesktop/stereo/bell.oga"
# heat_done = "paplay /usr/share/sounds/freedesktop/stereo/complete.oga"
`
