package evening

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// TestTwoProcessesOnOneHistory plays random evenings in two processes on
// one store: their inputs, their clocks and the moments their effects
// reach the store are interleaved at random (a held effect is a save or a
// read still on its way). Whatever the order, the rules hold:
//
//   - no routine starts on a decision whose read found tonight closed, and
//     the pad never goes on while an EMERGENCY or URGENT answer stored in
//     the history still holds;
//   - the store never grants two heats within 2 hours or in one night;
//   - heat is never set over 20 minutes;
//   - whenever the pad went on, the evening asks for the pad-off answer,
//     and never ends with the pad on without the pad line;
//   - every stored record is one the store accepts.
func TestTwoProcessesOnOneHistory(t *testing.T) {
	seeds := 300
	if testing.Short() {
		seeds = 60
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { playTwo(t, seed, 400) })
	}
}

// sim is one random play.
type sim struct {
	t     *testing.T
	rng   *rand.Rand
	w     *evtest.Store
	now   time.Time
	clock time.Duration
	procs [2]*simProc
	trace []string
	// granted are the heat claims the store granted, in order.
	granted []grant
}

type grant struct {
	at      time.Time
	session int64
}

type simProc struct {
	p *proc
	// readClosed: the last read this process's evening got found tonight
	// closed (an EMERGENCY or URGENT answer holding).
	readClosed bool
	name       string
}

func playTwo(t *testing.T, seed uint64, steps int) {
	s := &sim{t: t, rng: rand.New(rand.NewPCG(seed, 18)), w: evtest.New(), now: at(10, 21, 0), clock: time.Hour}
	if s.rng.IntN(2) == 0 {
		s.w = evtest.Answered(at(9, 21, 0))
	}
	if s.rng.IntN(2) == 0 {
		s.w.AddCheck(history.Check{At: at(8, 22, 0), Tier: "none", Full: true})
	}
	for i := range s.procs {
		s.procs[i] = s.open(fmt.Sprintf("p%d", i))
	}
	for range steps {
		s.step()
	}
	// Let what is held reach the store, then check the records.
	for _, sp := range s.procs {
		s.release(sp)
	}
	for _, sess := range s.w.Sessions() {
		if err := wellFormed(sess); err != nil {
			s.fail("a stored session the store would refuse: %v: %+v", err, sess)
		}
	}
}

func (s *sim) fail(format string, args ...any) {
	s.t.Helper()
	tail := s.trace
	if len(tail) > 60 {
		tail = tail[len(tail)-60:]
	}
	s.t.Fatalf(format+"\nlast steps:\n  %s", append(args, strings.Join(tail, "\n  "))...)
}

func (s *sim) open(name string) *simProc {
	cfg := config()
	cfg.AfterWait = time.Minute
	if s.rng.IntN(5) == 0 {
		cfg.Entry = ForCheck
	}
	if s.rng.IntN(4) == 0 {
		cfg.CheckIns = false
	}
	p := &proc{t: s.t, w: s.w, wall: s.now, clock: s.clock, hold: true}
	p.k = NewKeeper(s.w, cfg.Rollover)
	sp := &simProc{p: p, name: name}
	var r Reply
	p.e, r = New(cfg, p.now())
	s.handle(sp, r)
	s.trace = append(s.trace, fmt.Sprintf("%s %s: opened (%v)", s.now.Format("02 15:04:05"), name, cfg.Entry))
	return sp
}

// handle queues a reply's effects, or performs them at once when the
// process does not hold them.
func (s *sim) handle(sp *simProc, r Reply) {
	sp.p.notes = append(sp.p.notes, r.Notes...)
	sp.p.queue = append(sp.p.queue, r.Effects...)
	if !sp.p.hold {
		s.release(sp)
	}
}

