package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/report"
	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

func reportCmd(f *flags) *cobra.Command {
	var (
		weeks        int
		format, out  string
		open, asCard bool
	)
	cmd := &cobra.Command{
		Use:   "report",
		Short: "A report of your nights for a GP or physio",
		Long: "Writes a report of the last weeks (6 unless --weeks says otherwise) that a GP or " +
			"physiotherapist can read in a minute: tightness before and after night by night, weekly " +
			"medians and what the history's rules say, heat, skipped steps, stops for pain, red-flag checks " +
			"with what was answered yes, precautions, the routine in use and questions to ask.\n\n" +
			"HTML (the default) is one file with nothing fetched from anywhere; it prints on one or two " +
			"pages. Without -o the file goes into the history folder and its path is printed; -o - prints " +
			"it. --card writes only tonight's EMERGENCY or URGENT check, to take with you.",
		Example: examples(
			"the last 6 weeks as HTML in the history folder, opened", "supine report --open",
			"12 weeks as Markdown, into a file of your own", "supine report --weeks 12 --format md -o back.md",
			"only tonight's EMERGENCY or URGENT check, printed", "supine report --card -o -"),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if weeks < 1 || weeks > report.MaxWeeks {
				return fmt.Errorf("--weeks %d is outside 1 to %d", weeks, report.MaxWeeks)
			}
			switch format {
			case "html", "md", "txt":
			default:
				return fmt.Errorf("--format %q is not one of html, md, txt", format)
			}
			opts, err := appOptions(f, model.EntryHome, "")
			if err != nil {
				return err
			}
			paths := defaultPaths()
			in, err := reportInput(paths.Database, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			in.Now, in.Weeks, in.RolloverHour = time.Now(), weeks, opts.RolloverHour
			in.Routine, _ = opts.Library.Find(opts.Routine)
			in.Library = opts.Library.Routines
			in.Plan = opts.PlanOptions()

			name := "supine-report-"
			var text string
			if asCard {
				c, ok := report.BuildCard(in)
				if !ok {
					fmt.Fprintln(cmd.ErrOrStderr(), "There is no EMERGENCY or URGENT check tonight, so there is no card to take with you; supine report without --card writes the whole report.")
					return exitError{code: 1}
				}
				name, text = "supine-card-", render(c, format)
			} else {
				text = render(report.Build(in), format)
			}
			if out == "-" {
				_, err := io.WriteString(cmd.OutOrStdout(), text)
				return err
			}
			if out == "" {
				if err := os.MkdirAll(paths.DataDir, 0o700); err != nil {
					return err
				}
				out = filepath.Join(paths.DataDir, name+in.Now.Format("2006-01-02")+"."+format)
			}
			if err := replaceable(out); err != nil {
				return err
			}
			if err := writePrivate(out, text); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintln(w, textsafe.Clean(out))
			if open {
				fmt.Fprintln(w, openFile(out))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&weeks, "weeks", report.DefaultWeeks, "how many weeks back the report looks")
	cmd.Flags().StringVar(&format, "format", "html", "html, md or txt")
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (- prints it); default: the history folder")
	cmd.Flags().BoolVar(&open, "open", false, "open the file with the desktop's opener")
	cmd.Flags().BoolVar(&asCard, "card", false, "only tonight's EMERGENCY or URGENT check: what you reported, when, and the advice")
	completeValues(cmd, "format", "html", "md", "txt")
	completeValues(cmd, "weeks", "4", "6", "8", "12", "26", "52")
	return cmd
}

type rendered interface {
	HTML() string
	Markdown() string
	Text() string
}

func render(r rendered, format string) string {
	switch format {
	case "md":
		return r.Markdown()
	case "txt":
		return r.Text()
	}
	return r.HTML()
}

// reportInput reads the whole history. A history that was damaged and moved
// aside would give a report that misstates it: that fails, as an export does.
func reportInput(db string, stderr io.Writer) (report.Input, error) {
	var in report.Input
	st, notice, err := history.Open(db)
	if err != nil {
		return in, err
	}
	defer st.Close()
	switch {
	case st.Recovered():
		fmt.Fprintln(stderr, textsafe.Clean(string(notice))+" No report was written; run it again to report on what was kept.")
		return in, exitError{code: 1}
	case notice != "":
		fmt.Fprintln(stderr, textsafe.Clean(string(notice))) // advice only: the report goes on
	}
	if in.Sessions, err = st.Sessions(time.Time{}); err != nil {
		return in, err
	}
	if in.Checks, err = st.Checks(time.Time{}); err != nil {
		return in, err
	}
	if in.Precautions, err = st.PrecautionHistory(); err != nil {
		return in, err
	}
	if in.ClinicianChecks, err = st.ClinicianCheckHistory(); err != nil {
		return in, err
	}
	if in.Activities, err = st.Activities(); err != nil {
		return in, err
	}
	if in.Ratings, err = st.Ratings(); err != nil {
		return in, err
	}
	if in.Trials, err = st.Trials(); err != nil {
		return in, err
	}
	return in, nil
}

// replaceable refuses a target that exists and is not a regular file. The
// report is written beside it and renamed over it: a device node (as root,
// -o /dev/null), a named pipe or a link would become a private regular
// file in its place, and a folder gave "file exists".
func replaceable(path string) error {
	info, err := os.Lstat(path)
	if err != nil || info.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("the report was not written: %s is %s, not an ordinary file, and would be replaced; give -o a file name, or -o - to print the report",
		textsafe.Quote(path), userfile.Kind(info.Mode()))
}

// writePrivate writes the file readable only by its owner (0600), whole or
// not at all.
func writePrivate(path, text string) error {
	err := userfile.WriteAtomic(path, []byte(text), 0o600)
	var tmp *userfile.TempFileError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tmp):
		return fmt.Errorf("the report could not be written beside %s: %v", path, userfile.Cause(err))
	}
	return fmt.Errorf("the report could not be written to %s: %v", path, userfile.Cause(err))
}

// openFile hands the file to the desktop's opener, where there is one, and
// says what happened.
func openFile(path string) string {
	name, args := "xdg-open", []string{path}
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler", path}
	}
	bin, err := exec.LookPath(name)
	if err != nil {
		return fmt.Sprintf("There is no %s here to open it; the report is at %s.", name, textsafe.Clean(path))
	}
	c := exec.Command(bin, args...)
	if err := c.Start(); err != nil {
		return fmt.Sprintf("%s could not open it (%v); the report is at %s.", name, err, textsafe.Clean(path))
	}
	_ = c.Process.Release() // the opener outlives supine; nothing waits for it
	return "Opened with " + name + "."
}
