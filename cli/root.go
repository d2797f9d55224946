// Package cli is supine's command line: the cobra commands, styled by fang,
// that turn flags and the settings file into one model.Options and run the
// app or print what was asked for. Only this package and main know flags and
// files.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/model"
	"github.com/supine-app/supine/textsafe"
)

// exitError carries an exit code out of a command without printing twice.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Execute runs the command line and returns the process exit code.
func Execute(ctx context.Context, version string) int {
	root := newRoot()
	root.SetErr(plainErr{os.Stderr})
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithoutManpage(),
		fang.WithErrorHandler(func(w io.Writer, st fang.Styles, err error) {
			var ee exitError
			if errors.As(err, &ee) {
				return // the command already said what went wrong
			}
			// An error can quote a path or a name from a file: it is
			// printed through the same sanitiser as everything else.
			msg := textsafe.Clean(err.Error())
			if !term.IsTerminal(os.Stderr.Fd()) {
				fmt.Fprintln(os.Stderr, msg) // one plain line for logs and scripts
				return
			}
			// On a terminal it goes through styled, not w, whose colours
			// fang would have found with colorprofile.Detect; fang adds
			// the full stop.
			fang.DefaultErrorHandler(styled(os.Stderr), st, errors.New(strings.TrimSuffix(msg, ".")))
		}),
	)
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

// flags are the options every command that opens the app shares.
type flags struct {
	noBell   bool
	heat     int
	position string
	palette  string
	osteo    bool
	plain    bool
	breathe  bool
}

func (f *flags) register(cmd *cobra.Command) {
	pf := cmd.PersistentFlags()
	pf.BoolVar(&f.noBell, "no-bell", false, "silence the bell that marks each change of step")
	pf.IntVar(&f.heat, "heat", 0, "heat minutes for tonight, 15 to 20")
	pf.StringVar(&f.position, "position", "", "sleep position for the set-up: side, back or stomach")
	pf.StringVar(&f.palette, "palette", "", "colours: auto, night or light")
	pf.BoolVar(&f.breathe, "breathing", false, "show a slow breathing cue during holds")
	pf.BoolVar(&f.plain, "plain", false, "plain lines for screen readers: no full screen, no colour, no cursor movement")
	pf.BoolVar(&f.osteo, "osteoporosis", false, "leave out knee-to-chest, which is one to skip with osteoporosis")
}

func newRoot() *cobra.Command {
	f := &flags{}
	root := &cobra.Command{
		Use:   "supine",
		Short: "A calm guide through the quarter hour before sleep, for a back that feels tight lying down",
		Long: "supine walks you through a red-flag check, a heating-pad session, gentle stretches held " +
			"per side and the pillow set-up for your sleep position; then lights out.\n\n" +
			"It is general self-care information, not a diagnosis and not a substitute for a clinician. " +
			"Run `supine about` for the details and sources.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd, f, model.EntryHome, "")
		},
	}
	f.register(root)
	root.AddCommand(
		startCmd(f),
		appCmd(f, "check", "Run the red-flag check on its own", model.EntryCheck),
		appCmd(f, "tips", "Sleep set-up for your position: mattress, head pillow, knee pillow", model.EntryTips),
		precautionsCmd(f),
		whyCmd(),
		aboutCmd(),
		historyCmd(f),
		routinesCmd(),
		configCmd(),
	)
	return root
}

func startCmd(f *flags) *cobra.Command {
	return &cobra.Command{
		Use:   "start [NAME]",
		Short: "Start a routine now (tonight's, or the one named), after the red-flag check",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			return runApp(cmd, f, model.EntryStart, name)
		},
	}
}

func appCmd(f *flags, use, short string, e model.Entry) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd, f, e, "")
		},
	}
}
