// Package safety holds the red-flag questions of CONTENT.md section 4, their
// tiers, groups and the triage that picks the highest tier reached; the one
// source of the check's pages (CheckGroups: the long-standing pattern when
// it is due, a clinician's check in the words it is asked in); the outcome
// texts, every sentence of them, for every front end and the card; the
// "anything new?" shortcut; the precautions of section 6, a clinician's
// clearance and what each does to tonight's routine; plus the heat-safety
// lines, the stop rules and the disclaimer and sources.
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
	// Route is how an EMERGENCY yes gets the person to care (an ambulance,
	// or the emergency department); RouteNone for the other tiers.
	Route Route
}

// Advice is everything an outcome says, in the order said: the badge, the
// headline, the lines, then what was reported under its heading and the
// card line. The outcome screen, plain mode and the card all say these
// sentences and no others of their own (CONTENT.md section 4, issue 19).
type Advice struct {
	Tier     Tier
	Badge    string   // "EMERGENCY · Go now"; "" for the all-clear (Badge)
	Headline string   // "Go to an emergency department now."
	Lines    []string // what to do, calm voice
	// Reported is what the person answered yes to, in Report words, in
	// question order; empty when the answers are not known.
	Reported []string
	// ReportedHeading introduces Reported ("What you reported at 22:15
	// (take this with you):"); "" when nothing is reported.
	ReportedHeading string
	// Card is CardLine under an EMERGENCY or URGENT list; "" otherwise.
	Card string
	// NoStretches says tonight's routine goes on, if at all, without the
	// stretches (see NoStretchesTonight).
	NoStretches bool
}
