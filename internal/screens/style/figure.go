package style

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/supine-app/supine/internal/figure"
)

// FigureStyles colour the pictures of the stretches: the part that moves
// in the accent colour, the body in the text colour, what is only there
// (the bed, a pillow, the far leg) quieter. The shape shows the move too:
// colour is never the only signal.
type FigureStyles struct {
	inks   map[figure.Ink]lipgloss.Style
	colors map[figure.Ink]color.Color
}

func newFigureStyles(p Palette) FigureStyles {
	colors := map[figure.Ink]color.Color{
		figure.Bed:    p.Faint,
		figure.Pillow: p.Muted,
		figure.Far:    p.Muted,
		figure.Body:   p.Text,
		figure.Work:   p.Accent,
	}
	inks := make(map[figure.Ink]lipgloss.Style, len(colors))
	for ink, c := range colors {
		inks[ink] = lipgloss.NewStyle().Foreground(c)
	}
	return FigureStyles{inks: inks, colors: colors}
}

// Colors is each ink's colour, for a picture drawn as an image.
func (f FigureStyles) Colors() map[figure.Ink]color.Color { return f.colors }

// Braille draws a picture as lines of coloured braille, each run of one
// ink styled once. Blank cells stay plain spaces.
func (f FigureStyles) Braille(cells [][]figure.Cell) []string {
	out := make([]string, len(cells))
	for i, row := range cells {
		var b, run strings.Builder
		ink := figure.Blank
		flush := func() {
			if run.Len() == 0 {
				return
			}
			if st, ok := f.inks[ink]; ok {
				b.WriteString(st.Render(run.String()))
			} else {
				b.WriteString(run.String())
			}
			run.Reset()
		}
		for _, c := range row {
			if c.Ink != ink {
				flush()
				ink = c.Ink
			}
			run.WriteRune(c.Rune)
		}
		flush()
		out[i] = b.String()
	}
	return out
}
