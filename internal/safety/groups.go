package safety

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
}

// Groups returns every question asked today, one group a page, in the order
// the check asks them. Within a group the most serious come first.
func Groups() []Group {
	out := make([]Group, 0, len(groupHeadings))
	for _, g := range groupHeadings {
		grp := Group{ID: g.id, Heading: g.heading}
		for _, t := range Tiers() {
			for _, q := range questions {
				if q.Group == g.id && q.Tier == t {
					grp.Questions = append(grp.Questions, q)
				}
			}
		}
		out = append(out, grp)
	}
	return out
}
