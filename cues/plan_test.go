package cues

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/supine-app/supine/routines"
)

const sec = time.Second

var (
	heatStep   = routines.Step{Kind: routines.KindHeat, Title: "Heat", Minutes: 15}
	sidesStep  = routines.Step{Kind: routines.KindHold, Title: "Knee to chest", Hold: 20 * sec, Reps: 2, PerSide: true, Switch: 5 * sec}
	noSwitch   = routines.Step{Kind: routines.KindHold, Title: "Rolls", Hold: 10 * sec, Reps: 1, PerSide: true}
	pacedStep  = routines.Step{Kind: routines.KindPaced, Title: "Tilts", Reps: 2, Phases: []routines.PacedPhase{{Name: "tilt", Duration: 5 * sec}, {Name: "relax", Duration: 5 * sec}}}
	restedHold = routines.Step{Kind: routines.KindHold, Title: "Hold", Hold: 4 * sec, Reps: 2, Rest: 6 * sec}
	shortHold  = routines.Step{Kind: routines.KindHold, Title: "Short", Hold: 2 * sec}
	restStep   = routines.Step{Kind: routines.KindRest, Title: "Rest", Duration: 30 * sec}
	settleStep = routines.Step{Kind: routines.KindSettle, Title: "Settle in"}
)

func plan(steps ...routines.Step) routines.Plan {
	return routines.Expand(routines.Routine{Name: "t", Steps: steps}, routines.Options{})
}

// brief writes cues as "offset kind segment" so tables stay readable.
func brief(cs []Cue) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%v %v %d", c.At, c.Kind, c.Segment))
	}
	return out
}

