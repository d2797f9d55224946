package evening

import (
	"slices"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// proc is one supine process on a world: an evening, its keeper, its
// clocks. It performs effects at once, as plain mode does, unless held
// (then they wait in queue for the test to release them).
type proc struct {
	t      testing.TB
	w      *evtest.Store
	e      *Evening
	k      *Keeper
	wall   time.Time
	clock  time.Duration
	hold   bool
	queue  []Effect
	notes  []Note
	events []night.Event
}

// tonightRoutine is the built-in routine as CONTENT.md section 2 has it,
// short holds so tests run quickly through it.
func tonightRoutine() routines.Routine {
	return routines.Routine{Name: "tonight", Title: "Tonight", Steps: []routines.Step{
		{Kind: routines.KindHeat, Title: "Heat", Minutes: 15},
		{Kind: routines.KindHold, Title: "Knee to chest", Hold: 20 * time.Second, Reps: 1, PerSide: true, Switch: 5 * time.Second,
			SkipWithOsteoporosis: true, Move: "knee-to-chest"},
		{Kind: routines.KindPaced, Title: "Pelvic tilts", Reps: 2, Phases: []routines.PacedPhase{
			{Name: "tilt", Duration: 5 * time.Second}, {Name: "relax", Duration: 5 * time.Second}}},
		{Kind: routines.KindSettle, Title: "Settle in"},
	}}
}

func config() Config {
	return Config{Routine: tonightRoutine(), Rollover: 4, CheckIns: true,
		Plan: routines.Options{HeatMinutes: 15, Settle: 2 * time.Minute}}
}

func start(t testing.TB, w *evtest.Store, cfg Config, wall time.Time) *proc {
	t.Helper()
	p := &proc{t: t, w: w, wall: wall, clock: time.Hour}
	var store Store
	if w != nil {
		store = w
	}
	p.k = NewKeeper(store, cfg.Rollover)
	var r Reply
	p.e, r = New(cfg, p.now())
	p.handle(r)
	return p
}

func (p *proc) now() Moment { return Moment{Wall: p.wall, Clock: p.clock} }

func (p *proc) do(in Input) {
	p.t.Helper()
	p.handle(p.e.Do(in, p.now()))
}

func (p *proc) handle(r Reply) {
	p.notes = append(p.notes, r.Notes...)
	p.events = append(p.events, r.Events...)
	for _, eff := range r.Effects {
		if p.hold {
			p.queue = append(p.queue, eff)
			continue
		}
		if in := p.k.Perform(eff); in != nil {
			p.handle(p.e.Do(in, p.now()))
		}
	}
}

// wait lets d pass on both clocks, ticking the evening whenever it is due.
func (p *proc) wait(d time.Duration) {
	p.t.Helper()
	end := p.clock + d
	for {
		due, ok := p.e.Due(p.now())
		if !ok || p.clock+due > end {
			break
		}
		step := max(due, time.Millisecond)
		p.clock += step
		p.wall = p.wall.Add(step)
		p.do(Tick{})
	}
	p.wall = p.wall.Add(end - p.clock)
	p.clock = end
	p.do(Tick{})
}

// until ticks the evening until cond holds, up to limit of clock time.
func (p *proc) until(limit time.Duration, cond func(State) bool) {
	p.t.Helper()
	end := p.clock + limit
	for !cond(p.state()) {
		due, ok := p.e.Due(p.now())
		if !ok {
			p.t.Fatalf("waiting for a condition at stage %v, with nothing due", p.state().Stage)
		}
		step := max(due, time.Millisecond)
		if p.clock+step > end {
			p.t.Fatalf("condition not reached within %v (stage %v, run %+v)", limit, p.state().Stage, p.state().Run.Mode)
		}
		p.clock += step
		p.wall = p.wall.Add(step)
		p.do(Tick{})
	}
}

func (p *proc) state() State { return p.e.State(p.now()) }

func (p *proc) stage() Stage { return p.state().Stage }

func (p *proc) mustBe(s Stage) {
	p.t.Helper()
	if got := p.stage(); got != s {
		p.t.Fatalf("stage %v, want %v", got, s)
	}
}

func (p *proc) hasNote(k NoteKind) bool {
	return slices.ContainsFunc(p.notes, func(n Note) bool { return n.Kind == k })
}

func score(n int) *int { return &n }
func yes() *bool       { b := true; return &b }
func no() *bool        { b := false; return &b }

// through the start: disclaimer and precautions when they are due, then
// the check with nothing marked, the before check-in, tonight's heat
// question answered no. It stops at the run.
func (p *proc) throughToRun(woke *bool) {
	p.t.Helper()
	if p.stage() == Disclaimer {
		p.do(Seen{})
	}
	if p.stage() == Precautions {
		p.do(AnsweredPrecautions{Answers: map[string]bool{}})
	}
	switch p.stage() {
	case Shortcut:
		p.do(AnsweredShortcut{Woke: no()})
	case Check:
		p.do(AnsweredCheck{Tier: safety.None})
	default:
		p.t.Fatalf("stage %v, want the check", p.stage())
	}
	p.mustBe(Before)
	p.do(AnsweredBefore{Tightness: score(6), Woke: woke})
	if p.stage() == HeatQuestion {
		p.do(AnsweredHeat{Answer: No})
	}
	p.mustBe(Running)
}

// at is a local clock time on 10 to 20 March 2026.
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 3, day, hour, minute, 0, 0, time.Local)
}
