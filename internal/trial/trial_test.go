package trial

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// first is the trial's first night: Monday 2 November 2026.
var first = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

func day(i int) time.Time { return first.AddDate(0, 0, i) }

func evening(i int) time.Time { return day(i).Add(22 * time.Hour) }

func TestEveryPairHasOneNightOfEach(t *testing.T) {
	for seed := int64(-50); seed < 50; seed++ {
		tr := New(seed, evening(0), first)
		sched := Schedule(tr)
		if len(sched) != 2*Pairs {
			t.Fatalf("seed %d: %d nights, want %d", seed, len(sched), 2*Pairs)
		}
		for p := 0; p < Pairs; p++ {
			a, b := sched[2*p], sched[2*p+1]
			if a.Pair != p+1 || b.Pair != p+1 || a.Heat == b.Heat {
				t.Fatalf("seed %d, pair %d: %+v and %+v, want one night with heat and one without", seed, p+1, a, b)
			}
			if !b.Night.Equal(a.Night.AddDate(0, 0, 1)) {
				t.Fatalf("seed %d, pair %d: nights %v and %v are not consecutive", seed, p+1, a.Night, b.Night)
			}
		}
	}
}

func TestTheSeedReproducesTheOrder(t *testing.T) {
	a, b := Order(20261102, Pairs), Order(20261102, Pairs)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("the same seed gave %v and %v", a, b)
	}
	// A stored trial read back gives the same nights as drawn.
	tr := New(20261102, evening(0), first)
	if !reflect.DeepEqual(tr.HeatFirst, Order(tr.Seed, len(tr.HeatFirst))) {
		t.Fatal("the stored order is not the one its seed draws")
	}
	// The order is drawn, not fixed: over many seeds every pair starts
	// with heat about half the time, and seeds give different orders.
	heatFirst := make([]int, Pairs)
	orders := map[string]bool{}
	const seeds = 2000
	for s := int64(0); s < seeds; s++ {
		o := Order(s, Pairs)
		orders[encode(o)] = true
		for i, h := range o {
			if h {
				heatFirst[i]++
			}
		}
	}
	for i, n := range heatFirst {
		if n < seeds*4/10 || n > seeds*6/10 {
			t.Errorf("pair %d starts with heat for %d of %d seeds, want about half", i+1, n, seeds)
		}
	}
	if len(orders) < 200 {
		t.Errorf("%d seeds gave only %d different orders of %d", seeds, len(orders), 1<<Pairs)
	}
}

func encode(o []bool) string {
	var b strings.Builder
	for _, h := range o {
		if h {
			b.WriteByte('H')
		} else {
			b.WriteByte('N')
		}
	}
	return b.String()
}

func TestTonight(t *testing.T) {
	tr := Trial{Kind: KindHeat, FirstNight: first, HeatFirst: []bool{true, false}}
	for _, tt := range []struct {
		name          string
		night         time.Time
		heat, inTrial bool
	}{
		{"the night before", day(-1), true, false},
		{"night 1, heat first", day(0), true, true},
		{"night 2", day(1), false, true},
		{"night 3, heat second", day(2), false, true},
		{"night 4", day(3), true, true},
		{"the night after", day(4), true, false},
		{"any hour of the evening's date", day(2).Add(23 * time.Hour), false, true},
		{"in another zone, the same date", time.Date(2026, 11, 3, 0, 0, 0, 0, time.FixedZone("X", 5*3600)), false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			heat, in := Tonight(tr, tt.night)
			if heat != tt.heat || in != tt.inTrial {
				t.Errorf("Tonight = %v, %v; want %v, %v", heat, in, tt.heat, tt.inTrial)
			}
		})
	}
	if sc, ok := At(tr, day(2)); !ok || sc.N != 3 || sc.Pair != 2 || sc.Heat || !strings.Contains(TonightLine(sc), "night 3 of 16: a night without heat") {
		t.Errorf("At(night 3) = %+v, %v; line %q", sc, ok, TonightLine(sc))
	}
	tr.Stopped = evening(0)
	if heat, in := Tonight(tr, day(1)); !heat || in {
		t.Errorf("a stopped trial still leaves heat out: %v, %v", heat, in)
	}
}

func TestTheTrialStartsOnTheFirstNightStillToCome(t *testing.T) {
	now := evening(0)
	if got := FirstNight(now, 4, nil); !got.Equal(day(0)) {
		t.Errorf("with no routine tonight, first night %v, want tonight", got)
	}
	begun := []history.Session{{Start: now.Add(-10 * time.Minute), Partial: true}}
	if got := FirstNight(now, 4, begun); !got.Equal(day(1)) {
		t.Errorf("with a routine begun tonight, first night %v, want tomorrow", got)
	}
	// 01:00 is still last night: a routine at 22:00 the evening before.
	late := day(1).Add(time.Hour)
	if got := FirstNight(late, 4, []history.Session{{Start: evening(0)}}); !got.Equal(day(1)) {
		t.Errorf("at 01:00 after a routine, first night %v, want the next evening", got)
	}
}

func TestRunning(t *testing.T) {
	tr := Trial{Kind: KindHeat, FirstNight: first, HeatFirst: make([]bool, Pairs)}
	if !Running(tr, evening(15), 4) {
		t.Error("not running on its last night")
	}
	if !Running(tr, day(16).Add(3*time.Hour), 4) {
		t.Error("not running at 03:00 after its last evening, which is still that night")
	}
	if Running(tr, day(16).Add(5*time.Hour), 4) {
		t.Error("running after its last night")
	}
	tr.Stopped = evening(3)
	if Running(tr, evening(4), 4) {
		t.Error("running after it was stopped")
	}
}

func TestRefusal(t *testing.T) {
	running := &Trial{Started: evening(0)}
	for _, tt := range []struct {
		hasHeat, allowed, checkIns bool
		running                    *Trial
		want                       string
	}{
		{true, true, true, nil, ""},
		{false, true, true, nil, "no heat step"},
		{true, false, true, nil, "never adds heat"},
		{true, true, false, nil, "check-ins are off"},
		{true, true, true, running, "already running"},
	} {
		got := Refusal(tt.hasHeat, tt.allowed, tt.checkIns, tt.running)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("Refusal(%v, %v, %v, %v) = %q, want %q", tt.hasHeat, tt.allowed, tt.checkIns, tt.running != nil, got, tt.want)
		}
	}
}
