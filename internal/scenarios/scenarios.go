// Package scenarios is one table of evenings, in the words of keys and
// minutes, that the full-screen app (package model) and plain mode
// (package plain) both play in their tests: each front end turns the keys
// into its own input, runs the scenario on a fake clock and reports an
// Outcome, which must be the same in both and the one the table expects.
// The night's rules live in package night; this table is how the tests
// hold both front ends to them as a person meets them.
//
// It is test support only: nothing but _test.go files imports it.
package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/routines"
)

// Reasons an evening ended, as Outcome.Reason.
const (
	Finished = "finished" // the routine ran to its end
	Pain     = "pain"     // stopped for pain
	Quit     = "quit"     // left midway (q then y)
	RedFlag  = "red-flag" // the check ended it before the routine
)

// Action is one thing the person does: a key, by its screentest name
// ("enter", "space", "n", "b", "left", "right", "x", "q", "y"), or a wait
// while the clock runs.
type Action struct {
	Key  string
	Wait time.Duration
}

// Keys are key presses, one after another.
func Keys(keys ...string) []Action {
	out := make([]Action, len(keys))
	for i, k := range keys {
		out[i] = Action{Key: k}
	}
	return out
}

// Wait lets d pass.
func Wait(d time.Duration) []Action { return []Action{{Wait: d}} }

