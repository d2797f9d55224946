package player

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/screens"
)

// Update answers ticks and key presses. The action, when there is one, is
// how the run ended: PlayerDone when the routine ends or stops for pain,
// Quit when the person asks to leave.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	if m.id == 0 || m.ended() {
		return m, nil, nil
	}
	switch msg := msg.(type) {
	case tickMsg:
		if msg.id != m.id || msg.gen != m.gen {
			return m, nil, nil // from before a key press
		}
		now := m.clock.Now()
		return m.apply(now, func(r *night.Run) []night.Event { return r.Tick(now) })
	case breathMsg:
		if msg.id != m.id || msg.gen != m.breathGen {
			return m, nil, nil // from before a pause, skip or back
		}
		m, cmd := m.onBreath(m.clock.Now())
		return m, cmd, nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case screens.AwakeNoticeMsg:
		m.awake = msg.Text
	}
	return m, nil, nil
}

// onKey turns a key into the engine's command for what is on screen.
func (m Model) onKey(msg tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	k := m.keys
	m.notice = ""
	if m.state.LightsOut {
		// Someone is falling asleep: any key ends the night at once.
		now := m.clock.Now()
		return m.apply(now, func(r *night.Run) []night.Event { return r.Do(night.Finish, now) })
	}
	if key.Matches(msg, k.Help) {
		m.full = !m.full
		return m, nil, nil
	}
	if key.Matches(msg, k.Quit) {
		return m, nil, screens.Quit{}
	}
	now := m.clock.Now()
	c, ok := m.command(msg)
	if !ok {
		// Not a command, but the screen still shows the time as it is now.
		return m.apply(now, func(r *night.Run) []night.Event { return r.Tick(now) })
	}
	return m.apply(now, func(r *night.Run) []night.Event { return r.Do(c, now) })
}

// command maps a key to the engine's command. The same key means different
// things on different screens (enter starts the heat, answers that the pad
// is off, finishes the settle), so the mode decides; the engine still
// refuses what is not allowed.
func (m Model) command(msg tea.KeyPressMsg) (night.Command, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Pain):
		return night.StopForPain, true
	case key.Matches(msg, k.More):
		return night.HeatMore, true
	case key.Matches(msg, k.Less):
		return night.HeatLess, true
	case key.Matches(msg, k.Next):
		return night.Skip, true
	case key.Matches(msg, k.Back):
		return night.Back, true
	}
	switch m.mode() {
	case modeReady:
		if key.Matches(msg, k.Start) {
			return night.StartHeat, true
		}
	case modeHeatDone:
		// Only enter says the pad is off: space, n or an arrow pressed in
		// the dark must never pass the gate.
		if msg.String() == "enter" {
			return night.PadIsOff, true
		}
		return night.Skip, msg.String() == "space" // refused, with words
	case modeSettle, modeEmpty:
		if key.Matches(msg, k.Finish) {
			return night.Finish, true
		}
	case modeRunning:
		if key.Matches(msg, k.Pause) {
			return night.TogglePause, true
		}
	}
	return 0, false
}

// apply runs one change of the engine on a copy of the run, then turns its
// events into cues, saves and, at the end, the player's result.
func (m Model) apply(now timeNow, change func(*night.Run) []night.Event) (Model, tea.Cmd, screens.Action) {
	before := m.state
	dueBefore, dueOK := m.run.Due(m.now)
	gap := now - m.now
	m.now = now
	m.run = m.run.Clone()
	events := change(m.run)
	m = m.refresh()
	if m.state.LightsOut || before.LightsOut {
		m.lightsOutSeen = true
	}
	if h := m.state.Heat; h.On() && before.Heat.On() && gap > wokeAfter {
		// While the pad is on a tick comes at least every 10 s: a longer
		// gap means the machine slept. The pad did not.
		m.notice = fmt.Sprintf("The pad may still be on: it has been %d minutes since it went on.", int((now-h.StartedAt)/time.Minute))
	}
	cmds := append(m.eventCmds(events), awakeCmd(before, m.state))
	if m.ended() {
		m.gen++
		m.wait = 0
		m.breathGen++
		m.breathWait = 0
		return m, tea.Batch(cmds...), m.result(endReason(m.state.Reason))
	}
	// A tick still pending stays valid when the run wants the same moment
	// (a refused key changes nothing); the pacer starts afresh only when
	// the segment or the pause changed, and otherwise chains by itself.
	if due, ok := m.run.Due(now); !(refusedOnly(events) && ok == dueOK && due == dueBefore && m.wait > 0) {
		cmds = append(cmds, m.nextTick())
	}
	if before.Seg != m.state.Seg || before.Mode != m.state.Mode || entered(events) {
		cmds = append(cmds, m.nextBreath())
	}
	if m.AwaitingLightsOut() && !(before.Mode == night.Settle && before.Seg == m.state.Seg) {
		return m, tea.Batch(cmds...), screens.StretchesDone{}
	}
	return m, tea.Batch(cmds...), nil
}

func endReason(r night.EndReason) screens.EndReason {
	switch r {
	case night.StoppedForPain:
		return screens.StoppedByPain
	case night.Left:
		return screens.QuitMidway
	}
	return screens.Finished
}

// refresh reads the run's state at now and enables the keys that mean
// something in it.
func (m Model) refresh() Model {
	m.state = m.run.State(m.now)
	m.keys = m.keys.forMode(m.mode(), m.paused(), m.onHeat())
	return m
}

// entered reports whether a segment came on (again, after back).
func entered(events []night.Event) bool {
	for _, e := range events {
		if e.Kind == night.Entered {
			return true
		}
	}
	return false
}

// refusedOnly reports whether the engine refused the command and did
// nothing else.
func refusedOnly(events []night.Event) bool {
	for _, e := range events {
		if e.Kind != night.Refused {
			return false
		}
	}
	return len(events) > 0
}

// wokeAfter is a gap between two looks at the clock, with the pad on,
// that only a suspended machine explains.
const wokeAfter = 30 * time.Second

// AwaitingLightsOut reports whether the stretches are over and the quiet
// time of lights out waits to start (after the "after" check-in).
func (m Model) AwaitingLightsOut() bool {
	return m.id != 0 && !m.ended() && m.state.Mode == night.Settle && !m.state.Empty() &&
		m.state.Segment.Duration > 0
}

// StartLightsOut starts the quiet time: the screen dims, the night ends by
// itself when it runs out, and any key ends it at once.
func (m Model) StartLightsOut() (Model, tea.Cmd) {
	if !m.AwaitingLightsOut() {
		return m, nil
	}
	now := m.clock.Now()
	m, cmd, _ := m.apply(now, func(r *night.Run) []night.Event { return r.Do(night.StartSettle, now) })
	return m, cmd
}

// LightsOutEnded reports whether the run ended during lights out: by
// itself at the end of the quiet time, or by a key in the dark.
func (m Model) LightsOutEnded() bool {
	return m.ended() && m.lightsOutSeen
}
