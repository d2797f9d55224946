package routines

import (
	"testing"
	"time"
)

const ms = time.Millisecond

// TestCountdownScenarios drives a countdown with a fake clock, one action
// per line, and checks what is left after each.
func TestCountdownScenarios(t *testing.T) {
	type op struct {
		do   string        // "wait", "pause", "resume", "add", "skip", "back", "setclock"
		d    time.Duration // argument
		left time.Duration // expected Left afterwards
	}
	tests := []struct {
		name  string
		start time.Duration
		ops   []op
	}{
		{"runs down and stops at zero", 20 * sec, []op{
			{"wait", 5 * sec, 15 * sec},
			{"wait", 15 * sec, 0},
			{"wait", time.Minute, 0},
		}},
		{"pause keeps what is left", 20 * sec, []op{
			{"wait", 5 * sec, 15 * sec},
			{"pause", 0, 15 * sec},
			{"wait", time.Hour, 15 * sec},
			{"pause", 0, 15 * sec}, // pausing twice changes nothing
			{"resume", 0, 15 * sec},
			{"wait", 10 * sec, 5 * sec},
			{"resume", 0, 5 * sec}, // resuming a running countdown changes nothing
		}},
		{"a suspend jump leaves less time", 15 * time.Minute, []op{
			{"wait", time.Minute, 14 * time.Minute},
			{"wait", 10 * time.Minute, 4 * time.Minute}, // laptop slept; the pad kept heating
			{"wait", 10 * time.Minute, 0},
		}},
		{"a suspend while paused costs nothing", 15 * time.Minute, []op{
			{"pause", 0, 15 * time.Minute},
			{"wait", 10 * time.Minute, 15 * time.Minute},
		}},
		{"heat plus and minus", 15 * time.Minute, []op{
			{"wait", time.Minute, 14 * time.Minute},
			{"add", time.Minute, 15 * time.Minute},
			{"add", -2 * time.Minute, 13 * time.Minute},
			{"add", -time.Hour, 0},
		}},
		{"add while paused", 60 * sec, []op{
			{"pause", 0, 60 * sec},
			{"add", time.Minute, 120 * sec},
			{"add", -time.Hour, 0},
		}},
		{"skip starts the next segment now", 20 * sec, []op{
			{"wait", 3 * sec, 17 * sec},
			{"skip", 5 * sec, 5 * sec},
			{"wait", 2 * sec, 3 * sec},
		}},
		{"back starts the earlier segment afresh", 20 * sec, []op{
			{"wait", 12 * sec, 8 * sec},
			{"back", 20 * sec, 20 * sec},
			{"wait", sec, 19 * sec},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := NewFakeClock(time.Hour) // an arbitrary origin
			c := StartCountdown(clock.Now(), tt.start)
			for i, o := range tt.ops {
				switch o.do {
				case "wait":
					clock.Advance(o.d)
				case "pause":
					c = c.Pause(clock.Now())
				case "resume":
					c = c.Resume(clock.Now())
				case "add":
					c = c.Add(clock.Now(), o.d)
				case "skip", "back":
					c = StartCountdown(clock.Now(), o.d)
				}
				if got := c.Left(clock.Now()); got != o.left {
					t.Fatalf("op %d (%s %v): Left = %v, want %v", i, o.do, o.d, got, o.left)
				}
				if c.Done(clock.Now()) != (o.left == 0) {
					t.Fatalf("op %d: Done = %v with %v left", i, c.Done(clock.Now()), o.left)
				}
			}
		})
	}
}

// TestSystemClockMovesForward checks the real clock's basic promise. That it
// reads CLOCK_BOOTTIME (not the settable wall clock) is checked on Linux in
// clock_linux_test.go; a wall-clock change cannot be staged in a test.
func TestSystemClockMovesForward(t *testing.T) {
	sys := SystemClock()
	a := sys.Now()
	b := sys.Now()
	if a < 0 || b < a {
		t.Errorf("SystemClock read %v then %v", a, b)
	}
}

