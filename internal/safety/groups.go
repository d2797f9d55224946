package safety

import "time"

// Group IDs: the pages of the full check. Their headings are neutral: the
// tier is for the outcome, never shown while the person answers.
const (
	GroupNerves = "nerves"
	GroupPain   = "pain"
	GroupHealth = "health"
	GroupCourse = "course"
)

// Group is one page of the full check.
type Group struct {
	ID        string
	Heading   string // neutral: never a tier name
	Questions []Question
}

var groupHeadings = []struct{ id, heading string }{
	{GroupNerves, "Nerves, bladder and bowel"},
	{GroupPain, "Pain and other signs"},
	{GroupHealth, "Health and medicines"},
	{GroupCourse, "How it has gone"},
	{GroupPattern, "Your back over time"},
}

// Asking is what shapes tonight's full check beyond its questions: whether
// the long-standing pattern is due, and the clinicians' checks the person
// recorded.
type Asking struct {
	// Pattern asks the long-standing pattern's four questions (PatternDue).
	Pattern bool
	// Checked is the day a clinician checked each question, by question
	// ID, as recorded; one stands on the night Tonight for
	// ClinicianCheckDays (ClinicianCheckStands). EMERGENCY questions and
	// the acute ones are never vouched for, whatever is given here.
	Checked map[string]time.Time
	// Tonight is the night the check is answered on (history.Night: the
	// midnight of its evening).
	Tonight time.Time
}

// CheckGroups is the one source of the full check's pages, for the
// full-screen check and plain mode alike: every question asked today, one
// group a page, in the order asked, the most serious first within a page.
// A question whose clinician's check stands is asked as ClinicianQuestion,
// with what was checked as its hint. The pattern's page comes last and
// only when a.Pattern; while a clinician's check of the pattern stands, it
// is the one question on that page.
func CheckGroups(a Asking) []Group {
	out := make([]Group, 0, len(groupHeadings))
	for _, g := range groupHeadings {
		grp := Group{ID: g.id, Heading: g.heading}
		if g.id == GroupPattern {
			if !a.Pattern {
				continue
			}
			if q, ok := a.checked(derived[0]); ok {
				grp.Questions = []Question{q}
			} else {
				grp.Questions = PatternQuestions()
			}
			out = append(out, grp)
			continue
		}
		for _, t := range Tiers() {
			for _, q := range questions {
				if q.Group == g.id && q.Tier == t {
					if c, ok := a.checked(q); ok {
						q = c
					}
					grp.Questions = append(grp.Questions, q)
				}
			}
		}
		out = append(out, grp)
	}
	return out
}

// checked is q as it is asked while a clinician's check of it stands.
func (a Asking) checked(q Question) (Question, bool) {
	on, ok := a.Checked[q.ID]
	if !ok || !ClinicianCheckStands(q.ID, on, a.Tonight) {
		return q, false
	}
	q.Text, q.Hint = ClinicianQuestion(on), q.Report+"."
	return q, true
}

// Groups returns every question as the check asks it on a night with the
// pattern due and no clinician's check standing.
func Groups() []Group { return CheckGroups(Asking{Pattern: true}) }
