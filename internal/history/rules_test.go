package history

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// everyNight is one "before" check-in a night, from day `from` to day `to`, each
// of the values in turn (the last repeats).
func everyNight(from, to int, values ...int) checkins {
	var c checkins
	for d := from; d <= to; d++ {
		v := values[min(d-from, len(values)-1)]
		c = append(c, struct{ day, before int }{d, v})
	}
	return c
}

// rulesBase is day 0: Sunday 1 November 2026, London (winter time). Day 27 is
// Saturday 28 November, so the last seven nights are 22 to 28 November and
// the weeks before them start on 15, 8 and 1 November.
func rulesBase(t *testing.T) (base, now time.Time) {
	ldn := london(t)
	return time.Date(2026, 11, 1, 12, 0, 0, 0, ldn), time.Date(2026, 11, 28, 23, 0, 0, 0, ldn)
}

func rulesOf(nudges []Nudge) []Rule {
	var out []Rule
	for _, n := range nudges {
		out = append(out, n.Rule)
	}
	return out
}

func TestRules(t *testing.T) {
	base, now := rulesBase(t)
	for _, tc := range []struct {
		name    string
		history checkins
		want    []Rule
	}{
		{"no tightness, every night for four weeks", everyNight(0, 27, 0), nil},
		{"mild and flat: under 3 never speaks", everyNight(0, 27, 2), nil},
		// 0 in the first three weeks, 2.9 (20 over 7) in the last: up by 2.9
		// and no better, but mild.
		{"a mild relapse to 2.9 stays quiet", join(everyNight(0, 20, 0), everyNight(21, 27, 2, 3, 3, 3, 3, 3, 3)), nil},
		{"the same relapse at exactly 3.0 speaks, but not as no better", join(everyNight(0, 20, 0), everyNight(21, 27, 3)),
			[]Rule{RuleGettingWorse}},
		{"relapse: a good week, then 5", join(everyNight(0, 6, 2), everyNight(7, 20, 3), everyNight(21, 27, 5)),
			[]Rule{RuleGettingWorse, RuleNoBetter}},
		// First week 6.0; last seven nights 36/7 = 5.14: eased by less than 1.
		{"slow easing: no better", join(everyNight(0, 20, 6), everyNight(21, 27, 6, 5)), []Rule{RuleNoBetter}},
		{"eased by exactly 1: quiet", join(everyNight(0, 20, 6), everyNight(21, 27, 5)), nil},
		{"easing well: quiet", join(everyNight(0, 20, 7), everyNight(21, 27, 4)), nil},
		{"too little data for either", join(everyNight(0, 1, 1), everyNight(25, 27, 6)), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Rules(tc.history.sessions(base), now, DefaultRolloverHour)
			if !reflect.DeepEqual(rulesOf(got), tc.want) {
				t.Fatalf("rules %v, want %v", rulesOf(got), tc.want)
			}
			first, ok := WeeksRule(tc.history.sessions(base), now, DefaultRolloverHour)
			if ok != (len(tc.want) > 0) || (ok && first.Rule != tc.want[0]) {
				t.Errorf("WeeksRule = %v %v, want the first of %v", first.Rule, ok, tc.want)
			}
			for _, n := range got {
				if !strings.Contains(n.Text, "GP or physiotherapist") || !strings.Contains(n.Short, "worth booking") {
					t.Errorf("%s does not say whom to book:\n%s\n%s", n.Rule, n.Text, n.Short)
				}
			}
		})
	}
}

func TestGettingWorseFiguresAndWords(t *testing.T) {
	base, now := rulesBase(t)
	h := join(everyNight(0, 6, 2), everyNight(7, 20, 3), everyNight(21, 27, 5)).sessions(base)
	n, ok := GettingWorse(h, now, DefaultRolloverHour)
	if !ok {
		t.Fatal("a relapse from 2 to 5 is silent")
	}
	ldn := now.Location()
	if !n.Then.From.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, ldn)) || !n.Recent.From.Equal(time.Date(2026, 11, 22, 0, 0, 0, 0, ldn)) {
		t.Errorf("weeks compared: best from %v, recent from %v", n.Then.From, n.Recent.From)
	}
	if n.Then.Before != (Mean{14, 7}) || n.Recent.Before != (Mean{35, 7}) || n.First != n.Then.Before || n.Last != n.Recent.Before {
		t.Errorf("figures %+v", n)
	}
	wantText := "Your tightness before the routine averaged 5.0 over the last 7 nights (22–28 Nov), " +
		"against 2.0 in your best week (1–7 Nov): it is getting worse. Book an appointment with a GP or " +
		"physiotherapist. " + physioPlan
	if n.Text != wantText {
		t.Errorf("text\n%s\nwant\n%s", n.Text, wantText)
	}
	if want := "Getting worse (5.0 this week, 2.0 in 1–7 Nov): worth booking a GP or physio."; n.Short != want {
		t.Errorf("short\n%s\nwant\n%s", n.Short, want)
	}
}

