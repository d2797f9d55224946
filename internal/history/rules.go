package history

import (
	"fmt"
	"sort"
	"time"
)

// The history rules of CONTENT.md section 7 (app policy on top of the NHS
// advice to book when back pain is no better after a few weeks, is getting
// worse, or wakes you). Every rule works on nights (Night with the rollover
// hour the caller gives, seen from now's zone: the same nights the screens,
// the report and tonight's gate count), counts only "before" check-ins that were given (a
// skipped check-in is no data, not a zero), ignores sessions after now, and
// never speaks about averages under 3: mild or no tightness is nothing to
// book for ("no better" waits for 4, CONTENT.md v3: the scale calls 1 to 3
// mild). Every nudge to book points to a physiotherapist for a structured
// exercise plan, not to more stretching [33].

// Rule names a history rule in reports and exports; the names never change.
type Rule string

const (
	RuleNoBetter            Rule = "no_better"
	RuleGettingWorse        Rule = "getting_worse"
	RuleWaking              Rule = "waking"
	RuleWorseAfterStretches Rule = "worse_after_stretches"
	RuleStillSevere         Rule = "still_severe"
)

// The thresholds, named so that the tests and the doc comments agree.
const (
	nudgeMinCheckins = 10 // no better: "before" check-ins in all
	nudgeMinDays     = 21 // no better: nights from the first to the last of them
	ruleMinAverage   = 3  // no rule speaks when the last seven nights average less
	// noBetterMinAverage is the least the last seven nights must average
	// for "no better": moderate, since the scale calls 1 to 3 mild.
	noBetterMinAverage = 4
	// severeAverage is what each of the last two weeks must average, over
	// at least weekMinCheckins "before" check-ins, for "still severe".
	severeAverage = 7
	worseByPoints = 2 // getting worse: above the best earlier week by this much
	// weekMinCheckins is the least a week must hold to be compared in the
	// getting-worse rule: one bad or good night is not a week.
	weekMinCheckins = 3
	// worseLookbackWeeks is how far back the getting-worse rule looks for the
	// best week: 8 weeks, the span of one episode of self-care. A good week
	// last year does not make tonight a relapse.
	worseLookbackWeeks = 8
	wakingMinNights    = 2 // waking: yes answers within the last seven nights
	stretchWorseBy     = 2 // worse after the stretches: after minus before
)

// Nudge is one rule speaking up, with the figures and dates behind it: a
// nudge never gives a bare verdict. Which figures are filled depends on Rule.
type Nudge struct {
	Rule Rule

	Checkins    int // no better: "before" check-ins so far
	DaysSpanned int // no better: nights from the first "before" check-in to the last

	// Then and Recent are the two weeks compared, with their dates and
	// averages: for no better, the first week of check-ins; for getting
	// worse, the best earlier week; Recent is the last seven nights.
	Then, Recent Week
	// First and Last are Then.Before and Recent.Before, kept for callers
	// written before Then and Recent.
	First, Last Mean

	// Woken are the nights (as Night returns them) whose check-in said back
	// pain woke the person, oldest first; Asked is how many of the last seven
	// nights answered the question at all.
	Woken []time.Time
	Asked int

	// Before and After are the session's two check-ins, for worse after the
	// stretches.
	Before, After int

	Text  string // the full sentences, with figures and dates
	Short string // one line for home and summary
}

// physioPlan closes every nudge to book: what to ask the physiotherapist
// for, and why not more stretching (CONTENT.md section 7, [33]).
const physioPlan = "A physiotherapist can build a structured exercise plan with you: for long-lasting back pain, " +
	"stretching on its own did no better than no treatment in a large review of trials."

// Rules returns every history rule that speaks tonight, the most pressing
// first: getting worse, still severe, waking at night, then no better after
// several weeks. Worse after the stretches is about one session: see
// AfterStretches.
func Rules(sessions []Session, now time.Time, rolloverHour int) []Nudge {
	var out []Nudge
	for _, rule := range []func([]Session, time.Time, int) (Nudge, bool){GettingWorse, StillSevere, WakingAtNight, NoBetter} {
		if n, ok := rule(sessions, now, rolloverHour); ok {
			out = append(out, n)
		}
	}
	return out
}

// WeeksRule returns the most pressing history rule that speaks (the first of
// Rules), for callers that show one nudge. It once meant only "no better",
// which stayed silent for a relapse; NoBetter is that rule alone.
func WeeksRule(sessions []Session, now time.Time, rolloverHour int) (Nudge, bool) {
	if all := Rules(sessions, now, rolloverHour); len(all) > 0 {
		return all[0], true
	}
	return Nudge{}, false
}

