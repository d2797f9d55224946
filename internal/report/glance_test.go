package report

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/trial"
)

// serious is four weeks with an EMERGENCY two nights ago and an URGENT the
// week before (the nights after each closed), three activities rated
// weekly, and a heat trial that ended last week, every pair counted.
func serious(t *testing.T) Input {
	in := Input{Now: now, RolloverHour: 4, Weeks: 4, Routine: tonightRoutine(t), Library: routines.Builtins()}
	tr := trial.Trial{ID: 1, Kind: trial.KindHeat, Started: evening(27).Add(-time.Hour),
		FirstNight: time.Date(2026, 11, 13, 0, 0, 0, 0, time.UTC), Seed: 11,
		HeatFirst: []bool{true, false, true, true, false, false, true, false}, Outcome: trial.Outcome}
	arm := map[int]bool{}
	for _, sc := range trial.Schedule(tr) {
		arm[int(now.Sub(sc.Night).Hours()/24)] = sc.Heat
	}
	for ago := 27; ago >= 1; ago-- {
		if ago == 2 || ago == 9 {
			continue // the EMERGENCY and URGENT nights: the check is all there is
		}
		before := 5 + ago%2
		s := session(ago, before, before-2)
		if heat, in := arm[ago]; in && !heat {
			s.HeatMinutes, s.HeatStart, s.HeatSeconds, s.Completed = 0, time.Time{}, 0, s.Completed[1:]
			s.After = history.Score(before - 1)
		}
		in.Sessions = append(in.Sessions, s)
	}
	in.Checks = []history.Check{
		{At: evening(27).Add(-time.Minute), Tier: history.TierNone, Full: true},
		{At: evening(9), Tier: history.TierUrgent, Yes: []string{"one-leg"}, Full: true},
		{At: evening(2), Tier: history.TierEmergency, Yes: []string{"saddle-numbness", "chest-pain"}, Full: true},
	}
	in.Sessions = append(in.Sessions,
		history.Session{Start: evening(9), End: evening(9), Routine: "tonight", RedFlag: history.TierUrgent},
		history.Session{Start: evening(2), End: evening(2), Routine: "tonight", RedFlag: history.TierEmergency})
	in.Activities = []history.Activity{
		{ID: 1, Name: "Turning over in bed", Added: evening(27)},
		{ID: 2, Name: "Putting on socks", Added: evening(27)},
		{ID: 3, Name: "Sitting through a film", Added: evening(27), Dropped: evening(13)},
	}
	for i, ago := range []int{27, 20, 13, 6} {
		at := evening(ago).Add(-5 * time.Minute)
		in.Ratings = append(in.Ratings, history.Rating{At: at, ActivityID: 1, Score: 2 + i}, history.Rating{At: at, ActivityID: 2, Score: 4 + i/2})
		if ago > 13 {
			in.Ratings = append(in.Ratings, history.Rating{At: at, ActivityID: 3, Score: 5})
		}
	}
	in.Trials = []history.Trial{tr}
	return in
}

func TestSeriousOutcomesLeadTheReport(t *testing.T) {
	r := Build(serious(t))
	if len(r.Glance) > 5 {
		t.Fatalf("the box has %d lines, want at most 5", len(r.Glance))
	}
	first := r.Glance[0]
	e := strings.Index(first, "EMERGENCY on Tue 8 Dec 2026, 22:15")
	u := strings.Index(first, "URGENT on Tue 1 Dec 2026, 22:15")
	if e < 0 || u < 0 || e > u {
		t.Fatalf("the box's first line does not name the EMERGENCY, then the URGENT, newest first:\n%s", first)
	}
	for _, want := range []string{"Chest pain", "Numbness or tingling between the legs", "one leg"} {
		if !strings.Contains(first, want) {
			t.Errorf("the box does not say what was reported (%q):\n%s", want, first)
		}
	}
	text := r.Text()
	if strings.Index(text, "EMERGENCY on") > strings.Index(text, "Tightness night by night") {
		t.Error("the EMERGENCY is not above the chart")
	}
	for _, want := range []string{
		"Patient-Specific Functional Scale (PSFS)",
		"Stratford et al., Physiotherapy Canada 1995",
		"Turning over in bed: 2, 3, 4, 5 (13 Nov to 4 Dec): up 3, at least the detectable 3 points.",
		"Sitting through a film (no longer rated from 27 Nov)",
		"Does heat help me?",
		"8 of 8 pairs count.",
		"What it cannot say",
	} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the report does not say %q", want)
		}
	}
}

// at is the session of a night daysAgo with before (and after 2 less).
func nightsRated(days map[int]int) []history.Session {
	var out []history.Session
	for ago, before := range days {
		out = append(out, session(ago, before, max(before-2, 0)))
	}
	return out
}

