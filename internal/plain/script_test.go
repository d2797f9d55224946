package plain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
)

const sec = time.Second

// tonightAt is the wall time when a test's fake clock reads 0.
var tonightAt = time.Date(2026, 11, 3, 22, 0, 0, 0, time.Local)

// answeredAt is when the person of most tests answered the precautions
// (no to each): three weeks before, well inside the 90 days, so that an
// evening starts at the check as a returning user's does.
var answeredAt = tonightAt.AddDate(0, 0, -21)

// rollover is the tests' rollover hour, the app's default.
const rollover = 4

// typed is input that arrives when the fake clock reads at (or at once,
// as soon as Run waits, when at has already passed).
type typed struct {
	at   time.Duration
	text string
}

// now is input that arrives as soon as Run waits for anything.
func now(text string) typed { return typed{text: text} }

// Two script items that are not typed: a signal (the context is
// cancelled, as the CLI does on SIGTERM, SIGHUP or SIGINT) and an error
// of the input.
const (
	signalText = "\x00signal"
	failText   = "\x00fail"
)

// signalAt and failAt are a signal and an input error at a moment.
func signalAt(at time.Duration) typed { return typed{at, signalText} }
func failAt(at time.Duration) typed   { return typed{at, failText} }

// errInput is the error failAt gives.
var errInput = errors.New("the input broke")

// scriptWaiter replaces real input and timers: a wait for d moves the fake
// clock on by d unless scripted input comes first, in which case the clock
// moves to that input's moment. A whole routine runs at once, in the same
// order every time.
type scriptWaiter struct {
	t      testing.TB
	clock  *routines.FakeClock
	cancel context.CancelFunc
	script []typed
	tok    tokenizer
	queue  []event
	ended  bool
	failed bool
	waits  int
}

func (w *scriptWaiter) next(ctx context.Context, d time.Duration) (event, bool, error) {
	if w.waits++; w.waits > 100000 {
		w.t.Fatal("Run waited 100000 times: it is stuck in a loop")
	}
	for {
		if err := ctx.Err(); err != nil {
			return event{}, false, err
		}
		if w.failed {
			return event{}, false, errInput
		}
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
		switch item.text {
		case signalText:
			w.cancel()
		case failText:
			w.failed = true
		default:
			w.queue = w.tok.feed([]byte(item.text))
		}
	}
}

// line is one line of output and the fake clock's reading when it was
// written.
type line struct {
	at   time.Duration
	text string
}

// clockWriter keeps the output and when each line of it was written.
type clockWriter struct {
	mu    sync.Mutex
	clock *routines.FakeClock
	b     bytes.Buffer
	lines []line
	part  string
}

func (w *clockWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	w.part += string(p)
	for {
		i := strings.IndexByte(w.part, '\n')
		if i < 0 {
			break
		}
		w.lines = append(w.lines, line{w.clock.Now(), w.part[:i]})
		w.part = w.part[i+1:]
	}
	return len(p), nil
}

// played is one evening played on a fake clock.
type played struct {
	res   Result
	err   error
	out   string
	lines []line
	store *evtest.Store
	clock *routines.FakeClock
}

// lineAt is when the first line equal to text was written.
func (p played) lineAt(t *testing.T, text string) time.Duration {
	t.Helper()
	for _, l := range p.lines {
		if l.text == text {
			return l.at
		}
	}
	t.Fatalf("no line %q in:\n%s", text, p.out)
	return 0
}

// play runs an evening for a returning user (the precautions answered, no
// other history) on a fake clock with scripted input, and returns the
// result and the transcript.
func play(t *testing.T, o Options, script ...typed) (Result, string) {
	t.Helper()
	p := playIn(t, evtest.Answered(answeredAt), o, script...)
	if p.err != nil {
		t.Fatalf("Run: %v\n%s", p.err, p.out)
	}
	return p.res, p.out
}

