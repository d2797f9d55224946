package figure

import (
	"image"
	"image/color"
	"math"
)

// Image draws a scene as w x h pixels, the edges smoothed, for a terminal
// that shows images. colors gives each ink its colour; an ink without one
// is not drawn, and the background stays transparent.
func Image(s Scene, w, h int, colors map[Ink]color.Color) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	if w <= 0 || h <= 0 {
		return img
	}
	v := fit(s, w, h)
	shapes := Shapes(s)
	for _, ink := range paintOrder {
		c, ok := colors[ink]
		if !ok {
			continue
		}
		cr, cg, cb, _ := c.RGBA()
		for _, sh := range shapes {
			if sh.Ink != ink {
				continue
			}
			r := max(sh.R*v.scale, 1) // in pixels: never thinner than one
			if sh.Ring {
				r = max(limb*v.scale*0.8, 1)
			}
			x0, y0, x1, y1 := v.box(sh, sh.R+r/v.scale)
			for y := max(y0, 0); y <= min(y1, h-1); y++ {
				for x := max(x0, 0); x <= min(x1, w-1); x++ {
					d := sh.dist(v.unit(x, y)) * v.scale
					if sh.Ring {
						d = math.Abs(d - sh.R*v.scale)
					}
					// Coverage falls from 1 to 0 across the last pixel of
					// the edge: a smooth line without supersampling.
					cover := math.Max(0, math.Min(1, r+0.5-d))
					if cover == 0 {
						continue
					}
					blend(img, x, y, cr, cg, cb, cover)
				}
			}
		}
	}
	return img
}

// blend paints colour (16-bit channels) over the pixel at x, y with alpha a.
func blend(img *image.NRGBA, x, y int, r, g, b uint32, a float64) {
	i := img.PixOffset(x, y)
	p := img.Pix[i : i+4 : i+4]
	da := float64(p[3]) / 255
	oa := a + da*(1-a)
	if oa == 0 {
		return
	}
	mix := func(src uint32, dst uint8) uint8 {
		s := float64(src>>8) / 255
		d := float64(dst) / 255
		return uint8(math.Round((s*a + d*da*(1-a)) / oa * 255))
	}
	p[0], p[1], p[2], p[3] = mix(r, p[0]), mix(g, p[1]), mix(b, p[2]), uint8(math.Round(oa*255))
}