// performOne carries out the oldest held effect and feeds its answer back.
func (s *sim) performOne(sp *simProc) {
	if len(sp.p.queue) == 0 {
		return
	}
	eff := sp.p.queue[0]
	sp.p.queue = sp.p.queue[1:]
	before := s.w.Claims()
	in := sp.p.k.Perform(eff)
	switch eff := eff.(type) {
	case ReadTonight:
		sp.readClosed = s.closedAt(s.now)
	case ClaimHeat:
		if s.w.Claims() > before {
			if s.closedAt(eff.Session.HeatStart) {
				s.fail("the store granted heat at %v while an EMERGENCY or URGENT answer held", eff.Session.HeatStart)
			}
			s.checkGrant(grant{at: eff.Session.HeatStart, session: eff.Session.ID})
		}
	}
	s.trace = append(s.trace, fmt.Sprintf("%s %s: performed %T -> %s", s.now.Format("02 15:04:05"), sp.name, eff, inputName(in)))
	if in != nil {
		s.feed(sp, in)
	}
}

func (s *sim) release(sp *simProc) {
	for len(sp.p.queue) > 0 {
		s.performOne(sp)
	}
}

// closedAt reports whether the history, as stored now, holds an EMERGENCY
// or URGENT answer at t.
func (s *sim) closedAt(t time.Time) bool {
	sessions, checks := s.w.Sessions(), s.w.Checks()
	return night.FromHistory(sessions, checks, t, 4).Gate(t).IsVoid
}

func (s *sim) checkGrant(g grant) {
	for _, o := range s.granted {
		sameNight := history.Night(o.at, 4).Equal(history.Night(g.at, 4))
		if sameNight || g.at.Sub(o.at) < night.HeatGap {
			s.fail("heat granted at %v and at %v: one night, or under 2 hours apart", o.at, g.at)
		}
	}
	s.granted = append(s.granted, g)
}

// feed gives an input to a process's evening and checks what follows.
func (s *sim) feed(sp *simProc, in Input) {
	s.t.Helper()
	p := sp.p
	p.wall, p.clock = s.now, s.clock
	was := p.e.State(p.now()).Stage
	r := p.e.Do(in, p.now())
	st := p.e.State(p.now())
	if was != Running && st.Stage == Running && sp.readClosed {
		s.fail("%s: the routine started on a read that found tonight closed", sp.name)
	}
	s.check(sp, st)
	s.handle(sp, r)
}

// check holds the invariants of one process's evening.
func (s *sim) check(sp *simProc, st State) {
	s.t.Helper()
	h := st.Run.Heat
	if st.HasRun && (h.Minutes < routines.MinHeatMinutes && h.Started || h.Minutes > routines.MaxHeatMinutes) {
		s.fail("%s: heat set to %d minutes", sp.name, h.Minutes)
	}
	if !st.HasRun || !h.On() {
		return
	}
	switch st.Stage {
	case Running:
		if h.Ended && st.Run.Mode != night.PadOff && st.Run.Mode != night.Ended {
			s.fail("%s: heat ended without the pad-off answer, run mode %v", sp.name, st.Run.Mode)
		}
	case Closed:
		if !st.PadLine {
			s.fail("%s: closed with the pad on and no pad line", sp.name)
		}
	default:
		s.fail("%s: at %v with the pad on and no pad-off answer", sp.name, st.Stage)
	}
}

// step does one random thing.
func (s *sim) step() {
	sp := s.procs[s.rng.IntN(2)]
	switch n := s.rng.IntN(100); {
	case n < 20:
		s.performOne(sp)
	case n < 32:
		d := time.Duration(s.rng.IntN(20000)) * time.Millisecond
		if s.rng.IntN(10) == 0 {
			d = time.Duration(1+s.rng.IntN(180)) * time.Minute
		}
		s.now, s.clock = s.now.Add(d), s.clock+d
		s.trace = append(s.trace, fmt.Sprintf("%s: +%v", s.now.Format("02 15:04:05"), d))
		for _, q := range s.procs {
			s.feed(q, Tick{})
		}
	case n < 35:
		sp.p.hold = !sp.p.hold
		if !sp.p.hold {
			s.release(sp)
		}
	default:
		st := sp.p.e.State(Moment{Wall: s.now, Clock: s.clock})
		if st.Stage == Closed {
			if s.rng.IntN(3) == 0 {
				s.release(sp)
				*sp = *s.open(sp.name)
			}
			return
		}
		in := s.randomInput(st)
		s.trace = append(s.trace, fmt.Sprintf("%s %s: at %v: %s", s.now.Format("02 15:04:05"), sp.name, st.Stage, inputName(in)))
		s.feed(sp, in)
	}
}

