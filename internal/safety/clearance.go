package safety

import (
	"strings"
	"time"
)

// Clearance is what a clinician has cleared the person for despite a
// precaution (CONTENT.md section 6, v3): heat, the stretches, or both.
// Without it the only way back to heat would be a false "no", which also
// brings back everything else.
type Clearance struct {
	Heat, Stretches bool
}

// Any reports whether anything is cleared.
func (c Clearance) Any() bool { return c.Heat || c.Stretches }

// Of is the part of c that a precaution taking takes away: clearing heat
// means nothing for osteoporosis, which takes no heat.
func (c Clearance) Of(takes Clearance) Clearance {
	return Clearance{Heat: c.Heat && takes.Heat, Stretches: c.Stretches && takes.Stretches}
}

// Words names what is cleared: "heat", "the stretches" or "heat and the
// stretches"; "" for nothing.
func (c Clearance) Words() string {
	switch {
	case c.Heat && c.Stretches:
		return "heat and the stretches"
	case c.Heat:
		return "heat"
	case c.Stretches:
		return "the stretches"
	}
	return ""
}

// Answer is one precaution answered: no, yes, or yes with a clinician's
// clearance of some of what the yes takes away, on the day ClearedOn.
type Answer struct {
	Yes       bool
	Cleared   Clearance
	ClearedOn time.Time
}

// ClearedAnswer is the third answer of each precaution: "yes, and my
// clinician has cleared me (on <date>)", as the question screens offer it.
const ClearedAnswer = "yes, and my clinician has cleared me"

// Each precaution's reason line has a name, and what it leaves out while
// nothing is cleared, part by part.
var reasonParts = map[string]struct {
	name             string
	stretches, heat  string
	always, fullLine string
}{
	Osteoporosis: {name: "osteoporosis", stretches: "no knee-to-chest; knee rolls small and slow",
		fullLine: "Adapted for osteoporosis: no knee-to-chest; knee rolls small and slow."},
	HipReplacement: {name: "your hip", stretches: "no knee-to-chest and no knee rolls until your surgeon or physio says so",
		fullLine: "Adapted for your hip: no knee-to-chest and no knee rolls until your surgeon or physio says so."},
	BackSurgery: {name: "back surgery", heat: "heat only if your surgeon or physio allows it", stretches: "no stretches until they say so",
		fullLine: "Adapted for back surgery: heat only if your surgeon or physio allows it, and the sleep set-up; no stretches until they say so."},
	Pregnant: {name: "pregnancy", heat: "no heat without your midwife's or doctor's OK", stretches: "no stretches (they are done lying flat on your back)",
		always:   "the sleep set-up on your side",
		fullLine: "Adapted for pregnancy: no heat without your midwife's or doctor's OK, no stretches (they are done lying flat on your back), and the sleep set-up on your side."},
	HeatCaution: {name: "diabetes, circulation or skin feeling", heat: "heat only after asking a clinician",
		fullLine: "Adapted for diabetes, circulation or skin feeling: heat only after asking a clinician."},
}

// reason is the line home and the report show for a precaution answered
// yes, with what a clinician cleared and when.
func reason(id string, c Clearance, on time.Time) string {
	r := reasonParts[id]
	if !c.Any() {
		return r.fullLine
	}
	when := ""
	if !on.IsZero() {
		when = " on " + on.Format("2 Jan 2006")
	}
	var left []string
	if r.heat != "" && !c.Heat {
		left = append(left, r.heat)
	}
	if r.stretches != "" && !c.Stretches {
		left = append(left, r.stretches)
	}
	if r.always != "" {
		left = append(left, r.always)
	}
	line := "For " + r.name + ", your clinician cleared " + c.Words() + when
	if len(left) == 0 {
		return line + "."
	}
	return line + "; still " + strings.Join(left, "; ") + "."
}
