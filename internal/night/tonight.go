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
)

// Check is one red-flag check: when, what it reached and which questions
// were answered yes. Full is false for the short "anything new?" answer.
type Check struct {
	At   time.Time
	Tier safety.Tier
	Yes  []string
	Full bool
	// PatternAsked: this full check asked the long-standing pattern's
	// questions (asked at most once a month: safety.PatternDue).
	PatternAsked bool
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

// Tonight is what happened tonight, in this process and in earlier ones.
// Build it with FromHistory and keep it up to date with the Add methods as
// the night goes on.
type Tonight struct {
	Night    time.Time // the night (history.Night of now)
	Rollover int       // the hour one night turns into the next day
	Checks   []Check   // tonight's checks, oldest first
	Heat     []HeatUse // heat that started tonight or ended within HeatGap
	Pain     []PainStop
	// LastFull is the latest full check on any night; zero At when none.
	LastFull Check
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
	// Void is the EMERGENCY or URGENT check of tonight, when there is one:
	// then nothing but its outcome may be shown until the night rolls over.
	Void   Check
	IsVoid bool
	// PainStop: the stretches ended for pain tonight; only the sleep
	// set-up is left.
	PainStop  PainStop
	PainToday bool
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
func (t Tonight) Start() time.Time {
	h := t.Rollover
	if h < 0 || h > 23 {
		h = history.DefaultRolloverHour
	}
	y, m, d := t.Night.Date()
	return time.Date(y, m, d, h, 0, 0, 0, t.Night.Location())
}

// Gate says what may start at now.
func (t Tonight) Gate(now time.Time) Gate {
	g := Gate{HeatOK: true}
	anyYes := false
	for _, c := range t.Checks {
		if safety.EndsSession(c.Tier) {
			if !g.IsVoid || c.Tier >= g.Void.Tier {
				g.Void, g.IsVoid = c, true
			}
		}
		if len(c.Yes) > 0 || c.Tier != safety.None {
			anyYes = true
		}
		if safety.NoStretchesTonight(c.Yes) {
			g.NoStretches = true
		}
	}
	if n := len(t.Pain); n > 0 {
		g.PainStop, g.PainToday = t.Pain[n-1], true
	}
	start := t.Start()
	for _, h := range t.Heat {
		tonight := !h.Start.Before(start)
		recent := now.Sub(h.End()) < HeatGap
		if tonight || recent {
			g.HeatOK = false
			if h.Start.After(g.HeatUsedAt) {
				g.HeatUsedAt = h.Start
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
		out = append(out, "You stopped for pain tonight at "+clock(g.PainStop.At)+
			", so tonight is the sleep set-up only. Take the full check if the pain stays.")
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

func clock(t time.Time) string { return t.Format("15:04") }
