package safety

// ContentVersion is the version of CONTENT.md the questions and texts follow.
// It is stored with every check, so an answer can be read against the
// questions that were asked.
const ContentVersion = "2026-12"

// ContentReviewed is when CONTENT.md was last checked against its sources,
// and which of its versions that is, as the app prints it.
const ContentReviewed = ContentVersion + " (v3)"

// Disclaimer is the short "about" screen, shown from home and on the first
// night before the precautions, and the --help text (CONTENT.md section 5).
func Disclaimer() []string {
	return []string{
		"supine gives general self-care information for adults with everyday back tightness.",
		"It is not a diagnosis, and it does not replace a clinician.",
		"Check with a clinician first if you are pregnant, have had recent back surgery or injury, or have osteoporosis, a history of cancer, or diabetes or neuropathy.",
		"Stop if pain gets worse or spreads, or if numbness or weakness appears.",
		"Most back pain gets better within weeks, and staying active helps.",
		"Start with fewer reps, and build up over days if it feels comfortable.",
	}
}

// DisclaimerLine is the one-line reminder on the home screen.
func DisclaimerLine() string {
	return "Self-care information, not a diagnosis."
}

// ReviewedLine says which content the app follows, under the disclaimer
// and its sources.
func ReviewedLine() string {
	return "Content reviewed " + ContentReviewed + "."
}

// DisclaimerGoOn is the way on from the first night's disclaimer, in
// every front end.
const DisclaimerGoOn = "Press enter to go on to a few questions that adapt the routine to you."
