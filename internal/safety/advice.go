package safety

import "time"

// recheck says how to reach the red-flag check again; it closes every
// outcome that ends the session.
const recheck = "You can take the check again from the home menu, or by typing: supine check."

// closedTonight closes the outcomes that void the night: a later check
// cannot undo what was reported (CONTENT.md section 4).
const closedTonight = "The routine stays closed for the rest of the night and at least 12 hours, whatever you press or answer later."

// EmergencyNumbers names example emergency numbers.
const EmergencyNumbers = "For example 999 in the UK, 112 in the EU, 911 in the US."

// SafetyNet is the line every all-clear carries.
const SafetyNet = "If numbness between your legs, a bladder or bowel change, or weakness in both legs appears, call the emergency number."

// NoStretchesLine is what a BOOK reached through pain during the exercises
// says about tonight.
const NoStretchesLine = "Tonight the stretches are left out: heat (if it is allowed for you) and the sleep set-up only. Let a physiotherapist check which stretches suit you."

// Situation is what an outcome knows beyond its tier.
type Situation struct {
	// At is when the check was answered. Zero means bedtime, the app's
	// usual hour. From 06:00 to 17:59 URGENT says "today" instead of
	// "tonight".
	At time.Time
	// Yes are the IDs answered yes, for the "take this with you" list and
	// for BOOK's stretches rule.
	Yes []string
	// Standalone is a check taken on its own, with no routine waiting:
	// BOOK then asks nothing.
	Standalone bool
}

// daytime is 06:00 to 17:59, when a surgery may still be reached today.
func (s Situation) daytime() bool {
	return !s.At.IsZero() && s.At.Hour() >= 6 && s.At.Hour() < 18
}

// AdviceFor returns what the outcome screen says for a tier, at bedtime,
// with a routine waiting and the answers unknown. See AdviceIn.
func AdviceFor(t Tier) Advice { return AdviceIn(t, Situation{}) }

// AdviceIn returns what the outcome screen says for a tier in a situation.
// None never says a person is fine: "no red flags reported" is the strongest
// all-clear, and it carries the safety-net line and the stop rules.
func AdviceIn(t Tier, s Situation) Advice {
	a := Advice{Tier: t, Reported: Reported(s.Yes)}
	switch t {
	case Emergency:
		a.Headline = "Call your local emergency number now, or go to an emergency department."
		a.Lines = []string{EmergencyNumbers, "What you reported needs to be checked straight away."}
		if len(a.Reported) > 0 {
			a.Lines = append(a.Lines, "Take the list of what you reported with you, or read it out on the phone.")
		}
		a.Lines = append(a.Lines,
			"No stretching and no heat tonight: the routine stops here.",
			closedTonight,
		)
	case Urgent:
		if s.daytime() {
			a.Headline = "Speak to a doctor today."
			a.Lines = []string{
				"If your surgery is closed, call your out-of-hours or non-emergency medical line (NHS 111 in the UK).",
			}
		} else {
			a.Headline = "Contact a doctor tonight."
			a.Lines = []string{
				"If your surgery is closed, call your out-of-hours or non-emergency medical line (NHS 111 in the UK).",
				"If you cannot get through, see a doctor first thing tomorrow.",
			}
		}
		a.Lines = append(a.Lines,
			"No stretching and no heat tonight: the routine stops here.",
			closedTonight,
		)
	case Book:
		a.Headline = "Make an appointment with a GP or physiotherapist."
		a.Lines = []string{
			"A physiotherapist can find which of your muscles are tight and which are weak, and build a plan with you.",
		}
		if NoStretchesTonight(s.Yes) {
			a.NoStretches = true
			a.Lines = append(a.Lines, NoStretchesLine)
		}
		for _, id := range s.Yes {
			if id == InflammatoryPattern {
				a.Lines = append(a.Lines, "The pattern you described is worth a GP's look: it is sometimes an inflammatory back condition that needs its own treatment.")
			}
		}
		if !s.Standalone {
			a.Lines = append(a.Lines, "Tonight's routine goes on only if you say yes.")
		}
	default:
		a.Tier = None
		a.Headline = "No red flags reported."
		a.Lines = append([]string{SafetyNet}, StopRules()...)
	}
	return a
}

// PainStop is what the "stopped for pain" screen says. Its Tier is None
// because no check has been taken yet; the screen points to the check.
func PainStop() Advice {
	return Advice{
		Tier:     None,
		Headline: "Stopped for pain.",
		Lines: []string{
			"The routine ends here for tonight.",
			"Please take the red-flag check now. It asks a few short questions and tells you what to do next.",
			recheck,
		},
	}
}
