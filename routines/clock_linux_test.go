//go:build linux

package routines

import "testing"

// TestSystemClockReadsBoottime pins the source of the system clock: its
// reading lies between two CLOCK_BOOTTIME readings taken around it, so a
// suspend counts and a change of the wall clock does not.
func TestSystemClockReadsBoottime(t *testing.T) {
	c, ok := SystemClock().(bootClock)
	if !ok {
		t.Fatalf("SystemClock() is %T, want bootClock", SystemClock())
	}
	b0, _ := boottime()
	n := c.Now()
	b1, _ := boottime()
	if n < b0-c.origin || n > b1-c.origin {
		t.Errorf("Now() = %v, not within the boottime readings %v..%v", n, b0-c.origin, b1-c.origin)
	}
}
