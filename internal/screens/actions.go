// Package screens holds what every screen shares: the actions a screen hands
// back to the root model when the person decides something. Each screen lives
// in its own sub-package and never imports another screen or the model.
package screens

import (
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// Action is a decision a screen reports to the root model. A screen never
// switches screens itself; the root handles every action in one place.
type Action interface{ action() }

// Back leaves the current screen (esc).
type Back struct{}

// Quit asks to leave the app.
type Quit struct{}

// Home menu choices.
type (
	StartRoutine struct{ Name string } // Name of the routine to start
	OpenCheck    struct{}
	OpenTips     struct{}
	OpenWhy      struct{}
	OpenHistory  struct{}
)

// CheckDone is the red-flag check's result: the highest tier reached and the
// IDs of the questions answered yes.
type CheckDone struct {
	Tier safety.Tier
	Yes  []string
}

// GoOn is the explicit yes on a BOOK outcome: the routine may continue.
type GoOn struct{}

// CheckedIn is a tightness check-in: Value 0..10, or Skipped. Woke is the
// answer to "did back pain wake you last night?" (asked with the "before"
// check-in); nil when not asked or skipped.
type CheckedIn struct {
	Woke    *bool
	Value   int
	Skipped bool
}

// PickPosition reports the sleep position chosen on the tips screen.
type PickPosition struct{ Position string }

// PlayerDone is how the player ends, or how far it got.
type PlayerDone struct {
	Reason    EndReason
	Completed []int // indexes of steps finished
	Skipped   []int // indexes of steps skipped
	HeatMins  int   // heat minutes set, when the pad went on; 0 otherwise
	// HeatSeconds is how long the pad was on: to the pad-off answer, or to
	// now while it may still be on.
	HeatSeconds int
	// HeatStartedAt is the clock reading (routines.Clock) when the pad
	// went on; meaningful when HeatMins > 0.
	HeatStartedAt time.Duration
	// PainStep names the step (and side) during which the person stopped
	// for pain; "" when they did not.
	PainStep string
}

// StretchesDone: the stretches are over and lights out waits: the root asks
// the "after" check-in, then starts lights out (player.StartLightsOut).
type StretchesDone struct{}

func (StretchesDone) action() {}

// EndReason says why the player stopped.
type EndReason int

const (
	Finished      EndReason = iota // every step done or skipped
	StoppedByPain                  // x: stop for pain
	QuitMidway                     // q confirmed mid-routine
)

func (Back) action()         {}
func (Quit) action()         {}
func (StartRoutine) action() {}
func (OpenCheck) action()    {}
func (OpenTips) action()     {}
func (OpenWhy) action()      {}
func (OpenHistory) action()  {}
func (CheckDone) action()    {}
func (GoOn) action()         {}
func (CheckedIn) action()    {}
func (PickPosition) action() {}
func (PlayerDone) action()   {}

// CueMsg asks the root model to sound a cue. It is a message rather than an
// action because it never changes the flow; the root decides how (bell,
// nothing, a command) from the settings.
type CueMsg struct {
	Kind     CueKind
	Words    string // what the cue says, from the night engine
	Phase    string // the paced phase ("tilt", "relax") of a CuePhase, for its tone
	Reminder bool   // a repeat of the heat-done cue
}

// CueKind names a moment worth hearing with the eyes closed.
type CueKind int

const (
	CueNextStep    CueKind = iota // a new step begins
	CueSwitchSides                // switch to the other side
	CuePhase                      // a paced phase changes (tilt / relax)
	CueLastSeconds                // the last 3 seconds of a hold
	CueHeatDone                   // heat finished: repeats until acknowledged
	CueDone                       // the routine is done
)

// CueFromPlan names a cue kind of package cues the way screens do.
func CueFromPlan(k cues.Kind) CueKind {
	switch k {
	case cues.SwitchSides:
		return CueSwitchSides
	case cues.Phase:
		return CuePhase
	case cues.LastSeconds:
		return CueLastSeconds
	case cues.HeatDone:
		return CueHeatDone
	case cues.Done:
		return CueDone
	}
	return CueNextStep
}

// Plan names the cue the way package cues does. The two lists
// are kept in the same order, but an explicit switch survives a reordering.
func (k CueKind) Plan() cues.Kind {
	switch k {
	case CueSwitchSides:
		return cues.SwitchSides
	case CuePhase:
		return cues.Phase
	case CueLastSeconds:
		return cues.LastSeconds
	case CueHeatDone:
		return cues.HeatDone
	case CueDone:
		return cues.Done
	}
	return cues.NextStep
}

// OpenPrecautions opens the precautions screen (home menu, `supine
// precautions`).
type OpenPrecautions struct{}

// PrecautionsDone is the precautions screen's result: every precaution ID
// (safety.Precautions) with the answer the person gave, yes or no. The
// screen reports it only once each question has an answer.
type PrecautionsDone struct {
	Answers map[string]bool
}

func (OpenPrecautions) action() {}
func (PrecautionsDone) action() {}

// ClinicianChecked is the person's word, from the outcome screen, that a
// clinician assessed the URGENT or BOOK questions IDs on the day On
// (midnight, local): for 4 weeks the check then reminds instead of
// stopping. It is never offered for EMERGENCY questions.
type ClinicianChecked struct {
	IDs []string
	On  time.Time
}

func (ClinicianChecked) action() {}

// RunCmd is a key the player turned into a command for the run; the root
// hands it to the evening, which decides (night.Run, and the store for the
// pad going on).
type RunCmd struct{ Cmd night.Command }

// RunTick asks the root to move the evening on to now: a tick the player
// asked for came, or a key that is no command wants the time redrawn.
type RunTick struct{}

// ShortcutDone is the "anything new?" answer: Yes holds the IDs of its
// questions (safety.Shortcut) answered yes or "not sure", none when all
// were no; Woke is the answer to its waking question when it was reached.
type ShortcutDone struct {
	Yes  []string
	Woke *bool
}

// Answered is the answer to one question of the evening (screens/ask).
type Answered struct{ Answer Answer }

// Answer is yes, no or "not sure".
type Answer int

const (
	AnswerNo Answer = iota + 1
	AnswerYes
	AnswerNotSure
)

// Seen says a page that only needs reading was read (the disclaimer).
type Seen struct{}

func (RunCmd) action()       {}
func (RunTick) action()      {}
func (ShortcutDone) action() {}
func (Answered) action()     {}
func (Seen) action()         {}
