package cli

import (
	"errors"
	"fmt"

	"github.com/supine-app/supine/internal/config"
	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/sound"
)

// inputs is everything that decides a run's options once the files are
// read, so that merging them is a pure function the tests can table.
type inputs struct {
	settings config.Settings
	problems []config.Problem // the settings file's problems, if any
	// configPath is the settings file, named in full in an error.
	configPath string
	flags      flags
	lib        routines.Library
	entry      model.Entry
	routine    string // the NAME given to start, if any
	env        []string
	// lookPath finds programs, for the default sound (tones where a player
	// exists); nil finds none.
	lookPath sound.LookPath
}

// mergeOptions turns the settings, the flags and the routine library into
// model.Options. A flag wins over the file for this run; a bad flag is an
// error that says what to type instead.
func mergeOptions(in inputs) (model.Options, error) {
	s, f := in.settings, in.flags
	opts := model.Options{
		Library:      in.lib,
		Routine:      s.Routine,
		HeatMinutes:  s.HeatMinutes,
		Position:     guide.Position(s.Position),
		Bell:         s.Bell,
		Palette:      s.Palette,
		Osteoporosis: s.Osteoporosis,
		Entry:        in.entry,
		Sound:        cues.Settings{Sound: s.Sound, Volume: s.Volume, Commands: s.SoundCommands},
		Notify:       s.Notify,
		Breathing:    s.Breathing,
		CheckIns:     s.CheckIns,
		RolloverHour: s.RolloverHour,
		Env:          in.env,
		Speech:       s.Voice,
		GetReady:     s.GetReady,
		Settle:       s.Settle,
		Reminder:     s.Reminder,
	}
	if opts.Sound.Sound == "" {
		look := in.lookPath
		if look == nil {
			look = func(string) (string, error) { return "", errors.New("not looked for") }
		}
		opts.Sound.Sound = sound.DefaultSound(in.env, look)
	}
	if n := len(in.problems); n > 0 {
		noun := "problem"
		if n > 1 {
			noun = "problems"
		}
		opts.Notice = fmt.Sprintf("Your settings file has %d %s, so defaults are used there; run: supine config", n, noun)
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
	switch {
	case f.voice && f.noVoice:
		return opts, errors.New("--voice and --no-voice contradict each other; give one of them")
	case f.noVoice:
		opts.Speech = sound.VoiceOff
	case f.voice && (opts.Speech == sound.VoiceOff || opts.Speech == ""):
		opts.Speech = sound.Auto // a voice command in the file is kept
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
	if in.routine != "" {
		r, ok := in.lib.Find(in.routine)
		if !ok {
			return opts, fmt.Errorf("there is no routine called %q; run supine routines to see the list", in.routine)
		}
		opts.Routine = r.Name
	} else if in.entry == model.EntryStart {
		// Starting the default routine when the file names one that does
		// not exist would run a routine (perhaps with heat) that the person
		// did not choose: say so instead.
		for _, p := range in.problems {
			if p.Key == "routine" {
				if in.configPath != "" {
					p.File = in.configPath
				}
				return opts, fmt.Errorf("%s, or name one: supine start NAME", p.Error())
			}
		}
	}
	return opts, nil
}

// routineNames lists the routines in the library, for checking the
// settings file's routine.
func routineNames(lib routines.Library) []string {
	names := make([]string, 0, len(lib.Routines))
	for _, r := range lib.Routines {
		names = append(names, r.Name)
	}
	return names
}
