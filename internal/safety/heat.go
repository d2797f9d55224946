package safety

// HeatLine is one heat-safety line. Kept marks the three CONTENT.md
// section 3 says are always on screen while heat is on show: the pad off
// at the end and never asleep on it, not on numb skin (the skin stop), and
// tonight's heat question. The others may be one key away.
type HeatLine struct {
	Text string
	Kept bool
}

// HeatSafetyLines are the heating-pad lines shown on the heat step
// (CONTENT.md section 3): the kept three first, then the rest, most
// important first.
func HeatSafetyLines() []HeatLine {
	return []HeatLine{
		{Kept: true, Text: "Switch the pad off when time is up, and never fall asleep with it on."},
		{Kept: true, Text: "Not on numb or tingling skin. Numb, tingles, burns: press s, pad off now."},
		{Kept: true, Text: "Not tonight after alcohol, a sleeping tablet, or a strong or nerve-pain painkiller."},
		{Text: "Use the pad for 15 to 20 minutes, then switch it off. Leave at least 2 hours between sessions."},
		{Text: "Do not lie on the pad with your full weight: that traps its heat. Lie on your side with it against your lower back, or rest it on you."},
		{Text: "Keep fabric between the pad and your skin, use low or medium, and check the cord is not frayed."},
		{Text: "A pad that switches itself off is the real safeguard: supine cannot switch a pad off."},
		{Text: "Ask a clinician first if you have diabetes, poor circulation or reduced feeling in your skin, are pregnant, or have a fever or broken skin."},
	}
}

// HeatSafety is the text of HeatSafetyLines, in their order.
func HeatSafety() []string {
	lines := HeatSafetyLines()
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}

// HeatDoneCue is the end-of-heat cue. The player repeats it until the person
// acknowledges it, because falling asleep with the pad is the main burn risk.
func HeatDoneCue() string {
	return "Heat done. Switch the pad off and take it out of the bed."
}

// HeatWhy is what heat is for, said modestly (CONTENT.md section 3, [32]):
// optional comfort, never a treatment.
const HeatWhy = "Heat is optional: many people find warmth helps them relax before the stretches."

// HeatEvidence is one line on what is known of heat, and what the time
// limit is for.
func HeatEvidence() string {
	return HeatWhy + " In trials its benefit was small and short-lived, and a 2025 trial found a heat wrap no better than a sham one. The 15 to 20 minute limit is there to prevent burns; it is not a tested dose."
}
