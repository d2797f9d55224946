package figure

import "math"

// The table of poses. Every picture is drawn on a canvas of Width x Height
// units, y pointing up, the bed along the bottom. A shape is a capsule: a
// segment with a radius (a limb, the bed, a pillow); a point with a radius
// is a head. The ink says how it is coloured: the part that moves in this
// pose is Work, so that colour, not only the shape, shows what to do.
//
// The side views look at the working side, so the figure for the left
// side is the mirror of the right's: the leg nearest the viewer is the one
// that moves. Knee rolls are drawn as the person sees their own knees,
// looking down the bed, so that a roll to the left goes to the left of the
// picture.

// Canvas size in units.
const (
	Width  = 100.0
	Height = 40.0
)

// Ink is what a shape is, which decides its colour.
type Ink uint8

const (
	Blank  Ink = iota
	Bed        // the bed line
	Pillow     // a pillow that is only there (under the head)
	Far        // the far leg, the body behind
	Body       // the body at rest
	Work       // what moves in this pose, or the pillow the set-up is about
)

// Inks in the order they are painted: a later ink wins a shared cell.
var paintOrder = []Ink{Bed, Pillow, Far, Body, Work}

// Point is a position on the canvas.
type Point struct{ X, Y float64 }

// Shape is a capsule: every point within R of the segment A-B. A ring
// (a head) is only the outline of a circle of radius R around A.
type Shape struct {
	A, B Point
	R    float64
	Ink  Ink
	Ring bool
}

// Limb and bed thickness, in units.
const (
	limb    = 1.1
	bedLine = 0.6
	headR   = 4.5
)

// chain joins points with limbs of one ink.
func chain(ink Ink, pts ...Point) []Shape {
	var out []Shape
	for i := 1; i < len(pts); i++ {
		out = append(out, Shape{A: pts[i-1], B: pts[i], R: limb, Ink: ink})
	}
	return out
}

func head(c Point, ink Ink) Shape { return Shape{A: c, B: c, R: headR, Ink: ink, Ring: true} }

func pillow(x0, x1, y, r float64, ink Ink) Shape {
	return Shape{A: Point{x0, y}, B: Point{x1, y}, R: r, Ink: ink}
}

func bed() Shape { return Shape{A: Point{2, 1.5}, B: Point{98, 1.5}, R: bedLine, Ink: Bed} }

// The figure on its back, head to the left, knees bent, feet flat on the
// bed: where every stretch starts.
var (
	shoulder = Point{21, 5.5}
	hip      = Point{52, 5.5}
	knee     = Point{67, 21}
	ankle    = Point{80, 4.5}
	toe      = Point{88, 3}
	headAt   = Point{12.5, 9.5}
)

// Shapes is the drawing of a scene.
func Shapes(s Scene) []Shape {
	switch s.Pose {
	case KneeToChestRight:
		return kneeToChest()
	case KneeToChestLeft:
		return mirror(kneeToChest())
	case PelvicTilt:
		return pelvic(false)
	case PelvicRelax:
		return pelvic(true)
	case KneeRollLeft:
		return kneeRoll(rollAngle(s.Small))
	case KneeRollRight:
		return mirror(kneeRoll(rollAngle(s.Small)))
	case SleepSide:
		return sleepSide()
	case SleepBack:
		return sleepBack()
	case SleepStomach:
		return sleepStomach()
	}
	return nil
}

// lying is the head on a small pillow, the bed, and the back from the
// shoulder to the hip through the points between.
func lying(back ...Point) []Shape {
	out := []Shape{bed(), pillow(5, 19, 3.6, 1.8, Pillow), head(headAt, Body)}
	return append(out, chain(Body, append([]Point{shoulder}, append(back, hip)...)...)...)
}

// bentLeg is a leg with the knee up and the foot flat on the bed.
func bentLeg(ink Ink) []Shape { return chain(ink, hip, knee, ankle, toe) }

// kneeToChest: the near (right) knee held toward the chest with both
// hands; the far foot stays on the bed.
func kneeToChest() []Shape {
	out := lying(Point{36, 5})
	out = append(out, bentLeg(Far)...)
	out = append(out, chain(Work, hip, Point{40, 21}, Point{56, 31}, Point{60.5, 33})...)
	// The arm reaches from the shoulder to just below the knee.
	return append(out, chain(Body, shoulder, Point{30, 15}, Point{43.5, 23})...)
}

// pelvic: knees bent; tilted, the lower back lies flat on the bed; at ease
// it lifts in a slight arch. The lower back is the part that moves.
func pelvic(arch bool) []Shape {
	lift := 0.0
	if arch {
		lift = 5.5
	}
	out := []Shape{bed(), pillow(5, 19, 3.6, 1.8, Pillow), head(headAt, Body)}
	out = append(out, chain(Body, shoulder, Point{28, 5.5})...)
	out = append(out, chain(Work, Point{28, 5.5}, Point{34, 5.5 + lift*0.7}, Point{40, 5.5 + lift}, Point{46, 5.5 + lift*0.6}, hip)...)
	return append(out, bentLeg(Body)...)
}

// rollAngle is how far the knees roll, in degrees: small with
// osteoporosis, never to the end of the range.
func rollAngle(small bool) float64 {
	if small {
		return 18
	}
	return 42
}

