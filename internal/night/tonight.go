package night

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// Rules of the gate, from CONTENT.md sections 3 and 4.
const (
	// HeatGap is the least time between the end of one heat session and
	// the start of the next.
	HeatGap = 2 * time.Hour
	// ShortcutWithin is how long a full check with no yes may stand in for
	// the whole list ("anything new?").
	ShortcutWithin = 7 * 24 * time.Hour
	// VoidAtLeast is the shortest time an EMERGENCY or URGENT answer, or a
	// stop for pain, closes the routine: the rest of the night, and in any
	// case this long after the answer (CONTENT.md section 4, v3). It is
	// counted between instants, so neither the rollover hour, an edited
	// setting nor a change of time zone can shorten it.
	VoidAtLeast = 12 * time.Hour
)

// Check is one red-flag check: when, what it reached and which questions
// were answered yes. Full is false for the short "anything new?" answer.
type Check struct {
	At   time.Time
	Tier safety.Tier
	Yes  []string
	Full bool
}

// HeatUse is one heat session: when the pad went on and for how long.
type HeatUse struct {
	Start   time.Time
	Seconds int
}

// End is when the pad came off (or is taken to have).
func (h HeatUse) End() time.Time { return h.Start.Add(time.Duration(h.Seconds) * time.Second) }

// PainStop is one stop for pain: when, and during which step.
type PainStop struct {
	At   time.Time
	Step string
}

// Tonight is what happened tonight, in this process and in earlier ones,
// and what of an earlier night still holds now (a void lasts at least
// VoidAtLeast, heat keeps its HeatGap). Build it with FromHistory and keep
// it up to date with the Add methods as the night goes on.
type Tonight struct {
	Night    time.Time // the night (history.Night of now)
	Rollover int       // the hour one night turns into the next day
	// Checks are tonight's checks and any earlier one whose void may still
	// hold, oldest first.
	Checks []Check
	Heat   []HeatUse // heat that started tonight or ended within HeatGap
	// Pain are tonight's stops for pain and any earlier one that may still
	// hold.
	Pain []PainStop
	// LastFull is the latest full check on any night; zero At when none.
	LastFull Check
	// Woke and NothingEased are tonight's answers to "did back pain wake
	// you last night?" and, after a yes, whether nothing eased it; nil
	// when not asked tonight (CONTENT.md section 7: asked once a night).
	Woke, NothingEased *bool
}

// AddCheck records a check taken now.
func (t *Tonight) AddCheck(c Check) {
	t.Checks = append(t.Checks, c)
	if c.Full && !c.At.Before(t.LastFull.At) {
		t.LastFull = c
	}
}

// AddHeat records heat used now (or updates the last use with the same
// start, as a run's heat goes on).
func (t *Tonight) AddHeat(h HeatUse) {
	for i := range t.Heat {
		if t.Heat[i].Start.Equal(h.Start) {
			t.Heat[i] = h
			return
		}
	}
	t.Heat = append(t.Heat, h)
}

// AddPainStop records a stop for pain.
func (t *Tonight) AddPainStop(p PainStop) { t.Pain = append(t.Pain, p) }

// Gate is what may start now.
type Gate struct {
	// Void is the EMERGENCY or URGENT check that still holds, when there
	// is one: then nothing but its outcome may be shown until VoidUntil.
	Void      Check
	IsVoid    bool
	VoidUntil time.Time
	// PainStop: the stretches ended for pain, tonight or less than
	// VoidAtLeast ago; only the sleep set-up is left until PainUntil.
	PainStop  PainStop
	PainToday bool
	PainUntil time.Time
	// NoStretches: severe pain during the exercises was reported tonight
	// (a BOOK answer): heat, if allowed, and the sleep set-up only, until a
	// physiotherapist has said which stretches suit (CONTENT.md section 4).
	NoStretches bool
	HeatOK      bool
	HeatUsedAt  time.Time // when the heat that rules it out started
	// Shortcut: the short "anything new since Since?" may replace the full
	// check.
	Shortcut bool
	Since    time.Time
}

// Start is the moment tonight began: the rollover hour on the day of
// Night. (Night is history.Night, the calendar date of the night at
// midnight, not the moment it began: heat at 03:00 belongs to the night
// before when the night rolls over at 04:00.)
func (t Tonight) Start() time.Time { return nightStart(t.Night, t.Rollover) }

func nightStart(night time.Time, rollover int) time.Time {
	h := rollover
	if h < 0 || h > 23 {
		h = history.DefaultRolloverHour
	}
	y, m, d := night.Date()
	return time.Date(y, m, d, h, 0, 0, 0, night.Location())
}

