package style

import "charm.land/lipgloss/v2"

// HomeStyles are the home screen's styles.
type HomeStyles struct {
	Brand      lipgloss.Style // the word "supine"
	Routine    lipgloss.Style // tonight's routine and its length
	Item       lipgloss.Style // a menu item
	Shortcut   lipgloss.Style // the letter beside a menu item
	Nudge      lipgloss.Style // the calm "book an appointment" line
	Notice     lipgloss.Style // one-line notices (a database moved aside)
	Disclaimer lipgloss.Style // the self-care reminder
}

func newHomeStyles(s Styles) HomeStyles {
	return HomeStyles{
		Brand:      s.Title,
		Routine:    s.Body.Bold(true),
		Item:       s.Body,
		Shortcut:   s.Key,
		Nudge:      s.Warn,
		Notice:     s.Muted,
		Disclaimer: s.Muted.Italic(true),
	}
}

// CheckStyles are the red-flag check's styles. Tier headings take their
// colour from Styles.ForTier.
type CheckStyles struct {
	Intro   lipgloss.Style // the one-line question
	None    lipgloss.Style // "n  none of these apply"
	Item    lipgloss.Style // a question
	Box     lipgloss.Style // the [ ] / [x] box
	Checked lipgloss.Style // the [x] box of a yes
	Hint    lipgloss.Style // the hint under the selected question
	Status  lipgloss.Style // "1 marked" and gentle refusals
}

func newCheckStyles(s Styles) CheckStyles {
	return CheckStyles{
		Intro:   s.Body,
		None:    s.Calm,
		Item:    s.Body,
		Box:     s.Muted,
		Checked: s.Selected,
		Hint:    s.Muted.Italic(true),
		Status:  s.Muted,
	}
}

// OutcomeStyles are the outcome screen's styles. The tier's words take
// their colour from Styles.ForTier.
type OutcomeStyles struct {
	Headline lipgloss.Style // what to do, in one sentence
	Line     lipgloss.Style // the lines that follow
	Bullet   lipgloss.Style // the mark in front of a line
	Question lipgloss.Style // "Go on with tonight's routine?"
}

func newOutcomeStyles(s Styles) OutcomeStyles {
	return OutcomeStyles{
		Headline: s.Title,
		Line:     s.Body,
		Bullet:   s.Muted,
		Question: s.Title,
	}
}

// CheckinStyles are the tightness check-in's styles.
type CheckinStyles struct {
	Question lipgloss.Style // "Before: how tight is your back?"
	Number   lipgloss.Style // a number on the scale
	Chosen   lipgloss.Style // the number under the cursor (bracketed too)
	Word     lipgloss.Style // the word for the chosen number
	Scale    lipgloss.Style // the legend of words
}

func newCheckinStyles(s Styles) CheckinStyles {
	return CheckinStyles{
		Question: s.Title,
		Number:   s.Muted,
		Chosen:   s.Selected,
		Word:     s.Body.Bold(true),
		Scale:    s.Muted,
	}
}

// TipsStyles are the sleep-setup screen's styles.
type TipsStyles struct {
	Tab       lipgloss.Style // a tab
	ActiveTab lipgloss.Style // the tab on show (bracketed too)
	Current   lipgloss.Style // the mark of tonight's position
	Heading   lipgloss.Style // a section heading
	Label     lipgloss.Style // "Head", "Knees"
	Text      lipgloss.Style // advice
}

func newTipsStyles(s Styles) TipsStyles {
	return TipsStyles{
		Tab:       s.Muted,
		ActiveTab: s.Selected,
		Current:   s.Calm,
		Heading:   s.Title,
		Label:     s.Key,
		Text:      s.Body,
	}
}

// WhyStyles are the "why it's tight" screen's styles.
type WhyStyles struct {
	Intro     lipgloss.Style
	Heading   lipgloss.Style
	Paragraph lipgloss.Style
}

func newWhyStyles(s Styles) WhyStyles {
	return WhyStyles{
		Intro:     s.Body.Italic(true),
		Heading:   s.Title,
		Paragraph: s.Body,
	}
}
