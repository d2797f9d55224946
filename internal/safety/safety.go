// Package safety holds the red-flag questions of CONTENT.md section 4, their
// tiers, groups and the triage that picks the highest tier reached; the
// outcome texts; the "anything new?" shortcut; the precautions of section 6
// and what each does to tonight's routine; plus the heat-safety lines, the
// stop rules and the disclaimer and sources.
//
// It imports no UI package.
package safety

// Tier is how serious a red flag is. Higher values win.
type Tier int

const (
	None      Tier = iota // no red flags reported
	Book                  // make an appointment with a GP or physiotherapist
	Urgent                // speak to a doctor today (at bedtime: tonight)
	Emergency             // call the emergency number or go to an emergency department now
)

// Question is one red-flag question.
type Question struct {
	ID    string // stable, for storing answers
	Tier  Tier
	Group string // the page it is asked on; see Groups
	Text  string // the question in plain words, second person
	// Hint widens or explains the question. It is part of the question and
	// is always shown with it.
	Hint string
	// Report is what a yes means, as a short statement a nurse on the phone
	// can read back ("Numbness or tingling between the legs").
	Report string
}

// Advice is what an outcome screen says for a tier.
type Advice struct {
	Tier     Tier
	Headline string   // "Call the emergency number now"
	Lines    []string // what to do, calm voice
	// Reported is what the person answered yes to, in Report words, in
	// question order; empty when the answers are not known.
	Reported []string
	// NoStretches says tonight's routine goes on, if at all, without the
	// stretches (see NoStretchesTonight).
	NoStretches bool
}
