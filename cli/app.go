package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/supine-app/supine/config"
	"github.com/supine-app/supine/cues"
	"github.com/supine-app/supine/guide"
	"github.com/supine-app/supine/history"
	"github.com/supine-app/supine/model"
	"github.com/supine-app/supine/plain"
	"github.com/supine-app/supine/routines"
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
		opts.Notice = err.Error()
	} else {
		defer st.Close()
		opts.Store = st
		if notice != "" {
			opts.Notice = string(notice)
		}
	}
	if f.plain || plain.Needed(os.Stdout, os.Getenv("TERM")) {
		return runPlain(cmd, opts, entry)
	}
	return runTUI(cmd, opts)
}

func runTUI(cmd *cobra.Command, opts model.Options) error {
	p := tea.NewProgram(model.New(opts), append(programOptions(), tea.WithContext(cmd.Context()))...)

	// bubbletea turns SIGINT and SIGTERM into a clean quit; SIGHUP (the
	// terminal closed) must end the same way so the terminal is restored and
	// the session kept.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		if _, ok := <-hup; ok {
			p.Send(model.HangupMsg{})
		}
	}()

	final, err := p.Run()
	if m, ok := final.(model.Model); ok {
		if serr := m.SaveNow(); serr != nil {
			fmt.Fprintln(os.Stderr, "supine: tonight's session could not be saved: "+serr.Error())
		}
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, tea.ErrProgramKilled) {
		return fmt.Errorf("supine stopped unexpectedly: %w", err)
	}
	return nil
}

// appOptions merges the settings file, the routine files and the flags into
// the one value the model needs. Flags win over the file for this run.
func appOptions(f *flags, entry model.Entry, routine string) (model.Options, error) {
	paths := defaultPaths()
	s, problems := config.Load(paths.Config)
	lib := routines.Load(paths.RoutinesDir)
	opts := model.Options{
		Library:      lib,
		Routine:      s.Routine,
		HeatMinutes:  s.HeatMinutes,
		Position:     guide.Position(s.Position),
		Bell:         s.Bell,
		Palette:      s.Palette,
		Osteoporosis: s.Osteoporosis,
		Entry:        entry,
		Sound:        cues.Settings{Sound: s.Sound, Volume: s.Volume, Commands: s.SoundCommands},
		Notify:       s.Notify,
		Breathing:    s.Breathing,
		CheckIns:     s.CheckIns,
		RolloverHour: s.RolloverHour,
		Env:          os.Environ(),
	}
	if len(problems) > 0 {
		noun := "problem"
		if len(problems) > 1 {
			noun = "problems"
		}
		opts.Notice = fmt.Sprintf("Your settings file has %d %s, so defaults are used there; run: supine config", len(problems), noun)
	}
	if f.osteo {
		opts.Osteoporosis = true
	}
	if f.breathe {
		opts.Breathing = true
	}
	if f.noBell {
		opts.Bell = false
	}
	if f.heat != 0 {
		if f.heat < routines.MinHeatMinutes || f.heat > routines.MaxHeatMinutes {
			return opts, fmt.Errorf("heat of %d minutes is outside %d to %d; longer heat risks burns, so give --heat a number in that range",
				f.heat, routines.MinHeatMinutes, routines.MaxHeatMinutes)
		}
		opts.HeatMinutes = f.heat
	}
	if f.position != "" {
		p, ok := guide.ParsePosition(f.position)
		if !ok {
			return opts, fmt.Errorf("there is no sleep position called %q; give --position side, back or stomach", f.position)
		}
		opts.Position = p
	}
	if f.palette != "" {
		switch f.palette {
		case "auto", "night", "light":
			opts.Palette = f.palette
		default:
			return opts, fmt.Errorf("there is no palette called %q; give --palette auto, night or light", f.palette)
		}
	}
	if routine != "" {
		if _, ok := lib.Find(routine); !ok {
			return opts, fmt.Errorf("there is no routine called %q; run `supine routines` to see the list", routine)
		}
		opts.Routine = routine
	}
	return opts, nil
}
