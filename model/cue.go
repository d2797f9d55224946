package model

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/cues"
	"github.com/supine-app/supine/screens"
)

// bell is the terminal bell. It goes out through tea.Raw so the renderer
// does not treat it as part of the frame.
const bell = "\a"

// bellMsg rings one bell of a pattern that was scheduled ahead.
type bellMsg struct{}

// cue turns a cue into sound: a bell pattern the ear can tell apart, or the
// configured command, and a desktop notification for the cues that matter
// when the terminal is hidden.
func (m Model) cue(k screens.CueKind) tea.Cmd {
	kind := k.Plan()
	cmds := []tea.Cmd{m.notifyCue(kind)}
	s := m.opts.Sound
	if !m.opts.Bell || s.Sound == cues.SoundOff || !s.Audible(kind) {
		return tea.Batch(cmds...)
	}
	if s.Sound == cues.SoundCommand {
		if name, args, ok := cues.Command(s, kind); ok {
			cmds = append(cmds, func() tea.Msg {
				return warnMsg{err: cues.Run(context.Background(), name, args)}
			})
			return tea.Batch(cmds...)
		}
	}
	for _, at := range cues.Pattern(kind) {
		if at == 0 {
			cmds = append(cmds, tea.Raw(bell))
			continue
		}
		cmds = append(cmds, tea.Tick(at, func(time.Time) tea.Msg { return bellMsg{} }))
	}
	return tea.Batch(cmds...)
}

// muted reports whether cues make no sound at all with these settings, so
// that the heat step can say its end reminder will be silent.
func (m Model) muted() bool {
	return !m.opts.Bell || m.opts.Sound.Sound == cues.SoundOff
}
