package routines

import (
	"sync/atomic"
	"time"
)

// Clock tells the time since a fixed origin. It keeps counting while the
// machine is suspended (the heating pad keeps heating) and does not move when
// someone changes the wall clock. Everything that counts down reads a Clock,
// so tests can pass a FakeClock.
type Clock interface {
	Now() time.Duration
}

// SystemClock returns the machine's clock, with its origin at the moment of
// the call. On Linux it reads CLOCK_BOOTTIME, which counts suspended time;
// elsewhere it falls back to Go's monotonic clock.
func SystemClock() Clock { return newSystemClock() }

// monotonicClock is the portable fallback: Go's monotonic reading, which on
// some systems stops while the machine sleeps.
type monotonicClock struct{ start time.Time }

func (c monotonicClock) Now() time.Duration { return time.Since(c.start) }

// FakeClock is a Clock that moves only when told to. Its zero value reads 0.
// It is safe to read from one goroutine while another advances it, as a test
// driving a running program does.
type FakeClock struct{ t atomic.Int64 }

// NewFakeClock returns a FakeClock reading start.
func NewFakeClock(start time.Duration) *FakeClock {
	c := &FakeClock{}
	c.Set(start)
	return c
}

// Now returns the fake time.
func (c *FakeClock) Now() time.Duration { return time.Duration(c.t.Load()) }

// Advance moves the fake time forward by d (backward when d is negative).
func (c *FakeClock) Advance(d time.Duration) { c.t.Add(int64(d)) }

// Set puts the fake time at t.
func (c *FakeClock) Set(t time.Duration) { c.t.Store(int64(t)) }
