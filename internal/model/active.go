package model

import (
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/screens"
)

// updateActive forwards a message to the screen on show and returns what it
// decided. Screens are concrete types with their own Update signatures, so
// this is one switch rather than an interface.
func (m *Model) updateActive(msg tea.Msg) (tea.Cmd, screens.Action) {
	var cmd tea.Cmd
	var act screens.Action
	switch m.screen {
	case ScreenHome:
		m.home, cmd, act = m.home.Update(msg)
	case ScreenCheck:
		m.check, cmd, act = m.check.Update(msg)
	case ScreenOutcome:
		m.outcome, cmd, act = m.outcome.Update(msg)
	case ScreenCheckin:
		m.checkin, cmd, act = m.checkin.Update(msg)
	case ScreenPlayer:
		m.player, cmd, act = m.player.Update(msg)
	case ScreenSummary:
		m.summary, cmd, act = m.summary.Update(msg)
	case ScreenTips:
		m.tips, cmd, act = m.tips.Update(msg)
	case ScreenWhy:
		m.why, cmd, act = m.why.Update(msg)
	case ScreenHistory:
		m.history, cmd, act = m.history.Update(msg)
	case ScreenRecheck:
		m.recheck, cmd, act = m.recheck.Update(msg)
	case ScreenPrecautions:
		m.precautionsScreen, cmd, act = m.precautionsScreen.Update(msg)
	case ScreenAsk:
		m.ask, cmd, act = m.ask.Update(msg)
	case ScreenReading:
		act = readingKey(msg)
	}
	return cmd, act
}

// readingKey: while a decision waits for the history no key answers
// anything (a key typed before the history is read must never act on an
// empty gate); esc and q still leave.
func readingKey(msg tea.Msg) screens.Action {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch kp.String() {
	case "esc":
		return screens.Back{}
	case "q":
		return screens.Quit{}
	}
	return nil
}

func (m Model) activeView() string {
	switch m.screen {
	case ScreenCheck:
		return m.check.View()
	case ScreenOutcome:
		return m.outcome.View()
	case ScreenCheckin:
		return m.checkin.View()
	case ScreenPlayer:
		return m.player.View()
	case ScreenSummary:
		return m.summary.View()
	case ScreenTips:
		return m.tips.View()
	case ScreenWhy:
		return m.why.View()
	case ScreenHistory:
		return m.history.View()
	case ScreenRecheck:
		return m.recheck.View()
	case ScreenPrecautions:
		return m.precautionsScreen.View()
	case ScreenAsk:
		return m.ask.View()
	case ScreenReading:
		sw, _ := m.screenSize()
		return m.styles.Muted.Render(fitLine(evening.ReadingLine, sw))
	}
	return m.home.View()
}

// setScreen is the one place the screen changes. Screens are sized as they
// come on so a resize while they were hidden is never missed.
func (m Model) setScreen(s Screen) Model {
	m.screen = s
	m.confirmQuit = false // the question belonged to the screen that left
	return m.resized()
}
