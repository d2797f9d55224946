//go:build linux

package routines

import (
	"time"

	"golang.org/x/sys/unix"
)

// bootClock reads CLOCK_BOOTTIME: monotonic, and counting suspended time.
type bootClock struct{ origin time.Duration }

func newSystemClock() Clock {
	now, ok := boottime()
	if !ok {
		return monotonicClock{start: time.Now()}
	}
	return bootClock{origin: now}
}

func (c bootClock) Now() time.Duration {
	now, _ := boottime()
	return now - c.origin
}

func boottime() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_BOOTTIME, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
