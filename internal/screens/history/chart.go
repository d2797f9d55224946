package history

import (
	"math"
	"strings"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens/style"
)

// The chart is drawn by hand with block characters: ntcharts, the usual
// chart library for bubbletea, has no release for bubbletea v2 and lipgloss
// v2 (its v0.4 is built on v1, whose types do not mix with v2), and eight
// pairs of bars need nothing more than this.

// eighths are the block characters for 0 to 8 eighths of a cell's height.
var eighths = []string{" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// axisWidth is the room the scale takes on the left: "10 ┤".
const axisWidth = 4

// chartRows is the bars' height in lines for a window h lines tall.
func chartRows(h int) int { return min(max(h/5, 3), 8) }

// minChartWidth is the narrowest chart: the scale and one week's pair of
// bars with a space after them.
const minChartWidth = axisWidth + 3

// chart draws each week's average tightness as a pair of bars, before on the
// left and after on the right, on a 0 to 10 scale, as wide as w allows. It
// draws nothing below minChartWidth, where not even one week fits.
func chart(st style.HistoryStyles, weeks []hist.Week, w, rows int) []string {
	if w < minChartWidth || len(weeks) == 0 {
		return nil
	}
	pitch := (w - axisWidth) / max(len(weeks), 1)
	for pitch < 3 && len(weeks) > 1 { // too narrow: the oldest weeks go first
		weeks = weeks[1:]
		pitch = (w - axisWidth) / len(weeks)
	}
	bar := min(3, max((pitch-1)/2, 1))
	plot := pitch * len(weeks)

	var out []string
	for r := range rows {
		label := "   │"
		switch {
		case r == 0:
			label = "10 ┤"
		case rows%2 == 0 && r == rows/2:
			label = " 5 ┤"
		}
		var b strings.Builder
		b.WriteString(st.Axis.Render(label))
		floor := (rows - 1 - r) * 8 // eighths below this line
		for _, wk := range weeks {
			b.WriteString(st.BarBefore.Render(strings.Repeat(cell(wk.Before, rows, floor), bar)))
			b.WriteString(st.BarAfter.Render(strings.Repeat(cell(wk.After, rows, floor), bar)))
			b.WriteString(strings.Repeat(" ", pitch-2*bar))
		}
		out = append(out, b.String())
	}
	out = append(out, st.Axis.Render(" 0 └"+strings.Repeat("─", plot)))
	out = append(out, strings.Repeat(" ", axisWidth)+st.Label.Render(dateLabels(weeks, pitch, plot)))
	return out
}

// cell is the block for one line of a bar: floor is how many eighths of the
// bar lie below the line. A week with check-ins averaging 0 still shows a
// sliver, so that it reads differently from a week without any.
func cell(m hist.Mean, rows, floor int) string {
	if m.N == 0 {
		return " "
	}
	e := int(math.Round(m.Avg() * float64(rows*8) / 10))
	e = max(e, 1)
	return eighths[min(max(e-floor, 0), 8)]
}

// dateLabels names the weeks under the bars: each week's first night when
// there is room, otherwise the first week's and "this week" at the ends.
func dateLabels(weeks []hist.Week, pitch, plot int) string {
	if len(weeks) == 0 {
		return ""
	}
	var b strings.Builder
	if pitch >= 7 {
		for i, wk := range weeks {
			l := wk.From.Format("2 Jan")
			if i == len(weeks)-1 {
				l = "now"
			}
			b.WriteString(l + strings.Repeat(" ", max(pitch-len(l), 0)))
		}
		return strings.TrimRight(b.String(), " ")
	}
	first, last := weeks[0].From.Format("2 Jan"), "this week"
	gap := plot - len(first) - len(last)
	if gap < 1 {
		return first
	}
	return first + strings.Repeat(" ", gap) + last
}
