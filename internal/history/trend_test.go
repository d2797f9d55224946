package history

import (
	"strings"
	"testing"
	"time"
)

// checkins is a test history: before-scores on days counted from day 0.
type checkins []struct {
	day, before int
}

// sessions places each check-in at 22:00 local on its day (in loc) after base.
func (c checkins) sessions(base time.Time) []Session {
	var out []Session
	for _, ci := range c {
		y, m, d := base.Date()
		start := time.Date(y, m, d+ci.day, 22, 0, 0, 0, base.Location())
		out = append(out, Session{Start: start, Routine: "tonight", Before: Score(ci.before)})
	}
	return out
}

// spread makes n check-ins of value v on days from..to, as evenly as can be.
func spread(n, from, to, v int) checkins {
	var c checkins
	for i := range n {
		day := from
		if n > 1 {
			day = from + i*(to-from)/(n-1)
		}
		c = append(c, struct{ day, before int }{day, v})
	}
	return c
}

func join(parts ...checkins) checkins {
	var out checkins
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func one(day, v int) checkins { return checkins{{day, v}} }

func TestNoBetter(t *testing.T) {
	base := time.Date(2026, 9, 1, 12, 0, 0, 0, london(t))
	day := func(d, h int) time.Time {
		return time.Date(2026, 9, 1+d, h, 0, 0, 0, base.Location())
	}
	for _, tc := range []struct {
		name        string
		history     checkins
		now         time.Time
		want        bool
		first, last float64
	}{
		// Ten "before" check-ins, days 0 to 21, flat at 6: the rule speaks.
		{"10 check-ins over 21 days, no change", join(spread(4, 0, 3, 6), spread(3, 8, 13, 6), spread(3, 15, 21, 6)), day(21, 23), true, 6, 6},
		{"9 check-ins are not enough", join(spread(4, 0, 3, 6), spread(2, 8, 13, 6), spread(3, 15, 21, 6)), day(21, 23), false, 0, 0},
		{"20 days are not enough", join(spread(4, 0, 3, 6), spread(3, 8, 13, 6), spread(3, 14, 20, 6)), day(20, 23), false, 0, 0},
		{"21 days are", join(spread(4, 0, 3, 6), spread(3, 8, 13, 6), spread(3, 14, 21, 6)), day(21, 23), true, 6, 6},
		// First week 6.0 (10 check-ins, sum 60), last 5.0: eased by exactly 1.
		{"eased by exactly 1.0: quiet", join(spread(10, 0, 6, 6), one(21, 5)), day(21, 23), false, 0, 0},
		// First week 5.9 (sum 59 over 10), last 5.0: eased by 0.9.
		{"eased by 0.9: speaks", join(spread(9, 0, 6, 6), one(6, 5), one(21, 5)), day(21, 23), true, 5.9, 5},
		// 7.3 and 6.3: exactly 1.0, though 7.3-6.3 is 0.9999999999999996 in floating point.
		{"eased by exactly 1.0 in decimals: quiet",
			join(spread(7, 0, 6, 7), spread(3, 0, 6, 8), spread(7, 15, 21, 6), spread(3, 15, 21, 7)), day(21, 23), false, 0, 0},
		{"worse: speaks", join(spread(5, 0, 6, 4), spread(5, 15, 21, 7)), day(21, 23), true, 4, 7},
		{"much better: quiet", join(spread(5, 0, 6, 8), spread(5, 15, 21, 3)), day(21, 23), false, 0, 0},
		{"nothing in the last seven nights: quiet", join(spread(10, 0, 21, 6)), day(29, 23), false, 0, 0},
		{"last seven nights counted back from now", join(spread(10, 0, 21, 6)), day(27, 23), true, 6, 6},
		{"future check-ins do not count", join(spread(9, 0, 21, 6), one(30, 6)), day(21, 23), false, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nudge, ok := NoBetter(tc.history.sessions(base), tc.now, DefaultRolloverHour)
			if ok != tc.want {
				t.Fatalf("NoBetter speaks = %v, want %v (%+v)", ok, tc.want, nudge)
			}
			if !ok {
				return
			}
			if nudge.First.Avg() != tc.first || nudge.Last.Avg() != tc.last {
				t.Errorf("averages %.2f then %.2f, want %.2f then %.2f", nudge.First.Avg(), nudge.Last.Avg(), tc.first, tc.last)
			}
			if !strings.Contains(nudge.Text, "GP or physiotherapist") {
				t.Errorf("text does not say whom to book: %s", nudge.Text)
			}
		})
	}
}

func TestNoBetterFiguresAndWords(t *testing.T) {
	base := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	h := join(spread(4, 0, 6, 6), spread(4, 8, 14, 6), spread(4, 17, 23, 7)).sessions(base)
	// Check-ins with only an "after" score do not count.
	h = append(h, Session{Start: base.AddDate(0, 0, 5), After: Score(2)})
	nudge, ok := NoBetter(h, time.Date(2026, 9, 24, 23, 0, 0, 0, time.UTC), DefaultRolloverHour)
	if !ok {
		t.Fatal("no nudge")
	}
	if nudge.Checkins != 12 || nudge.DaysSpanned != 23 || nudge.First.N != 4 || nudge.Last.N != 4 {
		t.Errorf("figures %+v", nudge)
	}
	wantText := "Your tightness before the routine averaged 7.0 over the last 7 nights (18–24 Sep), " +
		"against 6.0 in your first week (1–7 Sep): over 23 nights and 12 check-ins it has gone up. " +
		"When it is no better after several weeks of looking after it yourself, book an appointment with a GP " +
		"or physiotherapist. " + physioPlan
	if nudge.Text != wantText {
		t.Errorf("text\n%s\nwant\n%s", nudge.Text, wantText)
	}
	wantShort := "No easier after 23 nights (6.0 then, 7.0 now): worth booking a GP or physio."
	if nudge.Short != wantShort {
		t.Errorf("short\n%s\nwant\n%s", nudge.Short, wantShort)
	}
}

