package evening

import (
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
)

// The summaries say the heat that was used, from the record: the minutes
// the pad was really on, and the minutes set when heat ended before them.
func TestHeatUsedSaysTheMinutesThePadWasOn(t *testing.T) {
	for _, tc := range []struct {
		minutes, seconds int
		want             string
	}{
		{0, 0, ""},  // the pad never went on
		{0, 62, ""}, // refused: the claim found heat tonight
		{15, 900, "15 minutes"},
		{15, 905, "15 minutes"}, // the pad-off answer came a moment after
		{15, 889, "15 minutes"}, // to the nearest minute
		{15, 960, "16 minutes"}, // on until the pad-off answer, a minute late
		{15, 420, "7 of 15 minutes"},
		{15, 449, "7 of 15 minutes"},
		{15, 450, "8 of 15 minutes"},
		{20, 60, "1 of 20 minutes"},
		{15, 29, "less than a minute of 15"},
		{1, 60, "1 minute"},
	} {
		rec := history.Session{HeatMinutes: tc.minutes, HeatSeconds: tc.seconds}
		if got := HeatUsed(rec); got != tc.want {
			t.Errorf("%d minutes set, %d s on: %q, want %q", tc.minutes, tc.seconds, got, tc.want)
		}
	}
}

// Heat that ends early, however it ends, is recorded to the pad-off answer,
// and the summaries say so; heat that ran its time says its minutes.
func TestTheRecordKeepsTheHeatUsedWhenItEndsEarly(t *testing.T) {
	for _, tc := range []struct {
		name string
		end  night.Command
		want string
	}{
		{"n ends it early", night.Skip, "7 of 15 minutes"},
		{"the skin stop", night.SkinStop, "7 of 15 minutes"},
		{"a stop for pain", night.StopForPain, "7 of 15 minutes"},
		{"it ran its time", -1, "15 minutes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := start(t, evtest.Answered(at(9, 22, 0)), config(), at(10, 22, 0))
			p.throughToRun(no())
			p.do(RunCommand{Command: night.StartHeat})
			if tc.end < 0 {
				p.until(16*time.Minute, func(s State) bool { return s.Run.Mode == night.PadOff })
			} else {
				p.wait(7 * time.Minute)
				p.do(RunCommand{Command: tc.end})
			}
			p.do(RunCommand{Command: night.PadIsOff})
			if got := HeatUsed(p.e.Record(p.now())); got != tc.want {
				t.Errorf("heat used %q, want %q", got, tc.want)
			}
		})
	}
}
