// Package sound makes the cues of a night audible without a screen: soft
// generated tones (one pattern per cue kind, rising for tilt; heat done the
// longest and loudest), a spoken line through a speech program, and a guard that
// keeps the machine from sleeping while the heating pad is on.
//
// It is a domain package: no UI imports. Everything that runs a program
// returns at once; programs run one at a time in a background goroutine,
// with a time-out, and a program that fails is reported once through a
// callback so the front end can fall back to the terminal bell.
//
// The three pieces, each usable on its own:
//
//	p, err := sound.NewPlayer(sound.PlayerConfig{Sound: sound.Tones, ToneDir: dir, OnFail: notice})
//	if !p.Play(cues.HeatDone, "") { ringBell() }
//
//	v, err := sound.NewVoice(sound.VoiceConfig{Voice: sound.Auto, OnFail: notice})
//	v.Say(cues.HeatDone, "Heat done. Switch the pad off and take it out of the bed.")
//	v.Quiet() // lights out
//
//	guard := sound.StartInhibitor("heating pad on")
//	defer guard.Stop()
package sound

import "github.com/supine-app/supine/internal/cues"

// Values of the sound setting. Any other non-empty value is a command line
// that gets the tone's WAV path as its last argument.
const (
	Tones = "tones"        // generated tones through the first player found
	Bell  = cues.SoundBell // the terminal bell (the front end rings it)
	Off   = cues.SoundOff  // no sound at all
)

// Values of the voice setting. Any other non-empty value is a command line
// that gets the line to speak as its last argument.
const (
	Auto     = "auto" // the first of spd-say, espeak-ng, say found
	VoiceOff = "off"  // no voice
)
