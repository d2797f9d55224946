package night

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

const rollover = 4

// at is a local clock time on 10 to 20 March 2026 ("d 11 03:00").
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 3, day, hour, minute, 0, 0, time.UTC)
}

// tonightAt is an empty Tonight as the front ends build it at now.
func tonightAt(now time.Time) Tonight {
	return Tonight{Night: history.Night(now, rollover), Rollover: rollover}
}

func clear(at time.Time) Check { return Check{At: at, Tier: safety.None, Full: true} }

func TestGateVoid(t *testing.T) {
	now := at(10, 23, 0)
	for _, tc := range []struct {
		name   string
		checks []Check
		void   bool
		tier   safety.Tier
	}{
		{"no check", nil, false, safety.None},
		{"clear", []Check{clear(at(10, 22, 0))}, false, safety.None},
		{"emergency", []Check{{At: at(10, 22, 0), Tier: safety.Emergency, Yes: []string{"saddle"}, Full: true}}, true, safety.Emergency},
		{"urgent", []Check{{At: at(10, 22, 0), Tier: safety.Urgent, Yes: []string{"fever"}, Full: true}}, true, safety.Urgent},
		{"book does not void", []Check{{At: at(10, 22, 0), Tier: safety.Book, Yes: []string{"weeks"}, Full: true}}, false, safety.None},
		{"a later clear check does not lift it", []Check{
			{At: at(10, 21, 0), Tier: safety.Urgent, Yes: []string{"fever"}, Full: true},
			clear(at(10, 22, 0)),
		}, true, safety.Urgent},
		{"the worst wins", []Check{
			{At: at(10, 21, 0), Tier: safety.Emergency, Yes: []string{"saddle"}, Full: true},
			{At: at(10, 22, 0), Tier: safety.Urgent, Yes: []string{"fever"}, Full: true},
		}, true, safety.Emergency},
		{"short answer", []Check{{At: at(10, 22, 0), Tier: safety.Emergency, Yes: []string{"bladder"}}}, true, safety.Emergency},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tn := tonightAt(now)
			for _, c := range tc.checks {
				tn.AddCheck(c)
			}
			g := tn.Gate(now)
			if g.IsVoid != tc.void || (tc.void && g.Void.Tier != tc.tier) {
				t.Fatalf("IsVoid %v tier %v, want %v %v", g.IsVoid, g.Void.Tier, tc.void, tc.tier)
			}
			if tc.void {
				if g.Shortcut {
					t.Error("a void night offers the shortcut")
				}
				if len(g.Void.Yes) == 0 {
					t.Error("the void check lost what was reported")
				}
			}
		})
	}
}

func TestGatePainStop(t *testing.T) {
	now := at(10, 23, 30)
	tn := tonightAt(now)
	tn.AddCheck(clear(at(10, 22, 0)))
	tn.AddPainStop(PainStop{At: at(10, 22, 41), Step: "Knee to chest"})
	g := tn.Gate(now)
	if !g.PainToday || g.PainStop.Step != "Knee to chest" {
		t.Fatalf("gate %+v, want the pain stop", g)
	}
	o := g.Options(routines.Options{HeatMinutes: 18})
	if !o.SettleOnly || !o.NoHeat || o.HeatMinutes != 18 {
		t.Errorf("options %+v, want SettleOnly and NoHeat", o)
	}
	p := routines.Expand(builtin(t, "tonight"), o)
	if len(p.Segments) != 1 || p.Segments[0].Kind != routines.SegSettle {
		t.Errorf("tonight after a pain stop: %+v, want the settle step alone", p.Segments)
	}
	if g.Shortcut {
		t.Error("the shortcut after a pain stop")
	}
	rs := g.Reasons(true)
	if len(rs) != 1 || !strings.Contains(rs[0], "stopped for pain at 22:41") || !strings.Contains(rs[0], "until 10:41 tomorrow") ||
		!strings.Contains(rs[0], "sleep set-up only") {
		t.Errorf("reasons %q", rs)
	}
}