// playIn runs an evening on the history st (nil: there is none, and the
// evening fails closed; o.Keeper, when set, keeps in st through a test's
// own store) and checks what every evening must hold: the
// output is plain text, and what the history keeps is the record the
// result reports.
func playIn(t *testing.T, st *evtest.Store, o Options, script ...typed) played {
	t.Helper()
	clock, given := o.Clock.(*routines.FakeClock) // a test may want to read it
	if !given {
		clock = routines.NewFakeClock(0)
	}
	out := &clockWriter{clock: clock}
	o.Clock, o.Out = clock, out
	if o.Now == nil {
		o.Now = func() time.Time { return tonightAt.Add(clock.Now()) }
	}
	if o.Evening.Rollover == 0 {
		o.Evening.Rollover = rollover
	}
	var before int
	switch {
	case o.Keeper != nil: // a test's own, over st
	case st != nil:
		o.Keeper = evening.NewKeeper(st, o.Evening.Rollover)
	default:
		o.Keeper = evening.NewKeeper(nil, o.Evening.Rollover)
	}
	if st != nil {
		before = len(st.Sessions())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o.wait = &scriptWaiter{t: t, clock: clock, cancel: cancel, script: script, tok: tokenizer{keys: o.Keys}}
	res, err := Run(ctx, o)
	p := played{res: res, err: err, out: out.b.String(), lines: out.lines, store: st, clock: clock}
	assertClean(t, p.out)
	if st != nil && st.SaveErr == nil {
		sessions := st.Sessions()[before:]
		switch {
		case res.Stored && len(sessions) != 1:
			t.Errorf("a session was begun, and the history keeps %d new ones", len(sessions))
		case !res.Stored && len(sessions) != 0:
			t.Errorf("no session was begun, and the history keeps %d new ones: %+v", len(sessions), sessions)
		case res.Stored:
			if d := evtest.Diff(sessions[0], res.Record, false); d != "" {
				t.Errorf("the history keeps another record than the result's (%s):\n kept  %s\nresult %s", d, showSession(sessions[0]), showSession(res.Record))
			}
		}
	}
	return p
}

func showSession(s history.Session) string {
	return fmt.Sprintf("completed=%q skipped=%q heat=%dmin/%ds from %v before=%s after=%s flag=%s pain=%v/%q partial=%v woke=%s nothing-eased=%s heat-question=%q",
		s.Completed, s.Skipped, s.HeatMinutes, s.HeatSeconds, s.HeatStart.Format("15:04:05"), showInt(s.Before), showInt(s.After),
		s.RedFlag, s.StoppedForPain, s.PainStep, s.Partial, showBool(s.Woke), showBool(s.WokeNothingEases), s.HeatQuestion)
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

// config is an evening for routine r, as the CLI opens one: the routine
// from the check to lights out, check-ins off.
func config(r routines.Routine) evening.Config {
	return evening.Config{Entry: evening.ForRoutine, Routine: r, Rollover: rollover}
}

// withCheckIns is o with the check-ins on.
func withCheckIns(o Options) Options {
	o.Evening.CheckIns = true
	return o
}

// key is an answer of one key: the key alone in key mode, the key and
// enter in line mode.
func key(o Options, k string) string {
	if o.Keys {
		return k
	}
	return k + "\n"
}

// upFront is everything asked before the run, answered at once (at clock
// 0, so that a test's timed script runs from the start of the routine):
// none at the check; with the check-ins on, the "before" skipped and no to
// the waking question; no to tonight's heat question when the routine
// has heat.
func upFront(o Options) []typed {
	s := []typed{now(noneApply)}
	if o.Evening.CheckIns {
		s = append(s, now("\n"), now(key(o, "n")))
	}
	if hasHeat(o.Evening.Routine) {
		s = append(s, now(key(o, "n")))
	}
	return s
}

// ready is upFront followed by the test's own script.
func ready(o Options, script ...typed) []typed { return append(upFront(o), script...) }

func hasHeat(r routines.Routine) bool {
	return slices.ContainsFunc(r.Steps, func(s routines.Step) bool { return s.Kind == routines.KindHeat })
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

func has(out, line string) bool { return slices.Contains(lines(out), line) }

// lastLines are the last n lines of out.
func lastLines(out string, n int) []string {
	ls := lines(out)
	return ls[max(len(ls)-n, 0):]
}

var sideSetup = guide.For(guide.Side)
