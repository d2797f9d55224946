package player

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/screens"
)

// Update answers ticks and key presses. It changes nothing of the run: a
// key becomes screens.RunCmd (or screens.Quit), a tick screens.RunTick,
// and the root hands what the run did back to Show.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	if m.id == 0 || m.ended() {
		return m, nil, nil
	}
	switch msg := msg.(type) {
	case tickMsg:
		if msg.id != m.id || msg.gen != m.gen {
			return m, nil, nil // from before a key press
		}
		m.wait = 0
		return m, nil, screens.RunTick{}
	case breathMsg:
		if msg.id != m.id || msg.gen != m.breathGen {
			return m, nil, nil // from before a pause, skip or back
		}
		m, cmd := m.onBreath(m.clock.Now())
		return m, cmd, nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	return m, nil, nil
}

// onKey turns a key into the engine's command for what is on screen.
func (m Model) onKey(msg tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	k := m.keys
	m.notice = ""
	if m.state.LightsOut {
		// Someone is falling asleep: any key ends the night at once.
		return m, nil, screens.RunCmd{Cmd: night.Finish}
	}
	if key.Matches(msg, k.Help) {
		m.full = !m.full
		return m, nil, nil
	}
	if key.Matches(msg, k.Quit) {
		return m, nil, screens.Quit{}
	}
	if key.Matches(msg, k.Scroll, k.ScrollUp) {
		return m.scrollSafety(key.Matches(msg, k.ScrollUp)), nil, nil
	}
	c, ok := m.command(msg)
	if !ok {
		// Not a command, but the screen still shows the time as it is now.
		return m, nil, screens.RunTick{}
	}
	return m, nil, screens.RunCmd{Cmd: c}
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
	case key.Matches(msg, k.Skin):
		return night.SkinStop, true
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

// Show draws what the run just did: the root carried out a command or a
// tick on the evening, and hands the run's events here. They become cues
// and notices; the next tick is asked for the moment the run says
// something changes. A new step, phase or side (or palette) sends its
// pictures before its frame is drawn.
func (m Model) Show(events []night.Event) (Model, tea.Cmd) {
	if m.id == 0 {
		return m, nil
	}
	before := m.state
	now := m.clock.Now()
	m.now = now
	m = m.refresh()
	cmds := append(m.eventCmds(events), m.sendPictures())
	if m.ended() {
		m.gen++
		m.wait = 0
		m.breathGen++
		m.breathWait = 0
		return m, tea.Batch(cmds...)
	}
	// A tick still pending stays valid when the run wants the same moment
	// (a refused key changes nothing); the pacer starts afresh only when
	// the segment or the pause changed, and otherwise chains by itself.
	if due, ok := m.run.Due(now); !(refusedOnly(events) && ok == m.dueOK && due == m.due && m.wait > 0) {
		cmds = append(cmds, m.nextTick())
	}
	if before.Seg != m.state.Seg || before.Mode != m.state.Mode || entered(events) {
		cmds = append(cmds, m.nextBreath())
	}
	return m, tea.Batch(cmds...)
}

// refresh reads the run's state at now and enables the keys that mean
// something in it.
func (m Model) refresh() Model {
	m.state = m.run.State(m.now)
	// The skin stop is offered while the pad is on, once: after it the gate
	// says what to do.
	m.keys = m.keys.forMode(m.mode(), m.paused(), m.onHeat(), m.state.Heat.On() && !m.state.Heat.Skin)
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