// Getting worse needs 3 check-ins in each week it compares, 2 points exactly
// (no floating point), and a best week within 8 weeks.
func TestGettingWorseBoundaries(t *testing.T) {
	base, now := rulesBase(t)
	three := func(from int, v ...int) checkins {
		return checkins{{from, v[0]}, {from + 2, v[1]}, {from + 4, v[2]}}
	}
	for _, tc := range []struct {
		name    string
		history checkins
		want    bool
	}{
		{"3.0 then 5.0: exactly 2 up", join(three(0, 3, 3, 3), three(21, 5, 5, 5)), true},
		{"3.0 then 4.67: not 2 up", join(three(0, 3, 3, 3), three(21, 5, 5, 4)), false},
		{"3.33 then 5.33: exactly 2 up in thirds", join(three(0, 3, 3, 4), three(21, 5, 5, 6)), true},
		{"only 2 check-ins in the last seven nights", join(three(0, 1, 1, 1), checkins{{25, 9}, {27, 9}}), false},
		{"only 2 check-ins in the earlier week", join(checkins{{0, 1}, {2, 1}}, three(21, 9, 9, 9)), false},
		{"the best week is the one that counts", join(three(0, 4, 4, 4), three(7, 2, 2, 2), three(14, 6, 6, 6), three(21, 4, 4, 4)), true},
		{"a week 9 weeks back is too far", join(three(-42, 1, 1, 1), three(21, 6, 6, 6)), false},
		{"a week 8 weeks back counts", join(three(-35, 1, 1, 1), three(21, 6, 6, 6)), true},
		{"skipped check-ins are not zeros", append(join(three(0, 3, 3, 3), three(21, 5, 5, 5)), struct{ day, before int }{23, -1}), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.history.sessions(base)
			for i := range h {
				if *h[i].Before < 0 {
					h[i].Before = nil // a skipped check-in
				}
			}
			if _, ok := GettingWorse(h, now, DefaultRolloverHour); ok != tc.want {
				t.Errorf("speaks = %v, want %v", ok, tc.want)
			}
		})
	}
}

// TestRulesCountNightsWithTheGivenRollover: the rules count nights as the
// screens, the report and tonight's gate do, with the person's rollover
// hour. A yes at 23:00 and another at 05:00 the next morning are two nights
// with the default 04:00 rollover and one night with a 06:00 rollover.
func TestRulesCountNightsWithTheGivenRollover(t *testing.T) {
	base, now := rulesBase(t)
	sessions := []Session{woke(base, 25, 23, true), woke(base, 26, 5, true)}
	if _, ok := WakingAtNight(sessions, now, 4); !ok {
		t.Errorf("rollover 04:00: two nights with a yes, want the waking rule to speak")
	}
	if n, ok := WakingAtNight(sessions, now, 6); ok {
		t.Errorf("rollover 06:00: one night, want silence; it said %q", n.Short)
	}
	if got := rulesOf(Rules(sessions, now, 6)); len(got) != 0 {
		t.Errorf("Rules with a 06:00 rollover = %v, want none", got)
	}
}

// woke is a session on day d at hour h (after base's date) answering the
// waking question.
func woke(base time.Time, d, h int, yes bool) Session {
	y, m, dd := base.Date()
	return Session{Start: time.Date(y, m, dd+d, h, 0, 0, 0, base.Location()), Routine: "tonight",
		Before: Score(5), Woke: Answer(yes)}
}

