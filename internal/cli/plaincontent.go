package cli

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/plain"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/textsafe"
)

// Plain mode's share of CONTENT.md v3 (issue 19), kept apart so that the
// evening flow being rebuilt can carry it over: what tonight's check asks,
// the first night's disclaimer, and the precautions asked in plain text.

// plainAsking is what a plain-mode check asks tonight, read from the
// store by the rule the full-screen app follows: the NG65 pattern when no
// full check asked it in the last month, a clinician's check of a question
// while it stands. first is the first night: nothing stored yet, so the
// disclaimer is printed first. With the store unreadable, the pattern is
// asked (too often is the safe side) and no clinician's check stands.
func plainAsking(st model.Store, now time.Time, rollover int) (a safety.Asking, first bool) {
	a = safety.Asking{Pattern: true, Tonight: history.Night(now, rollover), Checked: map[string]time.Time{}}
	if st == nil {
		return a, false
	}
	checks, err := st.Checks(time.Time{})
	if err != nil {
		return a, false
	}
	a.Pattern = safety.PatternDue(history.PatternLastAsked(checks, now), now)
	if cs, err := st.ClinicianChecks(now, rollover); err == nil {
		for _, c := range cs {
			a.Checked[c.QuestionID] = c.CheckedOn
		}
	}
	sessions, err := st.Sessions(time.Time{})
	first = err == nil && len(sessions) == 0 && len(checks) == 0
	return a, first
}

// askPlainPrecautions is `supine precautions` in plain mode: the questions
// in plain text (plain.AskPrecautions, with the third answer), kept in the
// store, then what tonight's routine becomes.
func askPlainPrecautions(cmd *cobra.Command, st model.Store, osteoporosis bool) error {
	w := cmd.OutOrStdout()
	o := plain.PrecautionsOptions{In: cmd.InOrStdin(), Out: w}
	if f, ok := o.In.(*os.File); ok && plain.IsTerminal(f) {
		if restore, err := plain.KeyMode(f); err == nil {
			defer restore()
			o.Keys = true
		}
	}
	answers, err := plain.AskPrecautions(cmd.Context(), o)
	if err != nil {
		return err
	}
	if answers == nil {
		fmt.Fprintln(w, "Nothing was kept: every question needs an answer, and enter at the end to keep them.")
		return nil
	}
	if st == nil {
		return errors.New("the answers could not be kept: the history could not be opened")
	}
	if err := st.SavePrecautionAnswers(time.Now(), answers); err != nil {
		return err
	}
	pr, err := st.Precautions()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Kept.")
	for _, r := range night.AdaptationFor(pr, osteoporosis).Reasons {
		fmt.Fprintln(w, textsafe.Clean(r))
	}
	return nil
}
