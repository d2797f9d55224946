package routines

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/supine-app/supine/internal/routines/tomlpos"
	"github.com/supine-app/supine/internal/textsafe"
)

// durationLimit bounds one kind of duration in a routine file.
type durationLimit struct {
	max  time.Duration
	what string // "a hold", used in "the most a hold can last"
}

// Every duration is at least a second: a shorter one could not be shown or
// followed.
const minDuration = time.Second

var (
	holdLimit     = durationLimit{5 * time.Minute, "a hold"}
	switchLimit   = durationLimit{time.Minute, "a switch between sides"}
	restLimit     = durationLimit{5 * time.Minute, "a rest between reps"}
	phaseLimit    = durationLimit{time.Minute, "a phase"}
	restStepLimit = durationLimit{30 * time.Minute, "a rest step"}
)

// text reads an optional one-line string. ok is false when the key is
// missing or wrong (the problem is then already reported).
func (d *decoder) text(t *tomlpos.Value, path, key string) (string, bool) {
	v := t.Field(key)
	if v == nil {
		return "", false
	}
	p := join(path, key)
	if v.Kind != tomlpos.String {
		d.at(v.At, p, "%s, want text in quotes", tomlpos.Describe(v))
		return "", false
	}
	if strings.TrimSpace(v.Str) == "" {
		d.at(v.At, p, "the text is empty; write something or remove the line")
		return "", false
	}
	if !d.printable(v, p) {
		return "", false
	}
	return v.Str, true
}

// spoken reads a text the voice says (a title, a phase name) like text,
// and refuses one that starts with "-": handed to a speech program, "-f
// FILE" read a file aloud and "-w FILE" wrote one. The voice passes lines
// so that none can be an option (sound.command); this says so in the file,
// where it can be fixed, instead of leaving it to every program's rules.
func (d *decoder) spoken(t *tomlpos.Value, path, key string) (string, bool) {
	s, ok := d.text(t, path, key)
	if ok && strings.HasPrefix(strings.TrimSpace(s), "-") {
		d.at(t.Field(key).At, join(path, key), "%s starts with -, which a speech program could take for one of its options; start it with a word", tomlpos.Quote(s))
		return "", false
	}
	return s, ok
}

// printable refuses line breaks, control and bidi characters: a title is
// one line on screen, an escape character could take over the terminal, and
// a direction override could make it read as something else.
func (d *decoder) printable(v *tomlpos.Value, path string) bool {
	for _, r := range v.Str {
		switch {
		case r == '\n' || r == '\r':
			d.at(v.At, path, "the text runs over more than one line; keep it to one line")
			return false
		case unicode.IsControl(r) || !textsafe.Safe(string(r)):
			d.at(v.At, path, "the text contains the control character %U; remove it", r)
			return false
		}
	}
	return true
}

// lines reads an optional list of one-line strings (cues, stop_if).
func (d *decoder) lines(t *tomlpos.Value, path, key string) []string {
	v := t.Field(key)
	if v == nil {
		return nil
	}
	p := join(path, key)
	if v.Kind != tomlpos.List {
		d.at(v.At, p, `%s, want a list of lines like ["First line.", "Second line."]`, tomlpos.Describe(v))
		return nil
	}
	if len(v.List) > MaxLines {
		d.at(v.List[MaxLines].At, p, "%d lines is more than the %d allowed; keep the few that matter", len(v.List), MaxLines)
		return nil
	}
	var out []string
	for i, e := range v.List {
		ep := fmt.Sprintf("%s[%d]", p, i+1)
		switch {
		case e.Kind != tomlpos.String:
			d.at(e.At, ep, "%s, want a line of text in quotes", tomlpos.Describe(e))
		case strings.TrimSpace(e.Str) == "":
			d.at(e.At, ep, "the line is empty; write something or remove it")
		case d.printable(e, ep):
			out = append(out, e.Str)
		}
	}
	return out
}

// flag reads an optional true/false.
func (d *decoder) flag(t *tomlpos.Value, path, key string) (bool, bool) {
	v := t.Field(key)
	if v == nil {
		return false, false
	}
	if v.Kind != tomlpos.Bool {
		d.at(v.At, join(path, key), "%s, want true or false", tomlpos.Describe(v))
		return false, false
	}
	return v.Bool, true
}

// whole reads an optional whole number; wantLike completes "want a whole
// number ..." in messages.
func (d *decoder) whole(t *tomlpos.Value, path, key, wantLike string) (int64, bool) {
	v := t.Field(key)
	if v == nil {
		return 0, false
	}
	p := join(path, key)
	switch v.Kind {
	case tomlpos.Int:
		return v.Num, true
	case tomlpos.Float:
		d.at(v.At, p, "%s is not a whole number; want a whole number %s", v.Raw, wantLike)
	default:
		d.at(v.At, p, "%s, want a whole number %s", tomlpos.Describe(v), wantLike)
	}
	return 0, false
}

func (d *decoder) reps(t *tomlpos.Value, path string) int {
	n, ok := d.whole(t, path, "reps", "like 3")
	if !ok {
		return 1
	}
	at := t.Field("reps").At
	switch {
	case n < 1:
		d.at(at, path+".reps", "%d is not a number of reps; use 1 to %d", n, MaxReps)
		return 1
	case n > MaxReps:
		d.at(at, path+".reps", "%d reps is too many; use 1 to %d", n, MaxReps)
		return 1
	}
	return int(n)
}

func (d *decoder) heatMinutes(t *tomlpos.Value, path string) int {
	n, ok := d.whole(t, path, "minutes", "of minutes like 15")
	if !ok {
		return DefaultHeatMinutes
	}
	at := t.Field("minutes").At
	switch {
	case n > MaxHeatMinutes:
		d.at(at, path+".minutes", "%d minutes is over the %d-minute limit, because longer heat risks burns; use %d to %d",
			n, MaxHeatMinutes, MinHeatMinutes, MaxHeatMinutes)
		return DefaultHeatMinutes
	case n < MinHeatMinutes:
		d.at(at, path+".minutes", "%d minutes is under %d; a heat step runs %d to %d minutes",
			n, MinHeatMinutes, MinHeatMinutes, MaxHeatMinutes)
		return DefaultHeatMinutes
	}
	return int(n)
}

// duration reads an optional duration written as a Go duration string
// ("20s", "1m30s") within minDuration..lim.max.
func (d *decoder) duration(t *tomlpos.Value, path, key string, lim durationLimit) time.Duration {
	v := t.Field(key)
	if v == nil {
		return 0
	}
	p := join(path, key)
	if v.Kind != tomlpos.String {
		d.at(v.At, p, `%s, want a duration like "20s"`, tomlpos.Describe(v))
		return 0
	}
	dur, err := time.ParseDuration(strings.TrimSpace(v.Str))
	switch {
	case err != nil:
		d.at(v.At, p, `%s is a string, want a duration like "20s"`, tomlpos.Quote(v.Str))
		return 0
	case dur <= 0:
		d.at(v.At, p, `%s is not a positive time; use at least "1s"`, tomlpos.Quote(v.Str))
		return 0
	case dur < minDuration:
		d.at(v.At, p, `%s is shorter than a second; use at least "1s"`, tomlpos.Quote(v.Str))
		return 0
	case dur > lim.max:
		d.at(v.At, p, `%s is longer than %q, the most %s can last; use %q or less`,
			tomlpos.Quote(v.Str), tomlpos.FormatDuration(lim.max), lim.what, tomlpos.FormatDuration(lim.max))
		return 0
	}
	return dur
}
