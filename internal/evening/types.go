package evening

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

// Moment is one reading of both clocks: Wall for the store and the rules
// (instants, dates), Clock for the run (routines.Clock: CLOCK_BOOTTIME,
// which counts a suspend, as the pad keeps heating through one).
type Moment struct {
	Wall  time.Time
	Clock time.Duration
}

// Entry is what the evening was opened for.
type Entry int

const (
	// ForRoutine: the whole evening, from the check to lights out.
	ForRoutine Entry = iota
	// ForCheck: the red-flag check on its own (`supine check`, the menu).
	ForCheck
)

// Stage is where the evening is: what the person is asked or shown now.
type Stage int

const (
	// Reading: a decision waits for the store ("Reading your history…").
	// Keys that need the history wait with it; nothing acts on an empty
	// gate.
	Reading Stage = iota
	// Unknown: tonight could not be read; the two questions of failing
	// closed (AnsweredUnknown).
	Unknown
	// Disclaimer: the first night: what supine is and is not (Seen).
	Disclaimer
	// Precautions: asked before the first night and every 90 days
	// (AnsweredPrecautions).
	Precautions
	// Void: an EMERGENCY or URGENT answer still closes the routine: its
	// outcome again, with what was reported, and nothing else (State.Void).
	Void
	// Check: the full red-flag check (AnsweredCheck).
	Check
	// Shortcut: "anything new?" instead of the full check
	// (AnsweredShortcut).
	Shortcut
	// Outcome: what this evening's check reached (State.Check): EMERGENCY
	// and URGENT end the evening; BOOK asks to go on (GoOn) or not (Stop);
	// the check on its own shows every tier here, the all-clear too.
	Outcome
	// Before: the "before" check-in, with the waking question when it is
	// not yet answered tonight (AnsweredBefore).
	Before
	// Eased: woken by back pain: did anything ease it? (AnsweredEased).
	Eased
	// HeatQuestion: tonight's heat question, just before the pad goes on
	// (AnsweredHeat).
	HeatQuestion
	// Running: the routine (State.Run); RunCommand drives it.
	Running
	// After: the "after" check-in; unanswered for AfterWait, it gives way
	// to lights out by itself (AnsweredAfter).
	After
	// PainStopped: the run stopped for pain: the pain outcome; the rest of
	// the night is the sleep set-up only.
	PainStopped
	// Summary: what was done, before and after.
	Summary
	// Closed: the evening is over. State.Dark says it ended in the dark
	// (lights out), where nothing lights the screen again.
	Closed
)

var stageNames = [...]string{"reading", "unknown", "disclaimer", "precautions", "void", "check", "shortcut",
	"outcome", "before", "eased", "heat question", "running", "after", "pain stopped", "summary", "closed"}

func (s Stage) String() string {
	if int(s) < len(stageNames) {
		return stageNames[s]
	}
	return "stage?"
}

// Answer is a yes, a no, or "not sure", for the questions where not being
// sure must count as the safe answer.
type Answer int

const (
	NotAsked Answer = iota
	No
	Yes
	NotSure
)

// Stored is how an answer is kept in the history ("" when not asked).
func (a Answer) Stored() string {
	switch a {
	case No:
		return "no"
	case Yes:
		return "yes"
	case NotSure:
		return "not sure"
	}
	return ""
}

// Input is what a front end, or the store through a Keeper, tells the
// evening. The types below are every input there is.
type Input interface{ input() }

// Read is the store's answer to a ReadTonight effect: what it holds of the
// last days, or Err when it could not be read (then the evening fails
// closed).
type Read struct {
	Recent history.Recent
	Err    error
}

// Saved is the store's answer to a SaveSession effect.
type Saved struct {
	Seq int
	Err error
}

// Claimed is the store's answer to a ClaimHeat effect: nil Err means the
// pad may go on; a *night.HeatTakenError that heat ran too recently; any
// other error that the store could not tell (then heat stays off).
type Claimed struct {
	Seq int
	Err error
}

// Seen: the disclaimer was read.
type Seen struct{}

// AnsweredPrecautions carries the precautions' answers (safety IDs).
type AnsweredPrecautions struct{ Answers map[string]bool }

// AnsweredUnknown carries the two questions of failing closed: "Earlier
// tonight, did supine tell you to get help, or did you stop for pain?" and
// "Have you used the heating pad in the last 2 hours?".
type AnsweredUnknown struct{ HelpOrPain, HeatRecently Answer }

// AnsweredCheck is the full red-flag check, confirmed.
type AnsweredCheck struct {
	Tier safety.Tier
	Yes  []string
}

// AnsweredShortcut is the "anything new?" answer: Yes holds the IDs of
// its questions (safety.Shortcut) answered yes or "not sure"; with none,
// the routine goes on, otherwise the full check follows (and the answer is
// kept, so that no later start tonight offers the shortcut again). Woke is
// the answer to its waking question, when it was given.
type AnsweredShortcut struct {
	Yes  []string
	Woke *bool
}

