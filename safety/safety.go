// Package safety holds the red-flag questions of CONTENT.md section 4, their
// tiers and the triage that picks the highest tier reached, plus the
// heat-safety lines, the stop rules and the disclaimer and sources.
//
// It imports no UI package.
package safety

// Tier is how serious a red flag is. Higher values win.
type Tier int

const (
	None      Tier = iota // no red flags reported
	Book                  // make an appointment with a GP or physiotherapist
	Urgent                // see a doctor today
	Emergency             // call the emergency number or go to an emergency department now
)

// Question is one red-flag question.
type Question struct {
	ID   string // stable, for storing answers
	Tier Tier
	Text string // the question in plain words, second person
	Hint string // optional: helps tell it apart from ordinary tightness
}

// Advice is what an outcome screen says for a tier.
type Advice struct {
	Tier     Tier
	Headline string   // "Call the emergency number now"
	Lines    []string // what to do, calm voice
}
