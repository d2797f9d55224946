package safety

// Triage returns the highest tier among the questions answered yes. IDs it
// does not know are ignored, so answers stored by an older version still
// load; no yes at all gives None.
func Triage(yes []string) Tier {
	tierOf := make(map[string]Tier, len(questions))
	for _, q := range questions {
		tierOf[q.ID] = q.Tier
	}
	highest := None
	for _, id := range yes {
		if t, ok := tierOf[id]; ok && t > highest {
			highest = t
		}
	}
	return highest
}
