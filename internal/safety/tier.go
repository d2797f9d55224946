package safety

// Tiers lists the tiers a question can have, most serious first, the order
// the check asks them in.
func Tiers() []Tier { return []Tier{Emergency, Urgent, Book} }

// TierName is the tier's name in capitals, for logs, storage and text that
// must not rely on colour ("EMERGENCY", "URGENT", "BOOK", "none").
func TierName(t Tier) string {
	switch t {
	case Emergency:
		return "EMERGENCY"
	case Urgent:
		return "URGENT"
	case Book:
		return "BOOK"
	default:
		return "none"
	}
}

// TierLabel is a short heading for the tier, so a screen never shows the
// tier by colour alone.
func TierLabel(t Tier) string {
	switch t {
	case Emergency:
		return "Go now"
	case Urgent:
		return "Speak to a doctor"
	case Book:
		return "Book an appointment"
	default:
		return "No red flags reported"
	}
}

// String returns TierName(t).
func (t Tier) String() string { return TierName(t) }

// EndsSession reports whether the tier ends tonight's session: EMERGENCY and
// URGENT do, with no routine tonight. BOOK goes on only after an explicit yes.
func EndsSession(t Tier) bool { return t >= Urgent }
