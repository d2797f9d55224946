// Package player is the screen that walks a person through a routine: the
// heat step with its minutes and safety lines, the stretches held per side
// or paced, and the sleep set-up at the end.
//
// Timing follows DESIGN.md: every countdown is a deadline on a
// routines.Clock, the next segment's deadline is chained from the last one
// so the routine never drifts, a tick is scheduled only for the moment the
// shown second changes, and each tick carries a generation number so that
// ticks from before a pause, skip, back or change of minutes are dropped.
// While the player waits for the person (heat not started, heat done,
// settle) or is paused, no ticks run at all.
//
// The optional breathing pacer (breath.go, off unless SetBreathing turns
// it on) follows the same rules with ticks of its own: only on a running
// hold, at most two a second, each for the moment its line changes, with
// their own generation so that they never move the countdown's.
package player

import (
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/guide"
	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/screens"
	"github.com/supine-app/supine/screens/style"
)

// mode is what the player is doing.
type mode int

const (
	modeReady    mode = iota // the heat step, waiting for the person to start it
	modeRunning              // a timed segment counts down (or is paused)
	modeHeatDone             // heat is over: waiting until the pad is off
	modeSettle               // the sleep set-up: waiting for "finish"
	modeEmpty                // the plan has nothing in it
)

// stepStatus is how far the person got with a step.
type stepStatus int

const (
	stepPending stepStatus = iota
	stepDone
	stepSkipped
)

// Timing constants.
const (
	// tickSlack lands a tick just after the shown second changes, never
	// just before it (which would show the old second once more).
	tickSlack = 5 * time.Millisecond
	// repeatHeatDone is how often the heat-done cue sounds until the
	// person says the pad is off.
	repeatHeatDone = 10 * time.Second
	// restartAfter: back restarts the current step when the person is
	// further into it than this, and goes to the previous step otherwise.
	restartAfter = 3 * time.Second
	// lastSeconds is how many seconds at the end of a hold are cued.
	lastSeconds = 3
)

// ids tell players apart, so that a tick from a previous session's player
// can never pass for one of this player's.
var ids atomic.Int64

// tickMsg asks the player to look at the clock again.
type tickMsg struct {
	id  int64
	gen int
}

// repeatMsg sounds the heat-done cue again.
type repeatMsg struct {
	id  int64
	gen int
}

// Model is the player screen.
type Model struct {
	id    int64
	st    *style.Styles // behind a pointer: the model is copied on every call
	plan  routines.Plan
	clock routines.Clock
	setup guide.Setup
	keys  keyMap
	full  bool // the full help is on show
	w, h  int

	mode   mode
	ended  bool               // the result was handed back; nothing more happens
	seg    int                // the segment on screen
	cd     routines.Countdown // the segment's countdown (modeRunning)
	now    time.Duration      // the clock at the last update; the view draws from it
	gen    int                // generation of the tick that may come; older ones are dropped
	status []stepStatus       // by index into plan.Routine.Steps
	heated bool               // the heat countdown was started at some point
	steps  []int              // plan.Steps(): "step 2 of 5" counts in it
	cache  *textCache         // the parts of the view that rarely change

	// schedule sends msg after d. It is tea.Tick; tests replace it to see
	// what was asked for without waiting.
	schedule func(d time.Duration, msg tea.Msg) tea.Cmd
	// wait is the delay of the last tick asked for (0 when none).
	wait time.Duration

	// The breathing pacer (breath.go): off unless SetBreathing turns it on.
	// Its ticks have their own generation, so that they never disturb the
	// countdown's.
	breathing  bool
	breathGen  int
	breathWait time.Duration // delay of the last pacer tick asked for (0 when none)
}

// New builds the player for a plan. The first step starts at once, unless
// it is the heat step, which waits for the person to pick the minutes.
// setup is the pillow set-up the settle step shows.
func New(st style.Styles, plan routines.Plan, clock routines.Clock, setup guide.Setup) Model {
	m := Model{
		id:       ids.Add(1),
		plan:     plan,
		clock:    clock,
		setup:    setup,
		keys:     newKeyMap(),
		status:   make([]stepStatus, len(plan.Routine.Steps)),
		steps:    plan.Steps(),
		schedule: realSchedule,
		cache:    newTextCache(),
	}
	m = m.SetStyles(st)
	m.now = clock.Now()
	if len(plan.Segments) == 0 {
		m.mode = modeEmpty
		return m.refreshKeys()
	}
	m, _ = m.enterSegment(0)
	return m
}

func realSchedule(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Init starts the first tick when the first step is timed. New has already
// worked out when it is due: Init cannot change the model it is called on.
func (m Model) Init() tea.Cmd {
	if m.id == 0 || m.ended || m.mode != modeRunning || m.cd.Paused() {
		return nil
	}
	tick := m.schedule(m.wait, tickMsg{id: m.id, gen: m.gen})
	if m.breathWait == 0 || !m.pacerRuns() {
		return tick
	}
	return tea.Batch(tick, m.schedule(m.breathWait, breathMsg{id: m.id, gen: m.breathGen}))
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m
}

// SetStyles changes the look, e.g. when the terminal turns out to be light.
func (m Model) SetStyles(st style.Styles) Model {
	m.st = &st
	return m
}

// Running reports whether a routine is under way, so that the root asks
// before quitting.
func (m Model) Running() bool {
	return m.id != 0 && !m.ended
}

// Progress is what was completed and skipped so far. The root uses it when
// the person quits midway; Reason is QuitMidway until the player ends.
func (m Model) Progress() screens.PlayerDone {
	return m.result(screens.QuitMidway)
}

func (m Model) result(reason screens.EndReason) screens.PlayerDone {
	d := screens.PlayerDone{Reason: reason}
	for _, step := range m.steps {
		switch m.status[step] {
		case stepDone:
			d.Completed = append(d.Completed, step)
		case stepSkipped:
			d.Skipped = append(d.Skipped, step)
		}
	}
	if m.heated {
		d.HeatMins = m.plan.HeatMinutes()
	}
	return d
}

// WindowTitle is the step and its time left, for the terminal's title bar:
// "supine · Knee to chest · 0:14".
func (m Model) WindowTitle() string {
	if m.id == 0 || m.mode == modeEmpty {
		return "supine"
	}
	title := "supine · " + m.stepTitle()
	switch m.mode {
	case modeReady:
		return title + " · ready"
	case modeHeatDone:
		return "supine · Heat done: pad off"
	case modeSettle:
		return title
	}
	left := routines.FormatClock(m.cd.Left(m.now))
	if m.cd.Paused() {
		return title + " · paused " + left
	}
	return title + " · " + left
}
