// Package routines is supine's domain model of a routine: what a routine file
// says (Routine, Step), the timeline it expands into (Plan, Segment), the
// countdown maths behind every timer, and the loading of routine files.
//
// It imports no UI package; everything here is plain Go tested with tables.
package routines

import "time"

// Kind says how a step is timed.
type Kind string

const (
	// KindHeat is the heating-pad step: one long countdown of whole minutes,
	// adjustable within MinHeatMinutes..MaxHeatMinutes.
	KindHeat Kind = "heat"
	// KindHold is a stretch held for a time, optionally per side, for reps.
	KindHold Kind = "hold"
	// KindPaced is a rhythm of named phases (tilt 5 s, relax 5 s) for reps.
	KindPaced Kind = "paced"
	// KindRest is a plain pause.
	KindRest Kind = "rest"
	// KindSettle is an untimed step that waits for the person (sleep set-up).
	KindSettle Kind = "settle"
)

// Heat limits. The upper bound is a burn-safety rule (CONTENT.md section 3).
const (
	MinHeatMinutes     = 15
	MaxHeatMinutes     = 20
	DefaultHeatMinutes = 15
)

// Phase names used in segments. Paced steps use their own phase names
// (for example "tilt" and "relax") taken from the routine file.
const (
	PhaseHeat   = "heat"
	PhaseHold   = "hold"
	PhaseSwitch = "switch"
	PhaseRest   = "rest"
	PhaseSettle = "settle"
	PhaseReady  = "ready"
)

// Get-ready and lights-out limits. The defaults are app policy for
// usability (CONTENT.md section 2), not a clinical dose; the caller sets
// them (Options' zero values mean none).
const (
	DefaultGetReady = 5 * time.Second  // the get-ready before each timed stretch step
	MaxGetReady     = 30 * time.Second // Options.GetReady is clamped to 0..MaxGetReady
	DefaultSettle   = 2 * time.Minute  // the quiet time of lights out
	MaxSettle       = 30 * time.Minute // Options.Settle is clamped to 0..MaxSettle
)

// Side is which side of the body a segment works.
type Side int

const (
	NoSide Side = iota
	Left
	Right
)

// String returns "left", "right" or "".
func (s Side) String() string {
	switch s {
	case Left:
		return "left"
	case Right:
		return "right"
	}
	return ""
}

// PacedPhase is one beat of a paced step.
type PacedPhase struct {
	Name     string        // "tilt", "relax"
	Duration time.Duration // > 0
	Cue      string        // optional short instruction for this phase
}

// Step is one step of a routine as written in its file.
type Step struct {
	Kind   Kind
	Title  string
	Cues   []string // what to do, one short line each
	Why    string   // one line of why
	StopIf []string // optional "stop if" lines (see StopsForSkin)

	// SkipWithOsteoporosis marks a step that is dropped from the plan when
	// the person says they have osteoporosis (knee-to-chest, CONTENT.md §2).
	SkipWithOsteoporosis bool
	// Move names the stretch a step is, when it is one of the moves the
	// precautions change (knee-to-chest, knee rolls, pelvic tilt); "" for
	// any other step. A routine file sets it with move = "knee-rolls".
	Move Move
	// Small marks a step whose range is kept small tonight (knee rolls with
	// osteoporosis, CONTENT.md section 6): night.Adapt sets it and its
	// picture draws the smaller range. A routine file cannot set it.
	Small bool

	Minutes  int           // heat: default minutes
	Hold     time.Duration // hold: length of one hold
	Reps     int           // hold, paced: repetitions (per side when PerSide)
	PerSide  bool          // hold: left then right
	Switch   time.Duration // hold: pause to switch sides (PerSide only)
	Rest     time.Duration // hold, paced: pause between reps (0 = none)
	Phases   []PacedPhase  // paced: the rhythm of one rep
	Duration time.Duration // rest: length
}

// Routine is a named list of steps, as loaded from a TOML file.
type Routine struct {
	Name        string // file stem: "tonight"
	Title       string // "Tonight"
	Description string
	Steps       []Step
	// Source is where it came from: "builtin" or the file path.
	Source string
	// Overrides is true when a user file replaces a built-in of the same name.
	Overrides bool
}

// SegmentKind says what a segment is. It is a closed set decided by the
// step's Kind, never by a name from a routine file: a paced phase a person
// calls "settle" or "heat" is still a paced phase.
type SegmentKind int

const (
	SegHold   SegmentKind = iota // a stretch held for a time
	SegHeat                      // the heating pad: real time, not pausable
	SegSwitch                    // the pause to switch sides
	SegRest                      // a rest between reps, or a rest step
	SegPaced                     // one beat of a paced step (Phase names it)
	SegSettle                    // the sleep set-up: waits for the person, then lights out
	// SegReady is the get-ready at the start of a timed stretch step (hold
	// and paced steps): time to get into position before the hold counts.
	// Its Side is the side the step starts with.
	SegReady
)

// Timed reports whether segments of this kind count down. A settle segment
// waits for the person; the last one of a plan may then count a quiet time
// (Options.Settle, its Duration) once the person starts lights out.
func (k SegmentKind) Timed() bool { return k != SegSettle }

// Segment is one timed piece of a plan.
type Segment struct {
	Step     int           // index into Plan.Routine.Steps
	Kind     SegmentKind   // what the segment is; never taken from a name
	Phase    string        // PhaseHeat, PhaseHold, ... or a paced phase name (a label only)
	Side     Side          // NoSide unless the step is per side
	Rep      int           // 1-based; 0 when the segment is not counted (switch, rest, ready)
	Reps     int           // total reps of this side/step; 0 when not counted
	Duration time.Duration // 0 means "waits for the person" (settle); lights out: Options.Settle
	Start    time.Duration // offset from the start of the plan
}

// Options change how a routine expands tonight.
type Options struct {
	HeatMinutes  int  // 0 means the step's own Minutes (or DefaultHeatMinutes)
	Osteoporosis bool // drop steps marked SkipWithOsteoporosis
	// NoHeat leaves the heat step out: heat was used tonight already, or
	// less than 2 hours ago (CONTENT.md section 3).
	NoHeat bool
	// SettleOnly keeps only the settle steps: after a stop for pain the
	// night goes on with the sleep set-up alone (CONTENT.md section 4).
	SettleOnly bool
	// GetReady is the get-ready at the start of every timed stretch step
	// (hold and paced steps, not heat, rest or settle), clamped to
	// 0..MaxGetReady; 0 means none. The app's default is DefaultGetReady,
	// set by the caller.
	GetReady time.Duration
	// Settle is the quiet time of lights out that ends the night by
	// itself, clamped to 0..MaxSettle; it is the Duration of the plan's
	// last segment when that is a settle step. 0 means the settle step
	// waits for the person to finish, as it always did. The app's default
	// is DefaultSettle, set by the caller.
	Settle time.Duration
	// LastSeconds brings back a cue at each of the last seconds of a hold
	// (3, 2, 1). Off by default: the night is quiet for the person beside.
	LastSeconds bool
}

// Plan is a routine expanded into its timeline.
type Plan struct {
	Routine  Routine
	Options  Options
	Segments []Segment
	Total    time.Duration // sum of all segment durations
}