func TestPlan(t *testing.T) {
	bell := Settings{Sound: SoundBell}
	tests := []struct {
		name string
		plan routines.Plan
		set  Settings
		want []string
	}{
		{
			name: "heat then settle: next step, heat done, done",
			plan: plan(heatStep, settleStep),
			set:  bell,
			want: []string{"0s next_step 0", "15m0s heat_done 0", "15m0s done 1"},
		},
		{
			name: "per-side hold with switch time: switch at each switch segment, hold again after it, last seconds on holds only",
			plan: plan(sidesStep),
			set:  bell,
			want: []string{
				"0s next_step 0", "17s last_seconds 0", "18s last_seconds 0", "19s last_seconds 0",
				"20s switch_sides 1", "25s phase 2",
				"42s last_seconds 2", "43s last_seconds 2", "44s last_seconds 2",
				"45s switch_sides 3", "50s phase 4",
				"1m7s last_seconds 4", "1m8s last_seconds 4", "1m9s last_seconds 4",
				"1m10s switch_sides 5", "1m15s phase 6",
				"1m32s last_seconds 6", "1m33s last_seconds 6", "1m34s last_seconds 6",
				"1m35s done 6",
			},
		},
		{
			name: "per-side hold without switch time: switch sides at the change of side",
			plan: plan(noSwitch, settleStep),
			set:  bell,
			want: []string{
				"0s next_step 0", "7s last_seconds 0", "8s last_seconds 0", "9s last_seconds 0",
				"10s switch_sides 1", "17s last_seconds 1", "18s last_seconds 1", "19s last_seconds 1",
				"20s done 2",
			},
		},
		{
			name: "paced: phase at every change inside the step, no last seconds",
			plan: plan(pacedStep, settleStep),
			set:  bell,
			want: []string{"0s next_step 0", "5s phase 1", "10s phase 2", "15s phase 3", "20s done 4"},
		},
		{
			name: "hold with rest between reps: last seconds on each hold",
			plan: plan(restedHold),
			set:  bell,
			want: []string{
				"0s next_step 0", "1s last_seconds 0", "2s last_seconds 0", "3s last_seconds 0",
				"10s phase 2", "11s last_seconds 2", "12s last_seconds 2", "13s last_seconds 2",
				"14s done 2",
			},
		},
		{
			name: "a hold shorter than 3 s gets only the seconds it has",
			plan: plan(shortHold, restStep, settleStep),
			set:  bell,
			want: []string{"0s next_step 0", "1s last_seconds 0", "2s next_step 1", "32s done 2"},
		},
		{
			name: "empty sound setting means bell",
			plan: plan(heatStep),
			set:  Settings{},
			want: []string{"0s next_step 0", "15m0s heat_done 0", "15m0s done 0"},
		},
		{
			name: "off: no cues at all",
			plan: plan(heatStep, sidesStep, pacedStep, settleStep),
			set:  Settings{Sound: SoundOff},
			want: nil,
		},
		{
			name: "off wins over soft",
			plan: plan(heatStep, settleStep),
			set:  Settings{Sound: SoundOff, Volume: VolumeSoft},
			want: nil,
		},
		{
			name: "command: the same moments as bell",
			plan: plan(pacedStep, settleStep),
			set:  Settings{Sound: SoundCommand},
			want: []string{"0s next_step 0", "5s phase 1", "10s phase 2", "15s phase 3", "20s done 4"},
		},
		{
			name: "soft: step changes, heat done and done only",
			plan: plan(heatStep, sidesStep, pacedStep, settleStep),
			set:  Settings{Sound: SoundBell, Volume: VolumeSoft},
			want: []string{
				"0s next_step 0", "15m0s heat_done 0", "15m0s next_step 1",
				"16m35s next_step 8", "16m55s done 12",
			},
		},
		{
			name: "empty plan: nothing",
			plan: plan(),
			set:  bell,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := brief(Plan(tt.plan, tt.set))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Plan:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPlanIsInTimeOrder(t *testing.T) {
	p := plan(heatStep, sidesStep, noSwitch, pacedStep, restedHold, shortHold, restStep, settleStep)
	cs := Plan(p, Settings{})
	if !slices.IsSortedFunc(cs, func(a, b Cue) int { return int(a.At - b.At) }) {
		t.Errorf("cues out of order: %q", brief(cs))
	}
	for _, c := range cs {
		if s := p.Segments[c.Segment]; c.At < s.Start || c.At > s.End() {
			t.Errorf("cue %v at %v lies outside its segment %d (%v..%v)", c.Kind, c.At, c.Segment, s.Start, s.End())
		}
	}
}

func TestEveryKindAppears(t *testing.T) {
	p := plan(heatStep, sidesStep, noSwitch, pacedStep, settleStep)
	seen := map[Kind]bool{}
	for _, c := range Plan(p, Settings{}) {
		seen[c.Kind] = true
	}
	for _, k := range Kinds() {
		if !seen[k] {
			t.Errorf("no %v cue in a plan that has every kind of segment", k)
		}
	}
}

func TestAudible(t *testing.T) {
	tests := []struct {
		set  Settings
		want []Kind
	}{
		{Settings{}, Kinds()},
		{Settings{Sound: SoundBell, Volume: VolumeNormal}, Kinds()},
		{Settings{Sound: SoundCommand}, Kinds()},
		{Settings{Sound: SoundBell, Volume: VolumeSoft}, []Kind{NextStep, HeatDone, Done}},
		{Settings{Sound: SoundCommand, Volume: VolumeSoft}, []Kind{NextStep, HeatDone, Done}},
		{Settings{Sound: SoundOff}, nil},
	}
	for _, tt := range tests {
		var got []Kind
		for _, k := range Kinds() {
			if tt.set.Audible(k) {
				got = append(got, k)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v: audible %v, want %v", tt.set, got, tt.want)
		}
	}
}

func TestBetween(t *testing.T) {
	cs := Plan(plan(pacedStep, settleStep), Settings{})
	tests := []struct {
		from, to time.Duration
		want     []string
	}{
		{-1, 0, []string{"0s next_step 0"}},
		{0, 0, nil},
		{0, 5 * sec, []string{"5s phase 1"}},
		{4 * sec, 16 * sec, []string{"5s phase 1", "10s phase 2", "15s phase 3"}},
		{20 * sec, time.Hour, nil},
	}
	for _, tt := range tests {
		if got := brief(Between(cs, tt.from, tt.to)); !slices.Equal(got, tt.want) {
			t.Errorf("Between(%v, %v) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestPattern(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		kind Kind
		want []time.Duration
	}{
		{NextStep, []time.Duration{0}},
		{SwitchSides, []time.Duration{0, 250 * ms}},
		{Phase, []time.Duration{0}},
		{LastSeconds, []time.Duration{0}},
		{HeatDone, []time.Duration{0, 250 * ms, 500 * ms}},
		{Done, []time.Duration{0, 900 * ms}},
	}
	for _, tt := range tests {
		if got := Pattern(tt.kind); !slices.Equal(got, tt.want) {
			t.Errorf("Pattern(%v) = %v, want %v", tt.kind, got, tt.want)
		}
	}
	// Heat done repeats every HeatDoneRepeat: its pattern must end well
	// before that, or the repeats would run together.
	if p := Pattern(HeatDone); p[len(p)-1] >= HeatDoneRepeat {
		t.Errorf("heat-done pattern %v is longer than its repeat %v", p, HeatDoneRepeat)
	}
}

func TestKindNames(t *testing.T) {
	for _, k := range Kinds() {
		got, ok := ParseKind(k.String())
		if !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", k.String(), got, ok, k)
		}
	}
	if _, ok := ParseKind("bell"); ok {
		t.Error("ParseKind accepted an unknown name")
	}
	if got := Kind(99).String(); got != "unknown" {
		t.Errorf("Kind(99).String() = %q", got)
	}
}
