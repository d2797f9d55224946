package evening

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
)

// readFor asks the store for what a decision needs; the evening waits in
// Reading until the answer (Read) comes.
func (e *Evening) readFor(p purpose, now Moment, r *Reply) {
	e.pending = p
	e.stage = Reading
	r.effect(ReadTonight{At: now.Wall})
}

func (e *Evening) readDone(in Read, now Moment, r *Reply) {
	if e.stage != Reading {
		return
	}
	e.read = true
	e.readErr = in.Err
	if in.Err == nil {
		e.recent = in.Recent
	}
	e.decide(now, r)
}

// tonight is what the store said, with this evening's own answers laid
// over it.
func (e *Evening) tonight(now time.Time) night.Tonight {
	var t night.Tonight
	if e.readErr == nil && e.read {
		t = night.FromHistory(e.recent.Sessions, e.recent.Checks, now, e.cfg.Rollover)
	} else {
		t = night.Tonight{Night: history.Night(now, e.cfg.Rollover), Rollover: e.cfg.Rollover}
	}
	for _, c := range e.seen.Checks {
		t.AddCheck(c)
	}
	for _, h := range e.seen.Heat {
		t.AddHeat(h)
	}
	for _, p := range e.seen.Pain {
		t.AddPainStop(p)
	}
	return t
}

// gate is what may start now, failing closed when tonight is not known:
// no shortcut, and the answers to the two questions of failing closed
// stand for the rest of the evening, even when a later read works (a yes
// is the person's word against a history that could not be read).
func (e *Evening) gate(now time.Time) night.Gate {
	t := e.tonight(now)
	g := t.Gate(now)
	if e.unknown() || e.unknownAsked {
		g.Shortcut, g.Since = false, time.Time{}
	}
	if e.unknownHeat {
		g.HeatOK = false
	}
	if e.unknownPain && !g.PainToday {
		g.PainToday = true
		g.PainStop = night.PainStop{At: now}
		g.PainUntil = now.Add(night.VoidAtLeast)
	}
	return g
}

// unknown reports whether tonight could not be read.
func (e *Evening) unknown() bool { return !e.read || e.readErr != nil }

// decide takes the decision a Read was made for.
func (e *Evening) decide(now Moment, r *Reply) {
	if e.unknown() && !e.unknownAsked && e.cfg.Entry == ForRoutine {
		e.stage = Unknown
		return
	}
	switch e.pending {
	case decideStart:
		e.decideStart(now, r)
	case decideOutcome:
		e.decideOutcome(now, r)
	case decideRun:
		e.decideRun(now, r)
	}
}

func (e *Evening) decideStart(now Moment, r *Reply) {
	g := e.gate(now.Wall)
	if g.IsVoid {
		e.showVoid(g, now, r)
		return
	}
	if e.cfg.Entry == ForCheck {
		e.stage = Check
		return
	}
	p := e.Precautions()
	if p.Asked.IsZero() && !e.disclaimerSeen {
		e.stage = Disclaimer
		return
	}
	if p.Due(now.Wall) && e.precautions == nil {
		e.stage = Precautions
		return
	}
	if g.Shortcut {
		e.wokeFromTonight(now.Wall)
		e.stage = Shortcut
		return
	}
	e.stage = Check
}

// showVoid shows tonight's EMERGENCY or URGENT outcome again: the only
// thing a void night leads to. A session under way ends here.
func (e *Evening) showVoid(g night.Gate, now Moment, r *Reply) {
	e.void = g
	e.stage = Void
	if e.checked {
		e.reason = RedFlag
		e.ended = now.Wall
		e.save(now, true, r)
	}
}
