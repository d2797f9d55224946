package safety

// recheck says how to reach the red-flag check again; it closes every
// outcome that ends the session.
const recheck = "You can take the check again from the home menu, or by typing: supine check."

// closedTonight closes the outcomes that void the night: a later check
// cannot undo what was reported (CONTENT.md section 4).
const closedTonight = "Tonight's routine stays closed until the morning, whatever you press or answer later."

// AdviceFor returns what the outcome screen says for a tier. None never says
// a person is fine: "no red flags reported" is the strongest all-clear, and
// it comes with the stop rules.
func AdviceFor(t Tier) Advice {
	switch t {
	case Emergency:
		return Advice{
			Tier:     Emergency,
			Headline: "Call your local emergency number or go to an emergency department now.",
			Lines: []string{
				"What you answered needs to be checked straight away.",
				"No stretching and no heat tonight: the routine stops here.",
				closedTonight,
			},
		}
	case Urgent:
		return Advice{
			Tier:     Urgent,
			Headline: "See a doctor today.",
			Lines: []string{
				"What you answered is a reason to see a doctor today.",
				"No stretching and no heat tonight: the routine stops here.",
				closedTonight,
			},
		}
	case Book:
		return Advice{
			Tier:     Book,
			Headline: "Make an appointment with a GP or physiotherapist.",
			Lines: []string{
				"A physiotherapist can find which of your muscles are tight and which are weak, and build a plan with you.",
				"Tonight's routine goes on only if you say yes.",
			},
		}
	default:
		return Advice{
			Tier:     None,
			Headline: "No red flags reported.",
			Lines:    StopRules(),
		}
	}
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
