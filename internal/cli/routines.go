package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

func routinesCmd(f *flags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "routines",
		Short: "Routines and their length; show, new, validate",
		Example: examples(
			"tonight's plan, step by step", "supine routines show tonight",
			"a routine of your own, starting as a copy of tonight", "supine routines new knees --from tonight",
			"check your routine files, with file, line and column", "supine routines validate"),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts, err := appOptions(f, model.EntryHome, "")
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			printPlanSettings(w, opts)
			a, aerr := storedAdaptation(opts.Osteoporosis)
			listRoutines(w, opts.Library, defaultPaths(), opts.PlanOptions(), a)
			if aerr != nil || a.Adapted() {
				fprintln(w)
				printAdaptation(w, a, aerr)
			}
			return nil
		},
	}
	cmd.AddCommand(routinesShowCmd(f), routinesNewCmd(), routinesValidateCmd())
	return f.planFlags(cmd)
}

// printPlanSettings says which settings shaped the plans below, when any do.
func printPlanSettings(w io.Writer, opts model.Options) {
	var parts []string
	if opts.HeatMinutes != 0 {
		parts = append(parts, fmt.Sprintf("heat %d min", opts.HeatMinutes))
	}
	if opts.Osteoporosis {
		parts = append(parts, "osteoporosis (no knee-to-chest)")
	}
	if len(parts) > 0 {
		fprintln(w, mutedStyle.Render("With your settings: "+strings.Join(parts, ", ")+"."))
	}
}

// listRoutines prints each routine with its length as the settings (ro)
// and the precautions (a) leave it.
func listRoutines(w io.Writer, lib routines.Library, p Paths, ro routines.Options, a safety.Adaptation) {
	for _, r := range lib.Routines {
		where := "built-in"
		if r.Source != routines.BuiltinSource {
			where = textsafe.Quote(r.Source)
			if r.Overrides {
				where += " (overrides the built-in)"
			}
		}
		fprintln(w, fmt.Sprintf("%-12s %s %11s  %s", textsafe.Clean(r.Name), padCells(clip(r.Title, titleCells), 26),
			formatLength(night.Adapt(r, a).Total(ro)), mutedStyle.Render(where)))
	}
	if n := len(lib.Skipped); n > 0 {
		fprintln(w)
		fprintln(w, fmt.Sprintf("%d routine file(s) in %s were skipped; run `supine routines validate` to see why.", n, textsafe.Quote(p.RoutinesDir)))
	}
}

// titleCells is as much of a title as `routines` and `routines show`
// print: a routine file may hold a title of 100,000 characters, which
// printed whole buried the list.
const titleCells = 48

// clip is text from a routine file, cleaned and cut to at most n cells
// with an ellipsis.
func clip(s string, n int) string {
	return ansi.Truncate(textsafe.Clean(s), n, "…")
}

// padCells pads s with spaces to n cells (fmt pads by bytes, which wide
// and accented letters throw off).
func padCells(s string, n int) string {
	return s + strings.Repeat(" ", max(n-ansi.StringWidth(s), 0))
}

// formatLength says a routine's length the way a person reads it.
func formatLength(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds()))
	}
	m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
	if s == 0 {
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d min %d s", m, s)
}

func routinesShowCmd(f *flags) *cobra.Command {
	return f.planFlags(&cobra.Command{
		Use:               "show NAME",
		Short:             "Print the plan a routine runs tonight",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeRoutine,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := appOptions(f, model.EntryHome, "")
			if err != nil {
				return err
			}
			r, ok := opts.Library.Find(args[0])
			if !ok {
				return fmt.Errorf("there is no routine called %q; run supine routines to see the list", args[0])
			}
			w := cmd.OutOrStdout()
			printPlanSettings(w, opts)
			// The plan tonight would run: adapted to the precautions.
			a, aerr := storedAdaptation(opts.Osteoporosis)
			showPlan(w, routines.Expand(night.Adapt(r, a), opts.PlanOptions()))
			if aerr != nil || a.Adapted() {
				fprintln(w)
				printAdaptation(w, a, aerr)
			}
			return nil
		},
	})
}

func showPlan(w io.Writer, plan routines.Plan) {
	fprintln(w, headStyle.Render(clip(plan.Routine.Title, titleCells))+mutedStyle.Render("  "+formatLength(plan.Total)))
	lastStep := -1
	for _, seg := range plan.Segments {
		st := plan.Routine.Steps[seg.Step]
		if seg.Step != lastStep {
			fprintln(w, headStyle.Render(clip(st.Title, titleCells)))
			lastStep = seg.Step
		}
		length := routines.FormatClock(seg.Duration)
		if seg.Duration == 0 {
			length = "until you are ready"
		}
		fprintln(w, fmt.Sprintf("  %8s  %-28s %s", routines.FormatClock(seg.Start), segmentLabel(seg), length))
	}
}