func TestWakingAtNight(t *testing.T) {
	base, now := rulesBase(t)
	ldn := now.Location()
	for _, tc := range []struct {
		name     string
		sessions []Session
		want     []time.Time
	}{
		{"twice in the last seven nights", []Session{woke(base, 23, 22, true), woke(base, 24, 22, false), woke(base, 25, 22, true)},
			[]time.Time{time.Date(2026, 11, 24, 0, 0, 0, 0, ldn), time.Date(2026, 11, 26, 0, 0, 0, 0, ldn)}},
		{"once", []Session{woke(base, 23, 22, true), woke(base, 24, 22, false), woke(base, 25, 22, false)}, nil},
		{"twice, one of them 8 nights ago", []Session{woke(base, 20, 22, true), woke(base, 25, 22, true)}, nil},
		{"twice on the first and last of the seven nights", []Session{woke(base, 21, 22, true), woke(base, 27, 22, true)},
			[]time.Time{time.Date(2026, 11, 22, 0, 0, 0, 0, ldn), time.Date(2026, 11, 28, 0, 0, 0, 0, ldn)}},
		// 01:00 on day 26 belongs to the night of day 25.
		{"twice in one night counts once", []Session{woke(base, 25, 22, true), woke(base, 26, 1, true)}, nil},
		{"not asked is not a yes", []Session{woke(base, 25, 22, true), {Start: base.AddDate(0, 0, 26), Before: Score(5)}}, nil},
		{"answers after now do not count", []Session{woke(base, 25, 22, true), woke(base, 28, 22, true)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, ok := WakingAtNight(tc.sessions, now, DefaultRolloverHour)
			if ok != (tc.want != nil) {
				t.Fatalf("speaks = %v, want %v (%+v)", ok, tc.want != nil, n)
			}
			if ok && !reflect.DeepEqual(n.Woken, tc.want) {
				t.Errorf("nights %v, want %v", n.Woken, tc.want)
			}
		})
	}
	n, _ := WakingAtNight([]Session{woke(base, 23, 22, true), woke(base, 24, 22, false), woke(base, 25, 22, true)}, now, DefaultRolloverHour)
	if n.Rule != RuleWaking || n.Asked != 3 {
		t.Errorf("rule %q, asked on %d nights; want waking, 3", n.Rule, n.Asked)
	}
	wantText := "You said back pain had woken you on 2 of the last 7 nights (answered on 24 Nov and 26 Nov). " +
		"Pain that wakes you is worth a proper look: book an appointment with a GP or physiotherapist. " + physioPlan
	if n.Text != wantText {
		t.Errorf("text\n%s\nwant\n%s", n.Text, wantText)
	}
	if want := "Pain woke you 2 times in 7 nights (24 Nov and 26 Nov): worth booking a GP or physio."; n.Short != want {
		t.Errorf("short\n%s\nwant\n%s", n.Short, want)
	}
}

func TestAfterStretches(t *testing.T) {
	for _, tc := range []struct {
		name          string
		before, after *int
		want          bool
	}{
		{"2 points worse", Score(4), Score(6), true},
		{"1 point worse", Score(4), Score(5), false},
		{"much worse", Score(2), Score(9), true},
		{"the same", Score(5), Score(5), false},
		{"better", Score(6), Score(3), false},
		{"2 worse but mild (0 to 2)", Score(0), Score(2), false},
		{"1 to 3 is 2 worse and no longer mild", Score(1), Score(3), true},
		{"no after check-in", Score(4), nil, false},
		{"no before check-in", nil, Score(8), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, ok := AfterStretches(Session{Start: time.Unix(0, 0), Before: tc.before, After: tc.after})
			if ok != tc.want {
				t.Fatalf("speaks = %v, want %v", ok, tc.want)
			}
			if ok && (n.Rule != RuleWorseAfterStretches || n.Before != *tc.before || n.After != *tc.after) {
				t.Errorf("figures %+v", n)
			}
		})
	}
	n, _ := AfterStretches(Session{Before: Score(4), After: Score(6)})
	wantText := "Your tightness was 4 before the routine and 6 after it. The stretches may not suit you right now: " +
		"leave them out tomorrow, and if it stays like this, take the full check."
	if n.Text != wantText {
		t.Errorf("text\n%s\nwant\n%s", n.Text, wantText)
	}
}

func TestDateWords(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		w    Week
		want string
	}{
		{Week{From: at(2026, 11, 23), To: at(2026, 11, 29)}, "23–29 Nov"},
		{Week{From: at(2026, 11, 28), To: at(2026, 12, 4)}, "28 Nov – 4 Dec"},
		{Week{From: at(2026, 12, 28), To: at(2027, 1, 3)}, "28 Dec 2026 – 3 Jan 2027"},
	} {
		if got := dateRange(tc.w); got != tc.want {
			t.Errorf("dateRange = %q, want %q", got, tc.want)
		}
	}
	days := []time.Time{at(2026, 11, 30), at(2026, 12, 1), at(2026, 12, 2)}
	if got := dayList(days); got != "30 Nov, 1 Dec and 2 Dec" {
		t.Errorf("dayList = %q", got)
	}
	if got := dayList(days[:1]); got != "30 Nov" {
		t.Errorf("dayList of one = %q", got)
	}
}
