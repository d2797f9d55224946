package night

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/supine-app/supine/routines"
)

// The cue rules, stated once as a table of what a run sounds and when, for
// a person who follows it to the second: the clock's arrivals cue, the
// person's own keys do not (the first step, and the step after the pad-off
// answer, come on by a key).
func TestCuesOfARun(t *testing.T) {
	const sec = time.Second
	var (
		heat     = routines.Step{Kind: routines.KindHeat, Title: "Heat", Minutes: 15}
		sides    = routines.Step{Kind: routines.KindHold, Title: "Knee to chest", Hold: 20 * sec, Reps: 2, PerSide: true, Switch: 5 * sec}
		noSwitch = routines.Step{Kind: routines.KindHold, Title: "Rolls", Hold: 10 * sec, Reps: 1, PerSide: true}
		paced    = routines.Step{Kind: routines.KindPaced, Title: "Tilts", Reps: 2, Phases: []routines.PacedPhase{{Name: "tilt", Duration: 5 * sec}, {Name: "relax", Duration: 5 * sec}}}
		rested   = routines.Step{Kind: routines.KindHold, Title: "Hold", Hold: 4 * sec, Reps: 2, Rest: 6 * sec}
		short    = routines.Step{Kind: routines.KindHold, Title: "Short", Hold: 2 * sec}
		rest     = routines.Step{Kind: routines.KindRest, Title: "Rest", Duration: 30 * sec}
		settle   = routines.Step{Kind: routines.KindSettle, Title: "Settle in"}
	)
	tests := []struct {
		name  string
		steps []routines.Step
		want  []string
	}{
		{"heat then settle: heat done, then settle by the pad-off answer", []routines.Step{heat, settle},
			[]string{"15m0s heat_done 0"}},
		{"per-side hold with switch time: switch at each switch segment, hold again after it, last seconds on holds only", []routines.Step{sides},
			[]string{
				"17s last_seconds 0", "18s last_seconds 0", "19s last_seconds 0",
				"20s switch_sides 1", "25s phase 2",
				"42s last_seconds 2", "43s last_seconds 2", "44s last_seconds 2",
				"45s switch_sides 3", "50s phase 4",
				"1m7s last_seconds 4", "1m8s last_seconds 4", "1m9s last_seconds 4",
				"1m10s switch_sides 5", "1m15s phase 6",
				"1m32s last_seconds 6", "1m33s last_seconds 6", "1m34s last_seconds 6",
				"1m35s done 6",
			}},
		{"per-side hold without switch time: switch sides at the change of side", []routines.Step{noSwitch, settle},
			[]string{
				"7s last_seconds 0", "8s last_seconds 0", "9s last_seconds 0",
				"10s switch_sides 1", "17s last_seconds 1", "18s last_seconds 1", "19s last_seconds 1",
				"20s done 2",
			}},
		{"paced: phase at every change inside the step, no last seconds", []routines.Step{paced, settle},
			[]string{"5s phase 1", "10s phase 2", "15s phase 3", "20s done 4"}},
		{"hold with rest between reps: last seconds on each hold", []routines.Step{rested},
			[]string{
				"1s last_seconds 0", "2s last_seconds 0", "3s last_seconds 0",
				"10s phase 2", "11s last_seconds 2", "12s last_seconds 2", "13s last_seconds 2",
				"14s done 2",
			}},
		{"a hold shorter than 3 s gets only the seconds it has", []routines.Step{short, rest, settle},
			[]string{"1s last_seconds 0", "2s next_step 1", "32s done 2"}},
		{"empty plan: nothing", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := routines.Expand(routines.Routine{Name: "t", Steps: tt.steps}, routines.Options{})
			if got := cuesFollowed(p); !slices.Equal(got, tt.want) {
				t.Errorf("cues:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// cuesFollowed runs p as a person who answers at once would, ticking at
// exactly the moments the run asks for, and lists its cues as "offset kind
// segment" (reminders left out: the pad-off answer comes at once).
func cuesFollowed(p routines.Plan) []string {
	var out []string
	now := time.Duration(0)
	r, _ := New(p, now)
	note := func(ev []Event) {
		for _, e := range ev {
			if e.Kind == Cue && !e.Reminder {
				out = append(out, fmt.Sprintf("%v %v %d", now, e.Cue, e.Seg))
			}
		}
	}
	for i := 0; r.Mode() != Ended && i < 10000; i++ {
		switch r.Mode() {
		case Ready:
			note(r.Do(StartHeat, now))
		case PadOff:
			note(r.Do(PadIsOff, now))
		case Settle:
			note(r.Do(Finish, now))
		default:
			at, ok := r.Due(now)
			if !ok {
				return append(out, "stuck")
			}
			now = at
			note(r.Tick(now))
		}
	}
	return out
}
