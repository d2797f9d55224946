package plain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/supine-app/supine/internal/safety"
)

func ptr(v int) *int { return &v }

func TestTonightTranscript(t *testing.T) {
	// Check: none. Before: 6. The pad goes on at once; it goes off 25 s
	// after the heat ends, after two reminders. Settled at 22:00, after: 4.
	res, out := play(t, Options{Routine: tonightLike(), Setup: sideSetup},
		now(noneApply), now("6\n"), now("\n"),
		typed{15*time.Minute + 25*sec, "\n"},
		typed{22 * time.Minute, "\n"}, now("4\n"))
	golden.RequireEqual(t, out)
	want := Result{Before: ptr(6), After: ptr(4), Completed: []int{0, 1, 2, 3, 4}, HeatMins: 15, Reason: Finished}
	assertResult(t, res, want)
}

func TestKeysTranscript(t *testing.T) {
	// Key mode: answers are echoed, space pauses, arrows move, n skips.
	res, out := play(t, Options{Routine: shortRoutine(), Setup: sideSetup, Keys: true},
		now(noneApply),            // check: none
		now("7\x7f5\n"),           // before: 7, rubbed out, 5
		typed{5 * sec, " "},       // pause in the first hold
		typed{65 * sec, " "},      // resume a minute later
		typed{80 * sec, "\x1b[D"}, // left arrow during the second hold: back, the first step again
		typed{81 * sec, "\x1b[C"}, // right arrow: on to the tilts
		typed{83 * sec, "n"},      // skip the tilts
		typed{100 * sec, "\n"},    // settled
		now("\n"))                 // after: skipped
	golden.RequireEqual(t, out)
	want := Result{Before: ptr(5), Completed: []int{2, 3}, Skipped: []int{0, 1}, Reason: Finished}
	assertResult(t, res, want)
}

func assertResult(t *testing.T, got, want Result) {
	t.Helper()
	if got.Tier != want.Tier || got.Reason != want.Reason || got.HeatMins != want.HeatMins ||
		!slices.Equal(got.Completed, want.Completed) || !slices.Equal(got.Skipped, want.Skipped) ||
		!sameInt(got.Before, want.Before) || !sameInt(got.After, want.After) {
		t.Errorf("result:\n got %s\nwant %s", show(got), show(want))
	}
}

func sameInt(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func show(r Result) string {
	n := func(p *int) any {
		if p == nil {
			return "nil"
		}
		return *p
	}
	return fmt.Sprintf("tier=%v reason=%s before=%v after=%v completed=%v skipped=%v heat=%d yes=%q",
		r.Tier, r.Reason, n(r.Before), n(r.After), r.Completed, r.Skipped, r.HeatMins, r.Yes)
}

// answers is what a person types at the grouped check to answer yes to
// the questions ids (none: enter at every group) and confirm it with
// enter: one line a group, the numbers within the group, then enter.
func answers(ids ...string) string {
	var b strings.Builder
	for _, g := range safety.CheckGroups(safety.Asking{}) {
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