// lastSeven is the week of the last seven nights, ending tonight, filled.
func lastSeven(sessions []Session, now time.Time, rolloverHour int) Week {
	w := weekFrom(nightOf(now, now, rolloverHour).addDays(-6), now.Location())
	w.fill(sessions, now, rolloverHour)
	return w
}

// atLeast reports whether m's average is at least v, exactly.
func (m Mean) atLeast(v int) bool { return m.N > 0 && m.Sum >= v*m.N }

// NoBetter is "no better after several weeks": at least 10 "before"
// check-ins spread over at least 21 nights, the last seven nights averaging 4
// or more, and not at least one point below the first week's average (the
// seven nights from the first check-in).
func NoBetter(sessions []Session, now time.Time, rolloverHour int) (Nudge, bool) {
	var n int
	var first, last day
	for _, s := range sessions {
		if s.Before == nil || s.Start.After(now) {
			continue
		}
		d := nightOf(s.Start, now, rolloverHour)
		if n == 0 || d.daysUntil(first) > 0 {
			first = d
		}
		if n == 0 || last.daysUntil(d) > 0 {
			last = d
		}
		n++
	}
	if n < nudgeMinCheckins || first.daysUntil(last) < nudgeMinDays {
		return Nudge{}, false
	}
	c, ok := ThisWeekVsFirst(sessions, now, rolloverHour)
	if !ok || !c.This.Before.atLeast(noBetterMinAverage) {
		return Nudge{}, false
	}
	f, l := c.First.Before, c.This.Before
	// first - last >= 1, without floating point: f.Sum/f.N - l.Sum/l.N >= 1.
	if f.Sum*l.N-l.Sum*f.N >= f.N*l.N {
		return Nudge{}, false
	}
	nd := Nudge{Rule: RuleNoBetter, Checkins: n, DaysSpanned: first.daysUntil(last),
		Then: c.First, Recent: c.This, First: f, Last: l}
	change := "it has not eased by a point or more"
	if l.Sum*f.N > f.Sum*l.N {
		change = "it has gone up"
	}
	nd.Text = fmt.Sprintf("Your tightness before the routine averaged %.1f over the last 7 nights (%s), "+
		"against %.1f in your first week (%s): over %d nights and %d check-ins %s. "+
		"When it is no better after several weeks of looking after it yourself, book an appointment with a GP "+
		"or physiotherapist. "+physioPlan,
		l.Avg(), dateRange(c.This), f.Avg(), dateRange(c.First), nd.DaysSpanned, n, change)
	nd.Short = fmt.Sprintf("No easier after %d nights (%.1f then, %.1f now): worth booking a GP or physio.",
		nd.DaysSpanned, f.Avg(), l.Avg())
	return nd, true
}

// GettingWorse is "getting worse": the last seven nights average 2 or more
// points above the best earlier week. Enough data means the last seven nights
// and the earlier week each hold at least 3 "before" check-ins; the earlier
// weeks are the runs of seven nights before the last seven (as Weekly cuts
// them), up to 8 weeks back. The last seven nights must average 3 or more.
func GettingWorse(sessions []Session, now time.Time, rolloverHour int) (Nudge, bool) {
	recent := lastSeven(sessions, now, rolloverHour)
	if recent.Before.N < weekMinCheckins || !recent.Before.atLeast(ruleMinAverage) {
		return Nudge{}, false
	}
	var best Week
	found := false
	start := dayOf(recent.From)
	for k := 1; k <= worseLookbackWeeks; k++ {
		w := weekFrom(start.addDays(-7*k), now.Location())
		w.fill(sessions, now, rolloverHour)
		b := w.Before
		if b.N < weekMinCheckins {
			continue
		}
		// Lower average wins; on a tie the later week, being the nearer one.
		if !found || b.Sum*best.Before.N < best.Before.Sum*b.N {
			best, found = w, true
		}
	}
	if !found {
		return Nudge{}, false
	}
	r, b := recent.Before, best.Before
	// r.Sum/r.N - b.Sum/b.N >= 2, exactly.
	if r.Sum*b.N-b.Sum*r.N < worseByPoints*r.N*b.N {
		return Nudge{}, false
	}
	nd := Nudge{Rule: RuleGettingWorse, Then: best, Recent: recent, First: b, Last: r}
	nd.Text = fmt.Sprintf("Your tightness before the routine averaged %.1f over the last 7 nights (%s), "+
		"against %.1f in your best week (%s): it is getting worse. "+
		"Book an appointment with a GP or physiotherapist. "+physioPlan,
		r.Avg(), dateRange(recent), b.Avg(), dateRange(best))
	nd.Short = fmt.Sprintf("Getting worse (%.1f this week, %.1f in %s): worth booking a GP or physio.",
		r.Avg(), b.Avg(), dateRange(best))
	return nd, true
}

