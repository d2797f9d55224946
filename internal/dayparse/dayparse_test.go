package dayparse

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	now := time.Date(2026, 11, 26, 22, 15, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in      string
		want    time.Time
		wantErr string
	}{
		{"t", day(2026, 11, 26), ""},
		{"today", day(2026, 11, 26), ""},
		{"y", day(2026, 11, 25), ""},
		{"Yesterday", day(2026, 11, 25), ""},
		{"2026-11-03", day(2026, 11, 3), ""},
		{" 2026-11-26 ", day(2026, 11, 26), ""},
		{"2025-11-03", day(2025, 11, 3), ""},
		{"2026-11-27", time.Time{}, "after today"},
		{"2027-01-01", time.Time{}, "after today"},
		{"2026-13-01", time.Time{}, "year-month-day"},
		{"3 Nov", time.Time{}, "year-month-day"},
		{"2026-11-3", time.Time{}, "year-month-day"},
		{"", time.Time{}, "Press t for today"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in, now)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: got %v, %v; want an error saying %q", tt.in, got, err, tt.wantErr)
			}
			if err != nil && strings.Count(err.Error(), ".") != 1 {
				t.Errorf("%q: %q is not one sentence", tt.in, err)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
