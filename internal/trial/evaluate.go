package trial

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// Status is what became of one night of the trial.
type Status int

const (
	Coming       Status = iota // not yet: the night is still to come or under way
	Counted                    // it counts
	NotReached                 // the trial was stopped before it
	Skipped                    // no routine that night
	Void                       // an EMERGENCY or URGENT check closed the night
	PainStop                   // the person stopped for pain
	StretchesOut               // the rules left the stretches out (severe pain during them)
	HeatNotGiven               // a night with heat on which the pad never went on
	HeatGiven                  // a night without heat on which the pad went on
	NoAfter                    // no "after" rating
)

// Night is one night of the trial and what became of it.
type Night struct {
	Scheduled
	Status Status
	// After is the night's "after" rating; Before its "before" rating;
	// NextBefore the "before" rating of the evening after, the second
	// outcome. nil when not given.
	After, Before, NextBefore *int
}

// Pair is one pair of nights: the night with heat and the one without.
type Pair struct {
	N              int
	Heat, Without  Night
	Counts         bool
	Diff           int  // the "after" rating without heat minus with it: above 0, less tight after heat
	NextDiff       *int // the same for the next evening's "before", when both were given
	HeatFirstNight bool // the night with heat came first
}

// Progress is what may be told while a trial runs: where it stands, which
// nights count and why not, never a rating.
type Progress struct {
	Trial   Trial
	Nights  []Night // ratings cleared
	Tonight *Scheduled
	Done    bool // the last pair is done: the results may be shown
	Stopped bool
	Counted int // nights that count so far
	Left    int // nights still to come
}

// Result is the whole trial, ratings and all: only for a trial that is done
// or stopped (Results).
type Result struct {
	Progress Progress
	Nights   []Night
	Pairs    []Pair
	// Of the pairs that count: how many had the night with heat ending at
	// least Threshold points less tight, how many the night without, and how
	// many within Threshold of each other.
	HeatBetter, WithoutBetter, Within int
	// MeanDiff is the mean of the counted pairs' Diff.
	MeanDiff float64
}

// PairsCounted is how many pairs count.
func (r Result) PairsCounted() int { return r.HeatBetter + r.WithoutBetter + r.Within }

// Evaluate works out every night of the trial from the stored sessions and
// checks (the whole history), as of now.
func Evaluate(t Trial, sessions []history.Session, checks []history.Check, now time.Time, rolloverHour int) Result {
	loc := now.Location()
	nightOf := func(at time.Time) time.Time { return history.Night(at.In(loc), rolloverHour) }
	tonight := nightOf(now)
	byNight := map[time.Time][]history.Session{}
	for _, s := range sessions {
		if s.Start.After(now) {
			continue
		}
		n := nightOf(s.Start)
		byNight[n] = append(byNight[n], s)
	}
	var stopNight time.Time
	if !t.Stopped.IsZero() {
		stopNight = nightOf(t.Stopped)
	}

	var r Result
	p := &r.Progress
	p.Trial, p.Stopped = t, !t.Stopped.IsZero()
	sched := Schedule(t)
	last := LastNight(t)
	for _, sc := range sched {
		key := time.Date(sc.Night.Year(), sc.Night.Month(), sc.Night.Day(), 0, 0, 0, 0, loc)
		n := Night{Scheduled: sc}
		own := byNight[key]
		if p.Stopped {
			own = startedBefore(own, t.Stopped)
		}
		n.Before, n.After = firstBefore(own), lastAfter(own)
		n.NextBefore = firstBefore(byNight[addDays(key, 1)])
		switch {
		case p.Stopped && (key.After(stopNight) || (key.Equal(stopNight) && len(own) == 0)):
			n.Status = NotReached
		case p.Stopped && (key.After(tonight) || (key.Equal(tonight) && !finished(own))):
			n.Status = NotReached // stopped: nothing more is coming
		case key.After(tonight) || (key.Equal(tonight) && !finished(own)):
			n.Status = Coming
			if key.Equal(tonight) {
				s := sc
				p.Tonight = &s
			}
		default:
			n.Status = status(sc, own, checks, key, nightOf)
		}
		if n.Status == Counted {
			p.Counted++
		}
		if n.Status == Coming {
			p.Left++
		}
		p.Nights = append(p.Nights, cleared(n))
		r.Nights = append(r.Nights, n)
	}
	lastKey := time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, loc)
	p.Done = tonight.After(lastKey) || (tonight.Equal(lastKey) && finished(byNight[lastKey]))

	for i := range t.HeatFirst {
		a, b := r.Nights[2*i], r.Nights[2*i+1]
		pr := Pair{N: i + 1, Heat: a, Without: b, HeatFirstNight: a.Heat}
		if !a.Heat {
			pr.Heat, pr.Without = b, a
		}
		pr.Counts = pr.Heat.Status == Counted && pr.Without.Status == Counted
		if pr.Counts {
			pr.Diff = *pr.Without.After - *pr.Heat.After
			switch {
			case pr.Diff >= Threshold:
				r.HeatBetter++
			case pr.Diff <= -Threshold:
				r.WithoutBetter++
			default:
				r.Within++
			}
			r.MeanDiff += float64(pr.Diff)
			if pr.Heat.NextBefore != nil && pr.Without.NextBefore != nil {
				d := *pr.Without.NextBefore - *pr.Heat.NextBefore
				pr.NextDiff = &d
			}
		}
		r.Pairs = append(r.Pairs, pr)
	}
	if c := r.PairsCounted(); c > 0 {
		r.MeanDiff /= float64(c)
	}
	return r
}

