package cli

import (
	"os"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/config"
	"github.com/supine-app/supine/routines"
)

func configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Where the settings file is, and the values in force",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.OutOrStdout()
			p := defaultPaths()
			s, problems := config.Load(p.Config, routineNames(routines.Load(p.RoutinesDir)))
			note := ""
			if _, err := os.Stat(p.Config); os.IsNotExist(err) {
				note = mutedStyle.Render("  (no file yet: these are the defaults; `supine config init` writes one)")
			}
			lipgloss.Fprintln(w, headStyle.Render(p.Config)+note)
			for _, line := range s.Describe() {
				lipgloss.Fprintln(w, line)
			}
			if len(problems) > 0 {
				lipgloss.Fprintln(w)
				for _, pr := range problems {
					lipgloss.Fprintln(w, pr.Error())
				}
				return exitError{code: 1}
			}
			return nil
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "init",
		Short: "Write a commented settings file with every default",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := defaultPaths().Config
			if err := writeNew(path, config.StarterFile(), "edit it, or move it away and run supine config init again"); err != nil {
				return err
			}
			lipgloss.Fprintln(cmd.OutOrStdout(), "Wrote "+path)
			return nil
		},
	})
	return cmd
}
