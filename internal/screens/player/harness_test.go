package player

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var hurtLines = []string{
	"the pain gets worse, turns sharp or spreads down a leg",
	"you feel numbness, tingling or weakness",
}

// tonight is the built-in routine as written in CONTENT.md, kept here so
// that the goldens do not move when the routine files are edited.
func tonight() routines.Routine {
	return routines.Routine{Name: "tonight", Title: "Tonight", Steps: []routines.Step{
		{
			Kind: routines.KindHeat, Title: "Heat", Minutes: 15,
			Cues: []string{
				"Put the pad against your lower back while you lie on your side, or rest it on you; never lie on it with your full weight.",
				"Keep a layer of fabric between the pad and your skin.",
				"Set it to low or medium, no higher.",
				"Stay awake while it is on; when time is up, switch it off and take it out of the bed.",
			},
			Why:    "Heat is optional: many people find warmth helps them relax before the stretches.",
			StopIf: []string{"the skin under the pad feels numb, tingles or burns"},
		},
		{
			Kind: routines.KindHold, Title: "Knee to chest", Hold: 20 * time.Second, Reps: 3, PerSide: true, Switch: 5 * time.Second,
			SkipWithOsteoporosis: true, Move: routines.MoveKneeToChest,
			Cues: []string{
				"Lie on your back, knees bent, a small pillow under your head.",
				"Hold one knee with both hands and draw it gently toward your chest; the other foot stays on the bed.",
				"Go only as far as is comfortable, and keep breathing; count the hold in slow breaths.",
				"Lower the leg slowly before the other side.",
			},
			Why:    "It gently bends your lower spine and stretches your buttocks and lower-back muscles.",
			StopIf: hurtLines,
		},
		{
			Kind: routines.KindPaced, Title: "Pelvic tilts", Reps: 10, Move: routines.MovePelvicTilt,
			Phases: []routines.PacedPhase{
				{Name: "tilt", Duration: 5 * time.Second, Cue: "Tighten your belly and press your lower back flat onto the bed."},
				{Name: "relax", Duration: 5 * time.Second, Cue: "Let go, and let your lower back arch a little."},
			},
			Cues: []string{
				"Lie on your back with your knees bent.",
				"Move slowly and keep breathing; never hold your breath.",
			},
			Why:    "It moves your pelvis and lower back gently and brings blood flow to them.",
			StopIf: hurtLines,
		},
		{
			Kind: routines.KindHold, Title: "Knee rolls", Hold: 15 * time.Second, Reps: 3, PerSide: true, Switch: 5 * time.Second,
			Move: routines.MoveKneeRolls,
			Cues: []string{
				"Knees bent and together, both shoulders on the bed.",
				"Let both knees roll slowly to one side, only as far as is comfortable.",
				"Bring them back through the middle, then roll to the other side.",
			},
			Why:    "A mild, passive twist of your spine that soothes the muscles along it.",
			StopIf: hurtLines,
		},
		{
			Kind: routines.KindSettle, Title: "Settle in",
			Cues: []string{
				"Get into the position you sleep in.",
				"Set up your pillows the way the sleep setup shows.",
				"Lights out.",
			},
			Why: "Good support keeps your ears, shoulders and hips in one line while you sleep.",
		},
	}}
}

// short is a small routine without heat, quick to run through.
func short() routines.Routine {
	return routines.Routine{Name: "short", Title: "Short", Steps: []routines.Step{
		{Kind: routines.KindHold, Title: "Knee to chest", Hold: 4 * time.Second, Reps: 2, PerSide: true, Switch: 2 * time.Second},
		{Kind: routines.KindPaced, Title: "Pelvic tilts", Reps: 2, Phases: []routines.PacedPhase{
			{Name: "tilt", Duration: 2 * time.Second}, {Name: "relax", Duration: 2 * time.Second},
		}},
		{Kind: routines.KindSettle, Title: "Settle in"},
	}}
}

func backSetup() guide.Setup {
	return guide.Setup{
		Position: guide.Back,
		Title:    "On your back",
		Head:     "Use a head pillow that is neither too thick nor too thin, so your neck is not angled.",
		BodyPart: "Knees",
		Body:     "Put a small pillow under your knees. A rolled towel at your waist is optional.",
		Extra:    []string{"Pillow advice is for comfort; it has not been tested in trials."},
	}
}

// scheduled is what the fake scheduler sends instead of waiting.
type scheduled struct {
	d   time.Duration
	msg tea.Msg
	at  time.Duration // the clock time it is due at
}

// harness drives a player with a fake clock, collecting the cues it asks
// for and the tick it scheduled.
type harness struct {
	t       *testing.T
	clock   *routines.FakeClock
	m       Model
	cues    []screens.CueKind
	pending *scheduled
	ticks   int
	act     screens.Action
	engine  *night.Run // the run, as the evening owns it

	// The breathing pacer's ticks are kept apart from the countdown's:
	// breath is the last one asked for, breathsAsked counts every one.
	breath       *scheduled
	breathsAsked int
	raws         []string // what went to the terminal as is (images)
	// queue is every tick ever asked for, stale or not, for deliver.
	queue []scheduled
}

func newHarness(t *testing.T, r routines.Routine) *harness {
	t.Helper()
	return newHarnessWith(t, r, false)
}

