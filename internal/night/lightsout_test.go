package night

import (
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/routines"
)

// The get-ready comes before every timed stretch step and the hold counts
// only after it; it pauses like a stretch, and skip during it skips the
// step. Time is the engine's argument: the test is its own clock.
func TestGetReadyTiming(t *testing.T) {
	const sec = time.Second
	p := routines.Expand(builtin(t, "quick"), routines.Options{GetReady: 5 * sec})

	t.Run("the hold counts after the get-ready", func(t *testing.T) {
		r, ev := New(p, t0)
		st := r.State(t0)
		if st.Segment.Kind != routines.SegReady || st.Mode != Running || st.Left != 5*sec || st.Segment.Side != routines.Left {
			t.Fatalf("start: %+v", st)
		}
		if !hasExactCue(ev, cues.NextStep, "Get ready: knee to chest, left side.") {
			t.Fatalf("start: %s", evString(ev))
		}
		if at, ok := r.Due(t0); !ok || at != t0+sec {
			t.Fatalf("due %v %v", at, ok)
		}
		if ev := r.Tick(t0 + 5*sec - time.Millisecond); len(ev) != 0 || r.State(t0+5*sec).Segment.Kind != routines.SegReady {
			t.Fatalf("before the get-ready is over: %s", evString(ev))
		}
		ev = r.Tick(t0 + 5*sec)
		st = r.State(t0 + 5*sec)
		if st.Segment.Kind != routines.SegHold || st.Left != 20*sec || !hasExactCue(ev, cues.Phase, "Hold 20 seconds.") {
			t.Fatalf("after the get-ready: %+v %s", st, evString(ev))
		}
		if r.Tick(t0 + 25*sec - time.Millisecond); r.State(t0+25*sec).Segment.Kind != routines.SegHold {
			t.Fatalf("the hold ended before its 20 s after the get-ready")
		}
		if r.Tick(t0 + 25*sec); r.State(t0+25*sec).Segment.Kind != routines.SegSwitch {
			t.Fatalf("the hold did not end 20 s after the get-ready")
		}
	})

	t.Run("pause during the get-ready", func(t *testing.T) {
		r, _ := New(p, t0)
		r.Do(TogglePause, t0+2*sec)
		if ev := r.Tick(t0 + time.Hour); len(ev) != 0 || r.Mode() != Paused || r.State(t0+time.Hour).Left != 3*sec {
			t.Fatalf("paused an hour: mode %d %+v", r.Mode(), r.State(t0+time.Hour))
		}
		if _, ok := r.Due(t0 + time.Hour); ok {
			t.Fatalf("a paused get-ready asks for a tick")
		}
		r.Do(TogglePause, t0+time.Hour)
		r.Tick(t0 + time.Hour + 3*sec - time.Millisecond)
		if st := r.State(t0 + time.Hour + 3*sec); st.Segment.Kind != routines.SegReady {
			t.Fatalf("the get-ready lost its paused time: %+v", st)
		}
		r.Tick(t0 + time.Hour + 3*sec)
		if st := r.State(t0 + time.Hour + 3*sec); st.Segment.Kind != routines.SegHold || st.Left != 20*sec {
			t.Fatalf("after the paused get-ready: %+v", st)
		}
	})

	t.Run("skip during the get-ready skips the step", func(t *testing.T) {
		r, _ := New(p, t0)
		ev := r.Do(Skip, t0+2*sec)
		st := r.State(t0 + 2*sec)
		if len(st.Skipped) != 1 || st.Skipped[0] != 0 || st.Segment.Step != 1 || st.Segment.Kind != routines.SegReady {
			t.Fatalf("after skip: %+v", st)
		}
		want := "Get ready: pelvic tilts."
		if !hasExactCue(ev, cues.NextStep, want) || !ev[len(ev)-1].ByKey {
			t.Fatalf("after skip: %s", evString(ev))
		}
		// The tilts' get-ready, then one cue per rep at tilt, with its
		// phase; the first says how the rhythm goes.
		ev = r.Tick(t0 + 7*sec)
		if !hasExactCue(ev, cues.Phase, "Tilt on each tone, for a slow count of five; then relax.") || ev[len(ev)-1].Phase != "tilt" {
			t.Fatalf("first tilt: %s", evString(ev))
		}
		if ev := r.Tick(t0 + 12*sec); hasKind(ev, Cue) || !hasKind(ev, Entered) || ev[0].Phase != "relax" {
			t.Fatalf("relax cued: %s", evString(ev))
		}
	})

	t.Run("the get-ready after the pad-off answer and after back", func(t *testing.T) {
		tp := routines.Expand(builtin(t, "tonight"), routines.Options{GetReady: 5 * sec})
		r, ev := New(tp, t0)
		if hasKind(ev, Cue) {
			t.Fatalf("heat cued at the start: %s", evString(ev))
		}
		r.Do(StartHeat, t0)
		r.Tick(t0 + 15*time.Minute)
		off := t0 + 15*time.Minute + 4*sec
		ev = r.Do(PadIsOff, off)
		if !hasExactCue(ev, cues.NextStep, "Get ready: knee to chest, left side.") || r.State(off).Left != 5*sec {
			t.Fatalf("after the pad-off answer: %s", evString(ev))
		}
		r.Tick(off + 5*sec)
		ev = r.Do(Back, off+10*sec) // 10 s into the step: restart it
		if st := r.State(off + 10*sec); st.Segment.Kind != routines.SegReady || st.Left != 5*sec || !hasExactCue(ev, cues.NextStep, "Get ready: knee to chest, left side.") {
			t.Fatalf("after back: %+v %s", st, evString(ev))
		}
	})
}

