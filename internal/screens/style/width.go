package style

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"
)

// Terminals do not agree on how wide some text is. The renderer counts
// code points (wcwidth) unless the terminal says it counts grapheme
// clusters (mode 2027), and terminals differ again on emoji sequences
// (❤️, 👨‍👩‍👧), skin tones, conjuncts and decomposed Hangul. A line laid out by
// one count and drawn by another is cut short or runs over the edge, and a
// line that runs over wraps onto the next row, which then stays
// overwritten until a resize (issue 21). Text that comes from a routine
// file is therefore measured by the larger of both counts, cluster by
// cluster: whichever a terminal uses, it fits.

// SafeWidth is the most cells any terminal may give plain text s: for each
// grapheme cluster the larger of its grapheme width and its wcwidth.
func SafeWidth(s string) int {
	w := 0
	for s != "" {
		cluster, cw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		w += max(cw, ansi.StringWidthWc(cluster))
		s = s[len(cluster):]
	}
	return w
}

// SafeTruncate cuts plain text s to at most w cells by SafeWidth, ending
// it with an ellipsis when something was cut, and never inside a cluster.
func SafeTruncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if SafeWidth(s) <= w {
		return s
	}
	var b strings.Builder
	used, limit := 0, w-ansi.StringWidth(Ellipsis)
	for s != "" {
		cluster, cw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		cw = max(cw, ansi.StringWidthWc(cluster))
		if used+cw > limit {
			break
		}
		b.WriteString(cluster)
		used += cw
		s = s[len(cluster):]
	}
	return b.String() + Ellipsis
}

// SafeSpread is Spread for a left part of plain text that comes from a
// file: left is measured and cut by SafeWidth, styled with st, and right
// (supine's own words, already styled) is kept whole at the right edge
// when there is room for it, so that no count of the title's width can
// push it off the line.
func SafeSpread(left string, st lipgloss.Style, right string, w int) string {
	rw := ansi.StringWidth(right)
	if right == "" || rw+2 > w {
		return st.Render(SafeTruncate(left, w))
	}
	left = SafeTruncate(left, w-rw-1)
	return st.Render(left) + strings.Repeat(" ", w-SafeWidth(left)-rw) + right
}
