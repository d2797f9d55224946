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

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/routines"
)

func routinesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "routines",
		Short: "List the built-in and your own routines with their length",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p := defaultPaths()
			listRoutines(cmd.OutOrStdout(), routines.Load(p.RoutinesDir), p)
			return nil
		},
	}
	cmd.AddCommand(routinesShowCmd(), routinesNewCmd(), routinesValidateCmd())
	return cmd
}

func listRoutines(w io.Writer, lib routines.Library, p Paths) {
	for _, r := range lib.Routines {
		where := "built-in"
		if r.Source != routines.BuiltinSource {
			where = r.Source
			if r.Overrides {
				where += " (overrides the built-in)"
			}
		}
		lipgloss.Fprintln(w, fmt.Sprintf("%-12s %-26s %8s  %s", r.Name, r.Title,
			formatLength(r.Total(routines.Options{})), mutedStyle.Render(where)))
	}
	if n := len(lib.Skipped); n > 0 {
		lipgloss.Fprintln(w)
		lipgloss.Fprintln(w, fmt.Sprintf("%d routine file(s) in %s were skipped; run `supine routines validate` to see why.", n, p.RoutinesDir))
	}
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

func routinesShowCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show NAME",
		Short: "Print a routine's plan: every segment with its time",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := defaultPaths()
			lib := routines.Load(p.RoutinesDir)
			r, ok := lib.Find(args[0])
			if !ok {
				return fmt.Errorf("there is no routine called %q; run `supine routines` to see the list", args[0])
			}
			showPlan(cmd.OutOrStdout(), routines.Expand(r, routines.Options{}))
			return nil
		},
	}
}

func showPlan(w io.Writer, plan routines.Plan) {
	lipgloss.Fprintln(w, headStyle.Render(plan.Routine.Title)+mutedStyle.Render("  "+formatLength(plan.Total)))
	lastStep := -1
	for _, seg := range plan.Segments {
		st := plan.Routine.Steps[seg.Step]
		if seg.Step != lastStep {
			lipgloss.Fprintln(w, headStyle.Render(st.Title))
			lastStep = seg.Step
		}
		length := routines.FormatClock(seg.Duration)
		if seg.Duration == 0 {
			length = "until you are ready"
		}
		lipgloss.Fprintln(w, fmt.Sprintf("  %8s  %-28s %s", routines.FormatClock(seg.Start), segmentLabel(seg), length))
	}
}

// segmentLabel names a segment: "hold, left 2 of 3", "tilt, rep 4 of 10".
func segmentLabel(seg routines.Segment) string {
	parts := []string{seg.Phase}
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
			src, ok := routines.Load(p.RoutinesDir).Find(from)
			if !ok {
				return fmt.Errorf("there is no routine called %q to start from; run `supine routines` to see the list", from)
			}
			src.Name = name
			path := filepath.Join(p.RoutinesDir, name+".toml")
			if err := writeNew(path, routines.Starter(src)); err != nil {
				return err
			}
			lipgloss.Fprintln(cmd.OutOrStdout(), "Wrote "+path)
			lipgloss.Fprintln(cmd.OutOrStdout(), mutedStyle.Render("Edit it, check it with `supine routines validate`, and run it with `supine start "+name+"`."))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "tonight", "the routine to copy")
	return cmd
}

// writeNew creates a file that must not exist yet, in a private folder:
// routines and settings are health data.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("could not create %s: %w; check that you can write there", filepath.Dir(path), err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; pick another name or edit that file", path)
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
		Short: "Check routine files and print every problem (all of yours when no file is given)",
		RunE: func(cmd *cobra.Command, args []string) error {
			files := args
			if len(files) == 0 {
				dir := defaultPaths().RoutinesDir
				found, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
				if len(found) == 0 {
					lipgloss.Fprintln(cmd.OutOrStdout(), "No routine files in "+dir+" yet; `supine routines new NAME` writes one.")
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
			lipgloss.Fprintln(w, f+": ok")
			continue
		}
		good = false
		for _, p := range problems {
			lipgloss.Fprintln(w, p.Error())
		}
	}
	return good
}
