package routines

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/supine-app/supine/internal/routines/tomlpos"
	"github.com/supine-app/supine/internal/textsafe"
)

// MaxFileSize is the largest routine file read. A real one is a few
// kilobytes; anything near this is the wrong file.
const MaxFileSize = 1 << 20

// Limits on what a routine file may ask for. Heat has its own limits
// (MinHeatMinutes..MaxHeatMinutes) because those are a burn-safety rule.
const (
	MaxReps   = 50
	MaxSteps  = 100
	MaxPhases = 10
	MaxLines  = 10 // cues and stop_if lines per step
)

// Parse reads a routine file. The routine's Name is the file's base name
// without ".toml"; Source is filename. It returns every problem found, in
// the order they appear in the file; a routine with problems must not be
// used.
func Parse(filename string, data []byte) (Routine, []Problem) {
	base := filepath.Base(filename)
	r := Routine{Name: strings.TrimSuffix(base, ".toml"), Source: filename}
	d := &decoder{problems: problems{file: base}}

	// The name comes from the file name, which a shared file's sender
	// chose: it is shown in lists and menus, so it must be plain text.
	if !textsafe.Safe(r.Name) {
		d.fileProblem("the file name holds control or direction characters that could take over the terminal; rename the file to letters, digits, - and _")
		return r, d.sorted()
	}
	if len(data) > MaxFileSize {
		d.fileProblem("the file is %s, far bigger than a routine file (at most 1 MiB); check that it is the right file", sizeString(len(data)))
		return r, d.sorted()
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte-order mark some editors add
	if !utf8.Valid(data) {
		bad := invalidUTF8At(data)
		d.at(tomlpos.PosAt(data, bad), "", "the file is not UTF-8 text (byte 0x%02x here); save it as UTF-8", data[bad])
		return r, d.sorted()
	}
	root, syntax := tomlpos.Parse(data)
	if syntax != nil {
		d.at(syntax.At, "", "this is not valid TOML (%s); check the quotes, brackets and = signs on this line", syntax.Msg)
		return r, d.sorted()
	}
	d.routine(root, &r)
	return r, d.sorted()
}

// Validate returns the problems Parse finds in a routine file; none means
// the file loads.
func Validate(filename string, data []byte) []Problem {
	_, ps := Parse(filename, data)
	return ps
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

func sizeString(n int) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// The keys each part of a routine file may have.
var (
	routineKeys    = []string{"title", "description", "steps"}
	commonStepKeys = []string{"kind", "title", "cues", "why", "stop_if", "skip_with_osteoporosis", "move"}
	kindKeys       = map[Kind][]string{
		KindHeat:   {"minutes"},
		KindHold:   {"hold", "reps", "per_side", "switch", "rest"},
		KindPaced:  {"reps", "phases", "rest"},
		KindRest:   {"time"},
		KindSettle: {},
	}
	kindNames = []string{"heat", "hold", "paced", "rest", "settle"}
	phaseKeys = []string{"name", "time", "cue"}
)

type decoder struct {
	problems
}

func (d *decoder) routine(root *tomlpos.Value, r *Routine) {
	d.unknownKeys(root, "", routineKeys, "a routine file", nil)
	if t, ok := d.spoken(root, "", "title"); ok {
		r.Title = t
	} else if root.Field("title") == nil {
		d.at(tomlpos.Pos{Line: 1, Col: 1}, "", `missing a title; add a line like title = "Evening" at the top of the file`)
	}
	r.Description, _ = d.text(root, "", "description")

	steps := root.Field("steps")
	switch {
	case steps == nil:
		d.at(tomlpos.Pos{Line: 1, Col: 1}, "", "the routine has no steps; add at least one [[steps]] block with a kind and a title")
		return
	case steps.Kind != tomlpos.List:
		d.at(steps.At, "steps", "%s, want [[steps]] blocks", tomlpos.Describe(steps))
		return
	case len(steps.List) == 0:
		d.at(steps.At, "steps", "the list of steps is empty; add at least one [[steps]] block")
		return
	case len(steps.List) > MaxSteps:
		d.at(steps.List[MaxSteps].At, "steps", "the routine has %d steps, more than the %d allowed; split it into shorter routines", len(steps.List), MaxSteps)
		return
	}
	heatAt := ""
	for i, sv := range steps.List {
		path := fmt.Sprintf("steps[%d]", i+1)
		if sv.Kind != tomlpos.Table {
			d.at(sv.At, path, "%s, want a step: a table of keys such as kind and title", tomlpos.Describe(sv))
			continue
		}
		st := d.step(sv, path)
		if st.Kind == KindHeat {
			d.heatRule(sv, path, i, heatAt)
			if heatAt == "" {
				heatAt = path
			}
		}
		r.Steps = append(r.Steps, st)
	}
}

// heatRule enforces one heat session a night (CONTENT.md section 3): a
// routine has at most one heat step, and it comes first, so that the pad is
// off before any stretch and can never be switched on twice.
func (d *decoder) heatRule(sv *tomlpos.Value, path string, i int, earlier string) {
	at := sv.At
	if k := sv.Field("kind"); k != nil {
		at = k.At
	}
	switch {
	case earlier != "":
		d.at(at, path+".kind", "a second heat step; heat runs once a night (%s is the first), so remove this one", earlier)
	case i > 0:
		d.at(at, path+".kind", "heat must be the first step, before any stretch; move this step to the top")
	}
}

func (d *decoder) step(t *tomlpos.Value, path string) Step {
	var st Step
	kindKnown := false
	if k, ok := d.text(t, path, "kind"); ok {
		if _, known := kindKeys[Kind(k)]; known {
			st.Kind, kindKnown = Kind(k), true
		} else {
			hint := ""
			if c := tomlpos.Closest(k, kindNames); c != "" {
				hint = fmt.Sprintf(`did you mean %q? `, c)
			}
			d.at(t.Field("kind").At, path+".kind", "%s is not a step kind; %suse %s", tomlpos.Quote(k), hint, tomlpos.OrList(kindNames))
		}
	} else if t.Field("kind") == nil {
		d.at(t.At, path, `missing a kind; add a line like kind = "hold" (the kinds are %s)`, tomlpos.OrList(kindNames))
	}

	if kindKnown {
		allowed := append(append([]string{}, commonStepKeys...), kindKeys[st.Kind]...)
		d.unknownKeys(t, path, allowed, "a "+string(st.Kind)+" step", otherKindKeys(st.Kind))
	} else {
		d.unknownKeys(t, path, allStepKeys(), "a step", nil)
	}

	if title, ok := d.spoken(t, path, "title"); ok {
		st.Title = title
	} else if t.Field("title") == nil {
		d.at(t.At, path, `missing a title; add a line like title = "Knee rolls"`)
	}
	st.Cues = d.lines(t, path, "cues")
	st.Why, _ = d.text(t, path, "why")
	st.StopIf = d.lines(t, path, "stop_if")
	st.SkipWithOsteoporosis, _ = d.flag(t, path, "skip_with_osteoporosis")
	st.Move = d.move(t, path)
	if !kindKnown {
		return st
	}

	switch st.Kind {
	case KindHeat:
		st.Minutes = d.heatMinutes(t, path)
	case KindHold:
		st.Hold = d.duration(t, path, "hold", holdLimit)
		if t.Field("hold") == nil {
			d.at(t.At, path, `missing a hold time; add a line like hold = "20s"`)
		}
		st.Reps = d.reps(t, path)
		var perSideOK bool
		st.PerSide, perSideOK = d.flag(t, path, "per_side")
		st.Switch = d.duration(t, path, "switch", switchLimit)
		st.Rest = d.duration(t, path, "rest", restLimit)
		// A per_side of the wrong type is reported already; judging switch
		// by it would only add noise.
		perSideRead := perSideOK || t.Field("per_side") == nil
		if v := t.Field("switch"); v != nil && !st.PerSide && perSideRead {
			d.at(v.KeyAt, path+".switch", "switch is the pause between sides, and this hold is not per side; add per_side = true or remove switch")
		}
		if v := t.Field("rest"); v != nil && st.PerSide {
			d.at(v.KeyAt, path+".rest", "a per-side hold pauses between sides with switch, not rest; use switch instead")
		}
	case KindPaced:
		st.Reps = d.reps(t, path)
		st.Rest = d.duration(t, path, "rest", restLimit)
		st.Phases = d.phases(t, path)
	case KindRest:
		st.Duration = d.duration(t, path, "time", restStepLimit)
		if t.Field("time") == nil {
			d.at(t.At, path, `missing a time; add a line like time = "30s"`)
		}
	}
	return st
}

func (d *decoder) phases(t *tomlpos.Value, path string) []PacedPhase {
	const example = `phases = [{ name = "tilt", time = "5s" }, { name = "relax", time = "5s" }]`
	v := t.Field("phases")
	switch {
	case v == nil:
		d.at(t.At, path, "missing its phases; add a line like %s", example)
		return nil
	case v.Kind != tomlpos.List:
		d.at(v.At, path+".phases", "%s, want a list like %s", tomlpos.Describe(v), example)
		return nil
	case len(v.List) == 0:
		d.at(v.At, path+".phases", "the list of phases is empty; add at least one, like %s", example)
		return nil
	case len(v.List) > MaxPhases:
		d.at(v.List[MaxPhases].At, path+".phases", "%d phases is more than the %d allowed in one rep; use fewer", len(v.List), MaxPhases)
		return nil
	}
	var out []PacedPhase
	for i, pv := range v.List {
		pp := fmt.Sprintf("%s.phases[%d]", path, i+1)
		if pv.Kind != tomlpos.Table {
			d.at(pv.At, pp, `%s, want a phase like { name = "tilt", time = "5s" }`, tomlpos.Describe(pv))
			continue
		}
		d.unknownKeys(pv, pp, phaseKeys, "a phase", nil)
		var ph PacedPhase
		if name, ok := d.spoken(pv, pp, "name"); ok {
			ph.Name = name
		} else if pv.Field("name") == nil {
			d.at(pv.At, pp, `missing a name; add name = "tilt"`)
		}
		ph.Duration = d.duration(pv, pp, "time", phaseLimit)
		if pv.Field("time") == nil {
			d.at(pv.At, pp, `missing a time; add time = "5s"`)
		}
		ph.Cue, _ = d.text(pv, pp, "cue")
		out = append(out, ph)
	}
	return out
}

// unknownKeys reports every key of t that is not allowed, suggesting the
// nearest allowed key or saying which kind of step the key belongs to.
func (d *decoder) unknownKeys(t *tomlpos.Value, path string, allowed []string, what string, elsewhere map[string]Kind) {
	for _, k := range t.Keys {
		if contains(allowed, k) {
			continue
		}
		key := join(path, keyName(k))
		at := t.Fields[k].KeyAt
		switch {
		case elsewhere[k] != "":
			d.at(at, key, "%s is only for %s steps; remove it or change the kind", k, elsewhere[k])
		case tomlpos.Closest(k, allowed) != "":
			d.at(at, key, "unknown key; did you mean %q?", tomlpos.Closest(k, allowed))
		default:
			d.at(at, key, "unknown key; %s takes %s", what, strings.Join(allowed, ", "))
		}
	}
}

func otherKindKeys(k Kind) map[string]Kind {
	out := map[string]Kind{}
	for _, other := range []Kind{KindHeat, KindHold, KindPaced, KindRest} {
		for _, key := range kindKeys[other] {
			if !contains(kindKeys[k], key) && out[key] == "" {
				out[key] = other
			}
		}
	}
	return out
}

func allStepKeys() []string {
	out := append([]string{}, commonStepKeys...)
	for _, k := range kindNames {
		for _, key := range kindKeys[Kind(k)] {
			if !contains(out, key) {
				out = append(out, key)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// keyName shows a key as written, quoting it when it is not a plain word.
func keyName(k string) string {
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return tomlpos.Quote(k)
		}
	}
	if k == "" || len(k) > 40 {
		return tomlpos.Quote(k)
	}
	return k
}

// move reads the optional move key: which stretch the step is, for the
// precautions. An unknown name is reported with the nearest known one.
func (d *decoder) move(t *tomlpos.Value, path string) Move {
	name, ok := d.text(t, path, "move")
	if !ok {
		return MoveNone
	}
	if contains(moveNames, name) {
		return Move(name)
	}
	hint := ""
	if c := tomlpos.Closest(name, moveNames); c != "" {
		hint = fmt.Sprintf("did you mean %q? ", c)
	}
	d.at(t.Field("move").At, path+".move", "%s is not a move supine knows; %suse %s, or leave move out",
		tomlpos.Quote(name), hint, tomlpos.OrList(moveNames))
	return MoveNone
}
