package plain

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/routines"
)

const sec = time.Second

// evening is the wall time when a test's fake clock reads 0.
var evening = time.Date(2026, 11, 3, 22, 0, 0, 0, time.Local)

// typed is input that arrives when the fake clock reads at (or at once,
// as soon as Run waits, when at has already passed).
type typed struct {
	at   time.Duration
	text string
}

// now is input that arrives as soon as Run waits for anything.
func now(text string) typed { return typed{text: text} }

// scriptWaiter replaces real input and timers: a wait for d moves the fake
// clock on by d unless scripted input comes first, in which case the clock
// moves to that input's moment. A whole routine runs at once, in the same
// order every time.
type scriptWaiter struct {
	t      testing.TB
	clock  *routines.FakeClock
	script []typed
	tok    tokenizer
	queue  []event
	ended  bool
	waits  int
}

func (w *scriptWaiter) next(ctx context.Context, d time.Duration) (event, bool, error) {
	if w.waits++; w.waits > 100000 {
		w.t.Fatal("Run waited 100000 times: it is stuck in a loop")
	}
	if err := ctx.Err(); err != nil {
		return event{}, false, err
	}
	for {
		if len(w.queue) > 0 {
			ev := w.queue[0]
			w.queue = w.queue[1:]
			return ev, true, nil
		}
		if len(w.script) == 0 {
			if !w.ended {
				w.ended = true
				w.queue = w.tok.flush()
				continue
			}
			if d < 0 {
				return event{kind: evEOF}, true, nil
			}
			w.clock.Advance(d)
			return event{}, false, nil
		}
		item := w.script[0]
		if at := w.clock.Now(); item.at > at {
			if d >= 0 && at+d < item.at {
				w.clock.Advance(d)
				return event{}, false, nil
			}
			w.clock.Set(item.at)
		}
		w.script = w.script[1:]
		w.queue = w.tok.feed([]byte(item.text))
	}
}

// play runs a session on a fake clock with scripted input and returns the
// result and the transcript.
func play(t *testing.T, o Options, script ...typed) (Result, string) {
	t.Helper()
	clock, given := o.Clock.(*routines.FakeClock) // a test may want to read it
	if !given {
		clock = routines.NewFakeClock(0)
	}
	var out bytes.Buffer
	o.Clock, o.Out = clock, &out
	if o.Now == nil {
		o.Now = func() time.Time { return evening.Add(clock.Now()) }
	}
	o.wait = &scriptWaiter{t: t, clock: clock, script: script, tok: tokenizer{keys: o.Keys}}
	res, err := Run(context.Background(), o)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	assertClean(t, out.String())
	return res, out.String()
}

// assertClean fails on anything but text and newlines: plain output has
// no escape sequences, no bells, no carriage returns.
func assertClean(t *testing.T, out string) {
	t.Helper()
	for i, r := range out {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			t.Fatalf("control character %q at byte %d in the output:\n%s", r, i, out)
		}
	}
}

// tonightLike mirrors the built-in "tonight" in Go, so transcripts do not
// change when the routine files are edited.
func tonightLike() routines.Routine {
	return routines.Routine{Name: "tonight", Title: "Tonight", Steps: []routines.Step{
		{Kind: routines.KindHeat, Title: "Heat", Minutes: 15, Cues: []string{"Put the pad against your lower back; never lie on it with your full weight."}},
		{Kind: routines.KindHold, Title: "Knee to chest", Hold: 20 * sec, Reps: 3, PerSide: true, Switch: 5 * sec,
			Cues: []string{"Draw one knee gently toward your chest."}, StopIf: []string{"the pain gets worse"}},
		{Kind: routines.KindPaced, Title: "Pelvic tilts", Reps: 10, Phases: []routines.PacedPhase{
			{Name: "tilt", Duration: 5 * sec, Cue: "Flatten your lower back."},
			{Name: "relax", Duration: 5 * sec, Cue: "Let go."}}},
		{Kind: routines.KindHold, Title: "Knee rolls", Hold: 15 * sec, Reps: 3, PerSide: true, Switch: 5 * sec},
		{Kind: routines.KindSettle, Title: "Settle in", Cues: []string{"Get into your sleep position."}},
	}}
}

// shortRoutine is a few seconds long and has one of each timed kind.
func shortRoutine() routines.Routine {
	return routines.Routine{Name: "short", Title: "Short", Steps: []routines.Step{
		{Kind: routines.KindHold, Title: "Knee to chest", Hold: 12 * sec, Reps: 1, PerSide: true, Switch: 2 * sec},
		{Kind: routines.KindPaced, Title: "Tilts", Reps: 2, Phases: []routines.PacedPhase{
			{Name: "tilt", Duration: 2 * sec}, {Name: "relax", Duration: 2 * sec}}},
		{Kind: routines.KindRest, Title: "Breathe", Duration: 4 * sec},
		{Kind: routines.KindSettle, Title: "Settle in"},
	}}
}

func lines(out string) []string { return strings.Split(strings.TrimSuffix(out, "\n"), "\n") }

func has(out, line string) bool {
	for _, l := range lines(out) {
		if l == line {
			return true
		}
	}
	return false
}

var sideSetup = guide.For(guide.Side)
