package report

import (
	"fmt"
	"github.com/supine-app/supine/internal/night"
	"time"

	"github.com/supine-app/supine/internal/history"

	"github.com/supine-app/supine/internal/safety"
)

// Card is the "take this with you" part alone: tonight's EMERGENCY or
// URGENT check, what was reported and when, and what the app advised.
type Card struct {
	Check  CheckRecord
	Advice safety.Advice
	Now    time.Time
}

// BuildCard finds tonight's most serious EMERGENCY or URGENT check (the
// latest of them when two reach the same tier). ok is false when tonight
// has none: then there is no card to give.
func BuildCard(in Input) (Card, bool) {
	loc := in.Now.Location()
	tonight := history.Night(in.Now.In(loc), in.RolloverHour)
	var found *history.Check
	// A check dated after now (a clock stepped back) was made, at the latest,
	// now: it is tonight's.
	checks := history.ChecksAsOf(in.Checks, in.Now)
	for i := range checks {
		c := checks[i]
		t := night.ParseTier(c.Tier)
		if !history.Night(c.At.In(loc), in.RolloverHour).Equal(tonight) || !safety.EndsSession(t) {
			continue
		}
		if found == nil || t > night.ParseTier(found.Tier) || (t == night.ParseTier(found.Tier) && !c.At.Before(found.At)) {
			found = &checks[i]
		}
	}
	if found == nil {
		return Card{}, false
	}
	cr := checkRecord(*found, loc)
	return Card{Check: cr, Now: in.Now,
		Advice: safety.AdviceIn(cr.Tier, safety.Situation{At: cr.At, Yes: found.Yes, Standalone: true})}, true
}

func (c Card) document() document {
	d := document{Title: "Take this with you: what I reported", Chart: -1, oneColumn: true}
	d.Subtitle = []string{fmt.Sprintf("From supine's red-flag check at %s. Outcome: %s.", stamp(c.Check.At), safety.TierName(c.Check.Tier))}
	rep := Section{Title: "What I answered yes to", Items: c.Check.Reported}
	if len(rep.Items) == 0 {
		rep.Lines = []string{"The answers were not kept with this check."}
	}
	d.Sections = append(d.Sections, rep)
	advice := Section{Title: "What the app advised", Lines: []string{c.Advice.Headline}}
	advice.Lines = append(advice.Lines, c.Advice.Lines...)
	d.Sections = append(d.Sections, advice)
	d.Sections = append(d.Sections, Section{Title: "About this card", Lines: []string{
		safety.DisclaimerLine() + " supine is a self-care app for back tightness at bedtime; these are the person's own answers to its questions.",
		fmt.Sprintf("Made %s. Content version %s.", stamp(c.Now), safety.ContentVersion),
	}})
	return d
}

// Text is the card as plain text.
func (c Card) Text() string { return c.document().text() }

// Markdown is the card as Markdown.
func (c Card) Markdown() string { return c.document().markdown() }

// HTML is the card as one self-contained page.
func (c Card) HTML() string { return c.document().html() }