// Results is the trial's result, only once the last pair is done or the
// trial was stopped: until then the ratings stay hidden, and ok is false.
func Results(t Trial, sessions []history.Session, checks []history.Check, now time.Time, rolloverHour int) (Result, bool) {
	r := Evaluate(t, sessions, checks, now, rolloverHour)
	if !r.Progress.Done && !r.Progress.Stopped {
		return Result{}, false
	}
	return r, true
}

// ProgressOf is where a trial stands, without any rating.
func ProgressOf(t Trial, sessions []history.Session, checks []history.Check, now time.Time, rolloverHour int) Progress {
	return Evaluate(t, sessions, checks, now, rolloverHour).Progress
}

// status decides whether a night that has happened counts, and if not,
// why: the first reason that applies, most serious first.
func status(sc Scheduled, own []history.Session, checks []history.Check, night time.Time, nightOf func(time.Time) time.Time) Status {
	var firstStart time.Time
	for _, s := range own {
		if firstStart.IsZero() || s.Start.Before(firstStart) {
			firstStart = s.Start
		}
	}
	for _, c := range checks {
		serious := c.Tier == history.TierUrgent || c.Tier == history.TierEmergency
		if !serious {
			continue
		}
		// The night of the check, or the 12 hours a serious outcome closes
		// the routine for (CONTENT.md section 4), reaching into this night.
		if nightOf(c.At).Equal(night) || (!firstStart.IsZero() && !c.At.After(firstStart) && firstStart.Sub(c.At) < 12*time.Hour) {
			return Void
		}
	}
	for _, s := range own {
		if s.RedFlag == history.TierUrgent || s.RedFlag == history.TierEmergency {
			return Void
		}
	}
	for _, s := range own {
		if s.StoppedForPain {
			return PainStop
		}
	}
	for _, c := range checks {
		if nightOf(c.At).Equal(night) && safety.NoStretchesTonight(c.Yes) {
			return StretchesOut
		}
	}
	used := false
	heat := false
	for _, s := range own {
		used = used || !s.Partial || len(s.Completed) > 0
		// A row from before heat was timed counts as heat used: when
		// unsure, the night is not taken for one without heat.
		heat = heat || (s.HeatKnown && s.HeatSeconds > 0) || (!s.HeatKnown && s.HeatMinutes > 0)
	}
	switch {
	case !used:
		return Skipped
	case sc.Heat && !heat:
		return HeatNotGiven
	case !sc.Heat && heat:
		return HeatGiven
	case lastAfter(own) == nil:
		return NoAfter
	}
	return Counted
}

func startedBefore(sessions []history.Session, at time.Time) []history.Session {
	var out []history.Session
	for _, s := range sessions {
		if s.Start.Before(at) {
			out = append(out, s)
		}
	}
	return out
}

// finished reports whether one of the night's sessions has ended on
// purpose, so the night can be judged before it is over.
func finished(sessions []history.Session) bool {
	for _, s := range sessions {
		if !s.Partial {
			return true
		}
	}
	return false
}

func firstBefore(sessions []history.Session) *int {
	var at time.Time
	var v *int
	for _, s := range sessions {
		if s.Before != nil && (v == nil || s.Start.Before(at)) {
			v, at = s.Before, s.Start
		}
	}
	return v
}

func lastAfter(sessions []history.Session) *int {
	var at time.Time
	var v *int
	for _, s := range sessions {
		if s.After != nil && (v == nil || s.Start.After(at)) {
			v, at = s.After, s.Start
		}
	}
	return v
}

// cleared is a night without its ratings, for Progress.
func cleared(n Night) Night {
	n.After, n.Before, n.NextBefore = nil, nil, nil
	return n
}
