package config

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// FuzzParse feeds the settings parser arbitrary bytes: it must never panic,
// every value must stay within its allowed set, and Describe must read back.
func FuzzParse(f *testing.F) {
	f.Add(StarterFile())
	f.Add([]byte("sound = \"tones\"\nvoice = \"espeak-ng -s 120\"\nget_ready = \"0s\"\nsettle = \"30m\"\n"))
	f.Add([]byte("routine = \"quick\"\nheat_minutes = 18\nposition = \"back\"\nsound = \"command\"\n[sound_commands]\ndone = \"x\"\n"))
	f.Add([]byte("position = 5\nbell = \"no\"\nrollover_hour = 99\n[x]\ny = 1\n"))
	// Seeds that got escape sequences to the terminal (issue 14): a quoted
	// key echoed raw in its problem, and text values with bidi or C1
	// controls that were accepted and printed by `supine config`.
	f.Add([]byte("\"\\u001b]52;c;Y3VybA==\\u0007\" = 1\n"))
	f.Add([]byte("routine = \"\\u202eevil\"\n[sound_commands]\n\"\\u009b2J\" = \"x\"\nnext_step = \"x\\u2066y\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, problems := Parse("config.toml", data, nil)
		for _, p := range problems {
			if p.Msg == "" || !textsafe.Safe(p.Error()) {
				t.Fatalf("malformed problem %q", p.Error())
			}
		}
		for _, line := range s.Describe() {
			if !textsafe.Safe(line) {
				t.Fatalf("a setting in force is not plain text: %q", line)
			}
		}
		if !contains(Positions, s.Position) || !contains(Palettes, s.Palette) || (s.Sound != "" && !contains(Sounds, s.Sound) && !textsafe.Safe(s.Sound)) ||
			(!contains(Voices, s.Voice) && (s.Voice == "" || !textsafe.Safe(s.Voice))) ||
			s.GetReady < 0 || s.GetReady > 30*time.Second || s.Settle < 0 || s.Settle > 30*time.Minute ||
			!contains(Volumes, s.Volume) || !contains(Notifies, s.Notify) || s.RolloverHour < 0 || s.RolloverHour > 23 ||
			(s.HeatMinutes != 0 && (s.HeatMinutes < 15 || s.HeatMinutes > 20)) || s.Routine == "" {
			t.Fatalf("settings out of bounds: %+v", s)
		}
		back, again := Parse("config.toml", []byte(strings.Join(s.Describe(), "\n")), nil)
		if len(again) > 0 || !reflect.DeepEqual(back, s) {
			t.Fatalf("Describe does not read back: %v\n%+v\n%+v", again, s, back)
		}
	})
}
