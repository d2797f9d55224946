//go:build !linux

package routines

import "time"

func newSystemClock() Clock { return monotonicClock{start: time.Now()} }
