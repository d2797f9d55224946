// Command helppeer is the smallest cobra program run through fang, the way
// caarlos0/timer and supine build their command lines. bench/run times its
// --help beside supine's non-TUI commands: what start-up costs before any of
// supine's own code runs.
package main

import (
	"context"
	"os"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

func main() {
	cmd := &cobra.Command{
		Use:   "helppeer <duration>",
		Short: "A countdown in the terminal",
		Args:  cobra.MaximumNArgs(1),
		RunE:  func(*cobra.Command, []string) error { return nil },
	}
	cmd.Flags().StringP("name", "n", "", "name shown above the countdown")
	if err := fang.Execute(context.Background(), cmd); err != nil {
		os.Exit(1)
	}
}
