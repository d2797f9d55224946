package evening

import (
	"maps"
	"slices"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// answer takes an answer to the question of the stage on show. An answer
// to another stage's question (a key typed late) changes nothing.
func (e *Evening) answer(in Input, now Moment, r *Reply) {
	switch in := in.(type) {
	case Seen:
		if e.stage == Disclaimer {
			e.disclaimerSeen = true
			e.readFor(decideStart, now, r)
		}
	case AnsweredPrecautions:
		if e.stage == Precautions {
			answers := PrecautionAnswers(in, now.Wall)
			p := history.Precautions{Asked: now.Wall, Latest: map[string]history.Precaution{}}
			for id, pr := range e.recent.Precautions.Latest {
				p.Latest[id] = pr
			}
			for _, a := range answers {
				p.Latest[a.ID] = a
			}
			e.precautions = &p
			r.effect(SavePrecautions{At: now.Wall, Answers: answers})
			e.readFor(decideStart, now, r)
		}
	case AnsweredUnknown:
		if e.stage == Unknown {
			e.unknownAsked = true
			e.unknownPain = in.HelpOrPain != No
			e.unknownHeat = in.HeatRecently != No
			e.decide(now, r)
		}
	case AnsweredCheck:
		if e.stage == Check {
			// Completed and triaged here too, so that no front end can
			// under-triage: the long-standing pattern's parts add up to
			// its BOOK answer (safety.Complete), kept in one order.
			yes := safety.Complete(in.Yes)
			tier := max(in.Tier, safety.Triage(yes))
			e.checkAnswered(night.Check{At: now.Wall, Tier: tier, Yes: yes, Full: true, PatternAsked: in.PatternAsked}, now, r)
		}
	case AnsweredShortcut:
		if e.stage == Shortcut {
			if in.Woke != nil {
				e.woke, e.wokeAsked = in.Woke, true
			}
			c := night.Check{At: now.Wall.Truncate(time.Millisecond), Tier: safety.None, Yes: in.Yes}
			if len(in.Yes) > 0 {
				// A yes or "not sure": the full check, now. The answer is
				// kept: any yes tonight means the full check later too.
				e.seen.AddCheck(c)
				r.effect(SaveCheck{Check: c.Record()})
				e.stage = Check
				return
			}
			e.checkAnswered(c, now, r)
		}
	case GoOn:
		if e.stage == Outcome && e.cfg.Entry == ForRoutine && e.check.Tier == safety.Book {
			e.afterCheck(now, r)
		}
	case Stop:
		switch e.stage {
		case Outcome, Void, PainStopped, Summary:
			e.close(e.endReason(RedFlag), now, true, r)
		}
	case AnsweredBefore:
		if e.stage == Before {
			e.before = in.Tightness
			if !e.wokeAsked && in.Woke != nil {
				e.woke, e.wokeAsked = in.Woke, true
			}
			e.save(now, false, r)
			e.afterBefore(now, r)
		}
	case AnsweredEased:
		if e.stage == Eased {
			eased := in.Eased
			e.eased = &eased
			e.save(now, false, r)
			if !eased && !e.fullCheck {
				// Woken by pain that nothing eased: the full check at
				// once (its URGENT question covers pain nothing eases).
				e.stage = Check
				return
			}
			e.readFor(decideRun, now, r)
		}
	case AnsweredHeat:
		if e.stage == HeatQuestion && in.Answer != NotAsked {
			e.heatAnswer = in.Answer
			if in.Answer != No {
				e.heatLeftOut = HeatQuestionNo
				r.note(Note{Kind: HeatLeftOut, Words: HeatQuestionNo})
			}
			e.startRun(now, r)
		}
	case AnsweredAfter:
		if e.stage == After {
			e.after, e.afterGiven = in.Tightness, true
			e.afterDone(now, false, r)
		}
	}
}

// PrecautionAnswers are the precautions' answers as the store keeps them,
// at at, with what a clinician cleared of a yes (nothing of a no): the
// evening's, and the menu's when the precautions are asked on their own.
// They come in the order the precautions are asked, then any other ID.
func PrecautionAnswers(in AnsweredPrecautions, at time.Time) []history.Precaution {
	out := make([]history.Precaution, 0, len(in.Answers))
	var ids []string
	for _, p := range safety.Precautions() {
		if _, ok := in.Answers[p.ID]; ok {
			ids = append(ids, p.ID)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(in.Answers)) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		p := history.Precaution{At: at, ID: id, Yes: in.Answers[id]}
		if c, ok := in.Cleared[id]; ok && p.Yes && c.Cleared.Any() {
			p.ClearedHeat, p.ClearedStretches, p.ClearedOn = c.Cleared.Heat, c.Cleared.Stretches, c.ClearedOn
		}
		out = append(out, p)
	}
	return out
}

// Precautions are the newest answers: given this evening, or as stored.
func (e *Evening) Precautions() history.Precautions {
	if e.precautions != nil {
		return *e.precautions
	}
	return e.recent.Precautions
}
