package evening

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/trial"
)

// Planned is a routine as tonight's rules make it, before the evening's
// own questions (tonight's heat question, the two of failing closed).
type Planned struct {
	// Routine is the routine adapted to the precautions and to the gate
	// (night.Gate.Routine).
	Routine routines.Routine
	// Options are the plan's options tonight allows: the gate's, and no
	// heat on a heat trial's night without it.
	Options routines.Options
	// TrialOff: tonight is a heat trial's night without heat, and the
	// trial is what takes heat out (Trial is that night).
	TrialOff bool
	Trial    trial.Scheduled
}

// Total is how long the planned routine takes.
func (p Planned) Total() time.Duration { return p.Routine.Total(p.Options) }

// Preview is cfg.Routine as an evening opened at now would plan it from
// recent, what the store last said: the same answer the evening takes when
// it starts the routine (with the heat question answered no), for a front
// end to say before an evening is open (home's "Tonight · 21 min"). On a
// void night nothing runs; the plan is the one the rest of the gate gives,
// and the front end says the routine is closed.
func Preview(cfg Config, recent history.Recent, now time.Time) Planned {
	e := &Evening{cfg: cfg, begun: now, read: true, recent: recent}
	e.seen = night.Tonight{Night: history.Night(now, cfg.Rollover), Rollover: cfg.Rollover}
	return e.planned(e.gate(now))
}

// planned is the routine tonight's rules make of the evening's routine
// under gate g.
func (e *Evening) planned(g night.Gate) Planned {
	p := Planned{Routine: g.Routine(night.Adapt(e.cfg.Routine, e.Adaptation())), Options: g.Options(e.cfg.Plan)}
	if sc, off := e.trialOff(g, p.Routine); off {
		p.Options.NoHeat = true
		p.TrialOff, p.Trial = true, sc
	}
	return p
}

// trialOff is tonight's night of a heat trial when it is a night without
// heat and the trial is what takes heat out: routine r has a heat step and
// the gate would let the pad go on. A trial only ever takes heat away
// (package trial): a night with heat, a stopped trial, a night before or
// after it, a night the gate or the questions of failing closed already
// leave without heat, or a history that could not be read leave the plan
// as the gate decides it.
//
// The night is the one the evening began in, as the trial counts its
// nights (trial.Evaluate goes by each session's start).
func (e *Evening) trialOff(g night.Gate, r routines.Routine) (trial.Scheduled, bool) {
	if e.unknown() || e.recent.Trial == nil || e.unknownHeat || e.unknownPain {
		return trial.Scheduled{}, false
	}
	sc, ok := trial.At(*e.recent.Trial, e.seen.Night)
	if !ok || sc.Heat || !g.HeatOK || g.PainToday || !r.HasHeat() {
		return trial.Scheduled{}, false
	}
	return sc, true
}

// trialReasons is the trial's line among tonight's reasons, on a night
// whose heat it takes out.
func (e *Evening) trialReasons(g night.Gate) []string {
	if p := e.planned(g); p.TrialOff {
		return []string{trial.TonightLine(p.Trial)}
	}
	return nil
}