// newBreathingHarness is newHarness with the breathing pacer on, set the
// way the root sets it: right after New, before Init.
func newBreathingHarness(t *testing.T, r routines.Routine) *harness {
	t.Helper()
	return newHarnessWith(t, r, true)
}

func newHarnessWith(t *testing.T, r routines.Routine, breathing bool) *harness {
	t.Helper()
	h := &harness{t: t, clock: routines.NewFakeClock(time.Hour)}
	h.m = h.start(routines.Expand(r, routines.Options{}))
	h.m.schedule = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return scheduled{d, msg, h.clock.Now() + d} }
	}
	if breathing {
		h.m = h.m.SetBreathing(true)
	}
	h.run(h.m.Init())
	return h
}

// run carries out a command the way the runtime would, without waiting.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case screens.CueMsg:
		h.cues = append(h.cues, msg.Kind)
	case tea.RawMsg:
		s, _ := msg.Msg.(string)
		h.raws = append(h.raws, s)
	case scheduled:
		h.queue = append(h.queue, msg)
		if _, ok := msg.msg.(breathMsg); ok {
			h.breath = &msg
			h.breathsAsked++
			return
		}
		h.pending = &msg
	default:
		h.t.Fatalf("unexpected message %T from a command", msg)
	}
}

// start makes the run and its player, as the root does when the evening
// starts the routine.
func (h *harness) start(plan routines.Plan) Model {
	var first []night.Event
	h.engine, first = night.New(plan, h.clock.Now())
	return New(style.New(style.Night()), h.engine, h.clock, backSetup(), first)
}

// update hands a message to the player, and plays the root's part for what
// it asks: a command or a tick goes to the run, and what the run did back
// to the player (Show). Actions that end the run are what the root would
// see of it: PlayerDone is gone, so the run's end is read from its state.
func (h *harness) update(msg tea.Msg) screens.Action {
	h.t.Helper()
	var cmd tea.Cmd
	h.m, cmd, h.act = h.m.Update(msg)
	h.run(cmd)
	now := h.clock.Now()
	switch a := h.act.(type) {
	case screens.RunCmd:
		h.m, cmd = h.m.Show(h.engine.Do(a.Cmd, now))
		h.run(cmd)
	case screens.RunTick:
		h.m, cmd = h.m.Show(h.engine.Tick(now))
		h.run(cmd)
	}
	return h.act
}

func (h *harness) press(keys ...string) screens.Action {
	h.t.Helper()
	var act screens.Action
	for _, k := range keys {
		h.pending, h.breath = nil, nil
		act = h.update(screentest.Key(k))
	}
	return act
}

// tick lets the scheduled time pass and delivers the tick.
func (h *harness) tick() screens.Action {
	h.t.Helper()
	if h.pending == nil {
		h.t.Fatal("no tick is scheduled")
	}
	p := *h.pending
	h.pending = nil
	h.clock.Advance(p.d)
	h.ticks++
	return h.update(p.msg)
}

// runUntil ticks until cond holds, failing after limit ticks.
func (h *harness) runUntil(limit int, cond func() bool) {
	h.t.Helper()
	for i := 0; !cond(); i++ {
		if i >= limit {
			h.t.Fatalf("condition not reached after %d ticks (mode %d, seg %d)", limit, h.m.mode(), h.m.state.Seg)
		}
		h.tick()
	}
}

func (h *harness) left() time.Duration { return h.engine.State(h.clock.Now()).Left }

// progress is the run as the evening would record it.
func (h *harness) progress() night.State { return h.engine.State(h.clock.Now()) }

func (h *harness) takeCues() []screens.CueKind {
	c := h.cues
	h.cues = nil
	return c
}

// deliver plays the runtime until the clock reads until: every tick asked
// for, stale ones included, is delivered at its due time, in order, as
// tea.Tick would. seen, when not nil, is called before each delivery.
func (h *harness) deliver(until time.Duration, seen func(s scheduled)) {
	h.t.Helper()
	for {
		i := -1
		for j, s := range h.queue {
			if s.at <= until && (i < 0 || s.at < h.queue[i].at) {
				i = j
			}
		}
		if i < 0 {
			break
		}
		s := h.queue[i]
		h.queue = append(h.queue[:i], h.queue[i+1:]...)
		if s.at > h.clock.Now() {
			h.clock.Set(s.at)
		}
		if seen != nil {
			seen(s)
		}
		h.update(s.msg)
		if h.m.ended() {
			return
		}
	}
	if until > h.clock.Now() {
		h.clock.Set(until)
	}
}

// fresh reports whether a tick is one the model will act on, not one a
// newer generation has made stale.
func (h *harness) fresh(s scheduled) bool {
	switch msg := s.msg.(type) {
	case tickMsg:
		return msg.id == h.m.id && msg.gen == h.m.gen
	case breathMsg:
		return msg.id == h.m.id && msg.gen == h.m.breathGen
	}
	return false
}

// pressed is the model after keys, for the view tests' states.
func (m Model) pressed(keys ...string) Model {
	run := m.run.(*night.Run)
	for _, k := range keys {
		var act screens.Action
		m, _, act = m.Update(screentest.Key(k))
		now := m.clock.Now()
		switch a := act.(type) {
		case screens.RunCmd:
			m, _ = m.Show(run.Do(a.Cmd, now))
		case screens.RunTick:
			m, _ = m.Show(run.Tick(now))
		}
	}
	return m
}
