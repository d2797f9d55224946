package guide

import "strings"

// pillowNote closes every set-up: CONTENT.md asks that pillow advice be
// labelled as comfort guidance, not as tested evidence.
const pillowNote = "Pillow advice is for comfort; it has not been tested in trials."

var setups = []Setup{
	{
		Position: Side,
		Title:    "On your side",
		Head:     "Use a thicker, firmer head pillow that fills the gap between your head and shoulder.",
		Body:     "Put a pillow between your knees to keep your hips and pelvis stacked.",
		BodyPart: "Knees",
		Extra:    []string{pillowNote},
	},
	{
		Position: Back,
		Title:    "On your back",
		Head:     "Use a head pillow that is neither too thick nor too thin, so your neck is not angled.",
		Body:     "Put a small pillow under your knees. A rolled towel at your waist is optional.",
		BodyPart: "Knees",
		Extra:    []string{pillowNote},
	},
	{
		Position: Stomach,
		Title:    "On your stomach",
		// CONTENT.md gives no head pillow for this position; what it does
		// say about the head is that the position turns it.
		Head:     "Lying on your stomach turns your head to one side; if you can, start the night on your side or back instead.",
		Body:     "If it is the only way you can sleep, put a pillow under your hips and lower belly.",
		BodyPart: "Hips",
		Extra: []string{
			"Sleeping on your stomach is best avoided: it turns your head and arches your lower back.",
			pillowNote,
		},
	},
}

// Setups returns the pillow set-up for each position: side, back, stomach.
func Setups() []Setup {
	out := make([]Setup, len(setups))
	for i, s := range setups {
		out[i] = s
		out[i].Extra = append([]string(nil), s.Extra...)
	}
	return out
}

// For returns the set-up for p. An unknown position gets the side set-up,
// the one the app starts with.
func For(p Position) Setup {
	all := Setups()
	for _, s := range all {
		if s.Position == p {
			return s
		}
	}
	return all[0]
}

// ParsePosition reads a position name as a person or a config file writes
// it ("side", " Back "), reporting false for anything else.
func ParsePosition(s string) (Position, bool) {
	switch p := Position(strings.ToLower(strings.TrimSpace(s))); p {
	case Side, Back, Stomach:
		return p, true
	}
	return "", false
}
