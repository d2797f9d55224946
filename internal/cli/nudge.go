package cli

import (
	"errors"
	"fmt"
	"io"
	"os/exec"
	"time"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/config"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/remind"
	"github.com/supine-app/supine/internal/textsafe"
)

func nudgeCmd() *cobra.Command {
	var at string
	var skip, why bool
	cmd := &cobra.Command{
		Use:   "nudge",
		Short: "What the reminder runs: one quiet notification",
		Long: "What the reminder runs (supine remind at sets it up). It shows \"Time for your back routine? " +
			"Type supine.\" at most once a night, and stays silent when tonight's routine is done or started, " +
			"when you said not tonight, while a check that ended the routine or a stop for pain still holds (the rest of its night and at least 12 hours), within " +
			"2 hours of the heating pad, or more than 90 minutes after its time. It reads the history without " +
			"changing it. --skip says not tonight, as n on home does.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if skip {
				return skipTonight(cmd.OutOrStdout(), time.Now())
			}
			return nudge(cmd.OutOrStdout(), at, why, time.Now())
		},
	}
	cmd.Flags().StringVar(&at, "at", "", "the scheduled time (HH:MM), from the scheduler")
	cmd.Flags().BoolVar(&skip, "skip", false, "no reminder tonight")
	cmd.Flags().BoolVar(&why, "why", false, "say why it spoke or stayed silent")
	return cmd
}

// nudgeSettings are the two settings the nudge needs. A bad line in
// config.toml is the app's business: here it only leaves its default.
func nudgeSettings(path string) (reminder string, rollover int) {
	s, _ := config.Load(path, nil)
	return s.Reminder, s.RolloverHour
}

// skipTonight records "not tonight" for the night now falls in.
func skipTonight(w io.Writer, now time.Time) error {
	paths := defaultPaths()
	_, rollover := nudgeSettings(paths.Config)
	if err := remind.MarkSkipped(paths.ReminderState, history.Night(now, rollover)); err != nil {
		return err
	}
	fprintln(w, "No reminder tonight.")
	return nil
}

// nudge decides (remind.Decide) and, when tonight wants it, raises the
// notification and remembers that it did. Whatever it cannot read, it
// stays silent: a nudge that cannot tell tonight is done or void says
// nothing.
func nudge(w io.Writer, atFlag string, why bool, now time.Time) error {
	paths := defaultPaths()
	reminder, rollover := nudgeSettings(paths.Config)
	if atFlag != "" {
		reminder = atFlag
	}
	if reminder == "" {
		return errors.New("no reminder time is set; give --at 22:30, or set one with supine remind at 22:30")
	}
	at, err := remind.ParseClock(reminder)
	if err != nil {
		return err
	}
	state, err := remind.LoadState(paths.ReminderState)
	if err != nil {
		return err
	}
	tonight := history.Night(now, rollover)
	f := remind.Facts{Now: now, At: at, Skipped: state.Skips(tonight), Nudged: state.NudgedOn(tonight)}
	v, silent := remind.Timely(f)
	if !silent {
		// Only now is the history worth opening.
		if f.Tonight, f.Started, err = readTonight(paths.Database, now, rollover); err != nil {
			return err
		}
		f.Gate = f.Tonight.Gate(now)
		v = remind.Decide(f)
	}
	if why {
		fprintln(w, v.Why)
	}
	if !v.Speak {
		return nil
	}
	n, err := remind.Notifier(remindGOOS, exec.LookPath, remind.Title, remind.Message)
	if err != nil {
		return err
	}
	if _, err := (remind.Exec{Timeout: 10 * time.Second, Env: n.Env}).Run(n.Argv...); err != nil {
		return fmt.Errorf("the reminder could not be shown: %w", err)
	}
	return remind.MarkNudged(paths.ReminderState, tonight)
}

// readTonight opens the history read-only and reads tonight from it; no
// history yet is an empty night.
func readTonight(db string, now time.Time, rollover int) (t night.Tonight, started bool, err error) {
	st, err := history.OpenReadOnly(db)
	switch {
	case errors.Is(err, history.ErrNoHistory):
		return remind.ReadTonight(nil, now, rollover)
	case err != nil:
		return t, false, fmt.Errorf("%s; the reminder stays silent until it can read the history", textsafe.Clean(err.Error()))
	}
	defer st.Close()
	return remind.ReadTonight(st, now, rollover)
}
