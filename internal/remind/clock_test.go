package remind

import (
	"testing"
	"time"
)

func TestParseClock(t *testing.T) {
	for in, want := range map[string]Clock{"22:30": {22, 30}, "7:05": {7, 5}, "00:00": {0, 0}, " 23:59 ": {23, 59}} {
		if got, err := ParseClock(in); err != nil || got != want {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "22", "24:00", "22:60", "10pm", "22:3", "-1:30", "22:30:00", "１0:30", "222:30"} {
		if _, err := ParseClock(bad); err == nil {
			t.Errorf("%q was read as a time", bad)
		}
	}
}

func TestLastAndNext(t *testing.T) {
	ldn, _ := time.LoadLocation("Europe/London")
	c := Clock{22, 30}
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, ldn) }
	tests := []struct{ now, last, next time.Time }{
		{at(10, 22, 30), at(10, 22, 30), at(11, 22, 30)},
		{at(10, 22, 29), at(9, 22, 30), at(10, 22, 30)},
		{at(11, 1, 0), at(10, 22, 30), at(11, 22, 30)},
		// The clocks go forward on 29 March in London: the day is 23 hours.
		{at(29, 12, 0), at(28, 22, 30), at(29, 22, 30)},
		{at(29, 22, 31), at(29, 22, 30), at(30, 22, 30)},
	}
	for _, tc := range tests {
		if got := c.Last(tc.now); !got.Equal(tc.last) {
			t.Errorf("Last(%v) = %v, want %v", tc.now, got, tc.last)
		}
		if got := c.Next(tc.now); !got.Equal(tc.next) {
			t.Errorf("Next(%v) = %v, want %v", tc.now, got, tc.next)
		}
	}
}
