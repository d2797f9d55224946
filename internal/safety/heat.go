package safety

// HeatSafety are the heating-pad lines shown on the heat step
// (CONTENT.md section 3), most important first.
func HeatSafety() []string {
	return []string{
		"Use the pad for 15 to 20 minutes, then switch it off. Leave at least 2 hours between sessions.",
		"Do not lie on the pad with your full weight: that traps its heat. Lie on your side with it against your lower back, or rest it on you.",
		"Keep fabric between the pad and your skin, use low or medium, and check the cord is not frayed.",
		"A pad that switches itself off is the real safeguard: supine cannot switch a pad off.",
		"Never fall asleep on the pad or with it in the bed.",
		"Do not use heat on skin that is numb or tingling. If the skin under the pad goes numb, tingles or burns, switch it off and look at the skin.",
		"Ask a clinician first if you have diabetes, poor circulation or reduced feeling, or are pregnant.",
		"Ask first, too, if you have a fever or broken skin, or have had alcohol or sedating medicine.",
	}
}

// HeatDoneCue is the end-of-heat cue. The player repeats it until the person
// acknowledges it, because falling asleep with the pad is the main burn risk.
func HeatDoneCue() string {
	return "Heat done. Switch the pad off and take it out of the bed."
}

// HeatEvidence is one line on what heat is known to do, and what the time
// limit is for.
func HeatEvidence() string {
	return "Heat gives small, short-term relief. The 15 to 20 minute limit is there to prevent burns; it is not a tested dose."
}
