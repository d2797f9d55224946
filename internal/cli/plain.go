package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/plain"
	"github.com/supine-app/supine/internal/textsafe"
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
	case model.EntryPrecautions:
		return askPlainPrecautions(cmd, opts.Store, opts.Osteoporosis)
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	// Signals are caught until the evening is saved and the pad line said:
	// plain.Run leaves the evening on any way out (cancel) and says it last.
	sigs := catchSignals(func(os.Signal) { cancel() })

	r, _ := opts.Library.Find(opts.Routine)
	if r.Name == "" && len(opts.Library.Routines) > 0 {
		r = opts.Library.Routines[0]
	}
	ev := evening.Config{Entry: evening.ForRoutine, Routine: r, Plan: opts.PlanOptions(), Rollover: opts.RolloverHour,
		CheckIns: opts.CheckIns, Osteoporosis: opts.Osteoporosis, AfterWait: opts.AfterWait}
	if entry == model.EntryCheck {
		ev.Entry = evening.ForCheck
	}
	var store evening.Store
	if opts.Store != nil {
		store = opts.Store
	}
	o := plain.Options{
		Evening: ev, Keeper: evening.NewKeeper(store, opts.RolloverHour), Setup: guide.For(opts.Position),
		In: cmd.InOrStdin(), Out: w,
	}
	if rs, ok := opts.Store.(plain.RatingStore); ok {
		o.Ratings = rs
	}
	// Plain mode prints every cue's words; the tone player sounds each cue
	// as in the full-screen app, and a voice, when set, says the words.
	// Without a player there is no bell: see plain.Options.Tones.
	tones := &plainTones{}
	closeSound := openSound(&opts, fallText, tones.fail)
	defer closeSound()
	if opts.Tones != nil {
		tones.p = opts.Tones
		o.Tones, o.Sound = tones, opts.Sound
	}
	if opts.Sound.Sound == cues.SoundCommand && opts.Bell {
		o.Tones, o.Sound = &commandTones{s: opts.Sound}, opts.Sound
	}
	o.Guard, o.Voice = opts.Guard, opts.Voice
	if opts.Notice != "" {
		fmt.Fprintln(w, textsafe.Clean(opts.Notice))
	}
	if f, ok := o.In.(*os.File); ok && plain.IsTerminal(f) {
		if restore, err := plain.KeyMode(f); err == nil {
			defer restore()
			o.Keys = true
		}
	}
	res, err := plain.Run(ctx, o)
	code := sigs.stop()
	if res.Interrupted {
		code = max(code, interruptStatus)
	}
	if res.SaveFailed {
		code = max(code, 1) // a save failed: the exit status says so
	}
	if err != nil && ctx.Err() == nil {
		return err
	}
	if code != 0 {
		return exitError{code: code}
	}
	return nil
}

// commandTones sounds plain mode's cues with the person's own programs
// (sound = "command", [sound_commands]), as the full-screen app does. A cue
// with no program is a line of text only: plain mode never rings the bell.
// Play is called from plain mode's one goroutine.
type commandTones struct {
	s   cues.Settings
	mu  sync.Mutex
	err error
}

func (c *commandTones) Play(k cues.Kind, _ string) bool {
	if c.failed() {
		return false
	}
	name, args, ok := cues.Command(c.s, k)
	if !ok {
		return true // nothing to run for this cue: not a failure
	}
	if k == cues.HeatDone {
		// The reminder's program is watched for a failure (its exit
		// status) off plain mode's goroutine; the next reminder then says
		// the sound failed.
		go func() {
			if err := cues.RunChecked(context.Background(), name, args, 3*time.Second); err != nil {
				c.setErr(err)
			}
		}()
		return true
	}
	if err := cues.Run(context.Background(), name, args); err != nil {
		c.setErr(err)
		return false
	}
	return true
}

func (c *commandTones) failed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err != nil
}

func (c *commandTones) setErr(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
}

// Err is why a program could not be run, or nil.
func (c *commandTones) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// plainTones is the tone player for plain mode, with the reason it
// failed: its OnFail runs on the player's goroutine, and plain mode says
// the reason in its one line when Play first returns false.
type plainTones struct {
	p   model.Tones
	mu  sync.Mutex
	err error
}

func (t *plainTones) Play(k cues.Kind, phase string) bool { return t.p.Play(k, phase) }

func (t *plainTones) fail(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err == nil {
		t.err = err
	}
}

// Err is why the player stopped, or nil.
func (t *plainTones) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err
}

func printTips(w io.Writer) {
	for _, s := range guide.Setups() {
		fprintln(w, headStyle.Render(s.Title))
		for _, l := range append([]string{s.Head, s.Body}, s.Extra...) {
			fprintln(w, para(l))
		}
		fprintln(w)
	}
	fprintln(w, headStyle.Render("Mattress"))
	for _, l := range guide.Mattress() {
		fprintln(w, para(l))
	}
	fprintln(w, para(guide.Alignment()))
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
	if n, ok := history.WeeksRule(sessions, now, rolloverHour); ok {
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
	line := night.Format("Mon 2 Jan 2006") + " night, " + start.Format("15:04") + "  " + textsafe.Clean(s.Routine)
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
		line += "  red flag: " + textsafe.Clean(s.RedFlag)
	}
	if s.Partial {
		line += "  (partial)"
	}
	if s.StoppedForPain {
		line += "  (stopped for pain)"
	}
	return line
}
