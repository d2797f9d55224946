package routines

import (
	"fmt"
	"time"
)

// Countdown is a timer held as a deadline on a Clock's time line, never as a
// count of ticks: ticks that come late, twice, or not at all cannot make it
// drift. It is a value; every change returns a new Countdown.
//
// While paused it stores what is left instead of a deadline.
type Countdown struct {
	deadline time.Duration // on the clock's time line; meaningful while running
	left     time.Duration // what is left; meaningful while paused
	paused   bool
}

// StartCountdown starts a countdown of d at clock time now.
func StartCountdown(now, d time.Duration) Countdown {
	return Countdown{deadline: now + max(d, 0)}
}

// Left is the time left at now; never negative.
func (c Countdown) Left(now time.Duration) time.Duration {
	if c.paused {
		return c.left
	}
	return max(c.deadline-now, 0)
}

// Done reports whether the countdown has reached zero.
func (c Countdown) Done(now time.Duration) bool { return c.Left(now) == 0 }

// Paused reports whether the countdown is paused.
func (c Countdown) Paused() bool { return c.paused }

// Pause stops the countdown at now, keeping what is left. Pausing a paused
// countdown changes nothing.
func (c Countdown) Pause(now time.Duration) Countdown {
	if c.paused {
		return c
	}
	return Countdown{deadline: c.deadline, left: c.Left(now), paused: true}
}

// Resume restarts a paused countdown at now with what was left. Resuming a
// running countdown changes nothing.
func (c Countdown) Resume(now time.Duration) Countdown {
	if !c.paused {
		return c
	}
	return Countdown{deadline: now + c.left}
}

// Add lengthens the countdown by delta (shortens it when delta is negative),
// as + and - do on the heat step. What is left never goes below zero.
func (c Countdown) Add(now, delta time.Duration) Countdown {
	if c.paused {
		c.left = max(c.left+delta, 0)
		return c
	}
	c.deadline = max(c.deadline+delta, now)
	return c
}

// Deadline is the clock time at which a running countdown reaches zero. For
// a paused countdown it is the deadline it had before the pause, which no
// longer means anything; check Paused first.
func (c Countdown) Deadline() time.Duration { return c.deadline }

// Then is the countdown of d that follows this one: it starts at this one's
// deadline, not at the moment the tick noticed the end, so a chain of
// segments keeps the routine's total length however late the ticks come.
// After a paused countdown, the next one starts paused with d left.
func (c Countdown) Then(d time.Duration) Countdown {
	if c.paused {
		return Countdown{deadline: c.deadline, left: max(d, 0), paused: true}
	}
	return StartCountdown(c.deadline, d)
}

// minNextChange keeps NextChange from asking for a busy loop when a tick
// lands a hair before the second changes.
const minNextChange = time.Millisecond

// NextChange is how long after now the displayed whole-second value changes,
// so the next tick can be scheduled for exactly that moment. It is never
// below one millisecond. For a paused or finished countdown nothing changes;
// it then returns what would be the next change if it were running, and
// callers should not schedule a tick at all.
func (c Countdown) NextChange(now time.Duration) time.Duration {
	left := c.Left(now)
	shown := time.Duration(ShownSeconds(left))
	if shown == 0 {
		return minNextChange
	}
	return max(left-(shown-1)*time.Second, minNextChange)
}

// ShownSeconds is the whole seconds a display shows for left: rounded up, so
// a countdown shows 15 until a full second has gone and reaches 0 only when
// it is really done.
func ShownSeconds(left time.Duration) int {
	if left <= 0 {
		return 0
	}
	return int((left + time.Second - 1) / time.Second)
}

// FormatClock shows left as m:ss ("15:00", "0:05"), or h:mm:ss from an hour
// up ("1:05:00"), rounding up like ShownSeconds.
func FormatClock(left time.Duration) string {
	s := ShownSeconds(left)
	h, m, sec := s/3600, s/60%60, s%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%d:%02d", m, sec)
}
