package safety

// Triage returns the highest tier among the questions answered yes, the
// long-standing pattern counted when its parts add up to it (Complete).
// Retired IDs keep their tier; IDs it does not know are ignored, so answers
// stored by any version still load; no yes at all gives None.
func Triage(yes []string) Tier {
	highest := None
	for _, id := range Complete(yes) {
		if q, ok := QuestionByID(id); ok && q.Tier > highest {
			highest = q.Tier
		}
	}
	return highest
}

// NoStretchesTonight reports whether the answers leave the stretches out of
// tonight's routine: a yes to severe pain during the exercises means heat
// (if allowed) and the sleep set-up only, until a physiotherapist has
// checked which stretches suit the person (CONTENT.md section 4). With an
// URGENT or EMERGENCY answer as well the whole night is void anyway.
func NoStretchesTonight(yes []string) bool {
	for _, id := range yes {
		if id == ExercisePain {
			return true
		}
	}
	return false
}
