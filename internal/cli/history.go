package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/textsafe"
)

func historyCmd(f *flags) *cobra.Command {
	var asJSON, asCSV bool
	var since, what string
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Your sessions, and when to see someone",
		Long: "Without flags, opens the history screen. With --json or --csv, prints every session " +
			"for export (newest first); --since limits them to the nights from a date on " +
			"(a night ends at the roll-over hour, 04:00 unless rollover_hour says otherwise). --what checks prints " +
			"the red-flag checks with the questions answered yes, --what precautions every precaution answer.",
		Example: examples(
			"every session as CSV, for a spreadsheet", "supine history --csv > nights.csv",
			"the sessions from November on, as JSON", "supine history --json --since 2026-11-01",
			"the red-flag checks with what was answered yes", "supine history --json --what checks"),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !asJSON && !asCSV {
				if since != "" {
					return fmt.Errorf("a start date only applies to an export; add --json or --csv to --since")
				}
				if cmd.Flags().Changed("what") {
					return fmt.Errorf("--what only applies to an export; add --json or --csv")
				}
				return runApp(cmd, f, model.EntryHistory, "")
			}
			if asJSON && asCSV {
				return fmt.Errorf("an export is either JSON or CSV; pick one of --json and --csv")
			}
			switch what {
			case "sessions", "checks", "precautions":
			default:
				return fmt.Errorf("there is nothing called %q to export; give --what sessions, checks or precautions", what)
			}
			var from time.Time
			if since != "" {
				opts, err := appOptions(f, model.EntryHistory, "")
				if err != nil {
					return err
				}
				if from, err = sinceNight(since, opts.RolloverHour, time.Local); err != nil {
					return err
				}
			}
			st, notice, err := history.Open(defaultPaths().Database)
			if err != nil {
				return err
			}
			defer st.Close()
			switch {
			case st.Recovered():
				// The history was damaged and moved aside: an export now
				// would be short, and a backup script would put it over a
				// good one. Say so on stderr and fail; the next run exports
				// what was kept.
				fmt.Fprintln(cmd.ErrOrStderr(), textsafe.Clean(string(notice))+" Nothing was exported; run the export again to get the sessions that were kept.")
				return exitError{code: 1}
			case notice != "":
				// Advice that changes nothing in the history (a folder that
				// could not be made private): said once, and the export goes on.
				fmt.Fprintln(cmd.ErrOrStderr(), textsafe.Clean(string(notice)))
			}
			out := cmd.OutOrStdout()
			switch what {
			case "checks":
				checks, err := st.Checks(from)
				if err != nil {
					return err
				}
				if asJSON {
					return history.WriteChecksJSON(out, checks)
				}
				return history.WriteChecksCSV(out, checks)
			case "precautions":
				all, err := st.PrecautionHistory()
				if err != nil {
					return err
				}
				var kept []history.Precaution
				for _, p := range all {
					if !p.At.Before(from) {
						kept = append(kept, p)
					}
				}
				if asJSON {
					return history.WritePrecautionsJSON(out, kept)
				}
				return history.WritePrecautionsCSV(out, kept)
			}
			sessions, err := st.Sessions(from)
			if err != nil {
				return err
			}
			if asJSON {
				return history.WriteJSON(cmd.OutOrStdout(), sessions)
			}
			return history.WriteCSV(cmd.OutOrStdout(), sessions)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print every session as JSON")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print every session as CSV")
	cmd.Flags().StringVar(&since, "since", "", "only sessions from this date on (YYYY-MM-DD)")
	cmd.Flags().StringVar(&what, "what", "sessions", "what to export: sessions, checks or precautions")
	completeValues(cmd, "what", "sessions", "checks", "precautions")
	// A date is typed, not a file: the shell offers the first night of
	// this month and of the month before.
	_ = cmd.RegisterFlagCompletionFunc("since", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return sinceCompletions(time.Now()), cobra.ShellCompDirectiveNoFileComp
	})
	return f.appFlags(cmd)
}

// sinceCompletions offers the first day of this month and of the month
// before, as --since takes them.
func sinceCompletions(now time.Time) []cobra.Completion {
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	return []cobra.Completion{
		cobra.CompletionWithDesc(first.Format("2006-01-02"), "this month"),
		cobra.CompletionWithDesc(first.AddDate(0, -1, 0).Format("2006-01-02"), "since last month"),
	}
}

// sinceNight is where --since DATE starts: that night, which begins at the
// roll-over hour of that date (a session at 01:30 on the 2nd belongs to
// the 1st, as on the history screen and in plain history).
func sinceNight(date string, rolloverHour int, loc *time.Location) (time.Time, error) {
	d, err := time.ParseInLocation("2006-01-02", date, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("the date %q cannot be read; write --since like 2026-11-01", date)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), rolloverHour, 0, 0, 0, loc), nil
}
