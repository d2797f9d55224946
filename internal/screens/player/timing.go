package player

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
)

// nextTick schedules the tick for the moment the engine says something
// changes, or none when it waits for the person. Any tick asked for before
// is made stale by the new generation.
func (m *Model) nextTick() tea.Cmd {
	m.gen++
	m.wait = 0
	at, ok := m.run.Due(m.now)
	m.due, m.dueOK = at, ok
	if !ok || m.ended() {
		return nil
	}
	m.wait = max(at-m.now, 0) + tickSlack
	return m.schedule(m.wait, tickMsg{id: m.id, gen: m.gen})
}

// eventCmds turns the engine's events into messages for the root: a cue to
// sound (with its words), or a save when a step ended or the pad went on.
func (m *Model) eventCmds(events []night.Event) []tea.Cmd {
	var cmds []tea.Cmd
	for _, e := range events {
		switch e.Kind {
		case night.Cue:
			if e.Pad == night.PadLeft {
				continue // the app is closing: the caller prints it
			}
			c := screens.CueMsg{Kind: screens.CueFromPlan(e.Cue), Words: e.Words, Phase: e.Phase, Reminder: e.Reminder}
			cmds = append(cmds, func() tea.Msg { return c })
		case night.Refused:
			m.notice = e.Words
		}
		if (e.Kind == night.Cue || e.Kind == night.Entered) && e.Words != "" && e.Pad != night.PadLeft {
			m.said = e.Words // what the voice says, shown too (a get-ready names the step)
		}
	}
	return cmds
}

// The view reads the run through these, in the screen's own terms.

func (m Model) mode() mode {
	switch {
	case m.state.Empty():
		return modeEmpty
	case m.state.Mode == night.Ready:
		return modeReady
	case m.state.Mode == night.PadOff:
		return modeHeatDone
	case m.state.Mode == night.Settle:
		return modeSettle
	}
	return modeRunning
}

func (m Model) paused() bool { return m.state.Mode == night.Paused }

// ended reports whether the run is over: the result was handed back and
// nothing more happens.
func (m Model) ended() bool { return m.state.Mode == night.Ended }

func (m Model) onHeat() bool { return !m.state.Empty() && m.state.Segment.Kind == routines.SegHeat }

func (m Model) plan() routines.Plan { return m.run.Plan() }

func (m Model) segment() routines.Segment { return m.state.Segment }

// position is where the timeline stands: how much of the plan is behind.
func (m Model) position() time.Duration { return m.state.Behind }

// cdDone reports whether the segment on show has run out at now.
func (m Model) cdDone(now time.Duration) bool {
	return m.state.Left-(now-m.now) <= 0
}
