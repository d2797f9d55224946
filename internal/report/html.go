package report

import (
	"fmt"
	"html"
	"strings"
)

// The chart's colours; the browser test finds the chart by them.
const (
	BeforeColour = "#b8462a" // tightness before the routine
	AfterColour  = "#2b6a8c" // tightness after it
	PlotColour   = "#f1ebdf" // the plot area's background
)

// css is the whole style sheet: a light, warm palette, A4 and Letter both
// (no page size is forced), no fonts but the reader's own.
const css = `
@page { margin: 12mm; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body { margin: 0 auto; padding: 10mm 12mm; max-width: 200mm; color: #2a2521; background: #ffffff;
  font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 9.5pt; line-height: 1.35;
  overflow-wrap: anywhere; }
h1 { font-size: 14pt; margin: 0 0 2mm; color: #5a3a22; }
h2 { font-size: 10.5pt; margin: 3mm 0 1mm; color: #5a3a22; border-bottom: 0.3mm solid #d9cdb8; padding-bottom: 0.5mm; }
p { margin: 0 0 1.5mm; }
.sub { color: #5c544c; }
ul { margin: 0 0 1.5mm; padding-left: 4.5mm; }
li { margin: 0 0 0.8mm; break-inside: avoid; }
.chart { margin: 2mm 0 1mm; break-inside: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
.cols { column-count: 2; column-gap: 8mm; }
.cols section { break-inside: auto; }
.cols h2 { break-after: avoid; }
.warn { border: 0.4mm solid #b8462a; padding: 2mm 3mm; }
.brief h2 { display: none; }
.brief p strong { color: #5a3a22; }
.glance { border: 0.5mm solid #5a3a22; padding: 1.5mm 3mm; margin: 2mm 0 1mm; break-inside: avoid; }
.glance h2 { border: none; margin-top: 0; }
.glance ul { margin-bottom: 0; }
.glance li { margin-bottom: 0.5mm; }
.figure svg { display: block; width: 100%; height: auto; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 1.5mm; font-size: 8.5pt; }
th, td { text-align: left; vertical-align: top; padding: 0.4mm 1.5mm; border-bottom: 0.2mm solid #d9cdb8; }
th { color: #5a3a22; font-weight: bold; }
td:nth-child(2) { white-space: nowrap; }
tr { break-inside: avoid; }
thead { break-after: avoid; }
@media print {
  body { padding: 0; max-width: none; font-size: 9pt; line-height: 1.3; }
}
`

// HTML is the report as one self-contained page: inline CSS and SVG, no
// script, nothing fetched from anywhere.
func (r Report) HTML() string { return r.document().html() }