// randomInput is an input a person might give at st, now and then one for
// another stage (a late key), or leaving.
func (s *sim) randomInput(st State) Input {
	r := s.rng
	if r.IntN(40) == 0 {
		return Leave{}
	}
	if r.IntN(15) == 0 {
		return []Input{AskLeave{}, KeepGoing{}, Stop{}, GoOn{}, Seen{}, AnsweredAfter{}}[r.IntN(6)]
	}
	answer := func() Answer { return []Answer{No, No, No, Yes, NotSure}[r.IntN(5)] }
	switch st.Stage {
	case Unknown:
		return AnsweredUnknown{HelpOrPain: answer(), HeatRecently: answer()}
	case Disclaimer:
		return Seen{}
	case Precautions:
		return AnsweredPrecautions{Answers: map[string]bool{"osteoporosis": r.IntN(4) == 0}}
	case Check:
		tiers := []safety.Tier{safety.None, safety.None, safety.None, safety.Book, safety.Urgent, safety.Emergency}
		t := tiers[r.IntN(len(tiers))]
		var yes []string
		if t != safety.None {
			yes = []string{"q" + fmt.Sprint(r.IntN(9))}
		}
		if t == safety.Book && r.IntN(3) == 0 {
			yes = []string{safety.ExercisePain}
		}
		return AnsweredCheck{Tier: t, Yes: yes}
	case Shortcut:
		if r.IntN(3) == 0 {
			return AnsweredShortcut{Yes: []string{safety.ShortcutWokeByPain}, Woke: yes()}
		}
		return AnsweredShortcut{Woke: no()}
	case Outcome:
		return []Input{GoOn{}, Stop{}}[r.IntN(2)]
	case Before:
		var w *bool
		if st.AskWoke {
			w = []*bool{nil, yes(), no(), no()}[r.IntN(4)]
		}
		return AnsweredBefore{Tightness: score(r.IntN(11)), Woke: w}
	case Eased:
		return AnsweredEased{Eased: r.IntN(2) == 0}
	case HeatQuestion:
		return AnsweredHeat{Answer: answer()}
	case After:
		return AnsweredAfter{Tightness: score(r.IntN(11))}
	case Void, PainStopped, Summary:
		return Stop{}
	case Running:
		cmds := []night.Command{night.StartHeat, night.StartHeat, night.StartHeat, night.Skip, night.PadIsOff, night.PadIsOff,
			night.TogglePause, night.Back, night.HeatMore, night.HeatLess, night.Finish, night.StartSettle,
			night.StopForPain, night.SkinStop, night.HeatRefused}
		c := cmds[r.IntN(len(cmds))]
		if c == night.StopForPain && r.IntN(3) != 0 {
			c = night.PadIsOff
		}
		return RunCommand{Command: c}
	}
	return Tick{}
}

func inputName(in Input) string {
	if in == nil {
		return "nothing"
	}
	s := fmt.Sprintf("%T%+v", in, in)
	return strings.TrimPrefix(s, "evening.")
}

// wellFormed is what the real store checks before it writes a session.
func wellFormed(s history.Session) error {
	switch {
	case s.Start.IsZero():
		return fmt.Errorf("no start")
	case s.HeatSeconds < 0:
		return fmt.Errorf("negative heat")
	case s.HeatSeconds > 0 && s.HeatStart.IsZero():
		return fmt.Errorf("heat seconds without a start")
	case s.WokeNothingEases != nil && (s.Woke == nil || !*s.Woke):
		return fmt.Errorf("nothing eased without woken")
	case s.HeatMinutes > routines.MaxHeatMinutes:
		return fmt.Errorf("heat minutes %d", s.HeatMinutes)
	}
	for _, v := range []*int{s.Before, s.After} {
		if v != nil && (*v < 0 || *v > 10) {
			return fmt.Errorf("tightness %d", *v)
		}
	}
	switch s.HeatQuestion {
	case "", "no", "yes", "not sure":
	default:
		return fmt.Errorf("heat question %q", s.HeatQuestion)
	}
	return nil
}
