package psfs

import (
	"strings"
	"testing"
	"time"
)

// now is Thursday 10 December 2026, 21:30.
var now = time.Date(2026, 12, 10, 21, 30, 0, 0, time.UTC)

func night(daysAgo int) time.Time { return time.Date(2026, 12, 10-daysAgo, 22, 0, 0, 0, time.UTC) }

var socks = Activity{ID: 1, Name: "Putting on socks", Added: night(30)}

func TestStatusAt(t *testing.T) {
	dropped := Activity{ID: 2, Name: "Gardening", Added: night(30), Dropped: night(20)}
	tests := []struct {
		name     string
		acts     []Activity
		ratings  []Rating
		now      time.Time
		due      bool
		named    bool
		nextDays int // days before now of Next; -1 for none
	}{
		{"nothing named is never due", nil, nil, now, false, false, -1},
		{"only a dropped activity", []Activity{dropped}, nil, now, false, false, -1},
		{"named, never rated", []Activity{socks}, nil, now, true, true, -1},
		{"rated 6 nights ago", []Activity{socks}, []Rating{{At: night(6), ActivityID: 1, Score: 3}}, now, false, true, -1},
		{"rated 7 nights ago", []Activity{socks}, []Rating{{At: night(7), ActivityID: 1, Score: 3}}, now, true, true, 0},
		{"rated at 01:00 belongs to the night before", []Activity{socks},
			[]Rating{{At: time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC), ActivityID: 1, Score: 3}}, now, true, true, 0},
		{"only the dropped activity was rated lately", []Activity{socks, dropped},
			[]Rating{{At: night(10), ActivityID: 1, Score: 3}, {At: night(1), ActivityID: 2, Score: 3}}, now, true, true, 0},
		{"a rating dated in the future does not count", []Activity{socks},
			[]Rating{{At: now.Add(48 * time.Hour), ActivityID: 1, Score: 3}}, now, true, true, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := StatusAt(tt.acts, tt.ratings, tt.now, 4)
			if st.Due != tt.due || st.Named != tt.named {
				t.Fatalf("StatusAt = %+v, want due %v, named %v", st, tt.due, tt.named)
			}
		})
	}
	st := StatusAt([]Activity{socks}, []Rating{{At: night(3), ActivityID: 1, Score: 3}}, now, 4)
	if want := time.Date(2026, 12, 14, 0, 0, 0, 0, time.UTC); !st.Next.Equal(want) {
		t.Errorf("next sitting %v, want %v (a week after the night of 7 Dec)", st.Next, want)
	}
}

func TestSittingsAndTheirAverage(t *testing.T) {
	r := []Rating{
		{At: night(14), ActivityID: 1, Score: 2}, {At: night(14), ActivityID: 2, Score: 5},
		{At: night(7), ActivityID: 2, Score: 6}, {At: night(7), ActivityID: 1, Score: 3},
		{At: night(0), ActivityID: 1, Score: 6}, {At: night(0), ActivityID: 2, Score: 7},
	}
	s := Sittings(r)
	if len(s) != 3 {
		t.Fatalf("%d sittings, want 3", len(s))
	}
	if got := s[0].Average(); got != 3.5 {
		t.Errorf("first average %v, want 3.5", got)
	}
	first, last, ok := AverageChange(s)
	if !ok || first.Average() != 3.5 || last.Average() != 6.5 {
		t.Fatalf("AverageChange = %v, %v, %v; want 3.5 to 6.5", first.Average(), last.Average(), ok)
	}
	if w := AverageWords(first, last); !strings.Contains(w, "up 3, at least the detectable 2 points") {
		t.Errorf("AverageWords = %q", w)
	}
	// A sitting over other activities is not compared with the last.
	s2 := Sittings(append(r[:1:1], Rating{At: night(0), ActivityID: 3, Score: 9}))
	if _, _, ok := AverageChange(s2); ok {
		t.Error("averages over different activities were compared")
	}
}

func TestChangeWords(t *testing.T) {
	for _, tt := range []struct {
		scores []int
		want   string
	}{
		{nil, "not rated yet."},
		{[]int{4}, "4 on 8 Dec; rated once so far."},
		{[]int{4, 4}, "no change."},
		{[]int{3, 5}, "up 2, under the detectable 3 points"},
		{[]int{3, 6}, "up 3, at least the detectable 3 points"},
		{[]int{8, 4}, "down 4, at least the detectable 3 points"},
	} {
		s := Series{Activity: socks}
		for i, v := range tt.scores {
			s.Points = append(s.Points, Point{At: night(2 - i), Score: v})
		}
		if got := ChangeWords(s); !strings.Contains(got, tt.want) {
			t.Errorf("ChangeWords(%v) = %q, want it to say %q", tt.scores, got, tt.want)
		}
	}
}

func TestSeriesOfKeepsTheReportsWeeks(t *testing.T) {
	r := []Rating{{At: night(60), ActivityID: 1, Score: 1}, {At: night(7), ActivityID: 1, Score: 4}, {At: night(0), ActivityID: 1, Score: 5}}
	s := SeriesOf([]Activity{socks}, r, night(42))
	if len(s) != 1 || len(s[0].Points) != 2 || s[0].Points[0].Score != 4 {
		t.Fatalf("SeriesOf = %+v, want the two ratings since six weeks ago", s)
	}
}
