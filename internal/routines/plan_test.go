package routines

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const sec = time.Second

// tonightLike mirrors the built-in "tonight" routine in Go, so plan tests do
// not depend on the routine files.
func tonightLike() Routine {
	return Routine{Name: "t", Title: "T", Steps: []Step{
		{Kind: KindHeat, Title: "Heat", Minutes: 15},
		{Kind: KindHold, Title: "Knee to chest", Hold: 20 * sec, Reps: 3, PerSide: true, Switch: 5 * sec, SkipWithOsteoporosis: true},
		{Kind: KindPaced, Title: "Pelvic tilts", Reps: 10, Phases: []PacedPhase{{Name: "tilt", Duration: 5 * sec}, {Name: "relax", Duration: 5 * sec}}},
		{Kind: KindHold, Title: "Knee rolls", Hold: 15 * sec, Reps: 3, PerSide: true, Switch: 5 * sec},
		{Kind: KindSettle, Title: "Settle in"},
	}}
}

// brief writes a plan as one compact line per segment: step, phase, side,
// rep/reps, duration. Tables compare these strings.
func brief(p Plan) []string {
	var out []string
	for _, s := range p.Segments {
		line := fmt.Sprintf("%d %s", s.Step, s.Phase)
		if s.Side != NoSide {
			line += " " + s.Side.String()
		}
		if s.Rep != 0 {
			line += fmt.Sprintf(" %d/%d", s.Rep, s.Reps)
		}
		out = append(out, line+" "+s.Duration.String())
	}
	return out
}

func TestExpand(t *testing.T) {
	tests := []struct {
		name  string
		steps []Step
		opts  Options
		want  []string
		total time.Duration
	}{
		{
			name:  "heat uses the step's minutes",
			steps: []Step{{Kind: KindHeat, Minutes: 17}},
			want:  []string{"0 heat 17m0s"},
			total: 17 * time.Minute,
		},
		{
			name:  "heat without minutes uses the default",
			steps: []Step{{Kind: KindHeat}},
			want:  []string{"0 heat 15m0s"},
			total: 15 * time.Minute,
		},
		{
			name:  "options override the step's heat minutes",
			steps: []Step{{Kind: KindHeat, Minutes: 15}},
			opts:  Options{HeatMinutes: 19},
			want:  []string{"0 heat 19m0s"},
			total: 19 * time.Minute,
		},
		{
			name:  "heat over 20 minutes is clamped to 20",
			steps: []Step{{Kind: KindHeat, Minutes: 15}},
			opts:  Options{HeatMinutes: 45},
			want:  []string{"0 heat 20m0s"},
			total: 20 * time.Minute,
		},
		{
			name:  "heat under 15 minutes is clamped to 15",
			steps: []Step{{Kind: KindHeat, Minutes: 5}},
			want:  []string{"0 heat 15m0s"},
			total: 15 * time.Minute,
		},
		{
			name:  "per-side hold alternates sides with a switch at every change",
			steps: []Step{{Kind: KindHold, Hold: 20 * sec, Reps: 2, PerSide: true, Switch: 5 * sec}},
			want: []string{
				"0 hold left 1/2 20s", "0 switch 5s", "0 hold right 1/2 20s", "0 switch 5s",
				"0 hold left 2/2 20s", "0 switch 5s", "0 hold right 2/2 20s",
			},
			total: 95 * sec,
		},
		{
			name:  "per-side hold without a switch time has no switch segments",
			steps: []Step{{Kind: KindHold, Hold: 10 * sec, Reps: 1, PerSide: true}},
			want:  []string{"0 hold left 1/1 10s", "0 hold right 1/1 10s"},
			total: 20 * sec,
		},
		{
			name:  "hold not per side rests between reps only",
			steps: []Step{{Kind: KindHold, Hold: 10 * sec, Reps: 3, Rest: 4 * sec}},
			want:  []string{"0 hold 1/3 10s", "0 rest 4s", "0 hold 2/3 10s", "0 rest 4s", "0 hold 3/3 10s"},
			total: 38 * sec,
		},
		{
			name:  "hold with zero reps runs once",
			steps: []Step{{Kind: KindHold, Hold: 10 * sec}},
			want:  []string{"0 hold 1/1 10s"},
			total: 10 * sec,
		},
		{
			name: "paced step repeats its phases with the rep counted",
			steps: []Step{{Kind: KindPaced, Reps: 2, Phases: []PacedPhase{
				{Name: "tilt", Duration: 5 * sec}, {Name: "relax", Duration: 3 * sec}}}},
			want:  []string{"0 tilt 1/2 5s", "0 relax 1/2 3s", "0 tilt 2/2 5s", "0 relax 2/2 3s"},
			total: 16 * sec,
		},
		{
			name:  "rest and settle",
			steps: []Step{{Kind: KindRest, Duration: 30 * sec}, {Kind: KindSettle}},
			want:  []string{"0 rest 30s", "1 settle 0s"},
			total: 30 * sec,
		},
		{
			name:  "osteoporosis drops marked steps and keeps the others' indexes",
			steps: []Step{{Kind: KindRest, Duration: sec}, {Kind: KindHold, Hold: sec, SkipWithOsteoporosis: true}, {Kind: KindRest, Duration: 2 * sec}},
			opts:  Options{Osteoporosis: true},
			want:  []string{"0 rest 1s", "2 rest 2s"},
			total: 3 * sec,
		},
		{
			name:  "marked steps stay without osteoporosis",
			steps: []Step{{Kind: KindHold, Hold: sec, SkipWithOsteoporosis: true}},
			want:  []string{"0 hold 1/1 1s"},
			total: sec,
		},
		{
			name:  "empty routine is an empty plan",
			total: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Expand(Routine{Steps: tt.steps}, tt.opts)
			if got, want := strings.Join(brief(p), "\n"), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("segments:\n%s\nwant:\n%s", got, want)
			}
			if p.Total != tt.total {
				t.Errorf("Total = %v, want %v", p.Total, tt.total)
			}
			var at time.Duration
			for i, s := range p.Segments {
				if s.Start != at {
					t.Errorf("segment %d Start = %v, want %v", i, s.Start, at)
				}
				at += s.Duration
			}
		})
	}
}

