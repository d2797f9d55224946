package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/say"
	"github.com/supine-app/supine/internal/screens"
)

// Tones plays the tone of a cue in the background and returns at once;
// false means it cannot (the player failed or is closed): ring the bell.
// *sound.Player is one.
type Tones interface {
	Play(k cues.Kind, phase string) bool
}

// Voice says a cue's words in the background and returns at once; lines
// never overlap. Quiet silences it for good. *sound.Voice is one.
type Voice interface {
	Say(k cues.Kind, line string) bool
	Quiet()
}

// SleepGuard keeps the machine from sleeping while the heating pad is on.
// Hold may take a moment (it starts a program) and is called outside
// Update; its error is one sentence saying why the machine may sleep
// anyway. Release lets it sleep again; both are safe to call more than
// once.
type SleepGuard interface {
	Hold(reason string) error
	Release()
}

// lightsOutLine is how long the lights-out line is given to be spoken
// before the voice goes quiet for good: Quiet cuts a line short.
const lightsOutLine = 10 * time.Second

// speak says the cue's words with the voice, if there is one. The volume
// setting's "soft" keeps the voice to the cues it keeps for sound; the
// bell setting does not silence it (--no-voice does). After the lights-out
// line the voice is quiet: someone is asleep.
func (m Model) speak(c screens.CueMsg) tea.Cmd {
	v := m.opts.Voice
	if v == nil || c.Words == "" {
		return nil
	}
	kind := c.Kind.Plan()
	if !(cues.Settings{Volume: m.opts.Sound.Volume}).Audible(kind) {
		return nil
	}
	v.Say(kind, c.Words)
	if c.LightsOut {
		return tea.Tick(lightsOutLine, func(time.Time) tea.Msg {
			v.Quiet()
			return nil
		})
	}
	return nil
}

// heatOn holds the sleep lock while the pad is on; when it cannot, the
// heat step says so among its notices (not over its title): awakeMsg.
func (m Model) heatOn() tea.Cmd {
	g := m.opts.Guard
	if g == nil {
		return nil
	}
	return func() tea.Msg {
		if err := g.Hold(night.AwakeReason); err != nil {
			return awakeMsg{words: say.Sentence("", err)}
		}
		return nil
	}
}

// awakeMsg says, in words a person reads (sound.AwakeError), that the
// sleep lock could not be held: the machine may sleep while the pad is on.
type awakeMsg struct{ words string }

// awakeFailed keeps why the machine may sleep for as long as the lock
// should be held, and shows it on the player, whatever is on top of it
// when the answer comes. An answer that comes after the lock was let go
// is dropped: the pad is off.
func (m Model) awakeFailed(msg awakeMsg) Model {
	if !m.awake {
		return m
	}
	m.awakeWords = msg.words
	m.player = m.player.SetAwake(msg.words)
	return m
}

// heatOff releases the sleep lock: the pad is off, or the run is over.
func (m Model) heatOff() tea.Cmd {
	g := m.opts.Guard
	if g == nil {
		return nil
	}
	return func() tea.Msg {
		g.Release()
		return nil
	}
}

// SoundFailMsg reports that the tone player or the voice stopped working
// (sent by the CLI from their OnFail; a failed player's Play returns false
// from then on, so the cues fall back to the bell): the warning line says
// so.
type SoundFailMsg struct{ Err error }
