package cli

import (
	"os"
	"os/exec"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/config"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/sound"
	"github.com/supine-app/supine/internal/textsafe"
)

func configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "The settings file and the values in force",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.OutOrStdout()
			p := defaultPaths()
			s, problems := config.Load(p.Config, routineNames(routines.Load(p.RoutinesDir)))
			if s.Sound == "" {
				s.Sound = sound.DefaultSound(os.Environ(), exec.LookPath) // the value in force
			}
			note := ""
			if _, err := os.Stat(p.Config); os.IsNotExist(err) {
				note = mutedStyle.Render("  (no file yet: these are the defaults; `supine config init` writes one)")
			}
			fprintln(w, headStyle.Render(textsafe.Quote(p.Config))+note)
			for _, line := range s.Describe() {
				fprintln(w, textsafe.Clean(line))
			}
			if len(problems) > 0 {
				fprintln(w)
				for _, pr := range problems {
					fprintln(w, pr.Error())
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
			fprintln(cmd.OutOrStdout(), "Wrote "+textsafe.Quote(path))
			return nil
		},
	})
	return cmd
}