func TestGateHeat(t *testing.T) {
	type use struct {
		start   time.Time
		seconds int
	}
	for _, tc := range []struct {
		name string
		heat []use
		now  time.Time
		ok   bool
	}{
		{"no heat yet", nil, at(10, 22, 0), true},
		{"heat this evening", []use{{at(10, 21, 0), 900}}, at(10, 23, 30), false},
		{"heat this evening, 5 hours on", []use{{at(10, 21, 0), 900}}, at(11, 2, 0), false},
		{"heat early this morning, before the rollover: an earlier night", []use{{at(10, 1, 0), 900}}, at(10, 22, 0), true},
		{"03:00 heat, 04:30 start: within 2 hours", []use{{at(11, 3, 0), 900}}, at(11, 4, 30), false},
		{"03:00 heat, 05:30 start: a new night, 2 hours on", []use{{at(11, 3, 0), 900}}, at(11, 5, 30), true},
		{"03:00 heat of 20 min, 05:19 start: 1:59 after it ended", []use{{at(11, 3, 0), 1200}}, at(11, 5, 19), false},
		{"03:00 heat of 20 min, 05:20 start: 2:00 after it ended", []use{{at(11, 3, 0), 1200}}, at(11, 5, 20), true},
		{"heat at 23:00 last night, 22:00 now", []use{{at(10, 23, 0), 900}}, at(11, 22, 0), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tn := tonightAt(tc.now)
			for _, h := range tc.heat {
				tn.AddHeat(HeatUse{Start: h.start, Seconds: h.seconds})
			}
			g := tn.Gate(tc.now)
			if g.HeatOK != tc.ok {
				t.Fatalf("HeatOK %v, want %v (night %v from %v)", g.HeatOK, tc.ok, tn.Night, tn.Start())
			}
			o := g.Options(routines.Options{})
			if o.NoHeat == tc.ok {
				t.Errorf("options %+v", o)
			}
			rs := g.Reasons(true)
			if tc.ok {
				if len(rs) != 0 {
					t.Errorf("reasons %q, want none", rs)
				}
				return
			}
			want := "the pad went on at " + tc.heat[0].start.Format("15:04")
			if len(rs) != 1 || !strings.Contains(rs[0], want) || !strings.Contains(rs[0], "2 hours") {
				t.Errorf("reasons %q, want one with %q", rs, want)
			}
			if rs := g.Reasons(false); len(rs) != 0 {
				t.Errorf("reasons for a routine with no heat: %q", rs)
			}
		})
	}
}

// Heat is once a night also when the app is started again: FromHistory
// carries the heat of an earlier process, and the rollover is the
// configured hour, not midnight.
func TestFromHistoryAcrossTheRollover(t *testing.T) {
	sess := []history.Session{{
		Start: at(11, 2, 50), End: at(11, 3, 20),
		HeatStart: at(11, 3, 0), HeatSeconds: 900, HeatKnown: true, HeatMinutes: 15,
	}}
	for _, tc := range []struct {
		now time.Time
		ok  bool
	}{
		{at(11, 3, 30), false},
		{at(11, 4, 30), false},
		{at(11, 5, 30), true},
		{at(11, 22, 0), true},
	} {
		g := FromHistory(sess, nil, tc.now, rollover).Gate(tc.now)
		if g.HeatOK != tc.ok {
			t.Errorf("heat 03:00-03:15, start at %s: HeatOK %v, want %v", tc.now.Format("02 15:04"), g.HeatOK, tc.ok)
		}
	}
	// A check before the rollover belongs to the night before, but the
	// rollover does not end its void: 12 hours do.
	checks := []history.Check{{At: at(11, 3, 0), Tier: history.TierEmergency, Yes: []string{"saddle"}, Full: true}}
	for _, tc := range []struct {
		now  time.Time
		void bool
	}{
		{at(11, 3, 30), true},
		{at(11, 4, 30), true},
		{at(11, 14, 59), true},
		{at(11, 15, 0), false},
		{at(11, 22, 0), false},
		{at(10, 23, 0), true}, // dated after now (a clock stepped back): taken as now
	} {
		g := FromHistory(nil, checks, tc.now, rollover).Gate(tc.now)
		if g.IsVoid != tc.void {
			t.Errorf("EMERGENCY at 11 03:00, start at %s: IsVoid %v, want %v", tc.now.Format("02 15:04"), g.IsVoid, tc.void)
		}
	}
}

