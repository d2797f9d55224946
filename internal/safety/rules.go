package safety

// StopRules are the signs that end the routine at once (CONTENT.md section 2).
func StopRules() []string {
	return []string{
		"Stop if the pain gets worse or turns sharp.",
		"Stop if pain spreads down a leg.",
		"Stop if numbness, tingling or weakness appears.",
		"Stopping ends the routine; then take the red-flag check.",
	}
}

// StretchRules are how every stretch is done (CONTENT.md section 2).
func StretchRules() []string {
	return []string{
		"Move slowly, and stretch only as far as is comfortable.",
		"Keep a small pillow under your head.",
		"Breathe normally. Never hold your breath.",
		"Start with fewer reps, and build up over days if it feels comfortable.",
	}
}
