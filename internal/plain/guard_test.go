package plain

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/routines"
)

// fakeGuard records what plain mode asked of the sleep guard, and in which
// order relative to the lines it wrote.
type fakeGuard struct {
	err   error
	clock *routines.FakeClock // when set, each call says when it came
	calls []string
}

func (g *fakeGuard) record(what string) {
	if g.clock != nil {
		what += " at " + g.clock.Now().String()
	}
	g.calls = append(g.calls, what)
}

func (g *fakeGuard) Hold(reason string) error {
	g.record("hold " + reason)
	return g.err
}

func (g *fakeGuard) Release() { g.record("release") }

func TestTheMachineStaysAwakeFromPadOnToPadOff(t *testing.T) {
	clock := routines.NewFakeClock(0)
	g := &fakeGuard{clock: clock}
	o := Options{Evening: config(tonightLike()), Guard: g, Clock: clock}
	_, out := play(t, o, ready(o, now("\n"), typed{15*time.Minute + 5*sec, "\n"}, typed{16 * time.Minute, "q\n"}, now("y\n"))...)
	// One hold when the pad goes on, one release at the pad-off answer,
	// not a minute later when the run ends.
	if want := []string{"hold heating pad on at 0s", "release at 15m5s"}; !slices.Equal(g.calls, want) {
		t.Fatalf("guard calls %q, want %q", g.calls, want)
	}
	if strings.Contains(out, "awake yourself") {
		t.Errorf("a guard that holds printed a warning:\n%s", out)
	}
}

func TestAGuardThatCannotHoldSaysSo(t *testing.T) {
	g := &fakeGuard{err: errors.New("the machine may sleep during heat: systemd-inhibit was not found; keep it awake yourself while the pad is on")}
	o := Options{Evening: config(tonightLike()), Guard: g}
	_, out := play(t, o, ready(o, now("\n"), typed{time.Minute, "q\n"}, now("y\n"))...)
	if !has(out, "The machine may sleep during heat: systemd-inhibit was not found; keep it awake yourself while the pad is on.") {
		t.Errorf("the warning is not a line of its own:\n%s", out)
	}
}

func TestLeavingWithThePadOnReleasesTheGuard(t *testing.T) {
	g := &fakeGuard{}
	o := Options{Evening: config(tonightLike()), Guard: g}
	play(t, o, ready(o, now("\n"), typed{time.Minute, "q\n"}, now("y\n"))...)
	if !slices.Equal(g.calls, []string{"hold heating pad on", "release"}) {
		t.Errorf("guard calls %q, want a hold, then a release as the app closes", g.calls)
	}
}