func TestGateShortcut(t *testing.T) {
	now := at(18, 22, 0)
	for _, tc := range []struct {
		name    string
		last    Check   // the last full check
		tonight []Check // tonight's checks besides it
		pain    bool
		want    bool
	}{
		{"no full check ever", Check{}, nil, false, false},
		{"clear 3 days ago", clear(at(15, 22, 0)), nil, false, true},
		{"clear 6 days 23 hours ago", clear(now.Add(-ShortcutWithin + time.Hour)), nil, false, true},
		{"clear exactly 7 days ago", clear(now.Add(-ShortcutWithin)), nil, false, false},
		{"clear 8 days ago", clear(at(10, 22, 0)), nil, false, false},
		{"in the future (clock moved back)", clear(now.Add(time.Hour)), nil, false, false},
		{"last full check had a yes", Check{At: at(15, 22, 0), Tier: safety.Book, Yes: []string{"weeks"}, Full: true}, nil, false, false},
		{"a yes tonight on the short check", clear(at(15, 22, 0)),
			[]Check{{At: at(18, 21, 0), Tier: safety.Book, Yes: []string{"pain_woke"}}}, false, false},
		{"a clear short check tonight", clear(at(15, 22, 0)),
			[]Check{{At: at(18, 21, 0), Tier: safety.None}}, false, true},
		{"a clear full check tonight", clear(at(18, 21, 0)), []Check{clear(at(18, 21, 0))}, false, true},
		{"a stop for pain tonight", clear(at(15, 22, 0)), nil, true, false},
		{"BOOK tonight", clear(at(15, 22, 0)),
			[]Check{{At: at(18, 21, 0), Tier: safety.Book, Yes: []string{"weeks"}, Full: true}}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tn := tonightAt(now)
			tn.LastFull = tc.last
			for _, c := range tc.tonight {
				tn.AddCheck(c)
			}
			if tc.pain {
				tn.AddPainStop(PainStop{At: at(18, 21, 30), Step: "Pelvic tilts"})
			}
			g := tn.Gate(now)
			if g.Shortcut != tc.want {
				t.Fatalf("Shortcut %v, want %v", g.Shortcut, tc.want)
			}
			if g.Shortcut && !g.Since.Equal(tn.LastFull.At) {
				t.Errorf("Since %v, want %v", g.Since, tn.LastFull.At)
			}
			if !g.Shortcut && !g.Since.IsZero() {
				t.Errorf("Since %v with no shortcut", g.Since)
			}
		})
	}
}

func TestAddCheckKeepsTheLatestFull(t *testing.T) {
	tn := tonightAt(at(18, 22, 0))
	tn.AddCheck(clear(at(18, 21, 0)))
	tn.AddCheck(Check{At: at(18, 21, 30), Tier: safety.None}) // short: not full
	if !tn.LastFull.At.Equal(at(18, 21, 0)) {
		t.Errorf("LastFull %v", tn.LastFull.At)
	}
	tn.AddCheck(Check{At: at(18, 21, 45), Tier: safety.Book, Yes: []string{"weeks"}, Full: true})
	if tn.LastFull.Tier != safety.Book {
		t.Errorf("LastFull %+v, want the BOOK check", tn.LastFull)
	}
	tn.AddHeat(HeatUse{Start: at(18, 22, 0), Seconds: 60})
	tn.AddHeat(HeatUse{Start: at(18, 22, 0), Seconds: 900})
	if len(tn.Heat) != 1 || tn.Heat[0].Seconds != 900 || !tn.Heat[0].End().Equal(at(18, 22, 15)) {
		t.Errorf("heat %+v, want one use of 900 s", tn.Heat)
	}
}

func TestTonightStart(t *testing.T) {
	for _, tc := range []struct {
		now, want time.Time
		rollover  int
	}{
		{at(10, 23, 0), at(10, 4, 0), 4},
		{at(11, 3, 59), at(10, 4, 0), 4},
		{at(11, 4, 0), at(11, 4, 0), 4},
		{at(11, 0, 30), at(11, 0, 0), 0},
	} {
		tn := Tonight{Night: history.Night(tc.now, tc.rollover), Rollover: tc.rollover}
		if got := tn.Start(); !got.Equal(tc.want) {
			t.Errorf("rollover %d, now %v: Start %v, want %v", tc.rollover, tc.now, got, tc.want)
		}
	}
}

