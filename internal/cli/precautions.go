package cli

import (
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/textsafe"
)

// precautionsCmd opens the precautions screen (CONTENT.md section 6): the
// questions asked before the first night, answered again at any time.
func precautionsCmd(f *flags) *cobra.Command {
	return &cobra.Command{
		Use:   "precautions",
		Short: "Answer the precautions that adapt your routine",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd, f, model.EntryPrecautions, "")
		},
	}
}

// storedAdaptation is what the newest precaution answers (and the
// osteoporosis setting) do to a routine, for the commands that print one.
// The database is only read when it exists: printing a plan never creates
// a history.
func storedAdaptation(osteoporosis bool) (safety.Adaptation, error) {
	p := defaultPaths()
	var pr history.Precautions
	var err error
	if _, statErr := os.Stat(p.Database); statErr == nil {
		pr, err = history.PeekPrecautions(p.Database)
	}
	return night.AdaptationFor(pr, osteoporosis), err
}

// printAdaptation says why a printed plan is not the routine as written.
func printAdaptation(w io.Writer, a safety.Adaptation, err error) {
	if err != nil {
		fprintln(w, mutedStyle.Render("Your precautions could not be read ("+textsafe.Clean(err.Error())+"); this is the routine without them."))
	}
	for _, r := range a.Reasons {
		fprintln(w, mutedStyle.Render(r))
	}
	if a.Adapted() {
		fprintln(w, mutedStyle.Render("Change your answers with `supine precautions`."))
	}
}

// printPrecautions is `supine precautions` in plain mode: each question
// with the newest answer and what a yes does, then tonight's changes. The
// questions are answered in the full-screen app.
func printPrecautions(w io.Writer, st model.Store, osteoporosis bool) error {
	var pr history.Precautions
	if st != nil {
		var err error
		if pr, err = st.Precautions(); err != nil {
			return err
		}
	}
	for _, p := range safety.Precautions() {
		answer := "not answered"
		if a, ok := pr.Latest[p.ID]; ok {
			answer = "no"
			if a.Yes {
				answer = "yes"
			}
			answer += ", " + a.At.Format("2 Jan 2006")
		}
		fprintln(w, para(p.Text+" ("+answer+")"))
		fprintln(w, para("If yes: "+p.Does))
	}
	fprintln(w)
	a := night.AdaptationFor(pr, osteoporosis)
	if !a.Adapted() {
		fprintln(w, para("Tonight's routine runs as it is."))
	}
	for _, r := range a.Reasons {
		fprintln(w, para(r))
	}
	fprintln(w, para("To answer them, run supine precautions in a terminal without --plain."))
	return nil
}
