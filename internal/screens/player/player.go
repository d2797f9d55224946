// Package player is the screen that walks a person through a routine: the
// heat step with its minutes and safety lines, the stretches held per side
// or paced, and the sleep set-up at the end.
//
// It is a front end of the night engine (package night): the engine owns
// the timeline, the heat clock, the pad-off reminder and what each key may
// do; this screen draws the engine's state, maps keys to its commands and
// turns its events into cues and saves. A tick is scheduled only for the
// moment the engine says something changes (Run.Due), and each tick carries
// a generation number so that ticks from before a key press are dropped.
// While the run waits for the person (heat not started, settle) or is
// paused, no ticks run at all.
//
// The optional breathing pacer (breath.go, off unless SetBreathing turns
// it on) has ticks of its own: only on a running hold, at most two a
// second, each for the moment its line changes, with their own generation
// so that they never move the countdown's.
package player

import (
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens/kitty"
	"github.com/supine-app/supine/internal/screens/style"
)

// mode is what the screen shows, from the night engine's mode.
type mode int

const (
	modeReady    mode = iota // the heat step, waiting for the person to start it
	modeRunning              // a timed segment counts down (or is paused)
	modeHeatDone             // the pad must come off: waiting for the answer
	modeSettle               // the sleep set-up: waiting for "finish"
	modeEmpty                // the plan has nothing in it
)

// tickSlack lands a tick just after the shown second changes, never just
// before it (which would show the old second once more).
const tickSlack = 5 * time.Millisecond

// ids tell players apart, so that a tick from a previous session's player
// can never pass for one of this player's.
var ids atomic.Int64

// tickMsg asks the player to look at the clock again.
type tickMsg struct {
	id  int64
	gen int
}

// Run is what the player reads of the run it shows. The evening owns the
// run and changes it (package evening); the player only reads it, and the
// root hands it each change to show (Show).
type Run interface {
	State(now time.Duration) night.State
	Due(now time.Duration) (time.Duration, bool)
	Plan() routines.Plan
	PainStep() string
}

// Model is the player screen: a view of a night.Run that the evening
// drives. Every decision (what a key may do, when heat ends, when the
// pad-off reminder sounds) is the engine's; the screen draws its state,
// turns keys into its commands (screens.RunCmd) and the clock into ticks
// (screens.RunTick), and turns the events the root hands back into cues.
type Model struct {
	id    int64
	st    *style.Styles // behind a pointer: the model is copied on every call
	clock routines.Clock
	setup guide.Setup
	keys  keyMap
	full  bool // the full help is on show
	w, h  int

	run        Run         // read only: the evening changes it
	state      night.State // the run at now; the view draws from it
	now        time.Duration
	gen        int // generation of the tick that may come; older ones are dropped
	due        time.Duration
	dueOK      bool   // the run's Due when the last tick was asked for
	notice     string // why the last key did nothing, or a note, until the next key
	said       string // the engine's last words, shown with a get-ready
	awake      string // why the machine may sleep during heat (SetAwake)
	firstNight bool   // the first night: the first stretch says to build up
	muted      bool   // cues are silent: the heat screens say so
	silent     bool   // the reminder's player failed: the gate says so
	cache      *textCache
	safetyOff  int // the heat-safety lines scrolled past (↓)

	graphics kitty.Support // what the terminal said about images
	pics     *pictures     // the images it was sent
	// noPictures leaves every picture out: the tests compare a screen
	// with and without them.
	noPictures bool

	// schedule sends msg after d. It is tea.Tick; tests replace it to see
	// what was asked for without waiting.
	schedule func(d time.Duration, msg tea.Msg) tea.Cmd
	// wait is the delay of the last tick asked for (0 when none).
	wait time.Duration
	// first holds the events the run began with, until Init hands them out.
	first []night.Event

	// The breathing pacer (breath.go): off unless SetBreathing turns it on.
	// Its ticks have their own generation, so that they never disturb the
	// countdown's.
	breathing  bool
	breathGen  int
	breathWait time.Duration // delay of the last pacer tick asked for (0 when none)
}

// New builds the player for a run the evening has just started; first are
// the events it started with. setup is the pillow set-up the settle step
// shows.
func New(st *style.Styles, run Run, clock routines.Clock, setup guide.Setup, first []night.Event) Model {
	m := Model{
		id:       ids.Add(1),
		clock:    clock,
		setup:    setup,
		keys:     newKeyMap(),
		schedule: realSchedule,
		cache:    newTextCache(),
		pics:     newPictures(),
		run:      run,
		first:    first,
	}
	m = m.SetStyles(st)
	m.now = clock.Now()
	m = m.refresh()
	m.eventCmds(m.first) // what the first step says shows at once; Init sounds it
	m.nextTick()
	return m
}

func realSchedule(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Init starts the first tick when the first step is timed. New has already
// worked out when it is due: Init cannot change the model it is called on.
func (m Model) Init() tea.Cmd {
	if m.id == 0 || m.ended() {
		return nil
	}
	// The first step's cue (a get-ready names it) is heard like any other;
	// eventCmds runs on a copy, since Init cannot change the model.
	first := m
	cmds := first.eventCmds(m.first)
	if m.wait > 0 {
		cmds = append(cmds, m.schedule(m.wait, tickMsg{id: m.id, gen: m.gen}))
	}
	if m.breathWait > 0 && m.pacerRuns() {
		cmds = append(cmds, m.schedule(m.breathWait, breathMsg{id: m.id, gen: m.breathGen}))
	}
	cmds = append(cmds, m.sendPictures())
	return tea.Batch(cmds...)
}

// SetFirstNight marks the person's first night, so that the first stretch
// says to start with fewer reps and build up (CONTENT.md section 2).
func (m Model) SetFirstNight(first bool) Model {
	m.firstNight = first
	return m
}

// SetMuted tells the player that cues make no sound (--no-bell, sound =
// "off"), so that the heat screens say the pad-off reminder is silent.
func (m Model) SetMuted(muted bool) Model {
	m.muted = muted
	return m
}

// SetSilent tells the player that the reminder's player failed, so that
// the pad-off gate never says the reminder sounds when it may not.
func (m Model) SetSilent(silent bool) Model {
	m.silent = silent
	return m
}

// Note shows a one-off message from the evening (the pad may still be
// on, heat left out, what to do after a skin stop) until the next key.
func (m Model) Note(words string) Model {
	m.notice = words
	return m
}

// MaxWidth is the most columns the player uses: it lays its lines out to
// the window's width up to here (the heat-safety lines and a picture
// beside the countdown need the room), where other screens stop at 80.
const MaxWidth = 120

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m
}

// SetStyles changes the look, e.g. when the terminal turns out to be light.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m
}

// Running reports whether a routine is under way, so that the root asks
// before quitting.
func (m Model) Running() bool {
	return m.id != 0 && !m.ended()
}

// WindowTitle is the step and its time left, for the terminal's title bar:
// "supine · Knee to chest · 0:14".
func (m Model) WindowTitle() string {
	if m.id == 0 || m.mode() == modeEmpty {
		return "supine"
	}
	title := "supine · " + m.stepTitle()
	switch m.mode() {
	case modeReady:
		return title + " · ready"
	case modeHeatDone:
		return "supine · Heat done: pad off"
	case modeSettle:
		return title
	}
	left := routines.FormatClock(m.state.Left)
	if m.paused() {
		return title + " · paused " + left
	}
	return title + " · " + left
}