// TestGateProperties: random nights of checks, heat and pain stops, with
// the gate asked at random moments; its answers must follow the rules
// whatever the order.
func TestGateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	tiers := []safety.Tier{safety.None, safety.None, safety.None, safety.Book, safety.Urgent, safety.Emergency}
	base := at(10, 18, 0)
	for range 3000 {
		now := base.Add(time.Duration(rng.IntN(48*60)) * time.Minute)
		tn := tonightAt(now)
		start := tn.Start()
		var lastFull Check
		wantVoid, anyYes, wantHeatOK := false, false, true
		for range rng.IntN(6) {
			c := Check{At: now.Add(-time.Duration(rng.IntN(12*60)) * time.Minute), Tier: tiers[rng.IntN(len(tiers))], Full: rng.IntN(2) == 0}
			if c.Tier != safety.None {
				c.Yes = []string{"q"}
			}
			if c.Full && !c.At.Before(lastFull.At) {
				lastFull = c
			}
			if c.At.Before(start) {
				// An earlier night: only the last full check is kept.
				if c.Full && !c.At.Before(tn.LastFull.At) {
					tn.LastFull = c
				}
				continue
			}
			tn.AddCheck(c)
			wantVoid = wantVoid || safety.EndsSession(c.Tier)
			anyYes = anyYes || c.Tier != safety.None
		}
		for range rng.IntN(3) {
			h := HeatUse{Start: now.Add(-time.Duration(rng.IntN(10*60)) * time.Minute), Seconds: 60 * (15 + rng.IntN(6))}
			tn.AddHeat(h)
			if !h.Start.Before(start) || now.Sub(h.End()) < HeatGap {
				wantHeatOK = false
			}
		}
		pain := rng.IntN(5) == 0
		if pain {
			tn.AddPainStop(PainStop{At: now.Add(-time.Minute), Step: "Pelvic tilts"})
		}
		g := tn.Gate(now)
		if g.IsVoid != wantVoid {
			t.Fatalf("IsVoid %v, want %v: %+v", g.IsVoid, wantVoid, tn)
		}
		if g.HeatOK != wantHeatOK {
			t.Fatalf("HeatOK %v, want %v at %v: %+v", g.HeatOK, wantHeatOK, now, tn.Heat)
		}
		if g.Shortcut {
			lf := tn.LastFull
			if wantVoid || anyYes || pain || lf.Tier != safety.None || len(lf.Yes) > 0 ||
				lf.At.After(now) || now.Sub(lf.At) >= ShortcutWithin {
				t.Fatalf("shortcut offered: void %v yes %v pain %v last full %+v now %v", wantVoid, anyYes, pain, lf, now)
			}
		}
		o := g.Options(routines.Options{})
		if (pain || !wantHeatOK) != o.NoHeat || pain != o.SettleOnly {
			t.Fatalf("options %+v with pain %v heat ok %v", o, pain, wantHeatOK)
		}
	}
}

func TestGateKept(t *testing.T) {
	r := routines.Routine{Steps: []routines.Step{
		{Kind: routines.KindHeat, Title: "Heat"}, {Kind: routines.KindHold, Title: "Hold"},
		{Kind: routines.KindPaced, Title: "Paced"}, {Kind: routines.KindRest, Title: "Rest"},
		{Kind: routines.KindSettle, Title: "Settle"},
	}}
	stretches := routines.Routine{Steps: []routines.Step{{Kind: routines.KindHold}, {Kind: routines.KindPaced}}}
	for _, tc := range []struct {
		name string
		g    Gate
		r    routines.Routine
		want []int
	}{
		{"nothing left out", Gate{HeatOK: true}, r, []int{0, 1, 2, 3, 4}},
		{"heat used up is an option, not a cut", Gate{}, r, []int{0, 1, 2, 3, 4}},
		{"no stretches", Gate{NoStretches: true}, r, []int{0, 4}},
		{"no stretches, only stretches", Gate{NoStretches: true}, stretches, []int{}},
		{"pain stop cuts by options", Gate{NoStretches: true, PainToday: true}, r, []int{0, 1, 2, 3, 4}},
		{"empty routine", Gate{NoStretches: true}, routines.Routine{}, []int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kept := tc.g.Kept(tc.r)
			if !slices.Equal(kept, tc.want) {
				t.Fatalf("Kept = %v, want %v", kept, tc.want)
			}
			got := tc.g.Routine(tc.r).Steps
			if len(got) != len(kept) {
				t.Fatalf("Routine has %d steps, Kept %d", len(got), len(kept))
			}
			for j, i := range kept {
				if got[j].Title != tc.r.Steps[i].Title {
					t.Errorf("Routine step %d is %q, Kept says %q", j, got[j].Title, tc.r.Steps[i].Title)
				}
			}
		})
	}
}
