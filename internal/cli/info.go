package cli

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/safety"
)

// The printed commands use a few plain styles of their own: they write to a
// scrollback, not to the app's screen, and fprintln downsamples them
// for the terminal (or strips them when piped).
var (
	headStyle  = lipgloss.NewStyle().Bold(true)
	mutedStyle = lipgloss.NewStyle().Faint(true)
	textWidth  = 72
)

// para wraps a paragraph for the terminal without padding its lines, so
// piped output carries no trailing spaces.
func para(s string) string { return lipgloss.Wrap(s, textWidth, "") }

func whyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "why",
		Short: "Why a back can feel tight when you lie down",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			printWhy(cmd.OutOrStdout())
			return nil
		},
	}
}

func aboutCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "about",
		Short: "What supine is and is not, and its sources",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			printAbout(cmd.OutOrStdout())
			return nil
		},
	}
}

func printWhy(w io.Writer) {
	fprintln(w, headStyle.Render("Why it feels tight lying down"))
	fprintln(w, para(guide.WhyIntro()))
	for _, c := range guide.Causes() {
		fprintln(w)
		fprintln(w, headStyle.Render(c.Title))
		fprintln(w, para(c.Body))
	}
}

func printAbout(w io.Writer) {
	fprintln(w, headStyle.Render("About supine"))
	for _, line := range safety.Disclaimer() {
		fprintln(w, para(line))
	}
	fprintln(w)
	fprintln(w, headStyle.Render("Sources"))
	for _, s := range safety.Sources() {
		// Continuation lines hang under the title, clear of the number.
		lines := strings.Split(lipgloss.Wrap(s.Title, textWidth-4, ""), "\n")
		for i, l := range lines {
			lead := "    "
			if i == 0 {
				lead = fmt.Sprintf("%2d. ", s.N)
			}
			fprintln(w, lead+l)
		}
		if s.Where != "" {
			fprintln(w, mutedStyle.Render("    "+s.Where))
		}
	}
	printMeasures(w)
	fprintln(w)
	fprintln(w, mutedStyle.Render(safety.ReviewedLine()))
}
