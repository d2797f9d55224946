package style

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/supine-app/supine/internal/safety"
)

// Styles is everything a screen draws with, built from one Palette.
// The common styles come first; each screen that needs more has its own
// group. The player and history groups live in their own files.
type Styles struct {
	Palette Palette

	Title    lipgloss.Style // screen titles
	Body     lipgloss.Style // ordinary text
	Muted    lipgloss.Style // secondary text, hints
	Key      lipgloss.Style // a key named inside text ("press n")
	Selected lipgloss.Style // the item under the cursor (always with a marker too)
	Calm     lipgloss.Style // reassuring lines
	Warn     lipgloss.Style // BOOK advice, cautions (always with a word too)
	Danger   lipgloss.Style // EMERGENCY and URGENT (always with a word too)
	Help     help.Styles    // the help line at the bottom of every screen
	Dialog   lipgloss.Style // a confirmation drawn over the screen ("stop for tonight?")

	Home    HomeStyles
	Check   CheckStyles
	Outcome OutcomeStyles
	Checkin CheckinStyles
	Tips    TipsStyles
	Why     WhyStyles
	Player  PlayerStyles
	History HistoryStyles
}

// New builds the styles for a palette. They are 66 KB of lipgloss styles
// and never change once built, so the root and every screen share one set
// by pointer: passed by value, each screen's New and SetStyles copied all of
// it onto the stack and into a heap copy of its own (docs/PERFORMANCE.md).
func New(p Palette) *Styles {
	s := Styles{
		Palette:  p,
		Title:    lipgloss.NewStyle().Foreground(p.Strong).Bold(true),
		Body:     lipgloss.NewStyle().Foreground(p.Text),
		Muted:    lipgloss.NewStyle().Foreground(p.Muted),
		Key:      lipgloss.NewStyle().Foreground(p.Accent),
		Selected: lipgloss.NewStyle().Foreground(p.Accent).Bold(true),
		Calm:     lipgloss.NewStyle().Foreground(p.Calm),
		Warn:     lipgloss.NewStyle().Foreground(p.Warn),
		Danger:   lipgloss.NewStyle().Foreground(p.Danger),
		Help:     newHelpStyles(p),
		Dialog: lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).
			Padding(1, 3),
		Player:  newPlayerStyles(p),
		History: newHistoryStyles(p),
	}
	s.Home = newHomeStyles(s)
	s.Check = newCheckStyles(s)
	s.Outcome = newOutcomeStyles(s)
	s.Checkin = newCheckinStyles(s)
	s.Tips = newTipsStyles(s)
	s.Why = newWhyStyles(s)
	return &s
}

// ForTier is the colour of a red-flag tier. It never stands alone: every
// place that uses it also writes the tier's words.
func (s *Styles) ForTier(t safety.Tier) lipgloss.Style {
	switch {
	case t >= safety.Urgent:
		return s.Danger
	case t == safety.Book:
		return s.Warn
	}
	return s.Calm
}

func newHelpStyles(p Palette) help.Styles {
	key := lipgloss.NewStyle().Foreground(p.Accent)
	desc := lipgloss.NewStyle().Foreground(p.Muted)
	sep := lipgloss.NewStyle().Foreground(p.Faint)
	return help.Styles{
		Ellipsis:       sep,
		ShortKey:       key,
		ShortDesc:      desc,
		ShortSeparator: sep,
		FullKey:        key,
		FullDesc:       desc,
		FullSeparator:  sep,
	}
}
