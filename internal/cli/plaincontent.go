package cli

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/plain"
	"github.com/supine-app/supine/internal/textsafe"
)

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