func (d document) html() string {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	b.WriteString("<title>" + esc(d.Title) + "</title>\n<style>" + css + "</style>\n</head>\n<body>\n")
	b.WriteString("<header>\n<h1>" + esc(d.Title) + "</h1>\n")
	for _, l := range d.Subtitle {
		b.WriteString("<p class=\"sub\">" + esc(l) + "</p>\n")
	}
	b.WriteString("</header>\n")
	section := func(s Section, class string) {
		if brief(s) {
			// A section with one short line and nothing else is one line:
			// its heading leads it, so that "none" costs no more room than
			// it says.
			b.WriteString("<section class=\"brief\">\n<p><strong>" + esc(s.Title) + ":</strong> " + esc(s.Lines[0]) + "</p>\n")
			return
		}
		b.WriteString("<section" + class + ">\n<h2>" + esc(s.Title) + "</h2>\n")
		for _, l := range s.Lines {
			b.WriteString("<p>" + esc(l) + "</p>\n")
		}
		switch {
		case len(s.table) > 0:
			b.WriteString("<table>\n")
			for i, row := range s.table {
				if i == 0 {
					b.WriteString("<thead>")
				}
				cell := "td"
				if i == 0 {
					cell = "th"
				}
				b.WriteString("<tr>")
				for j := 0; j < len(row); j++ {
					// Empty cells after a filled one widen it: a pair that
					// does not count says why across the figures' columns.
					span := 1
					for j+span < len(row) && row[j+span] == "" && i > 0 && row[j] != "" && j > 1 {
						span++
					}
					attr := ""
					if span > 1 {
						attr = fmt.Sprintf(" colspan=\"%d\"", span)
					}
					b.WriteString("<" + cell + attr + ">" + esc(row[j]) + "</" + cell + ">")
					j += span - 1
				}
				b.WriteString("</tr>")
				if i == 0 {
					b.WriteString("</thead>")
				}
				b.WriteString("\n")
			}
			b.WriteString("</table>\n")
		case len(s.Items) > 0:
			b.WriteString("<ul>\n")
			for _, it := range s.Items {
				b.WriteString("<li>" + esc(it) + "</li>\n")
			}
			b.WriteString("</ul>\n")
		}
		for _, l := range s.after {
			b.WriteString("<p>" + esc(l) + "</p>\n")
		}
	}
	open := false
	for i, s := range d.Sections {
		if i == d.Chart {
			section(s, ` class="chart"`)
			b.WriteString(d.report.svg())
			b.WriteString("</section>\n")
			continue
		}
		if s.Box || s.svg != "" || len(s.table) > 0 {
			// Across the page: the box is read first, a chart needs the width.
			if open {
				b.WriteString("</div>\n")
				open = false
			}
			class := ` class="figure"`
			if s.Box {
				class = ` class="glance"`
			}
			section(s, class)
			if s.svg != "" {
				b.WriteString(s.svg)
			}
			b.WriteString("</section>\n")
			continue
		}
		if !open && !d.oneColumn {
			b.WriteString("<div class=\"cols\">\n")
			open = true
		}
		section(s, "")
		b.WriteString("</section>\n")
	}
	if open {
		b.WriteString("</div>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// svg is the chart: before and after, night by night, with each week's
// medians as dashed lines. Inline, with no namespace URL to fetch.
func (r Report) svg() string {
	const (
		width, height = 720.0, 196.0
		left, right   = 30.0, 712.0
		top, bottom   = 8.0, 154.0
		legendY       = 188.0
		scale         = (bottom - top) / 10
		fontAttrs     = `font-family="Arial, sans-serif" font-size="11" fill="#5c544c"`
	)
	n := len(r.Nights)
	if n == 0 {
		return ""
	}
	step := (right - left) / float64(n)
	x := func(i int) float64 { return left + (float64(i)+0.5)*step }
	y := func(v float64) float64 { return bottom - v*scale }
	var b strings.Builder
	fmt.Fprintf(&b, "<svg viewBox=\"0 0 %g %g\" role=\"img\" aria-label=\"Tightness before and after the routine, night by night\">\n", width, height)
	fmt.Fprintf(&b, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"%s\"/>\n", left, top, right-left, bottom-top, PlotColour)
	for v := 0; v <= 10; v += 2 {
		fmt.Fprintf(&b, "<line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" stroke=\"#d9cdb8\" stroke-width=\"0.8\"/>\n", left, y(float64(v)), right, y(float64(v)))
		fmt.Fprintf(&b, "<text x=\"%g\" y=\"%.1f\" text-anchor=\"end\" %s>%d</text>\n", left-5, y(float64(v))+4, fontAttrs, v)
	}
	for w := range r.Weekly {
		x0 := left + float64(7*w)*step
		if w > 0 {
			fmt.Fprintf(&b, "<line x1=\"%.1f\" y1=\"%g\" x2=\"%.1f\" y2=\"%g\" stroke=\"#c8b9a0\" stroke-width=\"0.8\"/>\n", x0, top, x0, bottom)
		}
		fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%g\" %s>%s</text>\n", x0+2, bottom+15, fontAttrs, html.EscapeString(shortDate(r.Weekly[w].From)))
	}
	// Weekly medians.
	for w, wm := range r.Weekly {
		x0, x1 := left+float64(7*w)*step+2, left+float64(7*w+7)*step-2
		for _, m := range []struct {
			med    Median
			colour string
		}{{wm.Before, BeforeColour}, {wm.After, AfterColour}} {
			if m.med.N == 0 {
				continue
			}
			fmt.Fprintf(&b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 4\" opacity=\"0.75\"/>\n",
				x0, y(m.med.Value), x1, y(m.med.Value), m.colour)
		}
	}
	// Night by night: a line through consecutive rated nights, a dot a night.
	series := func(get func(Night) *int, colour string, square bool) {
		var run []string
		flush := func() {
			if len(run) > 1 {
				fmt.Fprintf(&b, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"/>\n", strings.Join(run, " "), colour)
			}
			run = nil
		}
		for i, nt := range r.Nights {
			v := get(nt)
			if v == nil {
				flush()
				continue
			}
			run = append(run, fmt.Sprintf("%.1f,%.1f", x(i), y(float64(*v))))
		}
		flush()
		for i, nt := range r.Nights {
			if v := get(nt); v != nil {
				if square {
					fmt.Fprintf(&b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"%s\"/>\n", x(i)-3.5, y(float64(*v))-3.5, colour)
				} else {
					fmt.Fprintf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n", x(i), y(float64(*v)), colour)
				}
			}
		}
	}
	series(func(n Night) *int { return n.Before }, BeforeColour, false)
	series(func(n Night) *int { return n.After }, AfterColour, true)
	// Nights not used: a small grey tick on the axis.
	for i, nt := range r.Nights {
		if !nt.Used && nt.Before == nil && nt.After == nil {
			fmt.Fprintf(&b, "<line x1=\"%.1f\" y1=\"%g\" x2=\"%.1f\" y2=\"%g\" stroke=\"#9a8f84\" stroke-width=\"1\"/>\n", x(i), bottom+1, x(i), bottom+5)
		}
	}
	// Legend.
	fmt.Fprintf(&b, "<circle cx=\"%g\" cy=\"%g\" r=\"4\" fill=\"%s\"/><text x=\"%g\" y=\"%g\" %s>before the routine</text>\n", left+6, legendY-4, BeforeColour, left+14, legendY, fontAttrs)
	fmt.Fprintf(&b, "<rect x=\"%g\" y=\"%g\" width=\"7\" height=\"7\" fill=\"%s\"/><text x=\"%g\" y=\"%g\" %s>after it</text>\n", left+136, legendY-7.5, AfterColour, left+148, legendY, fontAttrs)
	fmt.Fprintf(&b, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#5c544c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"%g\" y=\"%g\" %s>weekly median</text>\n", left+220, legendY-4, left+250, legendY-4, left+256, legendY, fontAttrs)
	fmt.Fprintf(&b, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#9a8f84\" stroke-width=\"1\"/><text x=\"%g\" y=\"%g\" %s>night not used</text>\n", left+360, legendY-8, left+360, legendY-2, left+366, legendY, fontAttrs)
	b.WriteString("</svg>\n")
	return b.String()
}

// brief reports whether a section is one short line and nothing else.
func brief(s Section) bool {
	return len(s.Lines) == 1 && len(s.Items) == 0 && len(s.table) == 0 && len(s.after) == 0 && s.svg == "" && !s.Box &&
		len([]rune(s.Lines[0])) <= 90
}
