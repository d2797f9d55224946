package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/internal/config"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/plain"
	"github.com/supine-app/supine/internal/remind"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/textsafe"
)

// runApp opens the app at the given entry: full screen on a terminal, plain
// lines when asked for or when the output is not a terminal.
func runApp(cmd *cobra.Command, f *flags, entry model.Entry, routine string) error {
	opts, err := appOptions(f, entry, routine)
	if err != nil {
		return err
	}
	tuneRuntimeForWaiting()
	paths := defaultPaths()
	st, notice, err := history.Open(paths.Database)
	if err != nil {
		// supine never refuses to run for want of its history.
		opts.Notice = textsafe.Clean(err.Error())
	} else {
		defer st.Close()
		opts.Store = st
		if notice != "" {
			opts.Notice = textsafe.Clean(string(notice))
		}
	}
	if f.plain || plain.Needed(os.Stdout, os.Getenv("TERM")) {
		return runPlain(cmd, opts, entry)
	}
	return runTUI(cmd, opts)
}

func runTUI(cmd *cobra.Command, opts model.Options) error {
	r := &relay{}
	closeSound := openSound(&opts, fallBell, func(err error) { r.send(model.SoundFailMsg{Err: err}) })
	defer closeSound()
	// The colour profile is given, so bubbletea does not run its own
	// detection and its probes (see colorProfile).
	var ctrlC atomic.Bool
	p := tea.NewProgram(model.New(opts), append(programOptions(),
		tea.WithContext(cmd.Context()), tea.WithColorProfile(colorProfile(os.Stdout)),
		tea.WithFilter(noteCtrlC(&ctrlC)))...)
	r.set(p)

	// bubbletea turns SIGINT and SIGTERM into a clean quit; SIGHUP (the
	// terminal closed) must end the same way so the terminal is restored and
	// the session kept.
	var hangup sync.Once
	failed := false
	sigs := catchSignals(func(s os.Signal) {
		if s == syscall.SIGHUP {
			hangup.Do(func() { go p.Send(model.HangupMsg{}) })
		}
	})

	final, err := p.Run()
	if m, ok := final.(model.Model); ok {
		// However the program ended (a SIGTERM never reaches the model),
		// the evening is left before it is saved. Signals stay caught until
		// the save returns, so a second Ctrl+C cannot cut it short; a
		// locked history can keep it waiting, so the wait is said.
		m = m.Closed()
		if serr := saveAtExit(os.Stderr, m.SaveNow); serr != nil {
			fmt.Fprintln(os.Stderr, textsafe.Clean(say.Sentence("Tonight's session could not be saved", serr)))
			failed = true
		}
		if m.PadMayBeOn() {
			// The screen is restored: this line stays in the terminal, the
			// last one supine writes.
			fmt.Fprintln(os.Stdout, "supine: "+night.LeftWithPadOn)
		}
	}
	code := sigs.stop()
	if ctrlC.Load() {
		code = max(code, interruptStatus)
	}
	if failed {
		code = max(code, 1)
	}
	if err := runError(err); err != nil {
		return err
	}
	if code != 0 {
		return exitError{code: code}
	}
	return nil
}

// saveAtExit runs the save on exit, and says so on w when it keeps the
// person waiting (another window holding the history's lock): the screen
// is already restored, and a silent pause would look like a hang. The stop
// signals stay caught until the save returns, whatever the caller holds:
// a second Ctrl+C or a kill during a slow save must not end supine with
// tonight unsaved (the caller's own catcher notes them for the exit
// status).
func saveAtExit(w io.Writer, save func() error) error {
	defer catchSignals(nil).stop()
	done := make(chan error, 1)
	go func() { done <- save() }()
	select {
	case err := <-done:
		return err
	case <-time.After(300 * time.Millisecond):
		fmt.Fprintln(w, "supine: saving tonight's session; the history is busy, this can take a few seconds…")
		return <-done
	}
}

// noteCtrlC notes a Ctrl+C key on its way to the model, which quits on it:
// the terminal is in raw mode, so Ctrl+C comes as a key, not as SIGINT,
// and the exit status must still say the run was interrupted (130).
func noteCtrlC(seen *atomic.Bool) func(tea.Model, tea.Msg) tea.Msg {
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+c" {
			seen.Store(true)
		}
		return msg
	}
}

// runError is what the program's own end means for the exit: nothing for
// Ctrl+C or a signal (the exit status says which), one sentence otherwise.
// A panic is caught by bubbletea and reported as "killed"; it must not end
// with status 0 as if the night had gone well.
func runError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tea.ErrProgramPanic):
		return errors.New("supine stopped on an error of its own; tonight's session was saved, and the lines above say where it happened: please report them")
	case errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		return nil
	}
	return fmt.Errorf("supine stopped unexpectedly: %w", err)
}

// plainWanted says whether a run is in plain mode because the person asked
// for it: --plain, plain = true in config.toml, or the ACCESSIBLE
// environment variable set to anything (the convention of gh and huh), so
// that a screen-reader user need not type --plain every night. (Output
// that is no terminal is plain as well; plain.Needed decides that.)
func plainWanted(flag, setting bool, getenv func(string) string) bool {
	return flag || setting || getenv("ACCESSIBLE") != ""
}

// appOptions reads the settings file and the routine files and merges them
// with the flags (mergeOptions) into the one value the model needs.
func appOptions(f *flags, entry model.Entry, routine string) (model.Options, error) {
	paths := defaultPaths()
	lib := routines.Load(paths.RoutinesDir)
	s, problems := config.Load(paths.Config, routineNames(lib))
	f.plain = plainWanted(f.plain, s.Plain, os.Getenv)
	opts, err := mergeOptions(inputs{settings: s, problems: problems, configPath: paths.Config, flags: *f, lib: lib,
		entry: entry, routine: routine, env: os.Environ(), lookPath: exec.LookPath})
	opts.SavePosition = func(p guide.Position) (string, error) {
		return paths.Config, config.SetPosition(paths.Config, string(p))
	}
	opts.SkipTonight = func() error {
		return remind.MarkSkipped(paths.ReminderState, history.Night(time.Now(), opts.RolloverHour))
	}
	return opts, err
}
