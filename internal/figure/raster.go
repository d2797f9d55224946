package figure

import "strings"

// Grid is a picture as dots, W x H, row by row from the top: the ink of
// each dot, Blank where nothing is drawn.
type Grid struct {
	W, H int
	Dots []Ink
}

// At is the ink of the dot at x, y.
func (g Grid) At(x, y int) Ink { return g.Dots[y*g.W+x] }

// view maps canvas units to the dots or pixels of a picture: x to the
// right, y down from the top.
type view struct{ scale, ox, oy, top float64 }

// fit maps the part of the canvas a scene's family of poses uses into a
// w x h box, keeping the proportions, centred across and resting on the
// bottom (the bed is always the lowest line). Poses shown one after
// the other (tilt and relax, left and right) share one box, so that the
// figure does not jump when the picture changes.
func fit(s Scene, w, h int) view {
	x0, y0, x1, y1 := bounds(s.Pose)
	const margin = 0.5
	x0, y0, x1, y1 = x0-margin, y0-margin, x1+margin, y1+margin
	scale := min(float64(w)/(x1-x0), float64(h)/(y1-y0))
	return view{
		scale: scale,
		ox:    (float64(w)-(x1-x0)*scale)/2 - x0*scale,
		oy:    float64(h) - (y1-y0)*scale,
		top:   y1,
	}
}

// dot is where canvas point p falls, in dots.
func (v view) dot(p Point) (float64, float64) { return p.X*v.scale + v.ox, (v.top-p.Y)*v.scale + v.oy }

// unit is the canvas point at the centre of dot x, y.
func (v view) unit(x, y int) Point {
	return Point{(float64(x) + 0.5 - v.ox) / v.scale, v.top - (float64(y)+0.5-v.oy)/v.scale}
}

// box is the dots a shape may cover, with r of room around it.
func (v view) box(sh Shape, r float64) (x0, y0, x1, y1 int) {
	ax, ay := v.dot(sh.A)
	bx, by := v.dot(sh.B)
	rr := r*v.scale + 1
	return int(min(ax, bx) - rr), int(min(ay, by) - rr), int(max(ax, bx) + rr), int(max(ay, by) + rr)
}

// Dots draws a scene as a grid of w x h dots. A dot is inked when its
// centre lies within a shape; every shape is at least about one dot thick,
// so that a thin limb stays unbroken at any size.
func Dots(s Scene, w, h int) Grid {
	g := Grid{W: w, H: h, Dots: make([]Ink, w*h)}
	if w <= 0 || h <= 0 {
		return g
	}
	v := fit(s, w, h)
	minR := 0.62 / v.scale // about a dot and a bit, in units
	shapes := Shapes(s)
	for _, ink := range paintOrder {
		for _, sh := range shapes {
			if sh.Ink != ink {
				continue
			}
			r := max(sh.R, minR)
			if sh.Ring {
				r = max(limb, minR) * 0.8
			}
			// Only the dots near the shape are looked at.
			x0, y0, x1, y1 := v.box(sh, sh.R+r)
			for y := max(y0, 0); y <= min(y1, h-1); y++ {
				for x := max(x0, 0); x <= min(x1, w-1); x++ {
					if sh.inside(v.unit(x, y), r) {
						g.Dots[y*w+x] = ink
					}
				}
			}
		}
	}
	return g
}

// Cell is one character of a braille picture: the braille pattern and the
// ink that colours it (the strongest ink among its dots).
type Cell struct {
	Rune rune
	Ink  Ink
}

// brailleBits are the dot bits of a braille cell, by column then row
// (Unicode's dot numbering: 1-2-3-7 down the left, 4-5-6-8 down the right).
var brailleBits = [2][4]rune{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

// Braille draws a scene in cols x rows braille cells (2 x 4 dots each).
// An empty cell is a space, so that a picture beside text leaves it clear.
func Braille(s Scene, cols, rows int) [][]Cell {
	g := Dots(s, cols*2, rows*4)
	out := make([][]Cell, rows)
	for r := range rows {
		out[r] = make([]Cell, cols)
		for c := range cols {
			var bits rune
			ink := Blank
			for dx := range 2 {
				for dy := range 4 {
					if d := g.At(c*2+dx, r*4+dy); d != Blank {
						bits |= brailleBits[dx][dy]
						ink = max(ink, d)
					}
				}
			}
			cell := Cell{Rune: ' ', Ink: Blank}
			if bits != 0 {
				cell = Cell{Rune: 0x2800 + bits, Ink: ink}
			}
			out[r][c] = cell
		}
	}
	return out
}

// Text is a braille picture as plain lines, for tests and goldens.
func Text(cells [][]Cell) string {
	var b strings.Builder
	for i, row := range cells {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, c := range row {
			b.WriteRune(c.Rune)
		}
	}
	return b.String()
}

// Size is a picture's size in terminal cells.
type Size struct{ Cols, Rows int }

// The two sizes the app draws: beside the big countdown (as tall as its
// digits), and a small one for a window with less room.
var (
	Large = Size{Cols: 30, Rows: 5}
	Small = Size{Cols: 18, Rows: 3}
)
