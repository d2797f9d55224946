package model

import (
	"testing"
	"time"
)

// TestTheSummarySaysTheHeatUsed: heat ended early shows the minutes the
// pad was on, of the minutes set (evening.HeatUsed), not the minutes set.
func TestTheSummarySaysTheHeatUsed(t *testing.T) {
	d := atPlayer(t, testOptions(&fakeStore{}))
	d.press("enter") // the pad goes on
	d.advance(7 * time.Minute)
	d.press("n", "enter") // heat ended early, the pad is off
	d.press("n", "n", "n")
	d.expectText("Settle in")
	d.press("enter", "2")
	d.expect(ScreenSummary)
	d.expectText("Heat 7 of 15 minutes")
}