// Lights out: the settle step waits for the "after" check-in, StartSettle
// starts the quiet time with one cue, and it ends by itself, Finished and
// silent; any key (Finish) ends it at once.
func TestLightsOut(t *testing.T) {
	const quiet = 2 * time.Minute
	p := routines.Expand(builtin(t, "quick"), routines.Options{SettleOnly: true, Settle: quiet})
	if len(p.Segments) != 1 || p.Segments[0].Duration != quiet {
		t.Fatalf("plan %+v", p.Segments)
	}

	t.Run("ends by itself, Finished, in silence", func(t *testing.T) {
		r, ev := New(p, t0)
		if r.Mode() != Settle || hasKind(ev, Cue) {
			t.Fatalf("start: mode %d %s", r.Mode(), evString(ev))
		}
		if ev := r.Tick(t0 + time.Hour); len(ev) != 0 || r.Mode() != Settle {
			t.Fatalf("the settle step did not wait for the person: %s", evString(ev))
		}
		start := t0 + time.Hour
		ev = r.Do(StartSettle, start)
		st := r.State(start)
		if !hasExactCue(ev, cues.Done, LightsOutWords) || st.Mode != Running || !st.LightsOut || st.Left != quiet {
			t.Fatalf("StartSettle: %+v %s", st, evString(ev))
		}
		if at, ok := r.Due(start); !ok || at != start+time.Second {
			t.Fatalf("due %v %v", at, ok)
		}
		var heard []Event
		now := start
		for r.Mode() != Ended && now < start+time.Hour {
			at, _ := r.Due(now)
			now = at
			for _, e := range r.Tick(now) {
				if e.Kind == Cue {
					heard = append(heard, e)
				}
			}
		}
		st = r.State(now)
		if st.Mode != Ended || st.Reason != Finished || now != start+quiet || len(st.Completed) != 1 {
			t.Fatalf("at %v: %+v", now-start, st)
		}
		if len(heard) > 0 {
			t.Fatalf("lights out sounded %s", evString(heard))
		}
	})

	t.Run("any key ends it at once", func(t *testing.T) {
		for _, c := range []Command{Finish, Skip} {
			r, _ := New(p, t0)
			r.Do(StartSettle, t0)
			ev := r.Do(c, t0+10*time.Second)
			if st := r.State(t0 + 10*time.Second); st.Mode != Ended || st.Reason != Finished || len(st.Completed) != 1 || !hasKind(ev, RunEnded) || hasKind(ev, Cue) {
				t.Errorf("%s during lights out: %+v %s", cmdName(c), st, evString(ev))
			}
		}
	})

	t.Run("after the stretches", func(t *testing.T) {
		q := routines.Expand(builtin(t, "quick"), routines.Options{GetReady: 5 * time.Second, Settle: quiet})
		r, _ := New(q, t0)
		now := t0
		var last []Event
		for r.Mode() == Running {
			at, _ := r.Due(now)
			now = at
			last = r.Tick(now)
		}
		if r.Mode() != Settle || !hasExactCue(last, cues.Done, "Stretches done. Settle into your sleep position.") {
			t.Fatalf("after the stretches: mode %d %s", r.Mode(), evString(last))
		}
		r.Do(StartSettle, now+30*time.Second)
		if r.Tick(now + 30*time.Second + quiet); r.State(now).Reason != Finished {
			t.Fatalf("not finished: %+v", r.State(now))
		}
	})

	t.Run("at once: one cue says the stretches are done and lights out", func(t *testing.T) {
		q := routines.Expand(builtin(t, "quick"), routines.Options{GetReady: 5 * time.Second, Settle: quiet, LightsOutAtOnce: true})
		r, _ := New(q, t0)
		now := t0
		var last []Event
		for r.Mode() == Running && !r.State(now).LightsOut {
			at, _ := r.Due(now)
			now = at
			last = r.Tick(now)
		}
		st := r.State(now)
		var said []Event
		for _, e := range last {
			if e.Kind == Cue {
				said = append(said, e)
			}
		}
		if !st.LightsOut || st.Left != quiet || len(said) != 1 || !said[0].LightsOut || said[0].Cue != cues.Done || said[0].Words != LightsOutAtOnceWords {
			t.Fatalf("after the stretches: %+v %s", st, evString(last))
		}
		if ev := r.Do(StartSettle, now); !hasRefusedWords(ev) {
			t.Errorf("StartSettle during lights out: %s", evString(ev))
		}
		if r.Tick(now + quiet); r.State(now+quiet).Reason != Finished {
			t.Fatalf("not finished: %+v", r.State(now+quiet))
		}
	})

	t.Run("at once by a key: lights out alone, for the key's arrival is silent", func(t *testing.T) {
		q := routines.Expand(builtin(t, "quick"), routines.Options{Settle: quiet, LightsOutAtOnce: true})
		r, _ := New(q, t0)
		last := q.Segments[len(q.Segments)-1]
		var ev []Event
		for i := 0; r.State(t0).Seg != len(q.Segments)-1 && i < 100; i++ {
			ev = r.Do(Skip, t0)
		}
		st := r.State(t0)
		if !st.LightsOut || st.Segment.Step != last.Step || !hasExactCue(ev, cues.Done, LightsOutWords) || hasWords(ev, "Stretches done") {
			t.Fatalf("skipped to the sleep set-up: %+v %s", st, evString(ev))
		}
	})

	t.Run("with no quiet time the settle step waits, as before", func(t *testing.T) {
		r, _ := New(routines.Expand(builtin(t, "quick"), routines.Options{SettleOnly: true}), t0)
		if ev := r.Do(StartSettle, t0); !hasRefusedWords(ev) || r.Mode() != Settle {
			t.Fatalf("StartSettle with no quiet time: %s", evString(ev))
		}
		if r.Do(Finish, t0+time.Second); r.State(t0).Reason != Finished {
			t.Fatalf("Finish: %+v", r.State(t0))
		}
	})
}
