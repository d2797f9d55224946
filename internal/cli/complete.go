package cli

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/config"
	"github.com/supine-app/supine/internal/routines"
)

// Shell completion offers the words supine accepts instead of file names,
// which is what a shell falls back to when a command says nothing.

// completeRoutine offers the routine names, built-in and the person's own,
// each with its title, for the first argument only.
func completeRoutine(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return routineCompletions(), cobra.ShellCompDirectiveNoFileComp
}

func routineCompletions() []cobra.Completion {
	lib := routines.Load(defaultPaths().RoutinesDir)
	out := make([]cobra.Completion, 0, len(lib.Routines))
	for _, r := range lib.Routines {
		out = append(out, cobra.CompletionWithDesc(r.Name, r.Title))
	}
	return out
}

// registerFlagCompletions gives the app's flags that cmd has their values.
func registerFlagCompletions(cmd *cobra.Command) {
	heat := make([]cobra.Completion, 0, routines.MaxHeatMinutes-routines.MinHeatMinutes+1)
	for n := routines.MinHeatMinutes; n <= routines.MaxHeatMinutes; n++ {
		heat = append(heat, strconv.Itoa(n))
	}
	for name, values := range map[string][]cobra.Completion{
		"position": config.Positions,
		"palette":  config.Palettes,
		"heat":     heat,
	} {
		if cmd.Flags().Lookup(name) != nil {
			completeValues(cmd, name, values...)
		}
	}
}

// completeValues gives a flag of cmd a fixed list of values and no file
// names.
func completeValues(cmd *cobra.Command, flag string, values ...cobra.Completion) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// noFiles marks every command that takes no arguments, so that the shell
// offers its subcommands and flags, not the files in the folder.
func noFiles(cmd *cobra.Command) {
	if cmd.ValidArgsFunction == nil {
		cmd.ValidArgsFunction = cobra.NoFileCompletions
	}
	for _, c := range cmd.Commands() {
		noFiles(c)
	}
}
