package history

import (
	"fmt"
	"strings"

	"github.com/supine-app/supine/internal/screens/style"
)

// activitiesShown is how many of an activity's latest scores the chart
// draws: eight weeks, as the tightness chart.
const activitiesShown = chartWeeks

// activities charts the activities of the Patient-Specific Functional
// Scale: a line each with its latest weekly scores as bars (higher is
// better here, unlike tightness) and the numbers, first and last, in
// words, so that the line reads without the bars too.
func (m Model) activities(gap func()) []string {
	if len(m.data.Activities) == 0 {
		return nil
	}
	s, w := m.st.History, m.w
	var out []string
	gap()
	for _, l := range style.Wrap("Activities your back makes hard, 0 (unable) to 10 (as before): higher is better", w) {
		out = append(out, s.Heading.Render(l))
	}
	for _, sr := range m.data.Activities {
		pts := sr.Points
		if len(pts) > activitiesShown {
			pts = pts[len(pts)-activitiesShown:]
		}
		var bars strings.Builder
		for _, p := range pts {
			bars.WriteString(eighths[min(max(p.Score*8/10, 1), 8)])
		}
		words := "not rated yet"
		if n := len(sr.Points); n == 1 {
			words = fmt.Sprintf("%d on %s", sr.Points[0].Score, sr.Points[0].At.Format("2 Jan"))
		} else if n > 1 {
			first, last := sr.Points[0], sr.Points[n-1]
			words = fmt.Sprintf("%d on %s, %d on %s", first.Score, first.At.Format("2 Jan"), last.Score, last.At.Format("2 Jan"))
		}
		pad := strings.Repeat(" ", activitiesShown-len(pts)+1)
		out = append(out, style.Hang(s.BarAfter.Render(bars.String())+pad, sr.Activity.Name+": "+words, w, s.Text)...)
	}
	return out
}
