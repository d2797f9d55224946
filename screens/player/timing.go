package player

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/screens"
)

// tickAfter asks for a tick d from now (plus a little slack, so that it
// lands after the shown second has changed). Any tick asked for before is
// made stale by the new generation.
func (m *Model) tickAfter(d time.Duration) tea.Cmd {
	m.gen++
	m.wait = d + tickSlack
	return m.schedule(m.wait, tickMsg{id: m.id, gen: m.gen})
}

// nextTick schedules the tick for the moment the shown second changes, or
// none when nothing is counting down.
func (m *Model) nextTick() tea.Cmd {
	if m.mode != modeRunning || m.cd.Paused() {
		m.gen++ // whatever was scheduled is stale now
		m.wait = 0
		return nil
	}
	return m.tickAfter(m.cd.NextChange(m.now))
}

// repeatAfter schedules the next heat-done cue.
func (m *Model) repeatAfter() tea.Cmd {
	m.gen++
	m.wait = repeatHeatDone
	return m.schedule(repeatHeatDone, repeatMsg{id: m.id, gen: m.gen})
}

func cue(k screens.CueKind) tea.Cmd {
	return func() tea.Msg { return screens.CueMsg{Kind: k} }
}

// enter puts segment i on screen. Timed segments count down with cd; the
// heat step and the settle step wait for the person instead.
func (m Model) enter(i int, cd routines.Countdown) Model {
	m.seg = i
	switch s := m.plan.Segments[i]; {
	case s.Phase == routines.PhaseHeat:
		m.mode = modeReady
	case s.Phase == routines.PhaseSettle:
		m.mode = modeSettle
	default:
		m.mode = modeRunning
		m.cd = cd
	}
	return m.refreshKeys()
}

// enterSegment starts segment i now, as the person's own keys do: no cue,
// since they know what they pressed.
func (m Model) enterSegment(i int) (Model, tea.Cmd) {
	m = m.enter(i, routines.StartCountdown(m.now, m.plan.Segments[i].Duration))
	return m, tea.Batch(m.nextTick(), m.nextBreath())
}

// onTick moves the timeline on to now. Segments chain from deadline to
// deadline, so a late tick, or a laptop waking from suspend, lands exactly
// where real time says: the heat pad kept heating meanwhile. However many
// segments it passes, it sounds one cue, for where it arrives.
func (m Model) onTick(now time.Duration) (Model, tea.Cmd, screens.Action) {
	m.now = now
	if m.mode != modeRunning || m.cd.Paused() {
		return m, nil, nil
	}
	var cmds []tea.Cmd
	moved := false
	var arrived screens.CueKind
	for m.mode == modeRunning && m.cd.Done(now) {
		cur := m.plan.Segments[m.seg]
		if cur.Phase == routines.PhaseHeat {
			m.status[cur.Step] = stepDone
			m.mode = modeHeatDone
			m = m.refreshKeys()
			return m, tea.Batch(cue(screens.CueHeatDone), m.repeatAfter()), nil
		}
		next := m.seg + 1
		if next >= len(m.plan.Segments) {
			m.status[cur.Step] = stepDone
			m, act := m.end(screens.Finished)
			return m, cue(screens.CueDone), act
		}
		if m.plan.Segments[next].Step != cur.Step {
			m.status[cur.Step] = stepDone
		}
		prev := m.seg
		m = m.enter(next, m.cd.Then(m.plan.Segments[next].Duration))
		arrived, moved = m.cueFor(prev, next), true
	}
	if moved {
		// A new segment: the pacer starts afresh on a hold, and stops
		// elsewhere. Within a segment its ticks chain by themselves.
		cmds = append(cmds, cue(arrived), m.nextBreath())
	} else if k, ok := m.lastSecondsCue(); ok {
		cmds = append(cmds, cue(k))
	}
	cmds = append(cmds, m.nextTick())
	return m, tea.Batch(cmds...), nil
}

// cueFor is the cue for arriving at segment next from segment prev.
func (m Model) cueFor(prev, next int) screens.CueKind {
	p, n := m.plan.Segments[prev], m.plan.Segments[next]
	switch {
	case n.Phase == routines.PhaseSettle:
		return screens.CueDone
	case n.Step != p.Step:
		return screens.CueNextStep
	case n.Phase == routines.PhaseSwitch:
		return screens.CueSwitchSides
	case n.Side != routines.NoSide && p.Side != routines.NoSide && n.Side != p.Side:
		return screens.CueSwitchSides // sides change with no pause between them
	}
	return screens.CuePhase
}

// lastSecondsCue counts down the end of a hold: 3, 2, 1. Ticks come once
// per shown second, so each second is cued once.
func (m Model) lastSecondsCue() (screens.CueKind, bool) {
	s := m.plan.Segments[m.seg]
	if s.Phase != routines.PhaseHold {
		return 0, false
	}
	shown := routines.ShownSeconds(m.cd.Left(m.now))
	if shown < 1 || shown > lastSeconds || shown >= routines.ShownSeconds(s.Duration) {
		return 0, false
	}
	return screens.CueLastSeconds, true
}

// onRepeat sounds the heat-done cue again while the person has not said
// the pad is off.
func (m Model) onRepeat() (Model, tea.Cmd, screens.Action) {
	if m.mode != modeHeatDone {
		return m, nil, nil
	}
	return m, tea.Batch(cue(screens.CueHeatDone), m.repeatAfter()), nil
}

// end hands the result back; the player does nothing more after it.
func (m Model) end(reason screens.EndReason) (Model, screens.Action) {
	m.ended = true
	m.gen++
	m.wait = 0
	m.breathGen++
	m.breathWait = 0
	return m, m.result(reason)
}
