package model

import (
	"math"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/notify"
	"github.com/supine-app/supine/internal/safety"
)

// notifyCue sends a desktop notification for the cues a person must not miss
// while the terminal is hidden: heat done (the pad must come out of the bed)
// and routine done.
func (m Model) notifyCue(k cues.Kind) tea.Cmd {
	var body string
	switch k {
	case cues.HeatDone:
		body = safety.HeatDoneCue()
	case cues.Done:
		body = "Routine done. Settle into your sleep position; lights out."
	default:
		return nil
	}
	if !notify.Enabled(m.opts.Notify, m.focused) {
		return nil
	}
	seq := notify.Message(m.opts.Env, "supine", body)
	if seq == "" {
		return nil
	}
	return tea.Raw(seq)
}

// warnMsg carries a problem that is not fatal but the person should see,
// such as a missing sound command.
type warnMsg struct{ err error }

// nativeProgress is the terminal's own progress indicator (OSC 9;4) while
// the heat counts down, so the time left shows in the tab or task bar even
// when the window is hidden. notify = "off" turns it off with the
// notifications. Only terminals known to draw it get it: some
// print the sequence as a pop-up instead (see notify.ProgressSafe).
func (m Model) nativeProgress() *tea.ProgressBar {
	done, ok := m.player.HeatProgress()
	if !ok || !m.progressSafe || m.opts.Notify == "off" {
		return nil
	}
	return tea.NewProgressBar(tea.ProgressBarDefault, int(math.Round(done*100)))
}
