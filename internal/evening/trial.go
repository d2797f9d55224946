package evening

import (
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/trial"
)

// trialOff is tonight's night of a heat trial when it is a night without
// heat and the trial is what takes heat out: the routine tonight has a
// heat step and the gate would let the pad go on. A trial only ever takes
// heat away (package trial): a night with heat, a stopped trial, a night
// before or after it, a night the gate or the questions of failing closed
// already leave without heat, or a history that could not be read leave
// the plan as the gate decides it.
//
// The night is the one the evening began in, as the trial counts its
// nights (trial.Evaluate goes by each session's start).
func (e *Evening) trialOff(g night.Gate) (trial.Scheduled, bool) {
	if e.unknown() || e.recent.Trial == nil || e.unknownHeat || e.unknownPain {
		return trial.Scheduled{}, false
	}
	sc, ok := trial.At(*e.recent.Trial, e.seen.Night)
	if !ok || sc.Heat || !g.HeatOK || g.PainToday || !e.Routine().HasHeat() {
		return trial.Scheduled{}, false
	}
	return sc, true
}

// options are the plan's options tonight allows: the gate's, and without
// heat on a night of a trial without it.
func (e *Evening) options(g night.Gate) routines.Options {
	opts := g.Options(e.cfg.Plan)
	if _, off := e.trialOff(g); off {
		opts.NoHeat = true
	}
	return opts
}

// trialReasons is the trial's line among tonight's reasons, on a night
// whose heat it takes out.
func (e *Evening) trialReasons(g night.Gate) []string {
	if sc, off := e.trialOff(g); off {
		return []string{trial.TonightLine(sc)}
	}
	return nil
}
