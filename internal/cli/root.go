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
	"runtime/debug"
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/textsafe"
)

// exitError carries an exit code out of a command without printing twice.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// execute runs root under fang; the tests call it with their own
// arguments and writers.
func execute(ctx context.Context, root *cobra.Command, linkedVersion string) error {
	info, _ := debug.ReadBuildInfo()
	version, commit := buildVersion(linkedVersion, info)
	return fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithCommit(commit),
		fang.WithErrorHandler(printError),
	)
}

// printError shows an error as one sentence. fang's own handler upper-cases
// the first word, which mangles an error that starts with a path
// ("/Tmp/Ux/Home/.Config/..."); here only a lower-case first letter is
// raised and everything else prints as it is.
func printError(w io.Writer, st fang.Styles, err error) {
	var ee exitError
	if errors.As(err, &ee) {
		return // the command already said what went wrong
	}
	// An error can quote a path or a name from a file: it is printed
	// through the same sanitiser as everything else.
	msg := textsafe.Clean(say.Sentence("", err))
	if !term.IsTerminal(os.Stderr.Fd()) {
		if usageError(err) {
			msg += " Run supine help to see the commands and flags."
		}
		fmt.Fprintln(w, "supine: "+msg)
		return
	}
	// On a terminal it goes through styled, whose colours come from the
	// environment, not from fang's colorprofile.Detect (terminfo, tmux).
	w = styled(os.Stderr)
	fmt.Fprintln(w, st.ErrorHeader.String())
	fmt.Fprintln(w, st.ErrorText.UnsetTransform().Render(msg))
	fmt.Fprintln(w)
	if usageError(err) {
		fmt.Fprintln(w, st.ErrorText.UnsetTransform().Render("Run "+st.Program.Flag.Render("supine help")+" to see the commands and flags."))
		fmt.Fprintln(w)
	}
}

// usageError reports cobra's errors about the command line itself, which
// come with advice to read the help. cobra has no type for them, so (as
// fang does) their wording is the test.
func usageError(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"flag needs an argument", "unknown flag", "unknown shorthand flag", "unknown command", "invalid argument", "accepts ", "requires "} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// Execute runs the command line and returns the process exit code.
// linkedVersion is main.version, set only by a release build's linker flags.
func Execute(ctx context.Context, linkedVersion string) int {
	root := newRoot()
	root.SetErr(plainErr{os.Stderr})
	err := execute(ctx, root, linkedVersion)
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
	voice    bool
	noVoice  bool
}

func (f *flags) register(cmd *cobra.Command) {
	pf := cmd.PersistentFlags()
	pf.BoolVar(&f.noBell, "no-bell", false, "silence the bell that marks each change of step")
	pf.IntVar(&f.heat, "heat", 0, "heat minutes for tonight, 15 to 20")
	pf.StringVar(&f.position, "position", "", "sleep position for the set-up: side, back or stomach")
	pf.StringVar(&f.palette, "palette", "", "colours: auto, night or light")
	pf.BoolVar(&f.breathe, "breathing", false, "show a slow breathing cue during holds")
	pf.BoolVar(&f.plain, "plain", false, "one plain line per event, for screen readers and pipes")
	pf.BoolVar(&f.voice, "voice", false, "speak each cue's words (this run only)")
	pf.BoolVar(&f.noVoice, "no-voice", false, "no spoken words (this run only)")
	pf.BoolVar(&f.osteo, "osteoporosis", false, "leave out knee-to-chest, as advised with osteoporosis")
}

func newRoot() *cobra.Command {
	f := &flags{}
	root := &cobra.Command{
		Use:   "supine",
		Short: "A calm guide to bedtime for a back that feels tight lying down",
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
	registerFlagCompletions(root)
	root.AddCommand(
		startCmd(f),
		appCmd(f, "check", "Run the red-flag check on its own", model.EntryCheck),
		appCmd(f, "tips", "Sleep set-up: mattress, head pillow, knee pillow", model.EntryTips),
		precautionsCmd(f),
		whyCmd(),
		aboutCmd(),
		historyCmd(f),
		routinesCmd(f),
		configCmd(),
		reportCmd(f),
		trialCmd(f),
		remindCmd(),
		nudgeCmd(),
	)
	// cobra adds its completion command only when it runs; adding it now
	// lets its description fit an 80-column help like the others.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Print a shell completion script (bash, zsh, fish...)"
		}
	}
	noFiles(root)
	return root
}

func startCmd(f *flags) *cobra.Command {
	return &cobra.Command{
		Use:               "start [NAME]",
		Short:             "Start a routine now, after the red-flag check",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeRoutine,
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