// TestTheBoxAgainstHandWorkedHistories checks each figure of the box
// against a history worked out by hand. The report covers two weeks: 27
// Nov to 3 Dec (13 to 7 nights ago) and 4 to 10 Dec (6 to 0 nights ago).
func TestTheBoxAgainstHandWorkedHistories(t *testing.T) {
	for _, tt := range []struct {
		name  string
		days  map[int]int // nights ago -> "before"
		first string      // the first week's median
		last  string
		real  bool
		ok    bool
		says  string
	}{
		{"down 2 points", map[int]int{13: 6, 12: 6, 11: 7, 10: 5, 5: 4, 4: 4, 3: 3}, "6", "4", true, true, "down 2 points (33%), at or beyond"},
		{"down 1 point but 33%", map[int]int{13: 3, 12: 3, 11: 3, 5: 2, 4: 2, 3: 2}, "3", "2", true, true, "down 1 point (33%), at or beyond"},
		{"down 2 points from 8, 25%", map[int]int{13: 8, 12: 8, 11: 8, 5: 6, 4: 6, 3: 6}, "8", "6", true, true, "down 2 points (25%), at or beyond"},
		{"down 1 point from 8", map[int]int{13: 8, 12: 8, 11: 8, 5: 7, 4: 7, 3: 7}, "8", "7", false, true, "down 1 point (13%), under the 2 points"},
		{"up from 0", map[int]int{13: 0, 12: 0, 11: 1, 5: 1, 4: 1, 3: 1}, "0", "1", false, true, "up 1 point, under"},
		{"up 2 from an even week", map[int]int{13: 4, 12: 5, 11: 4, 10: 5, 5: 7, 4: 6, 3: 7, 2: 6}, "4.5", "6.5", true, true, "up 2 points (44%)"},
		{"one week only", map[int]int{13: 6, 12: 6, 11: 7, 5: 4, 4: 4}, "", "", false, false, "too few ratings"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Build(Input{Now: now, RolloverHour: 4, Weeks: 2, Sessions: nightsRated(tt.days)})
			c := r.Change
			if c.OK != tt.ok {
				t.Fatalf("change ok = %v, want %v", c.OK, tt.ok)
			}
			if tt.ok && (c.First.Before.String() != tt.first || c.Last.Before.String() != tt.last || c.Real() != tt.real) {
				t.Errorf("first %s, last %s, real %v; want %s, %s, %v", c.First.Before, c.Last.Before, c.Real(), tt.first, tt.last, tt.real)
			}
			if !strings.Contains(r.Glance[1], tt.says) {
				t.Errorf("the box says %q, want %q", r.Glance[1], tt.says)
			}
		})
	}
}

func TestTheBoxCountsNights(t *testing.T) {
	// Two weeks; the first session 12 nights ago. Used on 12, 10, 9, 8,
	// 5, 3 and 1 nights ago (7); 7 and 4 nights ago said "not tonight"
	// (2); 2, 6 and 11 nights ago missed (3); tonight is still to come,
	// and 13 nights ago was before the first night with supine.
	in := Input{Now: now, RolloverHour: 4, Weeks: 2, NotTonightKept: true}
	for _, ago := range []int{12, 10, 9, 8, 5, 3, 1} {
		in.Sessions = append(in.Sessions, session(ago, 4, 2))
	}
	pain := session(5, 4, 2)
	pain.StoppedForPain, pain.After = true, nil
	in.Sessions = append(in.Sessions, pain)
	// A session opened and quit at once is not a night used.
	in.Sessions = append(in.Sessions, history.Session{Start: evening(2), Routine: "tonight", Partial: true})
	in.NotTonight = []time.Time{evening(7).Add(-2 * time.Hour), evening(4).Add(-time.Hour), evening(4)}
	r := Build(in)
	if r.Used != 7 || r.SkippedOnPurpose != 2 || r.Missed != 3 {
		t.Fatalf("used %d, skipped on purpose %d, missed %d; want 7, 2, 3", r.Used, r.SkippedOnPurpose, r.Missed)
	}
	if want := `Used on 7 nights of 14; skipped on purpose ("not tonight") on 2; missed on 3.`; r.Glance[2] != want {
		t.Errorf("box line 3 = %q, want %q", r.Glance[2], want)
	}
	if want := "Stopped for pain on 1 night (5 Dec)."; r.Glance[3] != want {
		t.Errorf("box line 4 = %q, want %q", r.Glance[3], want)
	}
	if want := "No history rule fires today."; r.Glance[4] != want {
		t.Errorf("box line 5 = %q, want %q", r.Glance[4], want)
	}
	// Without the skips kept, the box does not claim there were none.
	in.NotTonightKept, in.NotTonight = false, nil
	if got := Build(in).Glance[2]; strings.Contains(got, "on purpose") {
		t.Errorf("box line 3 = %q: it counts skips the history does not keep", got)
	}
}

func TestTheRoutineShownIsTheOneUsed(t *testing.T) {
	in := inputs(t)["one_night"]
	// The settings now name another routine; the night used "tonight".
	for _, r := range routines.Builtins() {
		if r.Name != "tonight" {
			in.Routine = r
			break
		}
	}
	r := Build(in)
	if len(r.RoutinesUsed) != 1 || r.RoutinesUsed[0].Name != "tonight" || r.RoutinesUsed[0].Nights != 1 {
		t.Fatalf("routines used = %+v, want tonight on 1 night", r.RoutinesUsed)
	}
	text := r.Text()
	if !strings.Contains(text, "The routine on these nights") || strings.Contains(text, in.Routine.Title+" ("+in.Routine.Name+")") {
		t.Errorf("the report shows the routine set now, not the one used:\n%s", text)
	}
}

func TestTheCardKeepsItsAdviceInOneColumn(t *testing.T) {
	c, ok := BuildCard(urgentTonight(Input{Now: now, RolloverHour: 4}))
	if !ok {
		t.Fatal("no card")
	}
	if page := c.HTML(); strings.Contains(page, `class="cols"`) {
		t.Error("the card's HTML sets its advice in columns")
	}
	if page := Build(sixWeeks(t)).HTML(); !strings.Contains(page, `class="cols"`) {
		t.Error("the report no longer uses columns: this test checks nothing")
	}
}
