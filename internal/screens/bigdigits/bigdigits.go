// Package bigdigits draws short strings (a countdown such as "14:59", a
// phase word such as "TILT") in large block glyphs, readable from a pillow
// across the room. Glyphs are a 3x5 pixel font with every pixel two cells
// wide, so they keep their shape in any terminal font.
//
// It knows the digits, ':', the letters A to Z (either case) and the space.
// Anything else, or anything too wide for the room, falls back to the plain
// text: callers never get a broken half-drawn glyph.
package bigdigits

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Height is how many lines a big rendering takes.
const Height = 5

const (
	pixelOn  = "██"
	pixelOff = "  "
	gap      = "  " // between glyphs
)

// font returns each glyph as five rows of pixels, '#' on and '.' off. It is
// a function, not a package variable, so that a command that never draws a
// big glyph (supine --help, history) never builds the map.
func font() map[rune][Height]string {
	return map[rune][Height]string{
		'0': {"###", "#.#", "#.#", "#.#", "###"},
		'1': {".#.", "##.", ".#.", ".#.", "###"},
		'2': {"###", "..#", "###", "#..", "###"},
		'3': {"###", "..#", "###", "..#", "###"},
		'4': {"#.#", "#.#", "###", "..#", "..#"},
		'5': {"###", "#..", "###", "..#", "###"},
		'6': {"###", "#..", "###", "#.#", "###"},
		'7': {"###", "..#", "..#", "..#", "..#"},
		'8': {"###", "#.#", "###", "#.#", "###"},
		'9': {"###", "#.#", "###", "..#", "###"},
		':': {".", "#", ".", "#", "."},
		' ': {".", ".", ".", ".", "."},
		'A': {".#.", "#.#", "###", "#.#", "#.#"},
		'B': {"##.", "#.#", "##.", "#.#", "##."},
		'C': {".##", "#..", "#..", "#..", ".##"},
		'D': {"##.", "#.#", "#.#", "#.#", "##."},
		'E': {"###", "#..", "##.", "#..", "###"},
		'F': {"###", "#..", "##.", "#..", "#.."},
		'G': {".##", "#..", "#.#", "#.#", ".##"},
		'H': {"#.#", "#.#", "###", "#.#", "#.#"},
		'I': {"###", ".#.", ".#.", ".#.", "###"},
		'J': {"..#", "..#", "..#", "#.#", ".#."},
		'K': {"#.#", "#.#", "##.", "#.#", "#.#"},
		'L': {"#..", "#..", "#..", "#..", "###"},
		'M': {"#.#", "###", "###", "#.#", "#.#"},
		'N': {"##.", "#.#", "#.#", "#.#", "#.#"},
		'O': {".#.", "#.#", "#.#", "#.#", ".#."},
		'P': {"##.", "#.#", "##.", "#..", "#.."},
		'Q': {".#.", "#.#", "#.#", "##.", ".##"},
		'R': {"##.", "#.#", "##.", "#.#", "#.#"},
		'S': {".##", "#..", ".#.", "..#", "##."},
		'T': {"###", ".#.", ".#.", ".#.", ".#."},
		'U': {"#.#", "#.#", "#.#", "#.#", "###"},
		'V': {"#.#", "#.#", "#.#", "#.#", ".#."},
		'W': {"#.#", "#.#", "###", "###", "#.#"},
		'X': {"#.#", "#.#", ".#.", "#.#", "#.#"},
		'Y': {"#.#", "#.#", ".#.", ".#.", ".#."},
		'Z': {"###", "..#", ".#.", "#..", "###"},
	}
}

// rows is the font drawn in cells, each glyph's five rows, built the first
// time a glyph is looked up rather than at start-up: every command used to
// pay for it (issue 15).
var rows = sync.OnceValue(func() map[rune][Height]string {
	cells := strings.NewReplacer("#", pixelOn, ".", pixelOff)
	pixels := font()
	out := make(map[rune][Height]string, len(pixels))
	for r, g := range pixels {
		var drawn [Height]string
		for i, row := range g {
			drawn[i] = cells.Replace(row)
		}
		out[r] = drawn
	}
	return out
})

func glyph(r rune) ([Height]string, bool) {
	if 'a' <= r && r <= 'z' {
		r -= 'a' - 'A'
	}
	g, ok := rows()[r]
	return g, ok
}

// Supports reports whether every character of s has a big glyph.
func Supports(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if _, ok := glyph(r); !ok {
			return false
		}
	}
	return true
}

// Width is how many cells wide Render draws s in big glyphs. It is only
// meaningful when Supports(s).
func Width(s string) int {
	w, n := 0, 0
	for _, r := range s {
		g, _ := glyph(r)
		w += utf8.RuneCountInString(g[0]) // block and space runes are one cell each
		n++
	}
	if n > 1 {
		w += (n - 1) * len(gap)
	}
	return w
}

// Render draws s in big glyphs, Height lines joined by newlines, every line
// the same width. When some character has no glyph it returns s unchanged.
func Render(s string) string {
	if !Supports(s) {
		return s
	}
	var b strings.Builder
	b.Grow(Height * (Width(s)*3 + 1))
	for row := range Height {
		if row > 0 {
			b.WriteByte('\n')
		}
		first := true
		for _, r := range s {
			if !first {
				b.WriteString(gap)
			}
			first = false
			g, _ := glyph(r)
			b.WriteString(g[row])
		}
	}
	return b.String()
}

// Fit draws s big when it can be drawn and fits in w cells, and returns s
// unchanged otherwise. The caller tells the two apart with Fits.
func Fit(s string, w int) string {
	if !Fits(s, w) {
		return s
	}
	return Render(s)
}

// Fits reports whether s can be drawn big within w cells.
func Fits(s string, w int) bool {
	return Supports(s) && Width(s) <= w
}