// 21 days across the autumn clock change are 21 nights, though one of
// those days lasts 25 hours.
func TestNoBetterAcrossDaylightSaving(t *testing.T) {
	ldn := london(t)
	base := time.Date(2026, 10, 15, 12, 0, 0, 0, ldn) // day 10 is 25 October
	for _, tc := range []struct {
		last int
		want bool
	}{{20, false}, {21, true}} {
		h := join(spread(4, 0, 3, 6), spread(3, 8, 13, 6), spread(3, tc.last-5, tc.last, 6)).sessions(base)
		now := time.Date(2026, 10, 15+tc.last, 23, 0, 0, 0, ldn)
		if _, ok := NoBetter(h, now, DefaultRolloverHour); ok != tc.want {
			t.Errorf("last check-in on day %d: speaks = %v, want %v", tc.last, ok, tc.want)
		}
	}
	// And a check-in at 01:00 belongs to the evening before, so this history
	// spans only 20 nights.
	h := join(spread(4, 0, 3, 6), spread(3, 8, 13, 6), spread(2, 15, 20, 6)).sessions(base)
	h = append(h, Session{Start: time.Date(2026, 11, 5, 1, 0, 0, 0, ldn), Before: Score(6)}) // day 21, 01:00
	if _, ok := NoBetter(h, time.Date(2026, 11, 5, 2, 0, 0, 0, ldn), DefaultRolloverHour); ok {
		t.Error("a check-in after midnight stretched the span to 21 days")
	}
}

func TestWeekly(t *testing.T) {
	ldn := london(t)
	now := time.Date(2026, 11, 24, 23, 0, 0, 0, ldn) // a Tuesday night
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, ldn) }
	sessions := []Session{
		{Start: at(11, 24, 22), Before: Score(4), After: Score(2)},
		{Start: at(11, 18, 22), Before: Score(6), After: Score(3)}, // first night of the last week
		{Start: at(11, 18, 2), Before: Score(9)},                   // 02:00 belongs to the 17th: week before
		{Start: at(11, 17, 22), Before: Score(7)},
		{Start: at(10, 21, 22), Before: Score(3)},                 // first night of a week with the clock change
		{Start: at(10, 27, 22), Before: Score(5)},                 // and its last
		{Start: at(9, 30, 22), Before: Score(8), After: Score(5)}, // first night of the oldest week
		{Start: at(9, 29, 22), Before: Score(10)},                 // before the chart
		{Start: at(11, 25, 22), Before: Score(1)},                 // the future
		{Start: at(11, 20, 22)},                                   // no check-ins
	}
	weeks := Weekly(sessions, now, 8, DefaultRolloverHour)
	if len(weeks) != 8 {
		t.Fatalf("%d weeks", len(weeks))
	}
	last, prev, oldest := weeks[7], weeks[6], weeks[0]
	if !last.From.Equal(at(11, 18, 0)) || !last.To.Equal(at(11, 24, 0)) {
		t.Errorf("last week %v to %v", last.From, last.To)
	}
	if !oldest.From.Equal(at(9, 30, 0)) || !oldest.To.Equal(at(10, 6, 0)) {
		t.Errorf("oldest week %v to %v (the clocks changed on 25 October)", oldest.From, oldest.To)
	}
	if dst := weeks[3]; !dst.From.Equal(at(10, 21, 0)) || dst.Before != (Mean{8, 2}) {
		t.Errorf("week of the clock change: %+v", dst)
	}
	if last.Before != (Mean{10, 2}) || last.After != (Mean{5, 2}) {
		t.Errorf("last week before %+v after %+v", last.Before, last.After)
	}
	if prev.Before != (Mean{16, 2}) || prev.After.N != 0 {
		t.Errorf("week before before %+v after %+v", prev.Before, prev.After)
	}
	if oldest.Before != (Mean{8, 1}) || oldest.After != (Mean{5, 1}) {
		t.Errorf("oldest week before %+v after %+v", oldest.Before, oldest.After)
	}
	for _, i := range []int{1, 2, 4, 5} {
		if weeks[i].Before.N != 0 || weeks[i].After.N != 0 {
			t.Errorf("week %d has check-ins: %+v", i, weeks[i])
		}
	}
	if Weekly(sessions, now, 0, DefaultRolloverHour) != nil {
		t.Error("zero weeks should be nil")
	}
}

func TestThisWeekVsFirst(t *testing.T) {
	base := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	at := func(d int) time.Time { return time.Date(2026, 9, 1+d, 23, 0, 0, 0, time.UTC) }
	h := join(spread(3, 0, 6, 7), spread(2, 10, 12, 5), spread(2, 13, 19, 4)).sessions(base)
	if _, ok := ThisWeekVsFirst(h, at(12), DefaultRolloverHour); ok {
		t.Error("compared overlapping weeks (first week 0-6, this week 6-12)")
	}
	c, ok := ThisWeekVsFirst(h, at(13), DefaultRolloverHour)
	if !ok || c.First.Before != (Mean{21, 3}) || c.This.Before != (Mean{14, 3}) {
		t.Errorf("day 13: %+v %v", c, ok)
	}
	if _, ok := ThisWeekVsFirst(h, at(30), DefaultRolloverHour); ok {
		t.Error("compared with an empty week")
	}
	if _, ok := ThisWeekVsFirst(nil, at(30), DefaultRolloverHour); ok {
		t.Error("compared nothing")
	}
}