func TestCountdownPauseState(t *testing.T) {
	c := StartCountdown(0, 10*sec)
	if c.Paused() {
		t.Fatal("a new countdown is paused")
	}
	if c.Deadline() != 10*sec {
		t.Errorf("Deadline = %v, want 10s", c.Deadline())
	}
	p := c.Pause(4 * sec)
	if !p.Paused() || p.Resume(100*sec).Paused() {
		t.Error("Pause/Resume do not set Paused")
	}
	if d := p.Resume(100 * sec).Deadline(); d != 106*sec {
		t.Errorf("deadline after resume = %v, want 106s", d)
	}
	if c.Paused() {
		t.Error("Pause changed the original value")
	}
}

func TestChainedDeadlinesDoNotDrift(t *testing.T) {
	// 30 segments of 5 s; each tick notices the end 300 ms late. Chaining with
	// Then keeps the last deadline at exactly 150 s from the start.
	c := StartCountdown(0, 5*sec)
	now := time.Duration(0)
	for i := 1; i < 30; i++ {
		now = c.Deadline() + 300*ms
		if !c.Done(now) {
			t.Fatalf("segment %d not done at %v", i, now)
		}
		c = c.Then(5 * sec)
	}
	if c.Deadline() != 150*sec {
		t.Errorf("last deadline = %v, want 150s", c.Deadline())
	}
	if got := c.Left(now); got != 5*sec-300*ms {
		t.Errorf("Left = %v after a late tick, want 4.7s", got)
	}

	paused := StartCountdown(0, 5*sec).Pause(2 * sec).Then(7 * sec)
	if !paused.Paused() || paused.Left(time.Hour) != 7*sec {
		t.Errorf("Then after a pause = paused %v left %v; want paused with 7s", paused.Paused(), paused.Left(time.Hour))
	}
}

func TestShownSecondsAndFormat(t *testing.T) {
	tests := []struct {
		left  time.Duration
		shown int
		text  string
	}{
		{-sec, 0, "0:00"},
		{0, 0, "0:00"},
		{time.Nanosecond, 1, "0:01"},
		{300 * ms, 1, "0:01"},
		{sec, 1, "0:01"},
		{sec + time.Nanosecond, 2, "0:02"},
		{5 * sec, 5, "0:05"},
		{14*sec + 300*ms, 15, "0:15"},
		{65 * sec, 65, "1:05"},
		{15 * time.Minute, 900, "15:00"},
		{15*time.Minute - 200*ms, 900, "15:00"},
		{time.Hour - sec, 3599, "59:59"},
		{time.Hour, 3600, "1:00:00"},
		{time.Hour + 5*time.Minute, 3900, "1:05:00"},
	}
	for _, tt := range tests {
		if got := ShownSeconds(tt.left); got != tt.shown {
			t.Errorf("ShownSeconds(%v) = %d, want %d", tt.left, got, tt.shown)
		}
		if got := FormatClock(tt.left); got != tt.text {
			t.Errorf("FormatClock(%v) = %q, want %q", tt.left, got, tt.text)
		}
	}
}

func TestNextChange(t *testing.T) {
	tests := []struct {
		name string
		c    Countdown
		now  time.Duration
		want time.Duration
	}{
		{"between seconds", StartCountdown(0, 15*sec), 700 * ms, 300 * ms}, // 14.3 s left shows 15
		{"exactly on a second", StartCountdown(0, 15*sec), 0, sec},
		{"just after a change", StartCountdown(0, 15*sec), sec + ms, 999 * ms},
		{"a hair before the change", StartCountdown(0, 15*sec), sec - time.Nanosecond, ms},
		{"last second", StartCountdown(0, 15*sec), 14*sec + 500*ms, 500 * ms},
		{"done", StartCountdown(0, 15*sec), time.Minute, ms},
		{"paused", StartCountdown(0, 15*sec).Pause(200 * ms), time.Hour, 800 * ms},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.c.NextChange(tt.now)
			if got != tt.want {
				t.Fatalf("NextChange = %v, want %v", got, tt.want)
			}
			if tt.c.Paused() || tt.c.Done(tt.now) || got == ms {
				return
			}
			// At the scheduled moment the shown value has changed, and just
			// before it had not.
			before := ShownSeconds(tt.c.Left(tt.now + got - time.Nanosecond))
			after := ShownSeconds(tt.c.Left(tt.now + got))
			if before != ShownSeconds(tt.c.Left(tt.now)) || after != before-1 {
				t.Errorf("shown %d just before the tick and %d at it", before, after)
			}
		})
	}
}
