package model

import (
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/say"
)

// "Not tonight" (n on home): the bedtime reminder stays quiet tonight. The
// CLI keeps it where `supine nudge` reads it (the reminder's state file,
// not the history: it is not something the person did).

// reminder is the reminder's time for home, "" when "not tonight" has
// nowhere to go.
func (m Model) reminder() string {
	if m.opts.SkipTonight == nil {
		return ""
	}
	return m.opts.Reminder
}

// skippedMsg reports that "not tonight" was kept, or why it was not.
type skippedMsg struct{ err error }

// skipTonight keeps "not tonight" off the update loop: it writes a file.
func (m Model) skipTonight() tea.Cmd {
	save := m.opts.SkipTonight
	if save == nil {
		return nil
	}
	return func() tea.Msg { return skippedMsg{err: save()} }
}

// skipped says on home what became of "not tonight".
func (m Model) skipped(msg skippedMsg) Model {
	if msg.err != nil {
		m.info = say.Sentence("The reminder could not be told", msg.err)
	} else {
		m.info = "No reminder tonight; it comes back tomorrow at " + m.opts.Reminder + "."
	}
	if m.screen == ScreenHome {
		m.home = m.home.SetData(m.homeData())
		m = m.resized()
	}
	return m
}
