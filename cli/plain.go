package cli

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/guide"
	"github.com/supine-app/supine/history"
	"github.com/supine-app/supine/model"
	"github.com/supine-app/supine/plain"
	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/safety"
	"github.com/supine-app/supine/say"
)

// runPlain is the app for screen readers and pipes: one line per event, no
// cursor movement and no colour.
func runPlain(cmd *cobra.Command, opts model.Options, entry model.Entry) error {
	w := cmd.OutOrStdout()
	switch entry {
	case model.EntryTips:
		printTips(w)
		return nil
	case model.EntryWhy:
		printWhy(w)
		return nil
	case model.EntryHistory:
		return printHistory(w, opts.Store, opts.RolloverHour, time.Now())
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	r, _ := opts.Library.Find(opts.Routine)
	if r.Name == "" && len(opts.Library.Routines) > 0 {
		r = opts.Library.Routines[0]
	}
	plan := routines.Expand(r, routines.Options{HeatMinutes: opts.HeatMinutes, Osteoporosis: opts.Osteoporosis})
	o := plain.Options{
		Routine: r, Plan: plan, HeatMinutes: opts.HeatMinutes, Setup: guide.For(opts.Position),
		In: cmd.InOrStdin(), Out: w, CheckOnly: entry == model.EntryCheck, SkipCheckIns: !opts.CheckIns,
	}
	if opts.Notice != "" {
		fmt.Fprintln(w, opts.Notice)
	}
	if f, ok := o.In.(*os.File); ok && plain.IsTerminal(f) {
		if restore, err := plain.KeyMode(f); err == nil {
			defer restore()
			o.Keys = true
		}
	}
	start := time.Now()
	res, err := plain.Run(ctx, o)
	if entry != model.EntryCheck {
		savePlain(w, opts.Store, r, plan, start, res)
	}
	if err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}

// savePlain stores a plain-mode session the way the app stores its own.
func savePlain(w io.Writer, st model.Store, r routines.Routine, plan routines.Plan, start time.Time, res plain.Result) {
	if st == nil || (res.Reason == plain.RedFlag && len(res.Yes) == 0 && res.Tier == safety.None) {
		return // the check was never answered: nothing happened tonight
	}
	titles := func(idx []int) []string {
		var out []string
		for _, i := range idx {
			if i >= 0 && i < len(r.Steps) {
				out = append(out, r.Steps[i].Title)
			}
		}
		return out
	}
	s := history.Session{
		Start: start, End: time.Now(), Routine: r.Name,
		Completed: titles(res.Completed), Skipped: titles(res.Skipped),
		HeatMinutes: res.HeatMins, Before: res.Before, After: res.After,
		RedFlag:        safety.TierName(res.Tier),
		StoppedForPain: res.Reason == plain.Pain,
	}
	if s.HeatMinutes == 0 {
		s.HeatMinutes = plan.HeatMinutes()
	}
	id, err := st.Begin(s)
	if err == nil {
		s.ID = id
		if res.Reason == plain.Quit {
			err = st.Update(s)
		} else {
			err = st.Finish(s)
		}
	}
	if err != nil {
		fmt.Fprintln(w, say.Sentence("Tonight's session could not be saved", err))
	}
}

func printTips(w io.Writer) {
	for _, s := range guide.Setups() {
		lipgloss.Fprintln(w, headStyle.Render(s.Title))
		for _, l := range append([]string{s.Head, s.Body}, s.Extra...) {
			lipgloss.Fprintln(w, para(l))
		}
		lipgloss.Fprintln(w)
	}
	lipgloss.Fprintln(w, headStyle.Render("Mattress"))
	for _, l := range guide.Mattress() {
		lipgloss.Fprintln(w, para(l))
	}
	lipgloss.Fprintln(w, para(guide.Alignment()))
}

func printHistory(w io.Writer, st model.Store, rolloverHour int, now time.Time) error {
	if st == nil {
		return fmt.Errorf("the history could not be opened, so there is nothing to show")
	}
	sessions, err := st.Sessions(time.Time{})
	if err != nil {
		return err
	}
	if len(sessions) == 0 {
		fmt.Fprintln(w, "No sessions yet. They appear here after your first routine.")
		return nil
	}
	for _, s := range sessions {
		fmt.Fprintln(w, historyLine(s, now, rolloverHour))
	}
	if n, ok := history.WeeksRule(sessions, now); ok {
		fmt.Fprintln(w)
		fmt.Fprintln(w, n.Text)
	}
	return nil
}

// historyLine is one session for plain mode: the night it belongs to (the
// rule the history screen uses, with the roll-over hour, so a session at
// 01:30 is the evening before's), its start time, the routine, the
// check-ins and the red-flag outcome.
func historyLine(s history.Session, now time.Time, rolloverHour int) string {
	start := s.Start.In(now.Location())
	night := history.Night(start, rolloverHour)
	line := night.Format("Mon 2 Jan 2006") + " night, " + start.Format("15:04") + "  " + s.Routine
	if s.Before != nil {
		line += fmt.Sprintf("  before %d", *s.Before)
	}
	if s.After != nil {
		line += fmt.Sprintf("  after %d", *s.After)
	}
	switch s.RedFlag {
	case history.TierNone:
		line += "  no red flags reported"
	case "":
	default:
		line += "  red flag: " + s.RedFlag
	}
	if s.Partial {
		line += "  (partial)"
	}
	if s.StoppedForPain {
		line += "  (stopped for pain)"
	}
	return line
}
