package routines

import (
	"slices"
	"testing"
	"time"
)

// The get-ready (issue 11, CONTENT.md section 2) starts every hold and
// paced step, never heat, rest or settle; the hold counts after it.
func TestExpandGetReady(t *testing.T) {
	r := Routine{Name: "t", Steps: []Step{
		{Kind: KindHeat, Title: "Heat", Minutes: 15},
		{Kind: KindHold, Title: "Sides", Hold: 20 * sec, Reps: 1, PerSide: true, Switch: 5 * sec},
		{Kind: KindPaced, Title: "Tilts", Reps: 1, Phases: []PacedPhase{{Name: "tilt", Duration: 5 * sec}, {Name: "relax", Duration: 5 * sec}}},
		{Kind: KindRest, Title: "Rest", Duration: 30 * sec},
		{Kind: KindHold, Title: "Reps", Hold: 4 * sec, Reps: 2, Rest: 2 * sec},
		{Kind: KindSettle, Title: "Settle in"},
	}}
	p := Expand(r, Options{GetReady: 5 * sec})
	want := []string{
		"0 heat 15m0s",
		"1 ready left 5s", "1 hold left 1/1 20s", "1 switch 5s", "1 hold right 1/1 20s",
		"2 ready 5s", "2 tilt 1/1 5s", "2 relax 1/1 5s",
		"3 rest 30s",
		"4 ready 5s", "4 hold 1/2 4s", "4 rest 2s", "4 hold 2/2 4s",
		"5 settle 0s",
	}
	if got := brief(p); !slices.Equal(got, want) {
		t.Fatalf("plan:\n got %q\nwant %q", got, want)
	}
	for i, s := range p.Segments {
		if (s.Kind == SegReady) != (s.Phase == PhaseReady) || (s.Kind == SegReady && !s.Kind.Timed()) {
			t.Errorf("segment %d: kind %v phase %q", i, s.Kind, s.Phase)
		}
	}
	if got, want := p.Total, Expand(r, Options{}).Total+15*sec; got != want {
		t.Errorf("total %v, want %v", got, want)
	}
	for _, tc := range []struct{ in, want time.Duration }{
		{0, 0}, {-time.Second, 0}, {30 * sec, 30 * sec}, {31 * sec, MaxGetReady}, {time.Hour, MaxGetReady},
	} {
		p := Expand(r, Options{GetReady: tc.in})
		n := 0
		for _, s := range p.Segments {
			if s.Kind == SegReady {
				n++
				if s.Duration != tc.want {
					t.Errorf("GetReady %v: a get-ready of %v, want %v", tc.in, s.Duration, tc.want)
				}
			}
		}
		if wantN := map[bool]int{true: 0, false: 3}[tc.want == 0]; n != wantN {
			t.Errorf("GetReady %v: %d get-ready segments, want %d", tc.in, n, wantN)
		}
		if p.Options.GetReady != tc.want {
			t.Errorf("GetReady %v: the plan's options say %v", tc.in, p.Options.GetReady)
		}
	}
}

// Lights out: the last settle step gets the quiet time; a settle step in
// the middle always waits.
func TestExpandSettle(t *testing.T) {
	r := Routine{Name: "t", Steps: []Step{
		{Kind: KindSettle, Title: "Water"},
		{Kind: KindRest, Title: "Rest", Duration: 30 * sec},
		{Kind: KindSettle, Title: "Settle in"},
	}}
	for _, tc := range []struct{ in, want time.Duration }{
		{0, 0}, {-time.Minute, 0}, {2 * time.Minute, 2 * time.Minute}, {2 * time.Hour, MaxSettle},
	} {
		p := Expand(r, Options{Settle: tc.in})
		if got := brief(p); !slices.Equal(got, []string{"0 settle 0s", "1 rest 30s", "2 settle " + tc.want.String()}) {
			t.Errorf("Settle %v: %q", tc.in, got)
		}
		if p.Total != 30*sec+tc.want {
			t.Errorf("Settle %v: total %v", tc.in, p.Total)
		}
		if seg, into := p.Locate(10 * time.Minute); seg != 0 || into != 0 {
			t.Errorf("Settle %v: the waiting settle step does not hold the timeline: %d %v", tc.in, seg, into)
		}
	}
	// Nothing after a settle in the middle: no quiet time for a plan that
	// does not end with a settle step.
	p := Expand(Routine{Steps: []Step{{Kind: KindSettle}, {Kind: KindRest, Duration: sec}}}, Options{Settle: time.Minute})
	if p.Segments[0].Duration != 0 || p.Total != sec {
		t.Errorf("a middle settle got a quiet time: %q", brief(p))
	}
}
