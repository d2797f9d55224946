package trial

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// handTrial's order is written out, not drawn, so that each night's arm
// can be read off: pair 1 heat first, pair 2 without first, and so on.
var handOrder = []bool{true, false, true, false, false, true, true, false}

func handTrial() Trial {
	return Trial{ID: 1, Kind: KindHeat, Started: evening(-1), FirstNight: first, Seed: 7, HeatFirst: handOrder, Outcome: Outcome}
}

// night is a finished session on night i: heat on or not, with its
// ratings.
func night(i int, heat bool, before, after int) history.Session {
	s := history.Session{Start: evening(i), End: evening(i).Add(20 * time.Minute), Routine: "tonight",
		Completed: []string{"Knee rolls", "Settle in"}, Before: history.Score(before), After: history.Score(after), HeatKnown: true}
	if heat {
		s.HeatMinutes, s.HeatStart, s.HeatSeconds = 15, evening(i).Add(time.Minute), 900
		s.Completed = append([]string{"Heat"}, s.Completed...)
	}
	return s
}

// handHistory is sixteen nights worked by hand: every way a night can
// fail to count, once each, and two pairs that count.
//
//	night  arm      what happened                  status
//	0      heat     after 3                        counts
//	1      without  after 5                        counts        pair 1: 2 less tight with heat
//	2      without  no routine                     skipped       pair 2 does not count
//	3      heat     after 3                        counts
//	4      heat     URGENT check that evening      void          pair 3 does not count
//	5      without  after 5                        counts
//	6      without  after 5                        counts
//	7      heat     stopped for pain               pain stop     pair 4 does not count
//	8      without  after 5                        counts
//	9      heat     the pad never went on          heat not given
//	10     heat     after 3                        counts
//	11     without  the pad went on                heat given
//	12     heat     after 3                        counts
//	13     without  no "after" rating              no after
//	14     without  after 4                        counts
//	15     heat     after 4                        counts        pair 8: the same
//	16     (after the trial) before 5
func handHistory() ([]history.Session, []history.Check) {
	var s []history.Session
	for i, sc := range Schedule(handTrial()) {
		after := 5
		if sc.Heat {
			after = 3
		}
		if i >= 14 {
			after = 4
		}
		n := night(i, sc.Heat, 6+i%2, after)
		switch i {
		case 2:
			continue
		case 4:
			n.RedFlag, n.Completed, n.HeatSeconds, n.HeatMinutes, n.HeatStart, n.After = history.TierUrgent, nil, 0, 0, time.Time{}, nil
		case 7:
			n.StoppedForPain, n.PainStep, n.After, n.Partial = true, "Knee rolls (left)", nil, true
		case 9:
			n.HeatMinutes, n.HeatSeconds, n.HeatStart = 0, 0, time.Time{}
		case 11:
			n.HeatMinutes, n.HeatStart, n.HeatSeconds = 15, evening(11).Add(time.Minute), 600
		case 13:
			n.After = nil
		}
		s = append(s, n)
	}
	s = append(s, night(16, true, 5, 3))
	checks := []history.Check{{At: evening(4).Add(-time.Minute), Tier: history.TierUrgent, Yes: []string{"fever-unwell"}, Full: true}}
	return s, checks
}

func TestEachNightCountsOrSaysWhyNot(t *testing.T) {
	sessions, checks := handHistory()
	r := Evaluate(handTrial(), sessions, checks, evening(16).Add(time.Hour), 4)
	want := []Status{Counted, Counted, Skipped, Counted, Void, Counted, Counted, PainStop,
		Counted, HeatNotGiven, Counted, HeatGiven, Counted, NoAfter, Counted, Counted}
	for i, n := range r.Nights {
		if n.Status != want[i] {
			t.Errorf("night %d (%s): %s, want %s", i, Label(n.Scheduled), Why(n.Status), Why(want[i]))
		}
	}
	if !r.Progress.Done || r.Progress.Counted != 10 || r.Progress.Left != 0 {
		t.Errorf("done %v, %d nights counted, %d left; want done, 10, 0", r.Progress.Done, r.Progress.Counted, r.Progress.Left)
	}
	if r.PairsCounted() != 2 || r.HeatBetter != 1 || r.WithoutBetter != 0 || r.Within != 1 || r.MeanDiff != 1 {
		t.Errorf("pairs: %d count, %d heat better, %d without, %d within, mean %v; want 2, 1, 0, 1, 1",
			r.PairsCounted(), r.HeatBetter, r.WithoutBetter, r.Within, r.MeanDiff)
	}
	p1, p8 := r.Pairs[0], r.Pairs[7]
	if !p1.Counts || p1.Diff != 2 || p1.NextDiff != nil {
		t.Errorf("pair 1: %+v; want it to count, 2 points, and no next-evening difference (night 2 was skipped)", p1)
	}
	if !p8.Counts || p8.Diff != 0 || p8.NextDiff == nil || *p8.NextDiff != 2 {
		t.Errorf("pair 8: %+v; want it to count, 0 points, and the next evenings 7 (after the night without) and 5 (the evening after the trial)", p8)
	}
	lines := make([]string, len(r.Pairs))
	for i, p := range r.Pairs {
		lines[i] = PairLine(p)
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{
		"Pair 1 (Mon 2 Nov, with heat; Tue 3 Nov, without heat): after the routine 3 with heat, 5 without: 2 points less tight with heat, at least the 2-point threshold.",
		"Pair 2 (Wed 4 Nov, without heat; Thu 5 Nov, with heat): does not count. Wed 4 Nov does not count: no routine that night.",
		"Fri 6 Nov does not count: an EMERGENCY or URGENT check closed the routine",
		"does not count: stopped for pain",
		"a night with heat, but the pad did not go on",
		"a night without heat, but the pad went on",
		"no \"after\" rating",
		"after the routine 4 with heat, 4 without: the same.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the pairs do not say %q:\n%s", want, all)
		}
	}
	sum := strings.Join(Summary(r), " ")
	if !strings.Contains(sum, "2 of 8 pairs count. In 1 the night with heat ended 2 or more points less tight; in 0 the night without heat did; in 1 the two were within 2 points.") {
		t.Errorf("summary: %s", sum)
	}
}

