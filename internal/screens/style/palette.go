// Package style is the one place supine's look is defined: the palettes and
// the Styles struct every screen draws with. Screens never build style
// literals of their own.
package style

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette is a small set of named colours. Night is the default: dim, warm,
// low contrast and never pure white, because the screen is read lying down in
// a dark room next to someone asleep.
type Palette struct {
	Name    string
	Dark    bool
	Text    color.Color // body text
	Strong  color.Color // titles, the big countdown
	Muted   color.Color // secondary text, help
	Faint   color.Color // borders, empty bar
	Accent  color.Color // selection, current item, bar fill
	Calm    color.Color // reassuring lines ("no red flags reported")
	Warn    color.Color // BOOK, heat-safety
	Danger  color.Color // EMERGENCY / URGENT
	BarFill color.Color
	BarRest color.Color
}

// Night is the default dark palette: amber and sand on the terminal's own
// background.
func Night() Palette {
	return Palette{
		Name:    "night",
		Dark:    true,
		Text:    lipgloss.Color("#c9b8a0"),
		Strong:  lipgloss.Color("#e3cfae"),
		Muted:   lipgloss.Color("#8a7a66"),
		Faint:   lipgloss.Color("#4a4036"),
		Accent:  lipgloss.Color("#d99a5b"),
		Calm:    lipgloss.Color("#9fae8a"),
		Warn:    lipgloss.Color("#d4a85a"),
		Danger:  lipgloss.Color("#d9776a"),
		BarFill: lipgloss.Color("#b9814a"),
		BarRest: lipgloss.Color("#3a322b"),
	}
}

// Light is the matching palette for light terminals.
func Light() Palette {
	return Palette{
		Name:    "light",
		Dark:    false,
		Text:    lipgloss.Color("#4a3f33"),
		Strong:  lipgloss.Color("#2e261e"),
		Muted:   lipgloss.Color("#7d6e5e"),
		Faint:   lipgloss.Color("#cbbca8"),
		Accent:  lipgloss.Color("#a8612a"),
		Calm:    lipgloss.Color("#55693f"),
		Warn:    lipgloss.Color("#8f6a17"),
		Danger:  lipgloss.Color("#a63d30"),
		BarFill: lipgloss.Color("#b9814a"),
		BarRest: lipgloss.Color("#e4d8c8"),
	}
}
