// Package model is supine's root bubbletea model: the one state machine that
// knows every screen, turns the actions screens return into screen changes,
// holds tonight's session, and lays the active screen out in the window.
package model

import (
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/routines"
)

// Screen names the screen on show. It changes only in setScreen.
type Screen int

const (
	ScreenHome Screen = iota
	ScreenCheck
	ScreenOutcome
	ScreenCheckin
	ScreenPlayer
	ScreenSummary
	ScreenTips
	ScreenWhy
	ScreenHistory
	ScreenRecheck
	ScreenPrecautions
	ScreenReading // a decision waits for the history
	ScreenAsk     // one question of the evening (screens/ask)
)

// Entry says where a run of the app begins.
type Entry int

const (
	EntryHome        Entry = iota // `supine`
	EntryStart                    // `supine start [NAME]`: straight into the check of a routine
	EntryCheck                    // `supine check`: the red-flag check on its own
	EntryTips                     // `supine tips`
	EntryWhy                      // the explainer
	EntryHistory                  // `supine history`
	EntryPrecautions              // `supine precautions`
)

// Options is everything the CLI decided: flags and settings merged into one
// value, so the model never reads files or flags itself.
type Options struct {
	Library      routines.Library
	Routine      string // routine picked for tonight
	HeatMinutes  int    // 0: the routine's own
	Position     guide.Position
	Bell         bool
	Palette      string // "auto", "night" or "light"
	Osteoporosis bool
	Entry        Entry
	Notice       string // one line shown on home (e.g. a database moved aside)

	Sound cues.Settings // how cues sound; Bell false silences them all
	// Tones plays each cue's tone when Sound.Sound is "tones" or a command
	// (nil: the bell); Voice says the cues' words (nil: no voice); Guard
	// keeps the machine awake while the pad is on (nil: none). The CLI
	// makes them once and closes them at exit.
	Tones        Tones
	Voice        Voice
	Speech       string // the voice setting: "auto", "off" or a command; the CLI makes Voice from it
	Guard        SleepGuard
	Notify       string // desktop notifications: "auto", "on" or "off"
	Breathing    bool   // the breathing pacer on holds
	CheckIns     bool   // ask how tight the back is before and after
	RolloverHour int    // the hour at which one night becomes the next
	// GetReady is the get-ready before every timed stretch step (0..30 s);
	// Settle the quiet time of lights out (0: settle waits for a key).
	GetReady, Settle time.Duration
	Store            Store    // nil: nothing is remembered
	Env              []string // the environment, to pick the notification sequence
	// SavePosition keeps the sleep position picked on the sleep set-up for
	// the nights after, and says where (the settings file). nil: the pick
	// holds for this run only.
	SavePosition func(guide.Position) (where string, err error)

	Clock routines.Clock   // nil: routines.SystemClock()
	Now   func() time.Time // nil: time.Now
	// AfterWait is how long the "after" check-in waits before lights out
	// comes by itself; 0 keeps evening.AfterWait.
	AfterWait time.Duration
}

// PlanOptions are the settings that change a routine's plan: the app, plain
// mode and the printed plans expand routines with the same ones.
func (o Options) PlanOptions() routines.Options {
	return routines.Options{HeatMinutes: o.HeatMinutes, Osteoporosis: o.Osteoporosis,
		GetReady: o.GetReady, Settle: o.Settle}
}
