package cli

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/config"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/routines"
)

// found is a LookPath that finds only the programs named.
func found(names ...string) func(string) (string, error) {
	return func(file string) (string, error) {
		for _, n := range names {
			if n == file {
				return "/usr/bin/" + n, nil
			}
		}
		return "", errors.New("not found")
	}
}

func TestMergeOptions(t *testing.T) {
	lib := routines.Library{Routines: []routines.Routine{{Name: "tonight", Title: "Tonight"}, {Name: "quick", Title: "Quick"}}}
	file := func(change func(*config.Settings)) config.Settings {
		s := config.Defaults()
		change(&s)
		return s
	}
	badRoutine := []config.Problem{{File: "config.toml", Line: 1, Col: 11, Key: "routine", Msg: `there is no routine called "quik"`}}
	tests := []struct {
		name     string
		in       inputs
		check    func(model.Options) bool
		wantErr  string // a part of the error; "" for none
		describe string // what check looks at, for the failure message
	}{
		{name: "defaults", in: inputs{settings: config.Defaults()},
			check: func(o model.Options) bool {
				return o.Routine == "tonight" && o.Bell && o.HeatMinutes == 0 && o.Position == guide.Side &&
					o.Palette == "auto" && !o.Osteoporosis && !o.Breathing && o.CheckIns && o.RolloverHour == 4 && o.Notice == ""
			}, describe: "the defaults"},
		{name: "the file's values", in: inputs{settings: file(func(s *config.Settings) {
			s.Routine, s.HeatMinutes, s.Position, s.Bell, s.Palette, s.Osteoporosis = "quick", 18, "stomach", false, "light", true
			s.Breathing, s.CheckIns, s.RolloverHour, s.Notify, s.Sound, s.Volume = true, false, 6, "off", "off", "soft"
		})},
			check: func(o model.Options) bool {
				return o.Routine == "quick" && o.HeatMinutes == 18 && o.Position == guide.Stomach && !o.Bell && o.Palette == "light" &&
					o.Osteoporosis && o.Breathing && !o.CheckIns && o.RolloverHour == 6 && o.Notify == "off" &&
					o.Sound.Sound == "off" && o.Sound.Volume == "soft"
			}, describe: "every value from the file"},
		{name: "--no-bell wins over bell = true", in: inputs{settings: config.Defaults(), flags: flags{noBell: true}},
			check: func(o model.Options) bool { return !o.Bell }, describe: "Bell false"},
		{name: "--heat wins over the file", in: inputs{settings: file(func(s *config.Settings) { s.HeatMinutes = 15 }), flags: flags{heat: 20}},
			check: func(o model.Options) bool { return o.HeatMinutes == 20 }, describe: "HeatMinutes 20"},
		{name: "--heat over 20 is refused", in: inputs{settings: config.Defaults(), flags: flags{heat: 25}},
			wantErr: "give --heat a number in that range"},
		{name: "--heat under 15 is refused", in: inputs{settings: config.Defaults(), flags: flags{heat: 10}},
			wantErr: "outside 15 to 20"},
		{name: "--position wins over the file", in: inputs{settings: file(func(s *config.Settings) { s.Position = "side" }), flags: flags{position: "Back"}},
			check: func(o model.Options) bool { return o.Position == guide.Back }, describe: "Position back"},
		{name: "an unknown --position is refused", in: inputs{settings: config.Defaults(), flags: flags{position: "upside-down"}},
			wantErr: `no sleep position called "upside-down"`},
		{name: "--palette wins over the file", in: inputs{settings: file(func(s *config.Settings) { s.Palette = "light" }), flags: flags{palette: "night"}},
			check: func(o model.Options) bool { return o.Palette == "night" }, describe: "Palette night"},
		{name: "an unknown --palette is refused", in: inputs{settings: config.Defaults(), flags: flags{palette: "dark"}},
			wantErr: `no palette called "dark"`},
		{name: "--osteoporosis turns it on", in: inputs{settings: config.Defaults(), flags: flags{osteo: true}},
			check: func(o model.Options) bool { return o.Osteoporosis }, describe: "Osteoporosis on"},
		{name: "--breathing turns it on", in: inputs{settings: config.Defaults(), flags: flags{breathe: true}},
			check: func(o model.Options) bool { return o.Breathing }, describe: "Breathing on"},
		{name: "start NAME wins over the file, in the routine's own spelling", in: inputs{settings: config.Defaults(), lib: lib, entry: model.EntryStart, routine: "QUICK"},
			check: func(o model.Options) bool { return o.Routine == "quick" }, describe: "Routine quick"},
		{name: "start with an unknown NAME is refused", in: inputs{settings: config.Defaults(), lib: lib, entry: model.EntryStart, routine: "quik"},
			wantErr: `there is no routine called "quik"`},
		{name: "start refuses to run a default the file did not ask for",
			in:      inputs{settings: config.Defaults(), problems: badRoutine, configPath: "/home/a/.config/supine/config.toml", lib: lib, entry: model.EntryStart},
			wantErr: `/home/a/.config/supine/config.toml:1:11: routine: there is no routine called "quik", or name one: supine start NAME`},
		{name: "start NAME runs despite a bad routine in the file",
			in:    inputs{settings: config.Defaults(), problems: badRoutine, lib: lib, entry: model.EntryStart, routine: "quick"},
			check: func(o model.Options) bool { return o.Routine == "quick" }, describe: "Routine quick"},
		{name: "sound unset: tones where a player is found", in: inputs{settings: config.Defaults(), lookPath: found("pw-play")},
			check: func(o model.Options) bool { return o.Sound.Sound == "tones" }, describe: `Sound "tones"`},
		{name: "sound unset over SSH: the bell", in: inputs{settings: config.Defaults(), lookPath: found("pw-play"), env: []string{"SSH_CONNECTION=1 2 3 4"}},
			check: func(o model.Options) bool { return o.Sound.Sound == "bell" }, describe: `Sound "bell"`},
		{name: "sound unset, no player: the bell", in: inputs{settings: config.Defaults()},
			check: func(o model.Options) bool { return o.Sound.Sound == "bell" }, describe: `Sound "bell"`},
		{name: "the file's sound, voice, volume, get-ready and settle", in: inputs{settings: file(func(s *config.Settings) {
			s.Sound, s.Voice, s.Volume, s.GetReady, s.Settle = "aplay -q", "auto", "soft", 0, 30*time.Minute
		}), lookPath: found("pw-play")},
			check: func(o model.Options) bool {
				return o.Sound.Sound == "aplay -q" && o.Speech == "auto" && o.Sound.Volume == "soft" && o.GetReady == 0 && o.Settle == 30*time.Minute
			}, describe: "the file's values"},
		{name: "defaults: no voice, 5 s get-ready, 2 m settle", in: inputs{settings: config.Defaults()},
			check: func(o model.Options) bool {
				return o.Speech == "off" && o.GetReady == 5*time.Second && o.Settle == 2*time.Minute
			},
			describe: "the defaults"},
		{name: "--voice turns the voice on", in: inputs{settings: config.Defaults(), flags: flags{voice: true}},
			check: func(o model.Options) bool { return o.Speech == "auto" }, describe: `Speech "auto"`},
		{name: "--voice keeps the file's voice command", in: inputs{settings: file(func(s *config.Settings) { s.Voice = "espeak-ng -v en" }), flags: flags{voice: true}},
			check: func(o model.Options) bool { return o.Speech == "espeak-ng -v en" }, describe: "the command"},
		{name: "--no-voice wins over voice = auto", in: inputs{settings: file(func(s *config.Settings) { s.Voice = "auto" }), flags: flags{noVoice: true}},
			check: func(o model.Options) bool { return o.Speech == "off" }, describe: `Speech "off"`},
		{name: "--voice and --no-voice together are refused", in: inputs{settings: config.Defaults(), flags: flags{voice: true, noVoice: true}},
			wantErr: "--voice and --no-voice contradict each other"},
		{name: "home tells of the file's problems",
			in:    inputs{settings: config.Defaults(), problems: badRoutine, lib: lib, entry: model.EntryHome},
			check: func(o model.Options) bool { return strings.Contains(o.Notice, "settings file has 1 problem") }, describe: "a notice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, err := mergeOptions(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if !tt.check(opts) {
				t.Errorf("want %s; got %+v", tt.describe, opts)
			}
		})
	}
}

// Plain mode is asked for by the flag, the settings file or ACCESSIBLE
// (any value, as gh and huh read it).
func TestPlainWanted(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "ACCESSIBLE" {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		flag, setting bool
		accessible    string
		want          bool
	}{
		{false, false, "", false},
		{true, false, "", true},
		{false, true, "", true},
		{false, false, "1", true},
		{false, false, "yes", true},
	} {
		if got := plainWanted(tc.flag, tc.setting, env(tc.accessible)); got != tc.want {
			t.Errorf("--plain %v, plain = %v, ACCESSIBLE=%q: plain %v, want %v", tc.flag, tc.setting, tc.accessible, got, tc.want)
		}
	}
}
