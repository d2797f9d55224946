package night

import (
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/routines"
)

// Mode is what a run is doing.
type Mode int

const (
	// Ready: the heat step waits for the person to switch the pad on and
	// start it.
	Ready Mode = iota
	// Running: a timed segment counts down; on the heat step, the pad is on.
	Running
	// Paused: a stretch is paused. Heat never pauses: the pad keeps heating.
	Paused
	// PadOff: the pad must come off. Only PadIsOff leaves this mode (or
	// Leave, which ends the night with the pad-off line).
	PadOff
	// Settle: the sleep set-up, waiting for the person: Finish ends the
	// night; when the segment has a quiet time (Segment.Duration > 0),
	// StartSettle starts lights out, which runs in Running mode on the
	// settle segment and ends the night by itself.
	Settle
	// Ended: nothing more happens.
	Ended
)

// EndReason says why a run ended.
type EndReason int

const (
	NotEnded       EndReason = iota
	Finished                 // every step done or skipped
	StoppedForPain           // x: stop for pain; the stretches are over tonight
	Left                     // quit, Ctrl+C, a signal, the terminal gone
)

// Status is how far the person got with a step.
type Status int

const (
	Pending Status = iota
	Done
	Skipped
)

// Command is something the person asks for. Front ends map their keys (or
// typed lines) onto these; Run.Do decides whether it is allowed now.
type Command int

const (
	StartHeat   Command = iota // the pad is on: start the heat countdown
	TogglePause                // pause or resume a stretch
	Skip                       // skip the step (on heat: end it early, pad off first)
	Back                       // restart the step, or go to the one before
	HeatMore                   // one heat minute more (15..20)
	HeatLess                   // one heat minute less
	PadIsOff                   // the explicit answer: the pad is off and out of the bed
	Finish                     // the sleep set-up is done
	StopForPain                // x: stop for pain
	Leave                      // quit, Ctrl+C, SIGTERM, SIGHUP: end now
	// StartSettle starts lights out: the quiet time of the settle segment,
	// after the "after" check-in. Only in Settle mode on a settle segment
	// with a quiet time; refused with words otherwise.
	StartSettle
	// SkinStop: the skin under the pad feels numb, tingles or burns
	// (CONTENT.md section 3, v3). Heat ends for tonight and the pad comes
	// off first; the stretches may go on after. It is not a stop for pain
	// and does not lead to the red-flag check.
	SkinStop
	// HeatRefused: the store refused the pad's claim (heat ran too
	// recently, or tonight could not be read). The evening sends it in
	// place of StartHeat; in case the pad was switched on already, the
	// pad-off gate comes at once.
	HeatRefused
)

// PadReason says why the pad must come off, on a HeatDone cue and in
// PadOff mode, so that a front end tells the cases apart by kind, never by
// their words.
type PadReason int

const (
	PadNone    PadReason = iota
	PadTimeUp            // heat ran its minutes
	PadEarly             // heat was ended early (n)
	PadPain              // stop for pain during heat
	PadSkin              // the skin stop
	PadRefused           // the claim was refused
	PadLeft              // the app is closing with the pad on
)

// EventKind names what an event reports.
type EventKind int

const (
	// Cue: a moment worth hearing, with its cue kind and words. A HeatDone
	// cue is the pad-off line; it repeats (Reminder) until PadIsOff.
	Cue EventKind = iota
	// Entered: a segment came on (by the clock or by a key). Seg says which.
	Entered
	// StepEnded: a step was done or skipped; worth saving progress.
	StepEnded
	// Refused: a command that is not allowed now; Words say why.
	Refused
	// RunEnded: the run is over; State().Reason says why.
	RunEnded
	// HeatStarted: the pad went on; the heat clock runs from now.
	HeatStarted
)

// Event is one thing a run reports. Front ends act on them: sound and
// speak cues, save on StepEnded and RunEnded, show Refused words.
type Event struct {
	Kind     EventKind
	Cue      cues.Kind // with Cue
	Words    string    // what a voice says or plain mode prints
	Seg      int       // the segment concerned
	Reminder bool      // a repeat of the heat-done cue
	ByKey    bool      // caused by the person's key, not by the clock
	// Phase is the paced phase's name ("tilt") on a cue or an Entered event
	// of a paced segment, and "" otherwise, so a listener can pick a tone
	// (rising for tilt, falling for relax).
	Phase string
	// Pad says why the pad must come off, on a HeatDone cue.
	Pad PadReason
}

// Heat is the heat clock: real time from the moment the pad went on.
type Heat struct {
	Minutes   int           // tonight's minutes, 15..20
	Started   bool          // the pad went on
	StartedAt time.Duration // clock time the pad went on
	Deadline  time.Duration // clock time the heat is over
	Ended     bool          // the time is up, or heat was left early
	EndedAt   time.Duration // when heat ended
	Early     bool          // heat was left before its time
	Off       bool          // the person said the pad is off
	OffAt     time.Duration
	// Skin: the skin under the pad felt numb, tingled or burned (the skin
	// stop), at SkinAt.
	Skin   bool
	SkinAt time.Duration
	// Refused: the store refused the claim; the pad never counted as on
	// for heat, only for the pad-off gate.
	Refused bool
}

// On reports whether the pad may be on: it was switched on and nobody has
// said it is off.
func (h Heat) On() bool { return h.Started && !h.Off }

// Seconds is how long the pad was on: to the pad-off answer, or to now.
func (h Heat) Seconds(now time.Duration) int {
	if !h.Started {
		return 0
	}
	end := now
	if h.Off {
		end = h.OffAt
	}
	return int(max(end-h.StartedAt, 0) / time.Second)
}

// State is what a run looks like at one moment: everything a front end
// draws or prints.
type State struct {
	Mode    Mode
	Seg     int // the segment on show; -1 when the plan is empty
	Segment routines.Segment
	Step    routines.Step
	// StepNumber and Steps: "step 2 of 4", counting the steps the plan has.
	StepNumber, Steps int
	// Left is the time left of the segment on show (on heat: of the heat).
	Left time.Duration
	// Behind is how much of the plan's timeline is behind, for "routine
	// 5:54 left".
	Behind time.Duration
	Heat   Heat
	Reason EndReason
	// PainAt is the segment during which the person stopped for pain, or -1.
	PainAt int
	// AfterPad says what the pad-off answer leads to in PadOff mode: the
	// end of the run (StoppedForPain) or the next step (NotEnded).
	AfterPad EndReason
	// Pad says why the pad must come off in PadOff mode.
	Pad PadReason
	// Completed and Skipped are step indexes (into Routine.Steps), in plan
	// order.
	Completed, Skipped []int
	// LightsOut: the quiet time of the settle segment counts down (mode
	// Running, Left is the time left); the night ends by itself.
	LightsOut bool
}

// Empty reports whether the plan had nothing to run.
func (s State) Empty() bool { return s.Seg < 0 }

// KeepAwake reports whether the machine must not sleep now: the pad went
// on, nobody has said it is off, and the run still watches it. A machine
// that suspends rings no reminder, so every front end holds a sleep lock
// exactly while this is true.
func (s State) KeepAwake() bool { return s.Heat.On() && s.Mode != Ended }

// AwakeReason is what the sleep lock held during KeepAwake says it is for
// (the system shows it, for instance in systemd-inhibit --list).
const AwakeReason = "heating pad on"
