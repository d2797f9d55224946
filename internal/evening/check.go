package evening

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// checkAnswered keeps a check and asks the store what it leads to.
func (e *Evening) checkAnswered(c night.Check, now Moment, r *Reply) {
	c.At = c.At.Truncate(time.Millisecond) // as the store keeps it
	e.check = c
	if c.Full {
		e.fullCheck = true
	}
	if c.Tier > e.tier {
		e.tier = c.Tier
	}
	e.seen.AddCheck(c)
	r.effect(SaveCheck{Check: c.Record()})
	if e.cfg.Entry == ForRoutine {
		e.checked = true
		e.save(now, safety.EndsSession(c.Tier), r)
	}
	e.readFor(decideOutcome, now, r)
}

func (e *Evening) decideOutcome(now Moment, r *Reply) {
	c := e.check
	if e.cfg.Entry == ForCheck {
		e.stage = Outcome
		e.reason = CheckedOnly
		return
	}
	if safety.EndsSession(c.Tier) {
		e.stage = Outcome
		e.reason, e.ended = RedFlag, now.Wall
		return
	}
	if g := e.gate(now.Wall); g.IsVoid {
		// Another window, plain mode or a second device reported an
		// EMERGENCY or URGENT while this check was answered.
		e.showVoid(g, now, r)
		return
	}
	if c.Tier == safety.Book {
		e.stage = Outcome
		return
	}
	if c.Tier == safety.None {
		r.note(Note{Kind: AllClear, Words: safety.AdviceFor(safety.None).Headline + " " + safety.SafetyNet})
	}
	e.afterCheck(now, r)
}

// Asking is what tonight's full check asks (safety.CheckGroups), from the
// store's last read and this evening's own checks: the long-standing
// pattern when no full check asked it in the last month (and whenever the
// history could not be read: asking too often is the safe side), and a
// clinician's check of a question while it stands, asked in its own words.
func (e *Evening) Asking(now time.Time) safety.Asking {
	var last time.Time
	a := safety.Asking{Tonight: history.Night(now, e.cfg.Rollover), Checked: map[string]time.Time{}}
	if !e.unknown() {
		last = e.recent.PatternAsked
		for _, c := range e.recent.Clinician {
			a.Checked[c.QuestionID] = c.CheckedOn
		}
	}
	for _, c := range e.seen.Checks {
		if c.PatternAsked && !c.At.After(now) && c.At.After(last) {
			last = c.At
		}
	}
	a.Pattern = safety.PatternDue(last, now)
	return a
}