// StillSevere is "still severe" (CONTENT.md section 7, v3): in each of the
// last two weeks (the last seven nights and the seven before) at least 3
// "before" check-ins averaging 7 or more, whatever the trend: pain that is
// severe is worth booking even while it eases a little.
func StillSevere(sessions []Session, now time.Time, rolloverHour int) (Nudge, bool) {
	recent := lastSeven(sessions, now, rolloverHour)
	before := weekFrom(dayOf(recent.From).addDays(-7), now.Location())
	before.fill(sessions, now, rolloverHour)
	for _, w := range []Week{recent, before} {
		if w.Before.N < weekMinCheckins || !w.Before.atLeast(severeAverage) {
			return Nudge{}, false
		}
	}
	r, b := recent.Before, before.Before
	nd := Nudge{Rule: RuleStillSevere, Then: before, Recent: recent, First: b, Last: r}
	nd.Text = fmt.Sprintf("Your tightness before the routine averaged %.1f over the last 7 nights (%s, %s) "+
		"and %.1f the week before (%s, %s): it is still severe. "+
		"Pain that stays severe is worth a proper look: book an appointment with a GP or physiotherapist. "+physioPlan,
		r.Avg(), dateRange(recent), plural(r.N, "check-in"), b.Avg(), dateRange(before), plural(b.N, "check-in"))
	nd.Short = fmt.Sprintf("Still severe (%.1f this week, %.1f the week before): worth booking a GP or physio.",
		r.Avg(), b.Avg())
	return nd, true
}

// plural is "1 check-in" or "3 check-ins".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// WakingAtNight is "waking at night": back pain woke the person on 2 or more
// of the last seven nights, as answered with the "before" check-in. Several
// answers in one night count once, and a yes on any of them counts.
func WakingAtNight(sessions []Session, now time.Time, rolloverHour int) (Nudge, bool) {
	recent := lastSeven(sessions, now, rolloverHour)
	asked := map[day]bool{}
	woken := map[day]bool{}
	for _, s := range sessions {
		if s.Woke == nil || s.Start.After(now) {
			continue
		}
		d := nightOf(s.Start, now, rolloverHour)
		if !recent.holds(d) {
			continue
		}
		asked[d] = true
		if *s.Woke {
			woken[d] = true
		}
	}
	if len(woken) < wakingMinNights {
		return Nudge{}, false
	}
	nd := Nudge{Rule: RuleWaking, Recent: recent, Asked: len(asked)}
	for d := range woken {
		nd.Woken = append(nd.Woken, time.Date(d.y, d.m, d.d, 0, 0, 0, 0, now.Location()))
	}
	sort.Slice(nd.Woken, func(i, j int) bool { return nd.Woken[i].Before(nd.Woken[j]) })
	dates := dayList(nd.Woken)
	nd.Text = fmt.Sprintf("You said back pain had woken you on %d of the last 7 nights (answered on %s). "+
		"Pain that wakes you is worth a proper look: book an appointment with a GP or physiotherapist. "+physioPlan,
		len(nd.Woken), dates)
	nd.Short = fmt.Sprintf("Pain woke you %d times in 7 nights (%s): worth booking a GP or physio.",
		len(nd.Woken), dates)
	return nd, true
}

// AfterStretches is "worse after the stretches", about one session: its
// "after" check-in is 2 or more points above its "before" and at least 3.
// It looks only at the two check-ins, so call it for a session in which
// stretches were done: after heat alone the advice would be wrong.
func AfterStretches(s Session) (Nudge, bool) {
	if s.Before == nil || s.After == nil {
		return Nudge{}, false
	}
	before, after := *s.Before, *s.After
	if after < ruleMinAverage || after-before < stretchWorseBy {
		return Nudge{}, false
	}
	nd := Nudge{Rule: RuleWorseAfterStretches, Before: before, After: after}
	nd.Text = fmt.Sprintf("Your tightness was %d before the routine and %d after it. "+
		"The stretches may not suit you right now: leave them out tomorrow, "+
		"and if it stays like this, take the full check.", before, after)
	nd.Short = fmt.Sprintf("Tighter after the stretches (%d, then %d): skip them tomorrow; if it stays, take the check.",
		before, after)
	return nd, true
}
