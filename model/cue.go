package model

import (
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/screens"
)

// bell is the terminal bell. It goes out through tea.Raw so the renderer
// does not treat it as part of the frame.
const bell = "\a"

// cue turns a cue into sound. With the bell off it does nothing.
func (m Model) cue(kind screens.CueKind) tea.Cmd {
	if !m.opts.Bell {
		return nil
	}
	return tea.Raw(bell)
}
