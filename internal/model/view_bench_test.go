package model

import (
	"strings"
	"testing"
)

// benchDriver is the app at 120x40 on the screen the keys lead to, from
// `supine start heat` (keys) or bare `supine` (no keys).
func benchDriver(b *testing.B, entry Entry, routine string, keys ...string) *driver {
	b.Helper()
	opts := testOptions(storeWith(nil))
	opts.Entry, opts.Routine = entry, routine
	d := newDriver(b, opts, 120, 40)
	d.press(keys...)
	return d
}

// BenchmarkRootView is one frame of the whole app at 120x40, the root's
// layout around the active screen included: what every message costs on
// top of Update, since bubbletea calls View after each one.
func BenchmarkRootView(b *testing.B) {
	for _, c := range []struct {
		name   string
		entry  Entry
		screen Screen
		keys   []string
	}{
		{"home", EntryHome, ScreenHome, nil},
		{"check", EntryStart, ScreenCheck, nil},
		{"checkin", EntryStart, ScreenCheckin, []string{"n"}},
		{"heat-ready", EntryStart, ScreenPlayer, []string{"n", "s", "s"}},
		{"heat-counting", EntryStart, ScreenPlayer, []string{"n", "s", "s", "enter"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			d := benchDriver(b, c.entry, "heat", c.keys...)
			if d.m.screen != c.screen {
				b.Fatalf("on %s, want %s", screenName(d.m.screen), screenName(c.screen))
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = d.m.View()
			}
		})
	}
}

// BenchmarkCountdownSecond is what one second of the heat countdown costs
// the app: the clock moves, Update runs and the frame is drawn again.
func BenchmarkCountdownSecond(b *testing.B) {
	d := benchDriver(b, EntryStart, "heat", "n", "s", "s", "enter")
	if d.m.screen != ScreenPlayer || !strings.Contains(d.text(), "Heating") {
		b.Fatalf("not counting down the heat:\n%s", d.text())
	}
	b.ReportAllocs()
	for b.Loop() {
		// A key that means nothing goes through Update, and the player
		// rereads the clock, as on a tick. (d.advance(0) did this until
		// the driver let time pass in 10-second steps; since c9763e1 it
		// passes none and presses nothing, so this measured View alone.)
		d.press("z")
		_ = d.m.View()
	}
}
