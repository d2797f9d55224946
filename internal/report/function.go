package report

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/textsafe"
)

// Function is the Patient-Specific Functional Scale over the report's
// weeks.
type Function struct {
	Series      []psfs.Series // activities rated in range, or still rated now
	First, Last psfs.Sitting  // the sittings whose averages are compared
	AverageOK   bool
	From, To    time.Time // the report's range, for the chart's axis
}

// Used reports whether the person has named any activity.
func (f Function) Used() bool { return len(f.Series) > 0 }

func function(in Input, from time.Time, loc *time.Location) Function {
	f := Function{From: from, To: in.Now}
	var ratings []psfs.Rating
	for _, r := range in.Ratings {
		if !r.At.Before(from) && !r.At.After(in.Now) {
			ratings = append(ratings, psfs.Rating{At: r.At.In(loc), ActivityID: r.ActivityID, Score: r.Score})
		}
	}
	for _, s := range psfs.SeriesOf(in.Activities, ratings, from) {
		if len(s.Points) == 0 && !s.Activity.Active() {
			continue
		}
		s.Activity.Name = textsafe.Clean(s.Activity.Name)
		f.Series = append(f.Series, s)
	}
	f.First, f.Last, f.AverageOK = psfs.AverageChange(psfs.Sittings(ratings))
	return f
}

// functionSection says the scale, its source, each activity and the
// average, in the app's words for each.
func (r Report) functionSection() Section {
	f := r.Function
	sec := Section{Title: "Activities the back makes hard: " + psfs.Name}
	sec.Lines = []string{fmt.Sprintf("The person named up to %d activities and rated each once a week, from 0 (unable to do it) to 10 (as well as before the back trouble); higher is better. %s Source: %s.",
		psfs.Max, psfs.Detectable(), psfs.Cited)}
	for _, s := range f.Series {
		name := s.Activity.Name
		if !s.Activity.Active() {
			name += fmt.Sprintf(" (no longer rated from %s)", shortDate(s.Activity.Dropped))
		}
		sec.Items = append(sec.Items, name+": "+psfs.SeriesWords(s))
	}
	if f.AverageOK {
		sec.Items = append(sec.Items, psfs.AverageWords(f.First, f.Last))
	}
	return sec
}

// Colours of the activities' lines, in the order named.
var functionColours = []string{"#2b6a8c", "#b8462a", "#5d7a2e", "#7a5a9c", "#8c6d2b"}

// functionSVG charts each activity's scores over the report's weeks.
func (r Report) functionSVG() string {
	f := r.Function
	rated := false
	for _, s := range f.Series {
		rated = rated || len(s.Points) > 0
	}
	if !rated {
		return ""
	}
	const (
		width, height = 720.0, 104.0
		left, right   = 30.0, 712.0
		top, bottom   = 6.0, 76.0
		legendY       = 100.0
		fontAttrs     = `font-family="Arial, sans-serif" font-size="11" fill="#5c544c"`
	)
	span := f.To.Sub(f.From).Seconds()
	x := func(t time.Time) float64 {
		if span <= 0 {
			return left
		}
		return left + (right-left)*t.Sub(f.From).Seconds()/span
	}
	y := func(v int) float64 { return bottom - float64(v)*(bottom-top)/10 }
	var b strings.Builder
	fmt.Fprintf(&b, "<svg viewBox=\"0 0 %g %g\" role=\"img\" aria-label=\"Activity ratings week by week, 0 (unable) to 10 (as before)\">\n", width, height)
	fmt.Fprintf(&b, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"#ffffff\" stroke=\"#d9cdb8\" stroke-width=\"0.8\" shape-rendering=\"crispEdges\"/>\n", left, top, right-left, bottom-top)
	for v := 0; v <= 10; v += 5 {
		// Crisp: a grey line blended over white would take the main
		// chart's plot colour, which the browser test looks for.
		fmt.Fprintf(&b, "<line x1=\"%g\" y1=\"%.1f\" x2=\"%g\" y2=\"%.1f\" stroke=\"#d9cdb8\" stroke-width=\"0.8\" shape-rendering=\"crispEdges\"/>\n", left, y(v), right, y(v))
		fmt.Fprintf(&b, "<text x=\"%g\" y=\"%.1f\" text-anchor=\"end\" %s>%d</text>\n", left-5, y(v)+4, fontAttrs, v)
	}
	fmt.Fprintf(&b, "<text x=\"%g\" y=\"%g\" %s>%s</text>\n", left+2, bottom+13, fontAttrs, html.EscapeString(shortDate(f.From)))
	fmt.Fprintf(&b, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\" %s>%s</text>\n", right, bottom+13, fontAttrs, html.EscapeString(shortDate(f.To)))
	lx := left
	for i, s := range f.Series {
		colour := functionColours[i%len(functionColours)]
		var pts []string
		for _, p := range s.Points {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(p.At), y(p.Score)))
		}
		if len(pts) > 1 {
			fmt.Fprintf(&b, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"/>\n", strings.Join(pts, " "), colour)
		}
		for _, p := range s.Points {
			fmt.Fprintf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>\n", x(p.At), y(p.Score), colour)
		}
		name := s.Activity.Name
		if r := []rune(name); len(r) > 40 {
			name = string(r[:39]) + "…"
		}
		fmt.Fprintf(&b, "<circle cx=\"%g\" cy=\"%g\" r=\"4\" fill=\"%s\"/><text x=\"%g\" y=\"%g\" %s>%s</text>\n", lx+6, legendY-4, colour, lx+14, legendY, fontAttrs, html.EscapeString(name))
		lx += 230
	}
	b.WriteString("</svg>\n")
	return b.String()
}