func TestExpandTonight(t *testing.T) {
	tests := []struct {
		name     string
		opts     Options
		segments int
		total    time.Duration
		steps    []int
	}{
		// heat 15m; knee-to-chest 6×20 s + 5 switches×5 s = 145 s;
		// tilts 10×10 s = 100 s; knee rolls 6×15 s + 5×5 s = 115 s; settle 0.
		{"default", Options{}, 1 + 11 + 20 + 11 + 1, 15*time.Minute + 360*sec, []int{0, 1, 2, 3, 4}},
		{"20 minutes of heat", Options{HeatMinutes: 20}, 44, 20*time.Minute + 360*sec, []int{0, 1, 2, 3, 4}},
		{"osteoporosis", Options{Osteoporosis: true}, 44 - 11, 15*time.Minute + 215*sec, []int{0, 2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tonightLike()
			p := Expand(r, tt.opts)
			if len(p.Segments) != tt.segments {
				t.Errorf("%d segments, want %d", len(p.Segments), tt.segments)
			}
			if p.Total != tt.total || r.Total(tt.opts) != tt.total {
				t.Errorf("Total = %v / %v, want %v", p.Total, r.Total(tt.opts), tt.total)
			}
			if fmt.Sprint(p.Steps()) != fmt.Sprint(tt.steps) {
				t.Errorf("Steps() = %v, want %v", p.Steps(), tt.steps)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	p := Expand(Routine{Steps: []Step{
		{Kind: KindHold, Hold: 10 * sec, Reps: 1, PerSide: true, Switch: 5 * sec}, // 0-10 L, 10-15 sw, 15-25 R
		{Kind: KindSettle},
	}}, Options{})
	tests := []struct {
		elapsed time.Duration
		seg     int
		into    time.Duration
	}{
		{-sec, 0, 0},
		{0, 0, 0},
		{9 * sec, 0, 9 * sec},
		{10 * sec, 1, 0},
		{14*sec + 500*time.Millisecond, 1, 4*sec + 500*time.Millisecond},
		{15 * sec, 2, 0},
		{24 * sec, 2, 9 * sec},
		{25 * sec, 3, 0}, // the settle segment holds the timeline
		{time.Hour, 3, 0},
	}
	for _, tt := range tests {
		seg, into := p.Locate(tt.elapsed)
		if seg != tt.seg || into != tt.into {
			t.Errorf("Locate(%v) = %d, %v; want %d, %v", tt.elapsed, seg, into, tt.seg, tt.into)
		}
	}

	timed := Expand(Routine{Steps: []Step{{Kind: KindRest, Duration: 10 * sec}}}, Options{})
	if seg, into := timed.Locate(time.Hour); seg != 0 || into != 10*sec {
		t.Errorf("past the end: Locate = %d, %v; want the last segment, full", seg, into)
	}
	if seg, _ := (Plan{}).Locate(0); seg != -1 {
		t.Errorf("empty plan: Locate = %d, want -1", seg)
	}
}

func TestStepRange(t *testing.T) {
	r := tonightLike()
	tests := []struct {
		name        string
		opts        Options
		step        int
		first, last int
	}{
		{"heat", Options{}, 0, 0, 0},
		{"knee to chest", Options{}, 1, 1, 11},
		{"tilts", Options{}, 2, 12, 31},
		{"knee rolls", Options{}, 3, 32, 42},
		{"settle", Options{}, 4, 43, 43},
		{"dropped step", Options{Osteoporosis: true}, 1, -1, -1},
		{"after a dropped step", Options{Osteoporosis: true}, 2, 1, 20},
		{"out of range", Options{}, 9, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, last := Expand(r, tt.opts).StepRange(tt.step)
			if first != tt.first || last != tt.last {
				t.Errorf("StepRange(%d) = %d, %d; want %d, %d", tt.step, first, last, tt.first, tt.last)
			}
		})
	}
}

func TestHeatMinutes(t *testing.T) {
	p := Expand(tonightLike(), Options{})
	tests := []struct {
		set, want int
	}{{16, 16}, {20, 20}, {21, 20}, {14, 15}, {0, 15}, {-3, 15}}
	for _, tt := range tests {
		q := p.WithHeatMinutes(tt.set)
		if q.HeatMinutes() != tt.want {
			t.Errorf("WithHeatMinutes(%d).HeatMinutes() = %d, want %d", tt.set, q.HeatMinutes(), tt.want)
		}
		if len(q.Segments) != len(p.Segments) {
			t.Errorf("WithHeatMinutes(%d) changed the segment count", tt.set)
		}
		if want := p.Total + time.Duration(tt.want-15)*time.Minute; q.Total != want {
			t.Errorf("WithHeatMinutes(%d).Total = %v, want %v", tt.set, q.Total, want)
		}
	}
	if m := Expand(Routine{Steps: []Step{{Kind: KindRest, Duration: sec}}}, Options{}).HeatMinutes(); m != 0 {
		t.Errorf("no heat step: HeatMinutes = %d, want 0", m)
	}
}

func TestHeatMinutesOfAStep(t *testing.T) {
	tests := []struct {
		file, chosen, want int
	}{{0, 0, DefaultHeatMinutes}, {17, 0, 17}, {17, 19, 19}, {0, 45, MaxHeatMinutes}, {3, 0, MinHeatMinutes}}
	for _, tt := range tests {
		st := Step{Kind: KindHeat, Minutes: tt.file}
		if got := HeatMinutes(st, Options{HeatMinutes: tt.chosen}); got != tt.want {
			t.Errorf("file %d, chosen %d: HeatMinutes = %d, want %d", tt.file, tt.chosen, got, tt.want)
		}
		if got := Expand(Routine{Steps: []Step{st}}, Options{HeatMinutes: tt.chosen}).HeatMinutes(); got != tt.want {
			t.Errorf("file %d, chosen %d: the plan runs %d minutes, HeatMinutes says %d", tt.file, tt.chosen, got, tt.want)
		}
	}
}
