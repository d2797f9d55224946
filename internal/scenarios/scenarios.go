// Package scenarios is one table of evenings, in the words of keys and
// minutes, that the full-screen app (package model) and plain mode
// (package plain) both play in their tests. Each front end turns the keys
// into its own input and runs the scenario on a fake clock from the same
// moment; then every field of what it stored (the sessions and the
// red-flag checks) is written out in one canonical text and compared with
// one golden file per scenario, shared by both front ends
// (testdata/<name>.golden here). Both pass only if they stored exactly the
// same thing. The evening's rules live in package evening; this table is
// how the tests hold both front ends to them as a person meets them.
//
// It is test support only: nothing but _test.go files imports it.
package scenarios

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
)

// Start is the moment every scenario begins: both front ends' fake clocks
// read 0 then, and their wall clocks read Start plus the fake clock.
var Start = time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC)

// Action is one thing the person does: a key, by its screentest name
// ("enter", "space", "n", "b", "left", "right", "x", "q", "y", a digit),
// or a wait while the clock runs.
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

// Scenario is one evening of the built-in "tonight" routine (Heat, Knee to
// chest, Pelvic tilts, Knee rolls, Settle in).
type Scenario struct {
	Name string
	// FirstNight: the precautions were never answered: the disclaimer
	// comes first, then the precautions, answered no to each.
	FirstNight bool
	// Earlier is what the history held before the evening (nil: nothing,
	// and the precautions answered three weeks ago, unless FirstNight).
	Earlier func(start time.Time) ([]history.Session, []history.Check)
	// Shortcut is how "anything new?" is answered when the evening offers
	// it: ShortcutNothing (no to each), or ShortcutWoke (no, then yes to
	// "did back pain wake you?", which leads to the full check). "" when
	// the evening asks the full check at once.
	Shortcut string
	// Check are the IDs of the red-flag questions answered yes at the full
	// check; none means "none of these apply".
	Check []string
	// CheckIns turns the tightness check-ins on (off by default, so that
	// the keys of Do reach the routine at once).
	CheckIns bool
	// Settle is the quiet time of lights out (0: settle waits for a key).
	Settle time.Duration
	// Do is what the person does after the check: the keys of the
	// outcome, the check-ins, the questions and the routine, and waits.
	Do []Action
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

const sec = time.Second

// skipStretches skips the three stretches, one by one.
var skipStretches = Keys("n", "n", "n")

// noHeatQuestion answers tonight's heat question no.
var noHeatQuestion = Keys("n")

// Table is the scenarios: check outcomes, stops for pain, the ways out of
// heat, the questions of the evening, and skip and back in the stretches.
func Table() []Scenario {
	return []Scenario{
		{
			Name:  "emergency",
			Check: []string{SaddleNumbness},
			Do:    Keys("n", "y", "space", "s", "enter"),
		},
		{
			Name:  "urgent",
			Check: []string{FeverUnwell},
			Do:    Keys("n", "y", "space", "s", "enter"),
		},
		{
			Name:  "book-no",
			Check: []string{NoBetter},
			Do:    Keys("n"),
		},
		{
			Name:  "book-yes-heat-skipped-before-it-starts",
			Check: []string{NoBetter},
			Do:    Then(Keys("y"), noHeatQuestion, Keys("n"), skipStretches, Keys("enter")),
		},
		{
			Name: "pain-stop-during-a-stretch",
			Do:   Then(noHeatQuestion, Keys("n"), Wait(10*sec), Keys("x")),
		},
		{
			Name: "pain-stop-during-heat-pad-off-first",
			Do:   Then(noHeatQuestion, Keys("enter"), Wait(time.Minute), Keys("x", "n", "space", "b"), Wait(10*sec), Keys("enter")),
		},
		{
			Name: "pain-stop-during-heat-then-leaving-with-the-pad-on",
			Do:   Then(noHeatQuestion, Keys("enter"), Wait(time.Minute), Keys("x"), Wait(5*sec), Keys("q", "y")),
		},
		{
			Name: "heat-ended-early-pad-off-the-rest-skipped",
			Do:   Then(noHeatQuestion, Keys("enter"), Wait(2*time.Minute), Keys("n"), Wait(5*sec), Keys("space", "right", "n"), Keys("enter"), skipStretches, Keys("enter")),
		},
		{
			Name: "heat-to-its-end-back-never-rearms-it",
			Do:   Then(noHeatQuestion, Keys("enter"), Wait(15*time.Minute+sec), Keys("enter"), Wait(3*sec), Keys("b", "left"), skipStretches, Keys("enter")),
		},
		{
			Name: "quit-during-heat-leaves-the-pad-line",
			Do:   Then(noHeatQuestion, Keys("enter"), Wait(time.Minute), Keys("space", "b"), Wait(sec), Keys("q", "enter", "y")),
		},
		{
			Name: "quit-mid-stretch-after-the-pad-was-said-off",
			Do:   Then(noHeatQuestion, Keys("enter"), Wait(time.Minute), Keys("n", "enter"), Wait(5*sec), Keys("q", "y")),
		},
		{
			Name: "skip-and-back-in-the-stretches",
			Do:   Then(noHeatQuestion, Keys("n", "n"), Wait(3*sec), Keys("b"), Wait(3*sec), Keys("n", "n"), Wait(3*sec), Keys("left", "n", "n", "enter")),
		},
		{
			Name: "a-stretch-held-to-its-end",
			Do:   Then(noHeatQuestion, Keys("n"), Wait(4*time.Minute), Keys("n", "n", "n", "enter")),
		},
		{
			Name: "heat-question-yes-no-heat",
			Do:   Then(Keys("y"), skipStretches, Keys("enter")),
		},
		{
			Name: "skin-stop",
			Do:   Then(noHeatQuestion, Keys("enter"), Wait(3*time.Minute), Keys("s"), Wait(20*sec), Keys("enter"), skipStretches, Keys("enter")),
		},
		{
			Name:     "check-ins-woken-eased",
			CheckIns: true,
			Do:       Then(Keys("6", "enter", "y", "y"), noHeatQuestion, Keys("n"), skipStretches, Keys("enter", "3", "enter")),
		},
		{
			Name:     "shortcut-nothing-new",
			Shortcut: ShortcutNothing,
			Earlier:  recentClearCheck,
			Do:       Then(noHeatQuestion, Keys("n"), skipStretches, Keys("enter")),
		},
		{
			Name:     "shortcut-woken-full-check-nothing-eased",
			Shortcut: ShortcutWoke,
			CheckIns: true,
			Earlier:  recentClearCheck,
			Do:       Then(Keys("5", "enter", "n"), noHeatQuestion, Keys("n"), skipStretches, Keys("enter", "enter")),
		},
		{
			Name:     "after-check-in-unanswered-lights-out-by-itself",
			CheckIns: true,
			Settle:   2 * time.Minute,
			Do:       Then(Keys("4", "enter", "n"), noHeatQuestion, Keys("n"), skipStretches, Wait(time.Minute+sec), Wait(2*time.Minute+sec)),
		},
		{
			Name:       "first-night",
			FirstNight: true,
			Do:         Then(noHeatQuestion, Keys("n"), skipStretches, Keys("enter")),
		},
		{
			Name:    "void-from-earlier-shows-the-outcome-again",
			Earlier: emergencyEarlier,
			Do:      Keys("enter"),
		},
		{
			Name:    "pain-stop-earlier-sleep-set-up-only",
			Earlier: painStopEarlier,
			Do:      Keys("enter"),
		},
		{
			Name:     "heat-used-earlier-no-heat",
			Earlier:  heatEarlier,
			Shortcut: ShortcutNothing,
			Do:       Then(skipStretches, Keys("enter")),
		},
	}
}

// How the shortcut is answered (Scenario.Shortcut).
const (
	ShortcutNothing = "nothing"
	ShortcutWoke    = "woke"
)

func recentClearCheck(start time.Time) ([]history.Session, []history.Check) {
	return nil, []history.Check{{At: start.Add(-50 * time.Hour), Tier: history.TierNone, Full: true}}
}

func emergencyEarlier(start time.Time) ([]history.Session, []history.Check) {
	return nil, []history.Check{{At: start.Add(-time.Hour), Tier: history.TierEmergency, Yes: []string{SaddleNumbness}, Full: true}}
}

func painStopEarlier(start time.Time) ([]history.Session, []history.Check) {
	return []history.Session{{Start: start.Add(-90 * time.Minute), End: start.Add(-80 * time.Minute), Routine: "tonight",
			StoppedForPain: true, PainStep: "Knee to chest (left)", RedFlag: history.TierNone, HeatKnown: true}},
		[]history.Check{{At: start.Add(-90 * time.Minute), Tier: history.TierNone, Full: true}}
}

func heatEarlier(start time.Time) ([]history.Session, []history.Check) {
	return []history.Session{{Start: start.Add(-40 * time.Minute), End: start.Add(-20 * time.Minute), Routine: "tonight",
			HeatStart: start.Add(-39 * time.Minute), HeatSeconds: 900, HeatKnown: true, HeatMinutes: 15, RedFlag: history.TierNone,
			Completed: []string{"Heat"}}},
		[]history.Check{{At: start.Add(-40 * time.Minute), Tier: history.TierNone, Full: true}}
}

// Canon writes every field of what an evening stored, in one order and
// one form, so that two front ends' stores compare as text. Sessions and
// checks that were in the history before (Earlier) are left out; times are
// said as the offset from Start.
func Canon(sessions []history.Session, checks []history.Check, p history.Precautions) string {
	var b strings.Builder
	at := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Sub(Start).String()
	}
	pint := func(p *int) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	pbool := func(p *bool) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	ss := slices.Clone(sessions)
	slices.SortStableFunc(ss, func(a, b history.Session) int { return a.Start.Compare(b.Start) })
	for i, s := range ss {
		if s.Start.Before(Start) {
			continue
		}
		fmt.Fprintf(&b, "session %d\n", i+1)
		fmt.Fprintf(&b, "  start %s end %s partial %v\n", at(s.Start), at(s.End), s.Partial)
		fmt.Fprintf(&b, "  routine %q red flag %q\n", s.Routine, s.RedFlag)
		fmt.Fprintf(&b, "  completed %q\n  skipped %q\n", s.Completed, s.Skipped)
		fmt.Fprintf(&b, "  before %s after %s woke %s nothing eased %s\n", pint(s.Before), pint(s.After), pbool(s.Woke), pbool(s.WokeNothingEases))
		fmt.Fprintf(&b, "  heat question %q heat minutes %d heat start %s heat seconds %d known %v\n",
			s.HeatQuestion, s.HeatMinutes, at(s.HeatStart), s.HeatSeconds, s.HeatKnown)
		fmt.Fprintf(&b, "  stopped for pain %v pain step %q skin stop %s\n", s.StoppedForPain, s.PainStep, at(s.SkinStop))
	}
	cs := slices.Clone(checks)
	slices.SortStableFunc(cs, func(a, b history.Check) int { return a.At.Compare(b.At) })
	for _, c := range cs {
		if c.At.Before(Start) {
			continue
		}
		fmt.Fprintf(&b, "check at %s tier %q yes %q full %v version %q\n", at(c.At), c.Tier, c.Yes, c.Full, c.Version)
	}
	if !p.Asked.Before(Start) {
		ids := slices.Sorted(maps.Keys(p.Latest))
		fmt.Fprintf(&b, "precautions at %s:", at(p.Asked))
		for _, id := range ids {
			fmt.Fprintf(&b, " %s=%v", id, p.Latest[id].Yes)
		}
		b.WriteString("\n")
	}
	if b.Len() == 0 {
		return "nothing stored\n"
	}
	return b.String()
}

var update = flag.Bool("scenarios.update", false, "rewrite internal/scenarios/testdata with what the front end stored")

// AssertRecords compares what a front end stored (Canon) and how it ended
// (the pad line said or not) with the scenario's golden file, which both
// front ends share. Run one front end's test with -scenarios.update to
// rewrite it, then the other's without to see that they agree.
func AssertRecords(t *testing.T, name, canon string, padLine bool) {
	t.Helper()
	got := canon + fmt.Sprintf("pad line %v\n", padLine)
	_, file, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(file), "testdata", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden for scenario %s (run with -scenarios.update): %v", name, err)
	}
	if string(want) != got {
		t.Errorf("scenario %s stored something else than the shared golden %s:\n got:\n%s\nwant:\n%s", name, path, got, want)
	}
}
