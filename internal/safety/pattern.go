package safety

import "time"

// The long-standing pattern (NICE NG65, CONTENT.md section 4): back pain
// for more than 3 months that started before 45, with long morning
// stiffness or waking in the second half of the night. It is asked as four
// short questions, no red flag alone; together they are the BOOK answer
// InflammatoryPattern. Asked in the full check only, at most once a month
// (PatternDue).

// GroupPattern is the page the pattern's questions are asked on.
const GroupPattern = "pattern"

// InflammatoryPattern is the answer the pattern's parts add up to: a BOOK
// whose outcome adds the GP line about an inflammatory back condition, and
// which the visit report points out. It is stored with the parts that made
// it; it is asked as one question only while a clinician's check of it
// stands.
const InflammatoryPattern = "inflammatory-pattern"

// The pattern's parts, in the order asked.
const (
	PatternLong     = "pattern-3-months"
	PatternYoung    = "pattern-before-45"
	PatternMorning  = "pattern-morning-stiffness"
	PatternNightEnd = "pattern-waking"
)

var patternParts = []Question{
	{ID: PatternLong, Tier: None, Group: GroupPattern,
		Text:   "Has your back pain lasted more than 3 months?",
		Report: "Back pain for more than 3 months"},
	{ID: PatternYoung, Tier: None, Group: GroupPattern,
		Text:   "Did it start before you were 45?",
		Report: "The back pain started before age 45"},
	{ID: PatternMorning, Tier: None, Group: GroupPattern,
		Text:   "After waking, are you stiff for more than 30 minutes, easing as you move?",
		Report: "Stiffness for more than 30 minutes after waking, easing with movement"},
	{ID: PatternNightEnd, Tier: None, Group: GroupPattern,
		Text:   "Does the pain wake you in the second half of the night?",
		Report: "Woken by the pain in the second half of the night"},
}

// derived are answers the check never asks as such: they are worked out
// from other answers (Complete), and kept for the outcome and the report.
var derived = []Question{
	{ID: InflammatoryPattern, Tier: Book, Group: GroupPattern,
		Text:   "Has your back pain lasted more than 3 months, starting before you were 45, with long morning stiffness or waking late in the night?",
		Report: "Back pain for more than 3 months, starting before 45, with morning stiffness over 30 minutes that eases with movement, or waking in the second half of the night"},
}

// PatternQuestions returns the pattern's four questions in the order asked.
func PatternQuestions() []Question {
	out := make([]Question, len(patternParts))
	copy(out, patternParts)
	return out
}

// patternHolds reports whether the parts answered yes add up to the pattern:
// more than 3 months, started before 45, and morning stiffness or waking.
func patternHolds(yes []string) bool {
	has := map[string]bool{}
	for _, id := range yes {
		has[id] = true
	}
	return has[PatternLong] && has[PatternYoung] && (has[PatternMorning] || has[PatternNightEnd])
}

// Complete is the answers of a check as they are kept, triaged and read
// back: yes, with InflammatoryPattern added when the pattern's parts add
// up to it, each once, most serious first (the order of Questions, then
// the pattern's parts and the pattern), so that every front end lists them
// alike; IDs this version does not ask come last, in the order given. The
// slice given is not changed; nil stays nil.
func Complete(yes []string) []string {
	if len(yes) == 0 {
		return nil
	}
	has := map[string]bool{}
	for _, id := range yes {
		has[id] = true
	}
	if patternHolds(yes) {
		has[InflammatoryPattern] = true
	}
	var out []string
	for _, list := range [][]Question{questions, patternParts, derived} {
		for _, q := range list {
			if has[q.ID] {
				out = append(out, q.ID)
				delete(has, q.ID)
			}
		}
	}
	for _, id := range yes {
		if has[id] {
			out = append(out, id)
			delete(has, id)
		}
	}
	return out
}

// PatternDue reports whether tonight's full check asks the pattern: it was
// never asked, or last asked a month or more before now. A last time after
// now (the clock moved back) cannot be trusted, so the pattern is asked.
func PatternDue(lastAsked, now time.Time) bool {
	return lastAsked.IsZero() || lastAsked.After(now) || !now.Before(lastAsked.AddDate(0, 1, 0))
}
