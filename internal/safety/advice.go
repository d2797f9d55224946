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

// AdviceIn returns what the outcome says for a tier in a situation: every
// sentence of it, for the outcome screen, plain mode and the card alike.
// None never says a person is fine: "no red flags reported" is the
// strongest all-clear, and it carries the safety-net line and the stop
// rules. EMERGENCY says how to get there by what was ticked (emergencyLines).
func AdviceIn(t Tier, s Situation) Advice {
	a := Advice{Tier: t, Reported: Reported(Complete(s.Yes)), Badge: Badge(t)}
	if len(a.Reported) > 0 {
		a.ReportedHeading = ReportedHeading(s.At)
	}
	switch t {
	case Emergency:
		a.Headline, a.Lines = emergencyLines(EmergencyRoute(s.Yes), len(a.Reported) > 0)
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
		for _, id := range Complete(s.Yes) {
			if id == InflammatoryPattern {
				a.Lines = append(a.Lines, PatternLine)
			}
		}
		if !s.Standalone {
			a.Lines = append(a.Lines, "Tonight's routine goes on only if you say yes.")
		}
	default:
		a.Tier, a.Badge = None, ""
		a.Headline = "No red flags reported."
		a.Lines = append([]string{SafetyNet}, StopRules()...)
	}
	if EndsSession(a.Tier) && len(a.Reported) > 0 {
		a.Card = CardLine
	}
	return a
}

// emergencyLines are EMERGENCY's headline and first lines by how to get
// there (CONTENT.md section 4, v3): an ambulance for chest pain, sudden
// severe back and tummy pain, feeling faint or clammy; the emergency
// department, taken by someone else, for the nerve, bladder, bowel, legs,
// walking and sexual-function items and a serious accident or fall. Never
// driving. With the answers unknown, both ways are named.
func emergencyLines(r Route, reported bool) (string, []string) {
	switch r {
	case RouteAmbulance:
		lines := []string{"Do not drive yourself.", "What you reported needs to be checked straight away."}
		if reported {
			lines = append(lines, "Read the list below out on the phone, and take it with you.")
		}
		return "Call for an ambulance now: 999 in the UK, 112 in the EU, 911 in the US.", lines
	case RouteDepartment:
		lines := []string{
			"Ask someone to take you, or call 999 in the UK (112 in the EU, 911 in the US).",
			"Do not drive yourself: your legs may be weak.",
		}
		if reported {
			lines = append(lines, "Take this list with you.")
		}
		return "Go to an emergency department now.", lines
	}
	return "Call your local emergency number now, or go to an emergency department.",
		[]string{EmergencyNumbers, "Do not drive yourself.", "What you reported needs to be checked straight away."}
}

// Badge is the outcome's first line: the tier's name and label, in words,
// so that it never relies on colour ("EMERGENCY · Go now"); "" for the
// all-clear, which has no tier to name.
func Badge(t Tier) string {
	if t == None {
		return ""
	}
	return TierName(t) + " · " + TierLabel(t)
}

// ReportedHeading introduces what the person answered yes to, with the
// time when it is known.
func ReportedHeading(at time.Time) string {
	if at.IsZero() {
		return "What you reported (take this with you):"
	}
	return "What you reported at " + at.Format("15:04") + " (take this with you):"
}

// CardLine closes an EMERGENCY or URGENT list: how to have it on paper.
const CardLine = "On paper or on a phone: supine report --card writes this out with the time."

// ShownAgain is the line over an EMERGENCY or URGENT outcome shown again
// while it still closes the routine: a later start shows it instead of a
// routine. opens is when the routine opens again, as a clock time the way
// a person reads it (night.OpensAt: "10:15 tomorrow"), never "the
// morning": a void lasts at least 12 hours.
func ShownAgain(at time.Time, t Tier, opens string) string {
	return "The check at " + at.Format("15:04") + " reached " + TierName(t) + " and closed the routine: no routine until " + opens + "."
}

// PatternLine is what BOOK adds for the long-standing pattern (NICE NG65),
// said plainly.
const PatternLine = "This is one pattern a GP may ask about: it is sometimes an inflammatory back condition that needs its own treatment."

// PainStop is what the "stopped for pain" screen says. Its Tier is None
// because no check has been taken yet; the screen points to the check.
func PainStop() Advice {
	return Advice{
		Tier:     None,
		Badge:    "Routine stopped",
		Headline: "Stopped for pain.",
		Lines: []string{
			"The routine ends here for tonight.",
			"Please take the red-flag check now. It asks a few short questions and tells you what to do next.",
			recheck,
		},
	}
}