func TestTheResultsStayHiddenUntilTheLastPairIsDone(t *testing.T) {
	sessions, checks := handHistory()
	tr := handTrial()
	for _, tt := range []struct {
		name string
		now  time.Time
		done bool
	}{
		{"before the first night", evening(-1), false},
		{"half way", evening(7).Add(time.Hour), false},
		{"on the last evening, before its routine", evening(15).Add(-time.Hour), false},
		{"on the last evening, its routine finished", evening(15).Add(time.Hour), true},
		{"the morning after", day(16).Add(9 * time.Hour), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, ok := Results(tr, sessions, checks, tt.now, 4)
			if ok != tt.done {
				t.Fatalf("Results ok = %v, want %v", ok, tt.done)
			}
			p := ProgressOf(tr, sessions, checks, tt.now, 4)
			for _, n := range p.Nights {
				if n.After != nil || n.Before != nil || n.NextBefore != nil {
					t.Fatalf("the progress carries a rating: %+v", n)
				}
			}
			text := strings.Join(ProgressLines(p), "\n")
			for _, leak := range []string{"less tight", "after the routine 3", "with heat, 5"} {
				if strings.Contains(text, leak) {
					t.Errorf("the progress says %q:\n%s", leak, text)
				}
			}
			if !tt.done && !strings.Contains(text, "The results stay hidden until the last pair is done") {
				t.Errorf("the progress does not say the results are hidden:\n%s", text)
			}
		})
	}
	p := ProgressOf(tr, sessions, checks, evening(15).Add(-time.Hour), 4)
	if p.Tonight == nil || !p.Tonight.Heat || p.Left != 1 {
		t.Errorf("on the last evening: tonight %+v, %d left; want night 16 with heat, 1 left", p.Tonight, p.Left)
	}
	if text := strings.Join(ProgressLines(p), "\n"); !strings.Contains(text, "Heat trial, night 16 of 16: a night with heat.") ||
		!strings.Contains(text, "9 nights count so far; 6 do not: Wed 4 Nov (no routine that night); Fri 6 Nov") {
		t.Errorf("the progress on the last evening:\n%s", text)
	}
}

func TestAStoppedTrialSaysWhatItHad(t *testing.T) {
	sessions, checks := handHistory()
	tr := handTrial()
	tr.Stopped = evening(5).Add(time.Hour) // after night 5's routine
	now := evening(6)
	r, ok := Results(tr, sessions, checks, now, 4)
	if !ok {
		t.Fatal("a stopped trial shows no results")
	}
	for i, n := range r.Nights {
		if i >= 6 && n.Status != NotReached {
			t.Errorf("night %d after the stop: %s", i, Why(n.Status))
		}
		if i < 6 && n.Status == NotReached {
			t.Errorf("night %d before the stop is not reached", i)
		}
	}
	if r.Progress.Tonight != nil {
		t.Error("a stopped trial still has a tonight")
	}
	sum := strings.Join(Summary(r), " ")
	if !strings.Contains(sum, "The trial was stopped on Sat 7 Nov, after 3 pairs of 8; this is what it had.") || !strings.Contains(sum, "1 of 8 pairs count") {
		t.Errorf("summary: %s", sum)
	}
	// Stopped on its night before the routine: that night is not reached.
	tr.Stopped = evening(5).Add(-time.Hour)
	r, _ = Results(tr, sessions, checks, now, 4)
	if r.Nights[5].Status != NotReached {
		t.Errorf("the night stopped before its routine: %s", Why(r.Nights[5].Status))
	}
}

func TestASeriousCheckInTheSmallHoursVoidsTheNextEvening(t *testing.T) {
	// An URGENT answer at 03:30 belongs to the night before (roll-over at
	// 04:00), but it closes the routine for 12 hours: a routine at 14:00
	// the same day is inside them.
	tr := Trial{Kind: KindHeat, FirstNight: first, HeatFirst: []bool{true}, Outcome: Outcome}
	check := history.Check{At: day(0).Add(3*time.Hour + 30*time.Minute), Tier: history.TierUrgent, Full: true}
	s := night(0, true, 5, 3)
	s.Start = day(0).Add(14 * time.Hour)
	r := Evaluate(tr, []history.Session{s}, []history.Check{check}, day(3), 4)
	if r.Nights[0].Status != Void {
		t.Errorf("night 0: %s, want void", Why(r.Nights[0].Status))
	}
	s.Start = day(0).Add(22 * time.Hour) // 18.5 hours later
	r = Evaluate(tr, []history.Session{s}, []history.Check{check}, day(3), 4)
	if r.Nights[0].Status != Counted {
		t.Errorf("night 0, 18 hours after: %s, want it to count", Why(r.Nights[0].Status))
	}
}
