package cli

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/trial"
)

// printMeasures names the measures the report and the heat trial use, with
// their sources, for `supine about`. They are not CONTENT.md's numbered
// sources: they describe how the figures are read, not advice.
func printMeasures(w io.Writer) {
	fprintln(w)
	fprintln(w, headStyle.Render("Measures"))
	fprintln(w, para(fmt.Sprintf("%s: up to %d activities your back makes hard, each rated once a week from %s to %s.", psfs.Name, psfs.Max, psfs.Low, psfs.High)))
	printIndented(w, psfs.Source)
	fprintln(w, para(fmt.Sprintf("A real change in tightness: %d points, or %d%%, the threshold usually taken for pain rated 0 to 10 (the report's box and the heat trial).", trial.Threshold, trial.ThresholdPercent)))
	printIndented(w, trial.ThresholdSource)
}

// printIndented prints s muted, wrapped four columns in, as the sources
// are; line by line, so that no line is padded.
func printIndented(w io.Writer, s string) {
	for _, l := range strings.Split(lipgloss.Wrap(s, textWidth-4, ""), "\n") {
		fprintln(w, mutedStyle.Render("    "+l))
	}
}