// kneeRoll is the person's own view down the bed: shoulders flat on the
// bed, the pelvis, and both knees rolled deg degrees to the left, the feet
// where they were.
func kneeRoll(deg float64) []Shape {
	// Both shoulders lie flat on the bed, beyond the knees: the far body.
	out := []Shape{bed(), pillow(22, 78, 3.6, limb, Far)}
	pivot := Point{50, 3}
	tilt := deg / 3 // the pelvis follows the knees a little
	hl, hr := rotate(Point{38, 7}, pivot, tilt), rotate(Point{62, 7}, pivot, tilt)
	out = append(out, chain(Body, hl, hr)...)
	kl, kr := rotate(Point{45.5, 31}, pivot, deg), rotate(Point{54.5, 31}, pivot, deg)
	fl, fr := Point{41, 3}, Point{59, 3}
	out = append(out, chain(Work, hl, kl, fl)...)
	return append(out, chain(Work, hr, kr, fr)...)
}

// rotate turns p about c by deg degrees, counter-clockwise: toward the
// left of the picture for a point above c.
func rotate(p, c Point, deg float64) Point {
	a := deg * math.Pi / 180
	dx, dy := p.X-c.X, p.Y-c.Y
	return Point{c.X + dx*math.Cos(a) - dy*math.Sin(a), c.Y + dx*math.Sin(a) + dy*math.Cos(a)}
}

// sleepSide: on the side, a thick pillow under the head, knees bent and
// apart by the pillow between them.
func sleepSide() []Shape {
	out := []Shape{bed(), pillow(5, 20, 5.5, 3.8, Work), head(Point{13, 13.5}, Body)}
	h := Point{50, 9}
	out = append(out, chain(Body, Point{21, 11.5}, Point{36, 10}, h)...)
	out = append(out, chain(Far, h, Point{68, 5.5}, Point{84, 3.5})...)
	out = append(out, pillow(61, 73, 10.5, 2.4, Work))
	return append(out, chain(Body, h, Point{67, 16}, Point{84, 12})...)
}

// sleepBack: on the back, a head pillow and a small pillow under the
// knees, the legs nearly straight.
func sleepBack() []Shape {
	out := []Shape{bed(), pillow(5, 20, 4.2, 2.4, Pillow), head(Point{12.5, 10.5}, Body)}
	out = append(out, chain(Body, shoulder, hip)...)
	out = append(out, pillow(62, 74, 4.5, 2.6, Work))
	return append(out, chain(Body, hip, Point{68, 9}, Point{88, 4.5}, Point{89.5, 9})...)
}

// sleepStomach: face down, a pillow under the hips and lower belly.
func sleepStomach() []Shape {
	out := []Shape{bed(), pillow(5, 19, 3, 1.2, Pillow), head(Point{12.5, 8.5}, Body)}
	h := Point{50, 9}
	out = append(out, pillow(42, 56, 4.6, 2.6, Work))
	return append(out, chain(Body, Point{21, 6.5}, Point{36, 7.5}, h, Point{70, 5}, Point{90, 4}, Point{95, 3})...)
}

// mirror flips a drawing left to right.
func mirror(shapes []Shape) []Shape {
	out := make([]Shape, len(shapes))
	for i, s := range shapes {
		s.A.X, s.B.X = Width-s.A.X, Width-s.B.X
		out[i] = s
	}
	return out
}

// inside reports whether p is within r of the shape: of its segment, or,
// for a ring, of its outline.
func (s Shape) inside(p Point, r float64) bool {
	if s.Ring {
		return math.Abs(s.dist(p)-s.R) <= r
	}
	return s.dist(p) <= r
}

// dist is the distance from p to the capsule's segment.
func (s Shape) dist(p Point) float64 {
	dx, dy := s.B.X-s.A.X, s.B.Y-s.A.Y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = max(0, min(1, ((p.X-s.A.X)*dx+(p.Y-s.A.Y)*dy)/l))
	}
	ex, ey := p.X-(s.A.X+t*dx), p.Y-(s.A.Y+t*dy)
	return math.Hypot(ex, ey)
}

// families are the poses shown one after another on one step: they share
// one frame (see fit). A sleep set-up is shown alone.
var families = [][]Pose{
	{KneeToChestLeft, KneeToChestRight},
	{PelvicTilt, PelvicRelax},
	{KneeRollLeft, KneeRollRight},
}

// bounds is the part of the canvas the family of p uses.
func bounds(p Pose) (x0, y0, x1, y1 float64) {
	fam := []Pose{p}
	for _, f := range families {
		for _, q := range f {
			if q == p {
				fam = f
			}
		}
	}
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range fam {
		for _, small := range []bool{false, true} {
			for _, sh := range Shapes(Scene{Pose: q, Small: small}) {
				x0 = min(x0, sh.A.X-sh.R, sh.B.X-sh.R)
				x1 = max(x1, sh.A.X+sh.R, sh.B.X+sh.R)
				y0 = min(y0, sh.A.Y-sh.R, sh.B.Y-sh.R)
				y1 = max(y1, sh.A.Y+sh.R, sh.B.Y+sh.R)
			}
		}
	}
	if x0 > x1 {
		return 0, 0, Width, Height
	}
	return x0, y0, x1, y1
}
