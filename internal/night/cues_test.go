package night

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/routines"
)

// The cue rules, stated once as a table of what a run sounds and when, for
// a person who follows it to the second (the design is cueAt's doc comment):
// a get-ready always cues, by the clock or by a key; the other arrivals by
// a key do not (the first step, and the step after the pad-off answer, come
// on by a key); a switch cues once, and the hold after it does not; a paced
// step cues at the first phase of each rep only; no cue counts the last
// seconds of a hold; lights out once at its start and never at its end.
func TestCuesOfARun(t *testing.T) {
	const sec = time.Second
	var (
		heat     = routines.Step{Kind: routines.KindHeat, Title: "Heat", Minutes: 15}
		sides    = routines.Step{Kind: routines.KindHold, Title: "Knee to chest", Hold: 20 * sec, Reps: 2, PerSide: true, Switch: 5 * sec}
		noSwitch = routines.Step{Kind: routines.KindHold, Title: "Rolls", Hold: 10 * sec, Reps: 1, PerSide: true}
		paced    = routines.Step{Kind: routines.KindPaced, Title: "Tilts", Reps: 2, Phases: []routines.PacedPhase{{Name: "tilt", Duration: 5 * sec}, {Name: "relax", Duration: 5 * sec}}}
		rested   = routines.Step{Kind: routines.KindHold, Title: "Hold", Hold: 4 * sec, Reps: 2, Rest: 6 * sec}
		reps     = routines.Step{Kind: routines.KindHold, Title: "Reps", Hold: 4 * sec, Reps: 3}
		short    = routines.Step{Kind: routines.KindHold, Title: "Short", Hold: 2 * sec}
		rest     = routines.Step{Kind: routines.KindRest, Title: "Rest", Duration: 30 * sec}
		water    = routines.Step{Kind: routines.KindSettle, Title: "Water"}
		settle   = routines.Step{Kind: routines.KindSettle, Title: "Settle in"}
	)
	ready := routines.Options{GetReady: 5 * sec}
	tests := []struct {
		name  string
		steps []routines.Step
		opts  routines.Options
		want  []string
	}{
		{"heat then settle: heat done, then settle by the pad-off answer", []routines.Step{heat, settle}, routines.Options{},
			[]string{"15m0s heat_done 0"}},
		{"heat, then the get-ready that the pad-off answer brings cues", []routines.Step{heat, short}, ready,
			[]string{"15m0s heat_done 0", "15m0s next_step 1", "15m5s phase 2", "15m7s done 2"}},
		{"per-side hold with get-ready: the step, the first hold, each switch once, no hold again", []routines.Step{sides}, ready,
			[]string{"0s next_step 0", "5s phase 1", "25s switch_sides 2", "50s switch_sides 4", "1m15s switch_sides 6", "1m40s done 7"}},
		{"per-side hold without switch time: switch sides at the change of side", []routines.Step{noSwitch, settle}, routines.Options{},
			[]string{"10s switch_sides 1", "20s done 2"}},
		{"paced: one cue per rep at its first phase, none at the others", []routines.Step{paced, settle}, routines.Options{},
			[]string{"10s phase 2", "20s done 4"}},
		{"paced with get-ready and lights out: the rhythm, each tilt, done, lights out, silence at its end", []routines.Step{paced, settle},
			routines.Options{GetReady: 5 * sec, Settle: 2 * time.Minute},
			[]string{"0s next_step 0", "5s phase 1", "15s phase 3", "25s done 5", "25s done 5 key"}},
		{"lights out at once (no after check-in): one cue for done and lights out, by the clock", []routines.Step{paced, settle},
			routines.Options{GetReady: 5 * sec, Settle: 2 * time.Minute, LightsOutAtOnce: true},
			[]string{"0s next_step 0", "5s phase 1", "15s phase 3", "25s done 5"}},
		{"hold with rest between reps: rest, then hold again", []routines.Step{rested}, routines.Options{},
			[]string{"4s phase 1", "10s phase 2", "14s done 2"}},
		{"reps of a hold that is not per side: each new hold cues", []routines.Step{reps}, ready,
			[]string{"0s next_step 0", "5s phase 1", "9s phase 2", "13s phase 3", "17s done 3"}},
		{"a new step with no get-ready (a rest step) cues next step", []routines.Step{short, rest, settle}, routines.Options{},
			[]string{"2s next_step 1", "32s done 2"}},
		{"no get-ready for rest and settle steps; a settle in the middle is a next step, not done", []routines.Step{rest, water, short}, ready,
			[]string{"30s next_step 1", "30s next_step 2", "35s phase 3", "37s done 3"}},
		{"empty plan: nothing", nil, routines.Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := routines.Expand(routines.Routine{Name: "t", Steps: tt.steps}, tt.opts)
			if got := cuesFollowed(p); !slices.Equal(got, tt.want) {
				t.Errorf("cues:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// cuesFollowed runs p as a person who answers at once would (follow) and
// lists its cues as "offset kind segment", with " key" when a key brought a
// cue other than a get-ready (reminders left out: the pad-off answer comes
// at once). The run must end Finished.
func cuesFollowed(p routines.Plan) []string {
	var out []string
	end, ok := follow(p, func(r *Run, now time.Duration, ev []Event) {
		for _, e := range ev {
			if e.Kind == Cue && !e.Reminder {
				s := fmt.Sprintf("%v %v %d", now, e.Cue, e.Seg)
				if e.ByKey && r.plan.Segments[e.Seg].Kind != routines.SegReady {
					s += " key"
				}
				out = append(out, s)
			}
		}
	})
	if !ok {
		return append(out, "stuck")
	}
	if end.Mode != Ended || end.Reason != Finished {
		return append(out, fmt.Sprintf("ended %d reason %d", end.Mode, end.Reason))
	}
	return out
}

// follow runs p as a person who answers at once would, ticking at exactly
// the moments the run asks for and starting lights out when there is a
// quiet time, and hands note every batch of events with the clock time it
// came at. It returns the final state; false when the run got stuck.
func follow(p routines.Plan, note func(r *Run, now time.Duration, ev []Event)) (State, bool) {
	now := time.Duration(0)
	r, first := New(p, now)
	note(r, now, first)
	for i := 0; r.Mode() != Ended && i < 10000; i++ {
		switch r.Mode() {
		case Ready:
			note(r, now, r.Do(StartHeat, now))
		case PadOff:
			note(r, now, r.Do(PadIsOff, now))
		case Settle:
			if r.State(now).Segment.Duration > 0 {
				note(r, now, r.Do(StartSettle, now))
			} else {
				note(r, now, r.Do(Finish, now))
			}
		default:
			at, ok := r.Due(now)
			if !ok {
				return r.State(now), false
			}
			now = at
			note(r, now, r.Tick(now))
		}
	}
	return r.State(now), true
}
