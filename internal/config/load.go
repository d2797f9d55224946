package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/remind"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/routines/tomlpos"
	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

// maxFileSize bounds the settings file; a real one is well under a kilobyte.
const maxFileSize = 64 << 10

// Load reads the settings file at path. A missing file gives the defaults
// and no problem. Only a regular file is read (userfile's rule): a named
// pipe called config.toml is reported, not waited on. Every other problem is returned; the settings are then
// the defaults for the keys at fault and the file's values for the rest.
//
// routineNames are the routines that exist (built-in and the person's own):
// a routine setting that names none of them is a problem like any other bad
// value, not a silent switch to the default routine. nil leaves the name
// unchecked, for callers that have no library.
func Load(path string, routineNames []string) (Settings, []Problem) {
	base := filepath.Base(path)
	fail := func(format string, args ...any) (Settings, []Problem) {
		return Defaults(), []Problem{{File: base, Msg: fmt.Sprintf(format, args...)}}
	}
	data, err := userfile.Read(path, maxFileSize)
	var notRegular *userfile.NotRegularError
	var tooBig *userfile.TooBigError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Defaults(), nil
	case errors.As(err, &notRegular) && notRegular.Kind == "a folder":
		return fail("this is a folder, not a settings file; move it away so supine can use its defaults")
	case errors.As(err, &notRegular):
		return fail("%v; the settings file must be an ordinary text file, so remove this one and run `supine config init`", notRegular)
	case errors.As(err, &tooBig):
		return fail("the settings file is over 64 KiB, far bigger than settings need; check that it is the right file")
	case err != nil:
		return fail("the settings file could not be read (%v); check its permissions", userfile.Cause(err))
	}
	return Parse(path, data, routineNames)
}

