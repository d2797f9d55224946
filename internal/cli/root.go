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
	var exit exitError
	holdExitStatus(root, &exit)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithCommit(commit),
		fang.WithErrorHandler(printError),
		fang.WithoutManpage(), // manCmd instead
	)
	if err == nil && exit.code != 0 {
		return exit
	}
	return err
}

// holdExitStatus keeps an exit status (a signal's 128+n, a failed save's
// 1) away from fang: fang answers any error a command returns by asking
// the terminal for its background colour, and reads the answer from
// standard input. After a session that read keys there (plain mode's key
// reader is still blocked on it) that question can wait for an answer that
// never comes, and Ctrl+C would hang instead of ending the run. The status
// goes into exit instead, and the command returns nothing.
func holdExitStatus(cmd *cobra.Command, exit *exitError) {
	if run := cmd.RunE; run != nil {
		cmd.RunE = func(c *cobra.Command, args []string) error {
			err := run(c, args)
			if errors.As(err, exit) {
				return nil
			}
			return err
		}
	}
	for _, sub := range cmd.Commands() {
		holdExitStatus(sub, exit)
	}
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

// flags are the options of the commands that open the app (appFlags), and
// the two that shape a routine's plan (planFlags). Each command registers
// only the flags it uses, so `supine about --heat 99` is refused as an
// unknown flag and the help of a command that prints lists none of them.
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

// appFlags registers the flags of a command that opens the app: from any
// of its screens a routine can be started, so all of them apply.
func (f *flags) appFlags(cmd *cobra.Command) *cobra.Command {
	fs := cmd.Flags()
	fs.BoolVar(&f.plain, "plain", false, "plain text lines for screen readers and pipes")
	fs.IntVar(&f.heat, "heat", 0, "heat minutes for tonight, 15 to 20")
	fs.StringVar(&f.position, "position", "", "sleep position: side, back or stomach")
	fs.BoolVar(&f.osteo, "osteoporosis", false, "leave out knee-to-chest (osteoporosis)")
	fs.BoolVar(&f.breathe, "breathing", false, "show a slow breathing cue during holds")
	fs.BoolVar(&f.noBell, "no-bell", false, "no bell at each change of step")
	fs.BoolVar(&f.voice, "voice", false, "speak each cue's words (this run only)")
	fs.BoolVar(&f.noVoice, "no-voice", false, "no spoken words (this run only)")
	fs.StringVar(&f.palette, "palette", "", "colours: auto, night or light")
	registerFlagCompletions(cmd)
	return cmd
}

// planFlags registers the flags that change a routine's plan, for the
// commands that print one.
func (f *flags) planFlags(cmd *cobra.Command) *cobra.Command {
	fs := cmd.Flags()
	fs.IntVar(&f.heat, "heat", 0, "heat minutes to plan with, 15 to 20")
	fs.BoolVar(&f.osteo, "osteoporosis", false, "plan without knee-to-chest (osteoporosis)")
	registerFlagCompletions(cmd)
	return cmd
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
		Example: examples(
			"home: tonight's routine and the menu", "supine",
			"the red-flag check, then tonight's routine", "supine start",
			"plain lines for a screen reader (ACCESSIBLE=1 does the same)", "supine --plain",
			"a report of the last 6 weeks for a GP or physiotherapist", "supine report --open"),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd, f, model.EntryHome, "")
		},
	}
	f.appFlags(root)
	root.AddCommand(
		startCmd(f),
		f.appFlags(appCmd(f, "check", "Run the red-flag check on its own", model.EntryCheck)),
		f.appFlags(appCmd(f, "tips", "Sleep set-up: mattress, pillows, position", model.EntryTips)),
		f.appFlags(precautionsCmd(f)),
		whyCmd(),
		aboutCmd(),
		historyCmd(f),
		routinesCmd(f),
		configCmd(),
		reportCmd(f),
		trialCmd(f),
		remindCmd(),
		nudgeCmd(),
		manCmd(),
	)
	// cobra adds its completion command only when it runs; adding it now
	// lets its description fit an 80-column help like the others.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Print a shell completion script"
		}
	}
	noFiles(root)
	return root
}

// examples lays out a command's examples as fang draws them: pairs of
// what it does (a comment) and the command line.
func examples(pairs ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		b.WriteString("# " + pairs[i] + "\n" + pairs[i+1] + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func startCmd(f *flags) *cobra.Command {
	return f.appFlags(&cobra.Command{
		Use:   "start [NAME]",
		Short: "Start a routine now, after the red-flag check",
		Example: examples(
			"tonight's routine (routine in config.toml)", "supine start",
			"the built-in Quick, with 18 minutes of heat", "supine start quick --heat 18"),
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeRoutine,
		RunE: func(cmd *cobra.Command, args []string) error {
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			return runApp(cmd, f, model.EntryStart, name)
		},
	})
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
