package style

import "charm.land/lipgloss/v2"

// HistoryStyles are the history screen's styles. Every mark on a session
// (partial, stopped for pain, a red flag) is a word; colour only adds to it.
type HistoryStyles struct {
	Title       lipgloss.Style // "History"
	Heading     lipgloss.Style // "Recent sessions", the chart's title
	Text        lipgloss.Style // ordinary lines
	Muted       lipgloss.Style // scroll marks, the empty-history line, "and N earlier"
	Streak      lipgloss.Style // the nights in a row
	Date        lipgloss.Style // a session's night
	Routine     lipgloss.Style // a session's routine
	Score       lipgloss.Style // "6 → 3"
	Partial     lipgloss.Style // the word "partial"
	Stopped     lipgloss.Style // "stopped for pain"
	Flag        lipgloss.Style // a BOOK red flag reached that night
	FlagSerious lipgloss.Style // URGENT or EMERGENCY reached that night
	Nudge       lipgloss.Style // the several-weeks rule's sentence
	NudgeHead   lipgloss.Style // its heading

	// The chart. Before and after bars differ in place (before on the left
	// of each week, after on the right, said in the legend) as well as colour.
	Axis      lipgloss.Style
	BarBefore lipgloss.Style
	BarAfter  lipgloss.Style
	Label     lipgloss.Style // week dates under the chart, the legend
}

func newHistoryStyles(p Palette) HistoryStyles {
	text := lipgloss.NewStyle().Foreground(p.Text)
	muted := lipgloss.NewStyle().Foreground(p.Muted)
	strong := lipgloss.NewStyle().Foreground(p.Strong).Bold(true)
	warn := lipgloss.NewStyle().Foreground(p.Warn)
	return HistoryStyles{
		Title:       strong,
		Heading:     strong,
		Text:        text,
		Muted:       muted,
		Streak:      lipgloss.NewStyle().Foreground(p.Calm).Bold(true),
		Date:        muted,
		Routine:     text,
		Score:       lipgloss.NewStyle().Foreground(p.Strong),
		Partial:     muted.Italic(true),
		Stopped:     warn,
		Flag:        warn.Bold(true),
		FlagSerious: lipgloss.NewStyle().Foreground(p.Danger).Bold(true),
		Nudge:       warn,
		NudgeHead:   warn.Bold(true),
		Axis:        lipgloss.NewStyle().Foreground(p.Faint),
		BarBefore:   lipgloss.NewStyle().Foreground(p.Accent),
		BarAfter:    lipgloss.NewStyle().Foreground(p.Calm),
		Label:       muted,
	}
}