// closedUntil is when an answer given at `at` stops closing the routine:
// the end of its night, or VoidAtLeast after it, whichever is later.
func closedUntil(at time.Time, rollover int) time.Time {
	end := nightStart(history.Night(at, rollover).AddDate(0, 0, 1), rollover)
	return latest(end, at.Add(VoidAtLeast))
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Gate says what may start at now.
func (t Tonight) Gate(now time.Time) Gate {
	g := Gate{HeatOK: true}
	start := t.Start()
	anyYes := false
	for _, c := range t.Checks {
		at := notAfter(c.At, now)
		if safety.EndsSession(c.Tier) {
			if until := closedUntil(at, t.Rollover); now.Before(until) {
				// The worst tier is shown; of one tier, the answer that
				// says what was reported (a session's own record of the
				// tier says nothing of it).
				if !g.IsVoid || c.Tier > g.Void.Tier || c.Tier == g.Void.Tier && (len(c.Yes) > 0 || len(g.Void.Yes) == 0) {
					g.Void, g.IsVoid = c, true
				}
				g.VoidUntil = latest(g.VoidUntil, until)
				anyYes = true
			}
		}
		if at.Before(start) {
			continue // an earlier night: only a void it left still counts
		}
		if len(c.Yes) > 0 || c.Tier != safety.None {
			anyYes = true
		}
		if safety.NoStretchesTonight(c.Yes) {
			g.NoStretches = true
		}
	}
	if t.Woke != nil && *t.Woke {
		anyYes = true // woken by back pain last night: a yes tonight
	}
	for _, p := range t.Pain {
		if until := closedUntil(notAfter(p.At, now), t.Rollover); now.Before(until) {
			g.PainStop, g.PainToday = p, true
			g.PainUntil = latest(g.PainUntil, until)
		}
	}
	for _, h := range t.Heat {
		hs := notAfter(h.Start, now)
		tonight := !hs.Before(start)
		recent := now.Sub(HeatUse{Start: hs, Seconds: h.Seconds}.End()) < HeatGap
		if tonight || recent {
			g.HeatOK = false
			if hs.After(g.HeatUsedAt) {
				g.HeatUsedAt = hs
			}
		}
	}
	lf := t.LastFull
	g.Shortcut = !g.IsVoid && !g.PainToday && !anyYes &&
		!lf.At.IsZero() && lf.Tier == safety.None && len(lf.Yes) == 0 &&
		!lf.At.After(now) && now.Sub(lf.At) < ShortcutWithin
	if g.Shortcut {
		g.Since = lf.At
	}
	return g
}

// notAfter is at, or now when at is later: an instant from the future (a
// clock stepped back, a second device ahead) is taken as now, so that a
// future-dated EMERGENCY closes the routine and future-dated heat rules
// heat out, rather than being ignored.
func notAfter(at, now time.Time) time.Time {
	if at.After(now) {
		return now
	}
	return at
}

// Options is the plan tonight allows from base: no heat when heat is used
// up, the sleep set-up alone after a stop for pain.
func (g Gate) Options(base routines.Options) routines.Options {
	if !g.HeatOK {
		base.NoHeat = true
	}
	if g.PainToday {
		base.SettleOnly = true
		base.NoHeat = true
	}
	return base
}

// Routine is the routine tonight allows: without its stretches after
// severe pain during the exercises (heat and settle-in stay). The other
// rules are plan options (Options).
func (g Gate) Routine(r routines.Routine) routines.Routine {
	kept := g.Kept(r)
	if len(kept) == len(r.Steps) {
		return r
	}
	out := r
	out.Steps = nil
	for _, i := range kept {
		out.Steps = append(out.Steps, r.Steps[i])
	}
	return out
}

// Kept is the indexes of r's steps that Routine keeps, in order, so that a
// front end can map the steps of tonight's routine back to r's.
func (g Gate) Kept(r routines.Routine) []int {
	// After a stop for pain the plan is the sleep set-up alone (Options):
	// the routine is left whole for it to cut.
	noStretches := g.NoStretches && !g.PainToday
	kept := make([]int, 0, len(r.Steps))
	for i, st := range r.Steps {
		if !noStretches || st.Kind == routines.KindHeat || st.Kind == routines.KindSettle {
			kept = append(kept, i)
		}
	}
	return kept
}

// Reasons are the lines that say why tonight's routine is not the whole
// routine, for home and for plain mode. Empty when nothing is left out.
func (g Gate) Reasons(heatInRoutine bool) []string {
	var out []string
	if g.PainToday {
		out = append(out, "You stopped for pain at "+clock(g.PainStop.At)+
			", so until "+OpensAt(g.PainUntil, g.PainStop.At)+" the routine is the sleep set-up only. Take the full check if the pain stays.")
		return out
	}
	if g.NoStretches {
		out = append(out, "The stretches are left out tonight: you reported severe pain during them. Let a physiotherapist check which stretches suit you.")
	}
	if !g.HeatOK && heatInRoutine {
		out = append(out, "Heat is left out: the pad went on at "+clock(g.HeatUsedAt)+
			", and heat runs once a night, at least 2 hours apart.")
	}
	return out
}

// OpensAt says the clock time `until` the way a person reads it, seen from
// `from`: "11:20 tomorrow" when it falls on the next calendar day, with the
// weekday further on. A void never says "until the morning".
func OpensAt(until, from time.Time) string {
	until = until.In(from.Location())
	fy, fm, fd := from.Date()
	uy, um, ud := until.Date()
	day0 := time.Date(fy, fm, fd, 0, 0, 0, 0, from.Location())
	day1 := time.Date(uy, um, ud, 0, 0, 0, 0, from.Location())
	switch days := int(day1.Sub(day0).Round(24*time.Hour) / (24 * time.Hour)); days {
	case 0:
		return clock(until) + " today"
	case 1:
		return clock(until) + " tomorrow"
	default:
		return clock(until) + " on " + until.Format("Monday 2 January")
	}
}

func clock(t time.Time) string { return t.Format("15:04") }
