package guide

// Mattress is the mattress-firmness advice for the tips screen.
func Mattress() []string {
	return []string{
		"A medium-firm mattress is what the evidence favours.",
		"In a trial of 313 adults whose backs hurt in bed, medium-firm beat firm for pain in bed and for disability.",
		"A review of 39 studies agrees, and found no support for \"orthopaedic\" marketing.",
		"Too soft: your hips sink and your spine bends.",
		"Too firm: pressure points, and your lower back does not rest on the mattress, so its curve flattens.",
	}
}

// Alignment is the one line to aim for in any position.
func Alignment() string {
	return "Aim for your ears, shoulders and hips in one line."
}
