package plain

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/figure"
	"github.com/supine-app/supine/internal/routines"
)

// TestEveryPictureIsSaidOnce: plain mode says in words what each of the
// full-screen app's pictures shows, once a picture, in the order they come
// (issue 24): the tilt and the relax once, not on every rep.
func TestEveryPictureIsSaidOnce(t *testing.T) {
	r := tonightLike()
	r.Steps[1].Move = routines.MoveKneeToChest
	r.Steps[2].Move = routines.MovePelvicTilt
	r.Steps[3].Move = routines.MoveKneeRolls
	p := playIn(t, evtest.Answered(answeredAt), withCheckIns(Options{Evening: config(r), Setup: sideSetup}),
		now(noneApply), now("6\n"), now("n\n"), now("n\n"), now("\n"),
		typed{15*time.Minute + 25*sec, "\n"},
		typed{22 * time.Minute, "\n"}, now("4\n"))
	want := []figure.Scene{
		{Pose: figure.KneeToChestLeft}, {Pose: figure.KneeToChestRight},
		{Pose: figure.PelvicTilt}, {Pose: figure.PelvicRelax},
		{Pose: figure.KneeRollLeft}, {Pose: figure.KneeRollRight},
		{Pose: figure.SleepSide},
	}
	var said []string
	for _, l := range lines(p.out) {
		if strings.HasPrefix(l, "Picture: ") {
			said = append(said, l)
		}
	}
	if len(said) != len(want) {
		t.Fatalf("%d picture lines, want %d:\n%s", len(said), len(want), strings.Join(said, "\n"))
	}
	for i, s := range want {
		if said[i] != figure.Words(s) {
			t.Errorf("picture line %d = %q, want %q", i+1, said[i], figure.Words(s))
		}
	}
}
