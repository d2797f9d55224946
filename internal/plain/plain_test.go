package plain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/safety"
)

func ptr(v int) *int { return &v }

func yes() *bool { v := true; return &v }
func no() *bool  { v := false; return &v }

func TestTonightTranscript(t *testing.T) {
	// Check: none. Before: 6, not woken by pain. No alcohol or strong
	// painkiller. The pad goes on at once; it goes off 25 s after the heat
	// ends, after two reminders. Settled at 22:00, after: 4.
	o := withCheckIns(Options{Evening: config(tonightLike()), Setup: sideSetup})
	res, out := play(t, o,
		now(noneApply), now("6\n"), now("n\n"), now("n\n"), now("\n"),
		typed{15*time.Minute + 25*sec, "\n"},
		typed{22 * time.Minute, "\n"}, now("4\n"))
	golden.RequireEqual(t, out)
	assertRecord(t, res, want{End: evening.Finished, RedFlag: "none",
		Completed:   []string{"Heat", "Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"},
		HeatMinutes: 15, HeatSeconds: 15*60 + 25, HeatOn: true, Before: ptr(6), After: ptr(4),
		Woke: no(), HeatQuestion: "no"})
}

func TestKeysTranscript(t *testing.T) {
	// Key mode: answers are echoed, space pauses, arrows move, n skips.
	o := withCheckIns(Options{Evening: config(shortRoutine()), Setup: sideSetup, Keys: true})
	res, out := play(t, o,
		now(noneApply),            // check: none
		now("7\x7f5\n"),           // before: 7, rubbed out, 5
		now("n"),                  // not woken by pain
		typed{5 * sec, " "},       // pause in the first hold
		typed{65 * sec, " "},      // resume a minute later
		typed{80 * sec, "\x1b[D"}, // left arrow during the second hold: back, the first step again
		typed{81 * sec, "\x1b[C"}, // right arrow: on to the tilts
		typed{83 * sec, "n"},      // skip the tilts
		typed{100 * sec, "\n"},    // settled
		now("\n"))                 // after: skipped
	golden.RequireEqual(t, out)
	assertRecord(t, res, want{End: evening.Finished, RedFlag: "none",
		Completed: []string{"Breathe", "Settle in"}, Skipped: []string{"Knee to chest", "Tilts"},
		Before: ptr(5), Woke: no()})
}

// want is what a test expects of an evening: how it ended and the fields
// of the record it kept that say what the night was.
type want struct {
	End                      evening.End
	RedFlag                  string
	Completed, Skipped       []string
	HeatMinutes, HeatSeconds int
	HeatOn                   bool // the pad went on: HeatStart is set
	Before, After            *int
	Woke, NothingEased       *bool
	HeatQuestion             string
	StoppedForPain           bool
	PainStep                 string
	Partial                  bool
}

func wantOf(r Result) want {
	rec := r.Record
	return want{End: r.End, RedFlag: rec.RedFlag, Completed: rec.Completed, Skipped: rec.Skipped,
		HeatMinutes: rec.HeatMinutes, HeatSeconds: rec.HeatSeconds, HeatOn: !rec.HeatStart.IsZero(),
		Before: rec.Before, After: rec.After, Woke: rec.Woke, NothingEased: rec.WokeNothingEases,
		HeatQuestion: rec.HeatQuestion, StoppedForPain: rec.StoppedForPain, PainStep: rec.PainStep, Partial: rec.Partial}
}

func (w want) equal(v want) bool {
	return w.End == v.End && w.RedFlag == v.RedFlag && slices.Equal(w.Completed, v.Completed) &&
		slices.Equal(w.Skipped, v.Skipped) && w.HeatMinutes == v.HeatMinutes && w.HeatSeconds == v.HeatSeconds &&
		w.HeatOn == v.HeatOn && sameInt(w.Before, v.Before) && sameInt(w.After, v.After) &&
		sameBool(w.Woke, v.Woke) && sameBool(w.NothingEased, v.NothingEased) && w.HeatQuestion == v.HeatQuestion &&
		w.StoppedForPain == v.StoppedForPain && w.PainStep == v.PainStep && w.Partial == v.Partial
}

func (w want) String() string {
	return fmt.Sprintf("end=%s flag=%s completed=%q skipped=%q heat=%dmin/%ds on=%v before=%s after=%s woke=%s nothing-eased=%s heat-question=%q pain=%v/%q partial=%v",
		endName(w.End), w.RedFlag, w.Completed, w.Skipped, w.HeatMinutes, w.HeatSeconds, w.HeatOn, showInt(w.Before), showInt(w.After),
		showBool(w.Woke), showBool(w.NothingEased), w.HeatQuestion, w.StoppedForPain, w.PainStep, w.Partial)
}

// assertRecord compares how the evening ended and what it kept with w.
func assertRecord(t *testing.T, res Result, w want) {
	t.Helper()
	if got := wantOf(res); !got.equal(w) {
		t.Errorf("result:\n got %s\nwant %s", got, w)
	}
}

func endName(e evening.End) string {
	return [...]string{"not ended", "finished", "pain", "red flag", "left", "checked only", "void again"}[e]
}

func sameInt(a, b *int) bool   { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
func sameBool(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func showInt(p *int) string {
	if p == nil {
		return "nil"
	}
	return strconv.Itoa(*p)
}

func showBool(p *bool) string {
	if p == nil {
		return "nil"
	}
	return strconv.FormatBool(*p)
}

// answers is what a person types at the grouped check to answer yes to
// the questions ids (none: enter at every group) and confirm it with
// enter: one line a group, the numbers within the group, then enter.
func answers(ids ...string) string {
	var b strings.Builder
	for _, g := range safety.Groups() {
		var nums []string
		for j, q := range g.Questions {
			if slices.Contains(ids, q.ID) {
				nums = append(nums, strconv.Itoa(j+1))
			}
		}
		b.WriteString(strings.Join(nums, " ") + "\n")
	}
	return b.String() + "\n"
}

// noneApply is enter at every group of the check, and enter to confirm.
var noneApply = answers()

// firstOf is the ID of the first question of tier t, so tests do not
// hard-code the check's order.
func firstOf(t *testing.T, tier safety.Tier) string {
	t.Helper()
	for _, q := range safety.Questions() {
		if q.Tier == tier {
			return q.ID
		}
	}
	t.Fatalf("no question of tier %v", tier)
	return ""
}
