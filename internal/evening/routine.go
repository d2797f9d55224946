package evening

import (
	"slices"
	"time"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/trial"
)

// afterCheck goes on from a check that lets the routine go on: to the
// "before" check-in, or (after the full check that a waking answer called
// for) to the routine.
func (e *Evening) afterCheck(now Moment, r *Reply) {
	switch {
	case !e.cfg.CheckIns:
		e.readFor(decideRun, now, r)
	case e.eased != nil:
		e.readFor(decideRun, now, r) // the full check the waking answer asked for
	default:
		e.stage = Before
		e.wokeFromTonight(now.Wall)
	}
}

// wokeFromTonight takes tonight's answer to the waking question (and to
// its follow-up) when this evening has none and another session gave it,
// in whichever window or mode: it is asked once a night.
func (e *Evening) wokeFromTonight(now time.Time) {
	if e.wokeAsked {
		return
	}
	if t := e.tonight(now); t.Woke != nil {
		e.woke, e.wokeAsked = t.Woke, true
		if *t.Woke && t.NothingEased != nil {
			eased := !*t.NothingEased
			e.eased = &eased
		}
	}
}

// shortcutQuestions are the shortcut's questions, without the waking
// question once it is answered tonight.
func (e *Evening) shortcutQuestions() []safety.ShortcutQuestion {
	qs := safety.Shortcut()
	if !e.wokeAsked {
		return qs
	}
	return slices.DeleteFunc(qs, func(q safety.ShortcutQuestion) bool { return q.ID == safety.ShortcutWokeByPain })
}

// afterBefore goes on from the "before" check-in: the follow-up of a yes to
// waking, or the routine.
func (e *Evening) afterBefore(now Moment, r *Reply) {
	if e.woke != nil && *e.woke && e.eased == nil {
		e.stage = Eased
		return
	}
	e.readFor(decideRun, now, r)
}

// decideRun works out the routine tonight allows and starts it, after
// tonight's heat question when the plan has heat.
func (e *Evening) decideRun(now Moment, r *Reply) {
	g := e.gate(now.Wall)
	if g.IsVoid {
		e.showVoid(g, now, r)
		return
	}
	p := e.planned(g)
	e.routine = p.Routine
	if e.routine.HasHeat() && !g.HeatOK && !g.PainToday && e.heatLeftOut == "" {
		e.heatLeftOut = UnknownHeatLine
		if !e.unknownHeat {
			rs := g.Reasons(true)
			e.heatLeftOut = rs[len(rs)-1]
		}
	}
	if p.TrialOff && e.heatLeftOut == "" {
		e.heatLeftOut = trial.TonightLine(p.Trial)
	}
	// A plan without heat (the gate's, or a trial night's) asks no heat
	// question.
	plan := routines.Expand(e.routine, p.Options)
	if plan.HeatMinutes() > 0 && e.heatAnswer == NotAsked {
		e.stage = HeatQuestion
		return
	}
	e.startRun(now, r)
}

// startRun starts tonight's routine.
func (e *Evening) startRun(now Moment, r *Reply) {
	g := e.gate(now.Wall)
	e.reasons = e.reasonsFor(g)
	// The routine stays as decideRun made it; the options follow the gate
	// as it is now.
	opts := e.planned(g).Options
	// With no "after" check-in to come first, lights out starts as the
	// sleep set-up comes on, and the run says both in one cue.
	opts.LightsOutAtOnce = !e.cfg.CheckIns
	if e.heatAnswer == Yes || e.heatAnswer == NotSure || e.unknownHeat {
		opts.NoHeat = true
	}
	plan := routines.Expand(e.routine, opts)
	run, ev := night.New(plan, now.Clock)
	e.run = run
	e.lastClock = now.Clock
	e.stage = Running
	e.save(now, false, r)
	e.moved(ev, now, r)
}

// reasonsFor says what tonight leaves out of the routine, and why: the
// gate's reasons, with the answers of failing closed in their own words,
// and a heat trial's night without heat.
func (e *Evening) reasonsFor(g night.Gate) []string {
	if e.unknownPain {
		return []string{safety.UnknownSettleOnly}
	}
	if !e.unknownHeat {
		return append(g.Reasons(e.cfg.Routine.HasHeat()), e.trialReasons(g)...)
	}
	g.HeatOK = true // the heat reason is the question's, not a heat time
	out := g.Reasons(e.cfg.Routine.HasHeat())
	if e.cfg.Routine.HasHeat() {
		out = append(out, UnknownHeatLine)
	}
	return out
}

// Adaptation is what the precautions (and the osteoporosis setting) do to
// tonight's routine.
func (e *Evening) Adaptation() safety.Adaptation {
	return night.AdaptationFor(e.Precautions(), e.cfg.Osteoporosis)
}
