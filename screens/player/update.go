package player

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/screens"
)

// Update answers ticks and key presses. The action, when there is one, is
// the person's decision: PlayerDone when the routine ends or stops for
// pain, Quit when they ask to leave.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	if m.id == 0 || m.ended {
		return m, nil, nil
	}
	switch msg := msg.(type) {
	case tickMsg:
		if msg.id != m.id || msg.gen != m.gen {
			return m, nil, nil // from before a pause, skip or back
		}
		return m.onTick(m.clock.Now())
	case breathMsg:
		if msg.id != m.id || msg.gen != m.breathGen {
			return m, nil, nil // from before a pause, skip or back
		}
		m, cmd := m.onBreath(m.clock.Now())
		return m, cmd, nil
	case repeatMsg:
		if msg.id != m.id || msg.gen != m.gen {
			return m, nil, nil
		}
		m.now = m.clock.Now()
		return m.onRepeat()
	case tea.KeyPressMsg:
		m.now = m.clock.Now()
		return m.onKey(msg)
	}
	return m, nil, nil
}

func (m Model) onKey(msg tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	k := m.keys
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Help):
		m.full = !m.full
	case key.Matches(msg, k.Pain):
		m, act := m.end(screens.StoppedByPain)
		return m, nil, act
	case key.Matches(msg, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(msg, k.Start):
		m.heated = true
		m.mode = modeRunning
		m.cd = routines.StartCountdown(m.now, m.segment().Duration)
		m = m.refreshKeys()
		cmd = m.nextTick()
	case key.Matches(msg, k.Pause):
		if m.cd.Paused() {
			m.cd = m.cd.Resume(m.now)
		} else {
			m.cd = m.cd.Pause(m.now)
		}
		m = m.refreshKeys()
		cmd = tea.Batch(m.nextTick(), m.nextBreath())
	case key.Matches(msg, k.Ack):
		return m.afterStep()
	case key.Matches(msg, k.Finish):
		if m.mode == modeEmpty {
			m, act := m.end(screens.Finished)
			return m, nil, act
		}
		m.status[m.segment().Step] = stepDone
		return m.afterStep()
	case key.Matches(msg, k.More):
		m, cmd = m.adjustHeat(1)
	case key.Matches(msg, k.Less):
		m, cmd = m.adjustHeat(-1)
	case key.Matches(msg, k.Next):
		return m.skip()
	case key.Matches(msg, k.Back):
		m, cmd = m.back()
	}
	return m, cmd, nil
}

func (m Model) segment() routines.Segment { return m.plan.Segments[m.seg] }

// afterStep starts the step after the current one, or ends the routine
// when there is none.
func (m Model) afterStep() (Model, tea.Cmd, screens.Action) {
	_, last := m.plan.StepRange(m.segment().Step)
	if last+1 >= len(m.plan.Segments) {
		m, act := m.end(screens.Finished)
		return m, nil, act
	}
	m, cmd := m.enterSegment(last + 1)
	return m, cmd, nil
}

// skip leaves the current step unfinished. A heat step that was running
// still ends on the heat-done screen: the pad is on and must come off.
func (m Model) skip() (Model, tea.Cmd, screens.Action) {
	s := m.segment()
	switch m.mode {
	case modeHeatDone:
		return m.afterStep()
	case modeRunning:
		m.status[s.Step] = stepSkipped
		if s.Phase == routines.PhaseHeat {
			m.mode = modeHeatDone
			m = m.refreshKeys()
			return m, m.repeatAfter(), nil
		}
	default:
		m.status[s.Step] = stepSkipped
	}
	return m.afterStep()
}

// back restarts the current step when the person is a few seconds into
// it, and goes to the previous step otherwise. Either way the step is to
// be done again, so it is no longer counted done or skipped.
func (m Model) back() (Model, tea.Cmd) {
	step := m.segment().Step
	first, _ := m.plan.StepRange(step)
	target := first
	if m.intoStep() <= restartAfter && first > 0 {
		target, _ = m.plan.StepRange(m.plan.Segments[first-1].Step)
	}
	m.status[step] = stepPending
	m.status[m.plan.Segments[target].Step] = stepPending
	return m.enterSegment(target)
}

// adjustHeat changes tonight's heat minutes by delta, before or during the
// countdown, never outside MinHeatMinutes..MaxHeatMinutes. The plan is
// expanded again so that the routine's total and its bar stay right.
func (m Model) adjustHeat(delta int) (Model, tea.Cmd) {
	mins := m.plan.HeatMinutes() + delta
	if mins < routines.MinHeatMinutes || mins > routines.MaxHeatMinutes {
		return m, nil
	}
	m.plan = m.plan.WithHeatMinutes(mins)
	if m.mode != modeRunning {
		return m, nil
	}
	m.cd = m.cd.Add(m.now, time.Duration(delta)*time.Minute)
	return m, m.nextTick()
}

// intoStep is how far the timeline is into the current step.
func (m Model) intoStep() time.Duration {
	first, _ := m.plan.StepRange(m.segment().Step)
	return m.position() - m.plan.Segments[first].Start
}

// position is where the timeline stands: how much of the plan is behind.
func (m Model) position() time.Duration {
	s := m.segment()
	switch m.mode {
	case modeRunning:
		return s.Start + s.Duration - m.cd.Left(m.now)
	case modeHeatDone:
		return s.End()
	}
	return s.Start
}

// refreshKeys enables the keys that mean something now.
func (m Model) refreshKeys() Model {
	heat := m.mode != modeEmpty && m.segment().Phase == routines.PhaseHeat
	m.keys = m.keys.forMode(m.mode, m.mode == modeRunning && m.cd.Paused(), heat)
	return m
}
