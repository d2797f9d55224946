//go:build linux

package routines

import (
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// clockGettime reads a clock straight from the kernel, not through the code
// under test, so that the test cannot agree with a wrong clock by reading
// the same one twice.
func clockGettime(t *testing.T, id int32) time.Duration {
	t.Helper()
	var ts unix.Timespec
	if err := unix.ClockGettime(id, &ts); err != nil {
		t.Fatalf("clock_gettime(%d): %v", id, err)
	}
	return time.Duration(ts.Nano())
}

// TestSystemClockReadsBoottime pins the source of the system clock to
// CLOCK_BOOTTIME, so that a suspend counts and a change of the wall clock
// does not: its origin and its reading both lie between CLOCK_BOOTTIME
// readings taken around them. A clock counted from the process start, or
// the wall clock, falls outside. CLOCK_MONOTONIC differs from CLOCK_BOOTTIME
// only by time spent suspended, so on a machine that has been suspended the
// test also checks the reading is not CLOCK_MONOTONIC's.
func TestSystemClockReadsBoottime(t *testing.T) {
	before := clockGettime(t, unix.CLOCK_BOOTTIME)
	c, ok := SystemClock().(bootClock)
	after := clockGettime(t, unix.CLOCK_BOOTTIME)
	if !ok {
		t.Fatalf("SystemClock() is %T, want bootClock", SystemClock())
	}
	if c.origin < before || c.origin > after {
		t.Fatalf("origin %v is not a CLOCK_BOOTTIME reading (taken between %v and %v)", c.origin, before, after)
	}
	time.Sleep(2 * time.Millisecond)
	b0 := clockGettime(t, unix.CLOCK_BOOTTIME)
	n := c.Now()
	b1 := clockGettime(t, unix.CLOCK_BOOTTIME)
	if n < b0-c.origin || n > b1-c.origin {
		t.Errorf("Now() = %v, not within the CLOCK_BOOTTIME readings %v..%v", n, b0-c.origin, b1-c.origin)
	}
	if n < 2*time.Millisecond {
		t.Errorf("Now() = %v after a 2 ms sleep", n)
	}
	if suspended := clockGettime(t, unix.CLOCK_BOOTTIME) - clockGettime(t, unix.CLOCK_MONOTONIC); suspended > 100*time.Millisecond {
		m0 := clockGettime(t, unix.CLOCK_MONOTONIC)
		if got, _ := boottime(); got-m0 < suspended/2 {
			t.Errorf("boottime() = %v reads CLOCK_MONOTONIC (%v), not CLOCK_BOOTTIME", got, m0)
		}
	}
}
