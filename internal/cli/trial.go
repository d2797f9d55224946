package cli

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/trial"
)

// trialCmd is `supine trial`: where the heat trial stands, `trial heat` to
// start one and `trial stop` to end it early.
func trialCmd(f *flags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "trial",
		Short: "Does heat help me? A fair test over 16 nights",
		Long: "A fair test of heat for you: over 8 pairs of nights, one night of each pair with heat and " +
			"one without, the order drawn at random for each pair. Everything else in the routine stays " +
			"the same, and the trial never adds heat your precautions or tonight's rules leave out. It " +
			"compares your tightness after the routine, and before it the next evening; the results stay " +
			"hidden until the last pair is done.\n\n" +
			"supine trial says where it stands; supine trial heat starts one; supine trial stop ends it " +
			"early and shows what it had.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withTrialStore(f, func(ts trialStore) error {
				printTrial(cmd.OutOrStdout(), ts)
				return nil
			})
		},
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "heat",
			Short: "Start the heat trial",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				return withTrialStore(f, func(ts trialStore) error { return startTrial(cmd.OutOrStdout(), ts) })
			},
		},
		&cobra.Command{
			Use:   "stop",
			Short: "Stop the heat trial now, and see what it had",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				return withTrialStore(f, func(ts trialStore) error { return stopTrial(cmd.OutOrStdout(), ts) })
			},
		},
	)
	return cmd
}

// trialStore is what the trial commands read, opened once.
type trialStore struct {
	st       *history.Store
	opts     model.Options
	now      time.Time
	sessions []history.Session
	checks   []history.Check
	trials   []history.Trial
}

func withTrialStore(f *flags, run func(trialStore) error) error {
	opts, err := appOptions(f, model.EntryHome, "")
	if err != nil {
		return err
	}
	st, notice, err := history.Open(defaultPaths().Database)
	if err != nil {
		return err
	}
	defer st.Close()
	if notice != "" {
		return errors.New(textsafe.Clean(string(notice)) + " Run supine trial again to see the trial.")
	}
	ts := trialStore{st: st, opts: opts, now: time.Now()}
	if ts.sessions, err = st.Sessions(time.Time{}); err != nil {
		return err
	}
	if ts.checks, err = st.Checks(time.Time{}); err != nil {
		return err
	}
	if ts.trials, err = st.Trials(); err != nil {
		return err
	}
	return run(ts)
}

// printTrial says where the newest trial stands, with its results only
// once it is done or stopped.
func printTrial(w io.Writer, ts trialStore) {
	t, ok := trial.Latest(ts.trials)
	if !ok {
		fprintln(w, headStyle.Render(trial.Title))
		fprintln(w, para("No trial yet. supine trial heat starts one:"))
		for _, l := range trial.About() {
			fprintln(w, para(l))
		}
		return
	}
	fprintln(w, headStyle.Render(trial.Title))
	for _, l := range trial.ProgressLines(trial.ProgressOf(t, ts.sessions, ts.checks, ts.now, ts.opts.RolloverHour)) {
		fprintln(w, para(l))
	}
	r, ok := trial.Results(t, ts.sessions, ts.checks, ts.now, ts.opts.RolloverHour)
	if !ok {
		return
	}
	printResults(w, r)
}

func printResults(w io.Writer, r trial.Result) {
	listed := false
	fprintln(w)
	fprintln(w, para(trial.Method()))
	for _, l := range trial.Summary(r) {
		fprintln(w, para(l))
	}
	fprintln(w)
	for _, p := range r.Pairs {
		if p.Heat.Status == trial.NotReached && p.Without.Status == trial.NotReached {
			continue
		}
		fprintln(w, hang(trial.PairLine(p)))
		listed = true
	}
	if listed {
		fprintln(w)
	}
	for _, l := range trial.Limits() {
		fprintln(w, para(l))
	}
}

// hang wraps a list item with its later lines under its text.
func hang(s string) string {
	lines := strings.Split(lipgloss.Wrap(s, textWidth-2, ""), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = "- " + lines[i]
		} else {
			lines[i] = "  " + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// startTrial starts a heat trial when the routine, the precautions and
// the settings allow one, and says when it begins and what tonight is.
func startTrial(w io.Writer, ts trialStore) error {
	var running *trial.Trial
	if t, ok := trial.Latest(ts.trials); ok && trial.Running(t, ts.now, ts.opts.RolloverHour) {
		running = &t
	}
	r, _ := ts.opts.Library.Find(ts.opts.Routine)
	pr, _ := ts.st.Precautions()
	hasHeat, allowed := trialHeat(r, pr, ts.opts)
	if why := trial.Refusal(hasHeat, allowed, ts.opts.CheckIns, running); why != "" {
		return errors.New(why)
	}
	t := trial.New(rand.Int64(), ts.now, trial.FirstNight(ts.now, ts.opts.RolloverHour, ts.sessions))
	rollover := ts.opts.RolloverHour
	if _, err := ts.st.SaveTrial(t, func(k history.Trial) bool { return trial.Running(k, ts.now, rollover) }); err != nil {
		return err
	}
	fprintln(w, headStyle.Render(trial.Title+" The trial has started."))
	for _, l := range trial.About() {
		fprintln(w, para(l))
	}
	fprintln(w)
	for _, l := range trial.StartedLines(t, ts.now, rollover) {
		fprintln(w, para(l))
	}
	return nil
}

// trialHeat says whether the routine has a heat step, and whether the
// precautions leave it in.
func trialHeat(r routines.Routine, pr history.Precautions, opts model.Options) (hasHeat, allowed bool) {
	return r.HasHeat(), !night.AdaptationFor(pr, opts.Osteoporosis).HeatAfterClinician
}

func stopTrial(w io.Writer, ts trialStore) error {
	t, ok := trial.Latest(ts.trials)
	if !ok || !trial.Running(t, ts.now, ts.opts.RolloverHour) {
		return fmt.Errorf("there is no heat trial running to stop; supine trial says where the last one stands")
	}
	if err := ts.st.StopTrial(t.ID, ts.now); err != nil {
		return err
	}
	t.Stopped = ts.now
	fprintln(w, headStyle.Render(trial.Title+" The trial is stopped."))
	r, _ := trial.Results(t, ts.sessions, ts.checks, ts.now, ts.opts.RolloverHour)
	for _, l := range trial.ProgressLines(r.Progress) {
		fprintln(w, para(l))
	}
	printResults(w, r)
	return nil
}
