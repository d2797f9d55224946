package safety

// The "anything new?" shortcut (CONTENT.md section 4, app policy): within 7
// days of a full check with no yes, a later start may ask this instead of
// the whole list. It always names the EMERGENCY items and asks about pain
// that woke the person and pain during the last stretches. Any yes, or an
// unsure answer, means the full check.

// ShortcutQuestion is one question of the shortcut.
type ShortcutQuestion struct {
	ID   string // stable
	Text string // the question; "{since}" stands for when the last full check was
	// Items are named under the question, every night: a yes to any of
	// them, new or not, is a yes.
	Items []string
}

// Shortcut IDs.
const (
	ShortcutAnythingNew = "anything-new"
	ShortcutWokeByPain  = "woke-by-pain"
	ShortcutStretchPain = "pain-last-stretches"
)

// Shortcut returns the shortcut's questions in the order they are asked:
// anything new (with every EMERGENCY item by name), pain that woke the
// person last night, pain during the last stretches.
func Shortcut() []ShortcutQuestion {
	var items []string
	for _, q := range QuestionsIn(Emergency) {
		items = append(items, q.Report)
	}
	return []ShortcutQuestion{
		{
			ID:    ShortcutAnythingNew,
			Text:  "Anything new since {since}, or any of these now?",
			Items: items,
		},
		{
			ID:   ShortcutWokeByPain,
			Text: "Did back pain wake you last night?",
		},
		{
			ID:   ShortcutStretchPain,
			Text: "Did you have pain during your last stretches?",
		},
	}
}
