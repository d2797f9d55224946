package model

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/screens"
)

// bell is the terminal bell. It goes out through tea.Raw so the renderer
// does not treat it as part of the frame.
const bell = "\a"

// bellMsg rings one bell of a pattern that was scheduled ahead.
type bellMsg struct{}

// reminderFailedMsg: the heat-done reminder's own program failed.
type reminderFailedMsg struct{ err error }

// reminderWait is how long the heat-done program is watched for a failure:
// one that fails does so at once, and one that still runs is playing.
const reminderWait = 3 * time.Second

// cue turns a cue into sound: its tone (the player), or a bell pattern the
// ear can tell apart when there is no player or it failed, or the
// configured command per cue; the voice says its words; and a desktop
// notification goes out for the cues that matter when the terminal is
// hidden. Nothing here waits: the player and the voice run in the
// background.
func (m Model) cue(c screens.CueMsg) tea.Cmd {
	kind := c.Kind.Plan()
	cmds := append([]tea.Cmd{m.notifyCue(kind)}, m.sound(kind, c.Phase)...)
	return tea.Batch(append(cmds, m.speak(c))...) // the tone first, then the words
}

// sound is the tone, the command or the bell pattern of a cue.
func (m Model) sound(kind cues.Kind, phase string) []tea.Cmd {
	s := m.opts.Sound
	if !m.opts.Bell || s.Sound == cues.SoundOff || !s.Audible(kind) {
		return nil
	}
	if s.Sound != cues.SoundBell && s.Sound != cues.SoundCommand && m.opts.Tones != nil && m.opts.Tones.Play(kind, phase) {
		return nil
	}
	if s.Sound == cues.SoundCommand {
		if name, args, ok := cues.Command(s, kind); ok {
			if kind == cues.HeatDone {
				// The reminder must be heard: its program is checked, and
				// when it fails the bell rings and the gate says so.
				return []tea.Cmd{func() tea.Msg {
					if err := cues.RunChecked(context.Background(), name, args, reminderWait); err != nil {
						return reminderFailedMsg{err: err}
					}
					return nil
				}}
			}
			return []tea.Cmd{func() tea.Msg {
				return warnMsg{err: cues.Run(context.Background(), name, args)}
			}}
		}
	}
	var cmds []tea.Cmd
	for _, at := range cues.Pattern(kind) {
		if at == 0 {
			cmds = append(cmds, tea.Raw(bell))
			continue
		}
		cmds = append(cmds, tea.Tick(at, func(time.Time) tea.Msg { return bellMsg{} }))
	}
	return cmds
}

// muted reports whether cues make no sound at all with these settings, so
// that the heat step can say its end reminder will be silent.
func (m Model) muted() bool {
	return (!m.opts.Bell || m.opts.Sound.Sound == cues.SoundOff) && m.opts.Voice == nil
}