// segmentLabel names a segment: "hold, left 2 of 3", "tilt, rep 4 of 10".
func segmentLabel(seg routines.Segment) string {
	parts := []string{clip(seg.Phase, titleCells)}
	if seg.Side != routines.NoSide {
		parts = append(parts, seg.Side.String())
	}
	if seg.Reps > 0 {
		rep := fmt.Sprintf("%d of %d", seg.Rep, seg.Reps)
		if seg.Side == routines.NoSide {
			rep = "rep " + rep
		}
		parts = append(parts, rep)
	}
	label := parts[0]
	if len(parts) > 1 {
		label += ", " + strings.Join(parts[1:], " ")
	}
	return label
}

// routineName is compiled on first use, not at package init, which every
// command (even --help) would pay for: 1.8% of `supine --help` (issue 15).
var routineName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)
})

func routinesNewCmd() *cobra.Command {
	var from string
	cmd := &cobra.Command{
		Use:   "new NAME",
		Short: "Write a commented starter routine file you can edit",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			if !routineName().MatchString(name) {
				return fmt.Errorf("the name %q cannot be used for a routine; use lower-case letters, digits, - and _ (up to 40)", name)
			}
			p := defaultPaths()
			lib := routines.Load(p.RoutinesDir)
			// A file named like a built-in replaces it, so by default it
			// starts as a copy of that built-in, not of tonight's.
			builtin, overrides := routines.Library{Routines: routines.Builtins()}.Find(name)
			switch {
			case from != "":
			case overrides:
				from = builtin.Name
			default:
				from = "tonight"
			}
			src, ok := lib.Find(from)
			if !ok {
				return fmt.Errorf("there is no routine called %q to start from; run supine routines to see the list", from)
			}
			src.Name = name
			path := filepath.Join(p.RoutinesDir, name+".toml")
			if err := writeNew(path, routines.Starter(src), "edit it, or pick another name"); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fprintln(w, "Wrote "+textsafe.Quote(path)+" (a copy of "+textsafe.Clean(src.Title)+")")
			if overrides {
				fprintln(w, para("It has the name of the built-in "+builtin.Title+", so it replaces it: "+
					"supine start "+name+" runs your file. Delete the file to have the built-in back."))
			}
			fprintln(w, mutedStyle.Render(para("Edit it, check it with supine routines validate, and run it with supine start "+name+".")))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the routine to copy: the built-in of that name, or tonight")
	_ = cmd.RegisterFlagCompletionFunc("from", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return routineCompletions(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// writeNew creates a file that must not exist yet, in a private folder:
// routines and settings are health data. ifExists is the advice that fits
// the command when the file is already there.
func writeNew(path string, data []byte, ifExists string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("could not create %s: %w; check that you can write there", filepath.Dir(path), err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; %s", path, ifExists)
	}
	if err != nil {
		return fmt.Errorf("could not create %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	return f.Close()
}

func routinesValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check routine files and print every problem",
		Long: "Check routine files and print every problem with its file, line and column. " +
			"With no FILE, checks all of yours.",
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"toml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			files := args
			if len(files) == 0 {
				// The loader's own rule, so validate checks exactly the
				// files `supine routines` would load.
				dir := defaultPaths().RoutinesDir
				found, err := userfile.List(dir)
				if err != nil {
					return fmt.Errorf("the routines folder %s could not be read (%v); check its permissions", textsafe.Quote(dir), err)
				}
				if len(found) == 0 {
					fprintln(cmd.OutOrStdout(), "No routine files in "+textsafe.Quote(dir)+" yet; `supine routines new NAME` writes one.")
					return nil
				}
				files = found
			}
			if !validateFiles(cmd.OutOrStdout(), files) {
				return exitError{code: 1}
			}
			return nil
		},
	}
}

// validateFiles prints every problem of every file and reports whether all
// were good.
func validateFiles(w io.Writer, files []string) bool {
	good := true
	for _, f := range files {
		_, problems := routines.ReadFile(f)
		if len(problems) == 0 {
			fprintln(w, textsafe.Quote(f)+": ok")
			continue
		}
		good = false
		for _, p := range problems {
			fprintln(w, p.Error())
		}
	}
	return good
}
