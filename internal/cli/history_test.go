package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

func TestHistoryLine(t *testing.T) {
	loc := time.FixedZone("here", 3600)
	now := time.Date(2026, 11, 30, 22, 0, 0, 0, loc)
	five, three := 5, 3
	tests := []struct {
		name string
		s    history.Session
		want string
	}{
		{"after midnight belongs to the evening before",
			history.Session{Start: time.Date(2026, 11, 3, 1, 30, 0, 0, loc), Routine: "tonight", Before: &five, After: &three, RedFlag: history.TierNone},
			"Mon 2 Nov 2026 night, 01:30  tonight  before 5  after 3  no red flags reported"},
		{"the red-flag outcome is shown",
			history.Session{Start: time.Date(2026, 11, 3, 22, 10, 0, 0, loc), Routine: "quick", RedFlag: history.TierUrgent, Partial: true},
			"Tue 3 Nov 2026 night, 22:10  quick  red flag: URGENT  (partial)"},
		{"a stop for pain",
			history.Session{Start: time.Date(2026, 11, 4, 23, 0, 0, 0, loc), Routine: "tonight", RedFlag: history.TierBook, StoppedForPain: true},
			"Wed 4 Nov 2026 night, 23:00  tonight  red flag: BOOK  (stopped for pain)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := historyLine(tt.s, now, 4); got != tt.want {
				t.Errorf("historyLine =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestSinceNightStartsAtTheRolloverHour(t *testing.T) {
	loc := time.FixedZone("here", 3600)
	from, err := sinceNight("2026-11-01", 4, loc)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 11, 1, 4, 0, 0, 0, loc); !from.Equal(want) {
		t.Errorf("--since 2026-11-01 starts at %v, want %v", from, want)
	}
	// 01:30 on the 1st is the night of 31 October: not included.
	if late := time.Date(2026, 11, 1, 1, 30, 0, 0, loc); !late.Before(from) {
		t.Errorf("a session at %v (the night of 31 Oct) would be included", late)
	}
	if _, err := sinceNight("1 Nov", 4, loc); err == nil || !strings.Contains(err.Error(), "write --since like 2026-11-01") {
		t.Errorf("a bad date gives %v", err)
	}
}
