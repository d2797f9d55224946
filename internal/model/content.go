package model

import (
	"github.com/supine-app/supine/internal/screens/about"
)

// The v3 content screens' glue (issue 19) that is not the evening's: the
// disclaimer from home's menu (the first night's is the evening's
// Disclaimer stage, shown in evening.go) and where a clinician's check was
// opened from.

// contentState is what the v3 screens remember between actions.
type contentState struct {
	// clinicianFrom is the screen the clinician's check was opened from.
	clinicianFrom Screen
}

// openAbout shows the disclaimer from home's menu.
func (m Model) openAbout() Model {
	m.about = about.New(m.styles)
	return m.setScreen(ScreenAbout)
}
