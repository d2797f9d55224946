package cli

import (
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/model"
	"github.com/supine-app/supine/internal/sound"
)

// relay hands a message to the program once it exists; the player's and
// the voice's OnFail run on their own goroutines, before or after.
type relay struct {
	mu sync.Mutex
	p  *tea.Program
}

func (r *relay) set(p *tea.Program) { r.mu.Lock(); r.p = p; r.mu.Unlock() }

func (r *relay) send(msg tea.Msg) {
	r.mu.Lock()
	p := r.p
	r.mu.Unlock()
	if p != nil {
		go p.Send(msg) // never hold the player's goroutine on the UI
	}
}

// Fallbacks for openSound: what the cues do without the tone player.
const (
	fallBell = "the bell rings instead"          // the full-screen app
	fallText = "the cues are lines of text only" // plain mode, which never rings the bell
)

// openSound makes the tone player, the voice and the sleep guard once, for
// the whole run, from opts.Sound and opts.Speech, and returns what closes
// them at exit. A player or voice that cannot be made is a notice, and the
// cues fall back as fallback says (or no voice); a player that fails later
// is reported to onFail, with fallback.
func openSound(opts *model.Options, fallback string, onFail func(error)) (closeAll func()) {
	var closers []func()
	var notes []string
	if opts.Bell && sound.PlaysTones(opts.Sound.Sound) {
		dir, err := sound.DefaultToneDir()
		var p *sound.Player
		if err == nil {
			p, err = sound.NewPlayer(sound.PlayerConfig{Sound: opts.Sound.Sound, ToneDir: dir,
				Soft: opts.Sound.Volume == cues.VolumeSoft, OnFail: func(err error) {
					onFail(fmt.Errorf("%w; %s", err, fallback))
				}})
		}
		if err != nil {
			notes = append(notes, err.Error()+"; "+fallback)
		} else {
			opts.Tones = p
			closers = append(closers, p.Close)
		}
	}
	if opts.Speech != "" && opts.Speech != sound.VoiceOff {
		v, err := sound.NewVoice(sound.VoiceConfig{Voice: opts.Speech, OnFail: onFail})
		if err != nil {
			notes = append(notes, err.Error())
		} else {
			opts.Voice = v
			closers = append(closers, v.Close)
		}
	}
	g := &sleepGuard{}
	opts.Guard = g
	closers = append(closers, g.Release)
	for _, n := range notes {
		if opts.Notice != "" {
			opts.Notice += " "
		}
		opts.Notice += n
	}
	return func() {
		for _, c := range closers {
			c()
		}
	}
}

// sleepGuard is model.SleepGuard over sound.StartInhibitor: held from the
// pad going on to the pad-off answer, and released at exit in any case.
type sleepGuard struct {
	mu  sync.Mutex
	inh *sound.Inhibitor
}

// settle is how long a sleep inhibitor is given to fail (no login manager)
// before it counts as holding.
const settle = 500 * time.Millisecond

func (g *sleepGuard) Hold(reason string) error {
	g.mu.Lock()
	if g.inh != nil {
		g.mu.Unlock()
		return nil
	}
	inh := sound.StartInhibitor(reason)
	g.inh = inh
	g.mu.Unlock()
	if err := inh.Err(); err != nil {
		return err
	}
	time.Sleep(settle) // outside the lock: Release never waits for it
	if err := inh.Err(); err != nil {
		return err
	}
	return nil
}

func (g *sleepGuard) Release() {
	g.mu.Lock()
	inh := g.inh
	g.inh = nil // a later Hold takes a new lock
	g.mu.Unlock()
	if inh != nil {
		inh.Stop()
	}
}