// Parse reads settings from the text of a settings file; routineNames is
// as for Load.
func Parse(filename string, data []byte, routineNames []string) (Settings, []Problem) {
	d := decoder{file: filepath.Base(filename), s: Defaults(), routines: routineNames}
	if len(data) > maxFileSize {
		d.fileProblem("the settings file is over 64 KiB, far bigger than settings need; check that it is the right file")
		return d.s, d.problems
	}
	data = []byte(strings.TrimPrefix(string(data), "\uFEFF"))
	if !utf8.Valid(data) {
		d.fileProblem("the settings file is not UTF-8 text; save it as UTF-8")
		return d.s, d.problems
	}
	root, serr := tomlpos.Parse(data)
	if serr != nil {
		d.at(serr.At, "", "this is not valid TOML (%s), so none of the settings were read; check the quotes and = signs on this line", serr.Msg)
		return d.s, d.problems
	}
	d.read(root)
	sort.SliceStable(d.problems, func(i, j int) bool {
		a, b := d.problems[i], d.problems[j]
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return d.s, d.problems
}

// keys lists every setting in the order the file and Describe use.
var keys = []string{
	"routine", "heat_minutes", "position", "osteoporosis", "palette", "bell",
	"sound", "volume", "voice", "get_ready", "settle", "notify", "breathing", "plain", "checkins", "rollover_hour",
	"reminder", "sound_commands",
}

type decoder struct {
	file     string
	s        Settings
	problems []Problem
	routines []string // the routine names that exist; nil: not checked
}

func (d *decoder) at(p tomlpos.Pos, key, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: p.Line, Col: p.Col, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) fileProblem(msg string) {
	d.problems = append(d.problems, Problem{File: d.file, Msg: msg})
}

func (d *decoder) read(root *tomlpos.Value) {
	for _, k := range root.Keys {
		v := root.Fields[k]
		switch k {
		case "routine":
			d.routine(v)
		case "heat_minutes":
			d.heat(v)
		case "position":
			d.oneOf(v, k, Positions, "a sleep position", &d.s.Position)
		case "osteoporosis":
			d.flag(v, k, &d.s.Osteoporosis)
		case "palette":
			d.oneOf(v, k, Palettes, "a palette", &d.s.Palette)
		case "bell":
			d.flag(v, k, &d.s.Bell)
		case "sound":
			d.wordOrCommand(v, k, Sounds, &d.s.Sound)
		case "voice":
			d.wordOrCommand(v, k, Voices, &d.s.Voice)
		case "get_ready":
			d.duration(v, k, routines.MaxGetReady, "a get-ready", &d.s.GetReady)
		case "settle":
			d.duration(v, k, routines.MaxSettle, "lights out", &d.s.Settle)
		case "volume":
			d.oneOf(v, k, Volumes, "a volume", &d.s.Volume)
		case "notify":
			d.oneOf(v, k, Notifies, "a notify setting", &d.s.Notify)
		case "breathing":
			d.flag(v, k, &d.s.Breathing)
		case "plain":
			d.flag(v, k, &d.s.Plain)
		case "checkins":
			d.flag(v, k, &d.s.CheckIns)
		case "rollover_hour":
			d.hour(v)
		case "reminder":
			d.reminder(v)
		case "sound_commands":
			d.commands(v)
		default:
			if c := tomlpos.Closest(k, keys); c != "" {
				d.at(v.KeyAt, k, "unknown setting; did you mean %q?", c)
			} else {
				d.at(v.KeyAt, k, "unknown setting; the settings are %s", strings.Join(keys, ", "))
			}
		}
	}
	if d.s.Sound == "command" && len(d.s.SoundCommands) == 0 {
		v := root.Field("sound")
		d.at(v.At, "sound", `"command" needs a command to run; add a [sound_commands] table with a line like next_step = "paplay /usr/share/sounds/bell.oga"`)
		d.s.Sound = Defaults().Sound
	}
}

func (d *decoder) text(v *tomlpos.Value, key string, dst *string) {
	if v.Kind != tomlpos.String {
		d.at(v.At, key, "%s, want a name in quotes", tomlpos.Describe(v))
		return
	}
	s := strings.TrimSpace(v.Str)
	if s == "" || !textsafe.Safe(s) {
		d.at(v.At, key, "%s is not a routine name; use a name from `supine routines`", tomlpos.Quote(v.Str))
		return
	}
	*dst = s
}

func (d *decoder) routine(v *tomlpos.Value) {
	var name string
	d.text(v, "routine", &name)
	if name == "" {
		return
	}
	if d.routines == nil {
		d.s.Routine = name
		return
	}
	for _, r := range d.routines {
		if strings.EqualFold(r, name) {
			d.s.Routine = r
			return
		}
	}
	hint := ""
	if c := tomlpos.Closest(name, d.routines); c != "" {
		hint = fmt.Sprintf("did you mean %q? ", c)
	}
	d.at(v.At, "routine", "there is no routine called %s; %suse %s",
		tomlpos.Quote(v.Str), hint, tomlpos.OrList(d.routines))
}

func (d *decoder) flag(v *tomlpos.Value, key string, dst *bool) {
	if v.Kind != tomlpos.Bool {
		d.at(v.At, key, "%s, want true or false", tomlpos.Describe(v))
		return
	}
	*dst = v.Bool
}

func (d *decoder) oneOf(v *tomlpos.Value, key string, allowed []string, noun string, dst *string) {
	if v.Kind != tomlpos.String {
		d.at(v.At, key, "%s, want %s in quotes", tomlpos.Describe(v), tomlpos.OrList(allowed))
		return
	}
	word := strings.ToLower(strings.TrimSpace(v.Str))
	for _, a := range allowed {
		if word == a {
			*dst = a
			return
		}
	}
	hint := ""
	if c := tomlpos.Closest(word, allowed); c != "" {
		hint = fmt.Sprintf("did you mean %q? ", c)
	}
	d.at(v.At, key, "%s is not %s; %suse %s", tomlpos.Quote(v.Str), noun, hint, tomlpos.OrList(allowed))
}

// wordOrCommand reads a setting that is one of a few words or a command
// line (sound, voice). A single word close to one of the words ("tone",
// "Auto ") is taken for a typo, not a program: a command that is never
// found would leave the night silent.
func (d *decoder) wordOrCommand(v *tomlpos.Value, key string, words []string, dst *string) {
	if v.Kind != tomlpos.String {
		d.at(v.At, key, "%s, want %s or a command, in quotes", tomlpos.Describe(v), tomlpos.OrList(words))
		return
	}
	raw := strings.TrimSpace(v.Str)
	word := strings.ToLower(raw)
	if contains(words, word) {
		*dst = word
		return
	}
	if raw == "" || !textsafe.Safe(raw) {
		d.at(v.At, key, "%s is not %s or a command; write the program and its arguments on one line", tomlpos.Quote(v.Str), tomlpos.OrList(words))
		return
	}
	argv, err := cues.SplitCommand(raw)
	switch {
	case err != nil:
		d.at(v.At, key, "%s cannot be read as a command: %v", tomlpos.Quote(v.Str), err)
		return
	case len(argv) == 0:
		d.at(v.At, key, "%s is not %s or a command", tomlpos.Quote(v.Str), tomlpos.OrList(words))
		return
	case len(argv) == 1 && !strings.ContainsAny(raw, `/\`):
		if c := tomlpos.Closest(word, words); c != "" {
			d.at(v.At, key, "%s is not a setting of %s; did you mean %q? use %s, or a command", tomlpos.Quote(v.Str), key, c, tomlpos.OrList(words))
			return
		}
	}
	*dst = raw
}

// duration reads a time like "5s" or "2m" within 0..max.
func (d *decoder) duration(v *tomlpos.Value, key string, max time.Duration, what string, dst *time.Duration) {
	if v.Kind != tomlpos.String {
		d.at(v.At, key, `%s, want a time in quotes like %q`, tomlpos.Describe(v), tomlpos.FormatDuration(*dst))
		return
	}
	dur, err := time.ParseDuration(strings.TrimSpace(v.Str))
	switch {
	case err != nil:
		d.at(v.At, key, `%s is not a time; write it like %q or "1m30s"`, tomlpos.Quote(v.Str), tomlpos.FormatDuration(*dst))
	case dur < 0:
		d.at(v.At, key, `%s is negative; use "0s" to %q`, tomlpos.Quote(v.Str), tomlpos.FormatDuration(max))
	case dur > max:
		d.at(v.At, key, `%s is longer than %q, the most %s can last; use %q or less`, tomlpos.Quote(v.Str), tomlpos.FormatDuration(max), what, tomlpos.FormatDuration(max))
	default:
		*dst = dur.Round(time.Second)
	}
}

func (d *decoder) whole(v *tomlpos.Value, key, like string) (int64, bool) {
	switch v.Kind {
	case tomlpos.Int:
		return v.Num, true
	case tomlpos.Float:
		d.at(v.At, key, "%s is not a whole number; want a whole number like %s", v.Raw, like)
	default:
		d.at(v.At, key, "%s, want a whole number like %s", tomlpos.Describe(v), like)
	}
	return 0, false
}

func (d *decoder) heat(v *tomlpos.Value) {
	n, ok := d.whole(v, "heat_minutes", "15")
	switch {
	case !ok:
	case n > routines.MaxHeatMinutes:
		d.at(v.At, "heat_minutes", "%d minutes is over the %d-minute limit, because longer heat risks burns; use %d to %d",
			n, routines.MaxHeatMinutes, routines.MinHeatMinutes, routines.MaxHeatMinutes)
	case n < routines.MinHeatMinutes:
		d.at(v.At, "heat_minutes", "%d minutes is under %d; heat runs %d to %d minutes (leave the line out to use each routine's own)",
			n, routines.MinHeatMinutes, routines.MinHeatMinutes, routines.MaxHeatMinutes)
	default:
		d.s.HeatMinutes = int(n)
	}
}

func (d *decoder) hour(v *tomlpos.Value) {
	n, ok := d.whole(v, "rollover_hour", "4")
	switch {
	case !ok:
	case n < 0 || n > 23:
		d.at(v.At, "rollover_hour", "%d is not an hour of the day; use 0 to 23 (4 means a night ends at 04:00)", n)
	default:
		d.s.RolloverHour = int(n)
	}
}

// reminder reads the bedtime reminder's time, "22:30", or "off".
func (d *decoder) reminder(v *tomlpos.Value) {
	if v.Kind != tomlpos.String {
		d.at(v.At, "reminder", `%s, want a time in quotes like "22:30", or "off"`, tomlpos.Describe(v))
		return
	}
	raw := strings.TrimSpace(v.Str)
	if strings.EqualFold(raw, ReminderOff) || raw == "" {
		d.s.Reminder = ""
		return
	}
	c, err := remind.ParseClock(raw)
	if err != nil {
		d.at(v.At, "reminder", `%s is not a time of day; write it 24-hour like "22:30", or "off"`, tomlpos.Quote(v.Str))
		return
	}
	d.s.Reminder = c.String()
}

func (d *decoder) commands(v *tomlpos.Value) {
	if v.Kind != tomlpos.Table {
		d.at(v.At, "sound_commands", `%s, want a [sound_commands] table with lines like next_step = "paplay /usr/share/sounds/bell.oga"`, tomlpos.Describe(v))
		return
	}
	cmds := map[string]string{}
	for _, k := range v.Keys {
		c := v.Fields[k]
		key := "sound_commands." + k
		switch {
		case !contains(CueNames, k):
			hint := ""
			if s := tomlpos.Closest(k, CueNames); s != "" {
				hint = fmt.Sprintf("did you mean %q? ", s)
			}
			d.at(c.KeyAt, key, "not a cue; %sthe cues are %s", hint, strings.Join(CueNames, ", "))
		case c.Kind != tomlpos.String:
			d.at(c.At, key, "%s, want a command in quotes", tomlpos.Describe(c))
		case strings.TrimSpace(c.Str) == "" || !textsafe.Safe(c.Str):
			d.at(c.At, key, "%s is not a command; write the program and its arguments on one line", tomlpos.Quote(c.Str))
		case splitFails(c.Str) != nil:
			d.at(c.At, key, "%s cannot be read as a command: %v", tomlpos.Quote(c.Str), splitFails(c.Str))
		default:
			cmds[k] = strings.TrimSpace(c.Str)
		}
	}
	if len(cmds) > 0 {
		d.s.SoundCommands = cmds
	}
}

// splitFails is why a command line cannot be split into words, or nil.
func splitFails(line string) error {
	_, err := cues.SplitCommand(line)
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
