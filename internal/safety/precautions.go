package safety

// Precaution IDs (CONTENT.md section 6). They are stored, so they never
// change once released.
const (
	Osteoporosis   = "osteoporosis"
	HipReplacement = "hip_replacement"
	BackSurgery    = "back_surgery"
	Pregnant       = "pregnant"
	HeatCaution    = "heat_caution"
)

// Precaution is one question asked before the first night, and again from
// the menu. A yes adapts tonight's routine (Adapt); none blocks the sleep
// set-up.
type Precaution struct {
	ID   string
	Text string // the question, second person
	Hint string // optional; part of the question, always shown
	// Does is what a yes changes, in one line for the question screen.
	Does string
	// Takes is what a yes takes away that a clinician may clear again
	// (CONTENT.md section 6, v3): heat, the stretches, or both.
	Takes Clearance
}

var precautions = []Precaution{
	{
		ID:    Osteoporosis,
		Text:  "Do you have osteoporosis, or have you had a spine fracture from it?",
		Does:  "No knee-to-chest; knee rolls small and slow, never to the end of the range.",
		Takes: Clearance{Stretches: true},
	},
	{
		ID:    HipReplacement,
		Text:  "Have you had a hip replacement in the last few months, or has a surgeon given you limits on how you move your hip?",
		Does:  "No knee-to-chest and no knee rolls until your surgeon or physio says so; pelvic tilts, heat and the sleep set-up stay.",
		Takes: Clearance{Stretches: true},
	},
	{
		ID:    BackSurgery,
		Text:  "Have you had back surgery in the last few months?",
		Does:  "Ask your surgeon or physio first; until then, heat (if they allow it) and the sleep set-up only.",
		Takes: Clearance{Heat: true, Stretches: true},
	},
	{
		ID:    Pregnant,
		Text:  "Are you pregnant?",
		Does:  "Ask your midwife or doctor first. No heat without their OK; no stretches, and the sleep set-up on your side.",
		Takes: Clearance{Heat: true, Stretches: true},
	},
	{
		ID:    HeatCaution,
		Text:  "Do you have diabetes, poor circulation, or reduced feeling in your skin?",
		Does:  "Heat only after asking a clinician; the stretches as usual.",
		Takes: Clearance{Heat: true},
	},
}

// Precautions returns the five precaution questions in the order they are
// asked. The slice is a copy.
func Precautions() []Precaution {
	out := make([]Precaution, len(precautions))
	copy(out, precautions)
	return out
}

// PrecautionByID finds a precaution by its stored ID.
func PrecautionByID(id string) (Precaution, bool) {
	for _, p := range precautions {
		if p.ID == id {
			return p, true
		}
	}
	return Precaution{}, false
}

// Adaptation is what the precautions do to tonight's routine. The zero
// value is the routine unchanged. Fields only ever take steps away or make
// them gentler; nothing here removes the sleep set-up.
type Adaptation struct {
	NoKneeToChest  bool // leave knee-to-chest out
	SmallKneeRolls bool // knee rolls only a short, slow way, never to the end of the range
	NoKneeRolls    bool // leave knee rolls out
	NoStretches    bool // leave every stretch out (knee-to-chest, pelvic tilt, knee rolls)
	// HeatAfterClinician: heat only once a clinician (for pregnancy the
	// midwife or doctor, after surgery the surgeon or physio) has said it
	// is all right; until the person says so, no heat step.
	HeatAfterClinician bool
	SideSleep          bool // the sleep set-up is on the side
	// Reasons are the lines home shows, one per precaution answered yes,
	// in the order of Precautions: "Adapted for osteoporosis: ...".
	Reasons []string
}

// Adapted reports whether anything changed.
func (a Adaptation) Adapted() bool { return len(a.Reasons) > 0 }

// Adapt turns the precaution answers (ID to yes) into tonight's routine
// changes, as CONTENT.md section 6's table says. Unknown IDs and false
// answers change nothing.
func Adapt(answers map[string]bool) Adaptation {
	full := make(map[string]Answer, len(answers))
	for id, yes := range answers {
		full[id] = Answer{Yes: yes}
	}
	return AdaptAnswers(full)
}

// AdaptAnswers is Adapt with a clinician's clearance: a yes that a
// clinician has cleared brings back only what they cleared (heat, the
// stretches, or both) of what that precaution takes away; another
// precaution's yes still takes away its own. Each precaution answered yes
// gives one reason line, a cleared one too, so home and the report say
// what was cleared and when.
func AdaptAnswers(answers map[string]Answer) Adaptation {
	var a Adaptation
	for _, p := range precautions {
		ans := answers[p.ID]
		if !ans.Yes {
			continue
		}
		c := ans.Cleared.Of(p.Takes)
		keepStretches, keepHeat := !c.Stretches, !c.Heat
		switch p.ID {
		case Osteoporosis:
			if keepStretches {
				a.NoKneeToChest, a.SmallKneeRolls = true, true
			}
		case HipReplacement:
			if keepStretches {
				a.NoKneeToChest, a.NoKneeRolls = true, true
			}
		case BackSurgery:
			a.NoStretches = a.NoStretches || keepStretches
			a.HeatAfterClinician = a.HeatAfterClinician || keepHeat
		case Pregnant:
			a.NoStretches = a.NoStretches || keepStretches
			a.HeatAfterClinician = a.HeatAfterClinician || keepHeat
			a.SideSleep = true
		case HeatCaution:
			a.HeatAfterClinician = a.HeatAfterClinician || keepHeat
		}
		a.Reasons = append(a.Reasons, reason(p.ID, c, ans.ClearedOn))
	}
	if a.NoStretches {
		a.NoKneeToChest, a.NoKneeRolls = true, true
	}
	if a.NoKneeRolls {
		a.SmallKneeRolls = false
	}
	return a
}