// Then joins action lists.
func Then(lists ...[]Action) []Action {
	var out []Action
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// Outcome is what an evening came to, in the terms both front ends share.
type Outcome struct {
	Reason    string   // Finished, Pain, Quit or RedFlag
	Completed []string // step titles, in order
	Skipped   []string // step titles, in order
	// HeatStarted: the pad went on (the session keeps when).
	HeatStarted bool
	// CheckTier is the tier of the last red-flag check stored ("none",
	// "BOOK", "URGENT", "EMERGENCY"); "" when none was stored.
	CheckTier string
	// PadOffLine: the app ended saying "The heating pad may still be on".
	PadOffLine bool
}

func (o Outcome) String() string {
	return fmt.Sprintf("reason %s, completed [%s], skipped [%s], heat started %v, check %q, pad-off line %v",
		o.Reason, strings.Join(o.Completed, ", "), strings.Join(o.Skipped, ", "), o.HeatStarted, o.CheckTier, o.PadOffLine)
}

// Equal compares two outcomes, nil and empty lists alike.
func (o Outcome) Equal(p Outcome) bool {
	return o.Reason == p.Reason && slices.Equal(o.Completed, p.Completed) && slices.Equal(o.Skipped, p.Skipped) &&
		o.HeatStarted == p.HeatStarted && o.CheckTier == p.CheckTier && o.PadOffLine == p.PadOffLine
}

// Scenario is one evening of the built-in "tonight" routine (Heat, Knee to
// chest, Pelvic tilts, Knee rolls, Settle in), with the tightness
// check-ins off and nothing earlier tonight.
type Scenario struct {
	Name string
	// Check are the IDs of the red-flag questions answered yes; none
	// means "none of these apply". Number gives each one's place in the
	// check.
	Check []string
	// GoOn answers BOOK's "go on with tonight's routine?".
	GoOn bool
	// Do is what the person does once the routine is on show.
	Do   []Action
	Want Outcome
}

// Routine is the routine every scenario plays: the built-in "tonight".
func Routine() routines.Routine {
	r, ok := routines.Load("").Find("tonight")
	if !ok {
		panic("the built-in routine \"tonight\" is missing")
	}
	return r
}

// The red-flag questions the table uses, one of each tier.
const (
	SaddleNumbness = "saddle-numbness" // EMERGENCY
	FeverUnwell    = "fever-unwell"    // URGENT
	NoBetter       = "no-better"       // BOOK
)

const (
	heat, knees, tilts, rolls, settle = "Heat", "Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"
	sec                               = time.Second
)

// skipStretches skips the three stretches, one by one.
var skipStretches = Keys("n", "n", "n")

// Table is the scenarios: check outcomes, stops for pain, the ways out of
// heat, and skip and back in the stretches.
func Table() []Scenario {
	return []Scenario{
		{
			Name:  "EMERGENCY check ends before the routine",
			Check: []string{SaddleNumbness},
			Do:    Keys("enter", "n", "y", "space"),
			Want:  Outcome{Reason: RedFlag, CheckTier: "EMERGENCY"},
		},
		{
			Name:  "URGENT check ends before the routine",
			Check: []string{FeverUnwell},
			Do:    Keys("enter", "n", "y", "space"),
			Want:  Outcome{Reason: RedFlag, CheckTier: "URGENT"},
		},
		{
			Name:  "BOOK and no ends at the outcome",
			Check: []string{NoBetter},
			Want:  Outcome{Reason: RedFlag, CheckTier: "BOOK"},
		},
		{
			Name:  "BOOK and yes plays the routine, heat skipped before it starts",
			Check: []string{NoBetter}, GoOn: true,
			Do:   Then(Keys("n"), skipStretches, Keys("enter")),
			Want: Outcome{Reason: Finished, Completed: []string{settle}, Skipped: []string{heat, knees, tilts, rolls}, CheckTier: "BOOK"},
		},
		{
			Name: "pain stop during a stretch",
			Do:   Then(Keys("n"), Wait(10*sec), Keys("x")),
			Want: Outcome{Reason: Pain, Skipped: []string{heat}, CheckTier: "none"},
		},
		{
			Name: "pain stop during heat: the pad goes off first",
			Do:   Then(Keys("enter"), Wait(time.Minute), Keys("x", "n", "space", "b"), Wait(10*sec), Keys("enter")),
			Want: Outcome{Reason: Pain, Skipped: []string{heat}, HeatStarted: true, CheckTier: "none"},
		},
		{
			Name: "pain stop during heat, then leaving with the pad on",
			Do:   Then(Keys("enter"), Wait(time.Minute), Keys("x"), Wait(5*sec), Keys("q", "y")),
			Want: Outcome{Reason: Pain, Skipped: []string{heat}, HeatStarted: true, CheckTier: "none", PadOffLine: true},
		},
		{
			Name: "heat skipped early, pad off, the rest skipped to the end",
			Do:   Then(Keys("enter"), Wait(2*time.Minute), Keys("n"), Wait(5*sec), Keys("space", "right", "n"), Keys("enter"), skipStretches, Keys("enter")),
			Want: Outcome{Reason: Finished, Completed: []string{settle}, Skipped: []string{heat, knees, tilts, rolls}, HeatStarted: true, CheckTier: "none"},
		},
		{
			Name: "heat to its end, pad off, back never re-arms it",
			Do:   Then(Keys("enter"), Wait(15*time.Minute+sec), Keys("enter"), Wait(3*sec), Keys("b", "left"), skipStretches, Keys("enter")),
			Want: Outcome{Reason: Finished, Completed: []string{heat, settle}, Skipped: []string{knees, tilts, rolls}, HeatStarted: true, CheckTier: "none"},
		},
		{
			Name: "quit during heat leaves the pad-off line",
			Do:   Then(Keys("enter"), Wait(time.Minute), Keys("space", "b"), Wait(sec), Keys("q", "y")),
			Want: Outcome{Reason: Quit, Skipped: []string{heat}, HeatStarted: true, CheckTier: "none", PadOffLine: true},
		},
		{
			Name: "quit mid-stretch after heat was said off",
			Do:   Then(Keys("enter"), Wait(time.Minute), Keys("n", "enter"), Wait(5*sec), Keys("q", "y")),
			Want: Outcome{Reason: Quit, Skipped: []string{heat}, HeatStarted: true, CheckTier: "none"},
		},
		{
			Name: "skip and back in the stretches",
			Do:   Then(Keys("n", "n"), Wait(3*sec), Keys("b"), Wait(3*sec), Keys("n", "n"), Wait(3*sec), Keys("left", "n", "n", "enter")),
			Want: Outcome{Reason: Finished, Completed: []string{settle}, Skipped: []string{heat, knees, tilts, rolls}, CheckTier: "none"},
		},
		{
			Name: "a stretch held to its end counts as done",
			Do:   Then(Keys("n"), Wait(4*time.Minute), Keys("n", "n", "n", "enter")),
			Want: Outcome{Reason: Finished, Completed: []string{knees, settle}, Skipped: []string{heat, tilts, rolls}, CheckTier: "none"},
		},
	}
}
