package cli

import (
	"fmt"
	"time"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manCmd prints the manual page. fang has one, but it puts the whole of
// the root's Short in the page's header, where man centres it between
// "SUPINE(1)" twice, and a long one overflows into both (issue 20); this
// one names the manual there instead, and keeps the Short for NAME.
func manCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Print the manual page (supine man | man -l -)",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), page.Build(manHeader{roff.NewDocument()}))
			return err
		},
	}
}

// manManual is the header's centre: the manual's name, as "User Commands"
// is for the system's own pages.
const manManual = "supine manual"

// manHeader is a roff document whose title line names the manual.
type manHeader struct{ *roff.Document }

func (m manHeader) Heading(section uint, title, _ string, ts time.Time) {
	m.Document.Heading(section, title, manManual, ts)
}
