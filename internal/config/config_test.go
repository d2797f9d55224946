package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		change   func(*Settings) // applied to Defaults() for the expected settings
		problems []string
		routines []string // the routines that exist; nil: names unchecked
	}{
		{
			name:     "an unknown routine is a problem, not a silent default",
			file:     "routine = \"quik\"\n",
			routines: []string{"tonight", "quick", "heat"},
			problems: []string{`config.toml:1:11: routine: there is no routine called "quik"; did you mean "quick"? use tonight, quick or heat`},
		},
		{
			name:     "a known routine is taken in its own spelling",
			file:     "routine = \"Quick\"\n",
			routines: []string{"tonight", "quick", "heat"},
			change:   func(s *Settings) { s.Routine = "quick" },
		},
		{name: "empty file is the defaults", file: ""},
		{
			name: "every setting",
			file: `routine = "quick"
heat_minutes = 18
position = "Back"
osteoporosis = true
palette = "night"
bell = false
sound = "command"
volume = "soft"
notify = "off"
breathing = true
checkins = false
rollover_hour = 5
voice = "Auto"
get_ready = "10s"
settle = "1m30s"
[sound_commands]
next_step = "paplay a.oga"
done = " paplay b.oga "
`,
			change: func(s *Settings) {
				*s = Settings{Routine: "quick", HeatMinutes: 18, Position: "back", Osteoporosis: true, Palette: "night",
					Sound: "command", Volume: "soft", Notify: "off", Breathing: true, RolloverHour: 5,
					SoundCommands: map[string]string{"next_step": "paplay a.oga", "done": "paplay b.oga"},
					Voice:         "auto", GetReady: 10 * time.Second, Settle: 90 * time.Second}
			},
		},
		{
			name:   "a bad value falls back for its key only",
			file:   "routine = \"quick\"\nposition = \"sides\"\nbell = \"no\"\nheat_minutes = 25\n",
			change: func(s *Settings) { s.Routine = "quick" },
			problems: []string{
				`config.toml:2:12: position: "sides" is not a sleep position; did you mean "side"? use side, back or stomach`,
				`config.toml:3:8: bell: "no" is a string, want true or false`,
				`config.toml:4:16: heat_minutes: 25 minutes is over the 20-minute limit, because longer heat risks burns; use 15 to 20`,
			},
		},
		{
			name: "wrong types",
			file: "routine = 3\npalette = true\nrollover_hour = 4.5\nheat_minutes = \"15\"\nsound_commands = \"x\"\n",
			problems: []string{
				`config.toml:1:11: routine: 3 is a number, want a name in quotes`,
				`config.toml:2:11: palette: true is true/false, want auto, night or light in quotes`,
				`config.toml:3:17: rollover_hour: 4.5 is not a whole number; want a whole number like 4`,
				`config.toml:4:16: heat_minutes: "15" is a string, want a whole number like 15`,
				`config.toml:5:18: sound_commands: "x" is a string, want a [sound_commands] table with lines like next_step = "paplay /usr/share/sounds/bell.oga"`,
			},
		},
		{
			name: "out of range",
			file: "heat_minutes = 10\nrollover_hour = 24\nroutine = \"\"\n",
			problems: []string{
				`config.toml:1:16: heat_minutes: 10 minutes is under 15; heat runs 15 to 20 minutes (leave the line out to use each routine's own)`,
				`config.toml:2:17: rollover_hour: 24 is not an hour of the day; use 0 to 23 (4 means a night ends at 04:00)`,
				"config.toml:3:11: routine: \"\" is not a routine name; use a name from `supine routines`",
			},
		},
		{
			name: "unknown settings",
			file: "pallete = \"night\"\ncolour = \"red\"\n",
			problems: []string{
				`config.toml:1:1: pallete: unknown setting; did you mean "palette"?`,
				`config.toml:2:1: colour: unknown setting; the settings are routine, heat_minutes, position, osteoporosis, palette, bell, sound, volume, voice, get_ready, settle, notify, breathing, plain, checkins, rollover_hour, reminder, sound_commands`,
			},
		},
		{
			name: "sound, voice, get-ready and settle: good values",
			file: "sound = \"Tones\"\nvoice = \"spd-say -w\"\nget_ready = \"0s\"\nsettle = \"30m\"\n",
			change: func(s *Settings) {
				s.Sound, s.Voice, s.GetReady, s.Settle = "tones", "spd-say -w", 0, 30*time.Minute
			},
		},
		{
			name:   "a sound or voice command of one word is a command",
			file:   "sound = \"ogg123\"\nvoice = \"/usr/bin/auto\"\n",
			change: func(s *Settings) { s.Sound, s.Voice = "ogg123", "/usr/bin/auto" },
		},
		{
			name: "sound, voice, get-ready and settle: bad values",
			file: "sound = \"tone\"\nvoice = true\nget_ready = \"45s\"\nsettle = 120\n",
			problems: []string{
				`config.toml:1:9: sound: "tone" is not a setting of sound; did you mean "tones"? use tones, bell, off or command, or a command`,
				`config.toml:2:9: voice: true is true/false, want auto or off or a command, in quotes`,
				`config.toml:3:13: get_ready: "45s" is longer than "30s", the most a get-ready can last; use "30s" or less`,
				`config.toml:4:10: settle: 120 is a number, want a time in quotes like "2m"`,
			},
		},
		{
			name:   "reminder: a time, written as the scheduler writes it",
			file:   "reminder = \"7:05\"\n",
			change: func(s *Settings) { s.Reminder = "07:05" },
		},
		{
			name:   "reminder: off",
			file:   "reminder = \"Off\"\n",
			change: func(s *Settings) { s.Reminder = "" },
		},
		{
			name: "reminder: bad values",
			file: "reminder = \"10pm\"\n[x]\n",
			problems: []string{
				`config.toml:1:12: reminder: "10pm" is not a time of day; write it 24-hour like "22:30", or "off"`,
				`config.toml:2:2: x: unknown setting; the settings are routine, heat_minutes, position, osteoporosis, palette, bell, sound, volume, voice, get_ready, settle, notify, breathing, plain, checkins, rollover_hour, reminder, sound_commands`,
			},
		},
		{
			name:     "reminder: not a string",
			file:     "reminder = 22.30\n",
			problems: []string{`config.toml:1:12: reminder: 22.30 is a number, want a time in quotes like "22:30", or "off"`},
		},
		{
			name: "durations: not a time, negative, a voice typo, an unclosed quote",
			file: "get_ready = \"5\"\nsettle = \"-1m\"\nvoice = \"aut\"\nsound = \"play 'x\"\n",
			problems: []string{
				`config.toml:1:13: get_ready: "5" is not a time; write it like "5s" or "1m30s"`,
				`config.toml:2:10: settle: "-1m" is negative; use "0s" to "30m"`,
				`config.toml:3:9: voice: "aut" is not a setting of voice; did you mean "auto"? use auto or off, or a command`,
				`config.toml:4:9: sound: "play 'x" cannot be read as a command: it has a ' quote that is never closed; close it or remove it`,
			},
		},
		{
			name: "sound commands: unknown cue and a missing program",
			file: "sound = \"command\"\n[sound_commands]\nnext_stp = \"x\"\ndone = \"\"\n",
			problems: []string{
				`config.toml:1:9: sound: "command" needs a command to run; add a [sound_commands] table with a line like next_step = "paplay /usr/share/sounds/bell.oga"`,
				`config.toml:3:1: sound_commands.next_stp: not a cue; did you mean "next_step"? the cues are next_step, switch_sides, phase, last_seconds, heat_done, done`,
				`config.toml:4:8: sound_commands.done: "" is not a command; write the program and its arguments on one line`,
			},
		},
		{
			// It passed `supine config` and was then treated as unset: a
			// night without the sound the person asked for.
			name: "sound commands: an unclosed quote and a lone backslash",
			file: "sound = \"command\"\n[sound_commands]\nnext_step = \"paplay '/home/me/My Sounds/bell.oga\"\ndone = 'paplay done.oga\\'\nphase = \"paplay phase.oga\"\n",
			change: func(s *Settings) {
				s.Sound, s.SoundCommands = "command", map[string]string{"phase": "paplay phase.oga"}
			},
			problems: []string{
				`config.toml:3:13: sound_commands.next_step: "paplay '/home/me/My Sounds/bell.oga" cannot be read as a command: it has a ' quote that is never closed; close it or remove it`,
				`config.toml:4:8: sound_commands.done: "paplay done.oga\\" cannot be read as a command: it ends with a lone backslash; remove it`,
			},
		},
		{
			name:     "TOML syntax error keeps every default",
			file:     "palette = \"night\"\nbell = \n",
			problems: []string{`config.toml:2:8: this is not valid TOML (unexpected character U+000A at start of value), so none of the settings were read; check the quotes and = signs on this line`},
		},
		{
			name:     "not UTF-8",
			file:     "palette = \"n\xffght\"\n",
			problems: []string{`config.toml: the settings file is not UTF-8 text; save it as UTF-8`},
		},
		{
			name:     "huge",
			file:     "# " + strings.Repeat("x", 64<<10),
			problems: []string{`config.toml: the settings file is over 64 KiB, far bigger than settings need; check that it is the right file`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, problems := Parse("/home/a/.config/supine/config.toml", []byte(tt.file), tt.routines)
			want := Defaults()
			if tt.change != nil {
				tt.change(&want)
			}
			if !reflect.DeepEqual(s, want) {
				t.Errorf("settings = %+v\nwant %+v", s, want)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.problems, "\n"))
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	s, ps := Load(filepath.Join(dir, "missing.toml"), nil)
	if !reflect.DeepEqual(s, Defaults()) || len(ps) != 0 {
		t.Errorf("missing file: %+v, %v; want the defaults and no problem", s, ps)
	}
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("palette = \"light\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, ps := Load(path, nil); s.Palette != "light" || len(ps) != 0 {
		t.Errorf("Load = %+v, %v", s, ps)
	}
	if s, ps := Load(dir, nil); !reflect.DeepEqual(s, Defaults()) || len(ps) != 1 ||
		ps[0].Error() != filepath.Base(dir)+": this is a folder, not a settings file; move it away so supine can use its defaults" {
		t.Errorf("folder: %v", ps)
	}
}

func TestStarterFileIsTheDefaults(t *testing.T) {
	s, ps := Parse("config.toml", StarterFile(), nil)
	if len(ps) != 0 || !reflect.DeepEqual(s, Defaults()) {
		t.Errorf("starter: %+v, %v", s, ps)
	}
	// Uncommenting every line must give a valid file too.
	var b strings.Builder
	for _, l := range strings.Split(string(StarterFile()), "\n") {
		if rest, ok := strings.CutPrefix(l, "# "); ok && (strings.Contains(rest, " = ") || strings.HasPrefix(rest, "[")) &&
			!strings.Contains(rest, ";") && !strings.Contains(rest, "`") {
			l = rest
		}
		b.WriteString(l + "\n")
	}
	if _, ps := Parse("config.toml", []byte(b.String()), nil); len(ps) != 0 {
		t.Errorf("starter with every line uncommented: %v\n%s", ps, b.String())
	}
}

func TestDescribeRoundTrips(t *testing.T) {
	settings := []Settings{Defaults(), {
		Routine: `my "own"`, HeatMinutes: 20, Position: "stomach", Palette: "light", Osteoporosis: true,
		Sound: "command", SoundCommands: map[string]string{"phase": `play "x"`, "done": "y"},
		Volume: "soft", Notify: "on", Breathing: true, RolloverHour: 0,
		Voice: "espeak-ng -v 'en+f3'", GetReady: 0, Settle: 30 * time.Minute,
	}, {Sound: "tones", Voice: "auto", Routine: "quick", Position: "side", Palette: "auto", Volume: "normal", Notify: "auto"},
		{Sound: "/opt/my player --soft", Voice: "off", Routine: "quick", Position: "side", Palette: "auto", Volume: "normal", Notify: "auto"}}
	for _, s := range settings {
		lines := s.Describe()
		back, ps := Parse("config.toml", []byte(strings.Join(lines, "\n")), nil)
		if len(ps) != 0 || !reflect.DeepEqual(back, s) {
			t.Errorf("Describe does not read back:\n%s\n%v\n%+v", strings.Join(lines, "\n"), ps, back)
		}
	}
	if got := Defaults().Describe()[0]; got != `routine       = "tonight"` {
		t.Errorf("first line = %q", got)
	}
}