// GoOn is the explicit yes to going on after a BOOK outcome.
type GoOn struct{}

// Stop ends the evening on purpose at an outcome, the summary or a BOOK
// "no": kept as finished.
type Stop struct{}

// Leave ends the evening now, however it was asked for (q and yes, Ctrl+C,
// a signal, the terminal or the input gone, esc home mid-evening). With the
// pad on, the pad line is the last word (State.PadLine).
type Leave struct{}

// AskLeave opens "Stop for tonight?": a stretch pauses while it waits
// (heat never does); KeepGoing closes it and resumes what it paused.
type AskLeave struct{}

// KeepGoing closes the "Stop for tonight?" question.
type KeepGoing struct{}

// AnsweredBefore is the "before" check-in: Tightness nil when skipped;
// Woke nil when the waking question was not asked or skipped.
type AnsweredBefore struct {
	Tightness *int
	Woke      *bool
}

// AnsweredEased: did anything ease the pain that woke you?
type AnsweredEased struct{ Eased bool }

// AnsweredHeat is tonight's heat question.
type AnsweredHeat struct{ Answer Answer }

// RunCommand is a command for the run (night.Command).
type RunCommand struct{ Command night.Command }

// Tick: the clock has moved; what is due happens.
type Tick struct{}

// AnsweredAfter is the "after" check-in: nil when skipped.
type AnsweredAfter struct{ Tightness *int }

// ReminderFailed: the player of the heat-done reminder failed (its exit
// status, or no answer in time), so the reminder may not sound; the
// pad-off words say so and tell the person what to do instead.
type ReminderFailed struct{}

func (Read) input()                {}
func (Saved) input()               {}
func (Claimed) input()             {}
func (Seen) input()                {}
func (AnsweredPrecautions) input() {}
func (AnsweredUnknown) input()     {}
func (AnsweredCheck) input()       {}
func (AnsweredShortcut) input()    {}
func (GoOn) input()                {}
func (Stop) input()                {}
func (Leave) input()               {}
func (AskLeave) input()            {}
func (KeepGoing) input()           {}
func (AnsweredBefore) input()      {}
func (AnsweredEased) input()       {}
func (AnsweredHeat) input()        {}
func (RunCommand) input()          {}
func (Tick) input()                {}
func (AnsweredAfter) input()       {}
func (ReminderFailed) input()      {}

// Effect is work on the store that a front end carries out with its
// Keeper, in the order given, and whose answer it feeds back.
type Effect interface{ effect() }

// ReadTonight asks the store what it holds now; the answer is a Read.
type ReadTonight struct{ At time.Time }

// SaveCheck keeps a red-flag check with its answers. No answer.
type SaveCheck struct{ Check history.Check }

// SaveSession keeps the evening's record as it stands; the answer is
// Saved. Final marks it complete; a later snapshot (Seq) replaces an
// earlier one, never the reverse.
type SaveSession struct {
	Session history.Session
	Final   bool
	Seq     int
}

// SavePrecautions keeps the precautions' answers. No answer.
type SavePrecautions struct {
	At      time.Time
	Answers map[string]bool
}

// ClaimHeat asks the store for the pad to go on: inside one write
// transaction it checks the heat of every other session against
// night.HeatAllowed and, when allowed, writes the session with its heat
// start. The answer is Claimed.
type ClaimHeat struct {
	Session  history.Session
	Seq      int
	Rollover int
}

func (ReadTonight) effect()     {}
func (SaveCheck) effect()       {}
func (SaveSession) effect()     {}
func (SavePrecautions) effect() {}
func (ClaimHeat) effect()       {}

// NoteKind names a note.
type NoteKind int

const (
	// PadMayBeOn: the clock jumped while the pad was on (the machine
	// slept): it has been Minutes since it went on.
	PadMayBeOn NoteKind = iota
	// HeatLeftOut: heat is left out tonight; Words say why.
	HeatLeftOut
	// LightsOutByItself: nobody answered the "after" check-in, so lights
	// out came by itself; the number is kept unanswered.
	LightsOutByItself
	// SaveFailed: the store could not keep tonight; Words say why.
	SaveFailed
	// SkinStopAdvice: the skin under the pad felt wrong: what to do now.
	SkinStopAdvice
	// AllClear: the check just reported no red flags, and the routine goes
	// on: the front end says the all-clear with its safety net and stop
	// rules (safety.AdviceIn with no tier), once.
	AllClear
)

// Note is something a front end says once, as it happens.
type Note struct {
	Kind    NoteKind
	Words   string
	Minutes int
}

// Reply is the evening's answer to one input.
type Reply struct {
	// Events are the run's events, in order: cues with their words (for
	// tones, a voice, plain lines), refusals, steps ended.
	Events []night.Event
	// Notes are the evening's own one-off messages.
	Notes []Note
	// Effects are for the Keeper, in this order.
	Effects []Effect
}

func (r *Reply) effect(e Effect) { r.Effects = append(r.Effects, e) }

func (r *Reply) note(n Note) { r.Notes = append(r.Notes, n) }
