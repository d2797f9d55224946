package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/plain"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/say"
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
		return printPrecautions(w, opts.Store, opts.Osteoporosis)
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	sigs := catchSignals(func(os.Signal) { cancel() })

	r, _ := opts.Library.Find(opts.Routine)
	if r.Name == "" && len(opts.Library.Routines) > 0 {
		r = opts.Library.Routines[0]
	}
	// The precautions adapt the routine as in the app; plain mode does not
	// ask them (the full-screen app and `supine precautions` do).
	adapt := plainAdaptation(opts.Store, opts.Osteoporosis)
	r = night.Adapt(r, adapt)
	plan := routines.Expand(r, opts.PlanOptions())
	o := plain.Options{
		Routine: r, Plan: plan, HeatMinutes: opts.HeatMinutes, Setup: guide.For(opts.Position),
		In: cmd.InOrStdin(), Out: w, CheckOnly: entry == model.EntryCheck, SkipCheckIns: !opts.CheckIns,
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
	if entry != model.EntryCheck {
		for _, line := range adapt.Reasons {
			fmt.Fprintln(w, line)
		}
	}
	start := time.Now()
	tonight, err := tonightFrom(opts.Store, start, opts.RolloverHour)
	if err != nil {
		fmt.Fprintln(w, textsafe.Clean(err.Error())+" What happened earlier tonight is not known to this session.")
	}
	sv := &plainSaver{st: opts.Store, routine: r, start: start}
	o.Tonight, o.SaveCheck = tonight, sv.saveCheck
	if entry != model.EntryCheck {
		o.Save = sv.save
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
	if sv.failed {
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
	err error
}

func (c *commandTones) Play(k cues.Kind, _ string) bool {
	name, args, ok := cues.Command(c.s, k)
	if !ok {
		return true // nothing to run for this cue: not a failure
	}
	if err := cues.Run(context.Background(), name, args); err != nil {
		c.err = err
		return false
	}
	return true
}

// Err is why a program could not be run, or nil.
func (c *commandTones) Err() error { return c.err }

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

// tonightFrom reads what happened tonight from the store, for the gate.
func tonightFrom(st model.Store, now time.Time, rollover int) (night.Tonight, error) {
	if st == nil {
		return night.FromHistory(nil, nil, now, rollover), nil
	}
	sessions, err := st.Sessions(now.Add(-48 * time.Hour))
	if err != nil {
		return night.FromHistory(nil, nil, now, rollover), err
	}
	// A week and a day: the shortcut looks back to the last full check.
	checks, err := st.Checks(now.Add(-night.ShortcutWithin - 24*time.Hour))
	if err != nil {
		return night.FromHistory(sessions, nil, now, rollover), err
	}
	return night.FromHistory(sessions, checks, now, rollover), nil
}

// plainSaver stores a plain-mode session the way the app stores its own:
// begun after the check, updated at every step (a kill -9 keeps it as
// partial), finished at the end.
type plainSaver struct {
	st      model.Store
	routine routines.Routine
	start   time.Time
	id      int64
	final   bool
	failed  bool // a save failed: the exit status is 1
}

func (s *plainSaver) save(res plain.Result, final bool) error {
	if s.st == nil || s.final {
		return nil
	}
	titles := func(idx []int) []string {
		var out []string
		for _, i := range idx {
			if i >= 0 && i < len(s.routine.Steps) {
				out = append(out, s.routine.Steps[i].Title)
			}
		}
		return out
	}
	sess := history.Session{
		Start: s.start, End: time.Now(), Routine: s.routine.Name,
		Completed: titles(res.Completed), Skipped: titles(res.Skipped),
		HeatMinutes: res.HeatMins, Before: res.Before, After: res.After,
		RedFlag:        safety.TierName(res.Tier),
		StoppedForPain: res.Reason == plain.Pain,
		PainStep:       res.PainStep,
		HeatStart:      res.HeatStart, HeatSeconds: res.HeatSeconds, HeatKnown: true,
		Partial: !final,
	}
	var err error
	if s.id == 0 {
		s.id, err = s.st.Begin(sess)
	}
	if err == nil {
		sess.ID = s.id
		if final {
			err = s.st.Finish(sess)
		} else {
			err = s.st.Update(sess)
		}
	}
	if err != nil {
		s.failed = true
		return errors.New(textsafe.Clean(say.Sentence("Tonight's session could not be saved", err)))
	}
	s.final = final
	return nil
}

// saveCheck keeps a red-flag check with its answers, so that an EMERGENCY
// or URGENT outcome closes the rest of the night.
func (s *plainSaver) saveCheck(c night.Check) error {
	if s.st == nil {
		return nil
	}
	return s.st.SaveCheck(c.Record())
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
