package model

import (
	"fmt"
	"testing"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/screens/screentest"
)

// holdAt120 is the player at 120x40, 7 s into the first knee-to-chest
// hold, less the given time.
func holdAt120(b *testing.B, less time.Duration) *driver {
	d := newDriver(b, testOptions(storeWith(nil)), 120, 40)
	d.press("s", "n", "4", "n")
	d.advance(7*time.Second - less)
	if d.m.screen != ScreenPlayer {
		b.Fatalf("not in the player")
	}
	return d
}

// BenchmarkRootViewPlayerHold is one frame of the player at 120x40 in a
// per-side hold, through the root: the screen's view, centring in the
// window and the tea.View around it. (BenchmarkRootView in
// view_bench_test.go draws the other screens and the heat step.)
func BenchmarkRootViewPlayerHold(b *testing.B) {
	d := holdAt120(b, 0)
	b.ReportAllocs()
	for b.Loop() {
		_ = d.m.View()
	}
}

// captureTick gets a real tick message of the running player. Ticks are
// only made by tea.Tick, which waits on the wall clock, so the countdown is
// set 1 ms before its shown second changes: the wait is a few milliseconds,
// once, before the timer starts.
func captureTick(b *testing.B) (Model, tea.Msg) {
	d := holdAt120(b, time.Millisecond)
	d.press("space") // pause
	next, cmd := d.m.Update(screentest.Key("space"))
	m := next.(Model)
	var tick tea.Msg
	var find func(tea.Cmd)
	find = func(c tea.Cmd) {
		if c == nil || tick != nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				find(c)
			}
		default:
			if fmt.Sprintf("%T", msg) == "player.tickMsg" {
				tick = msg
			}
		}
	}
	find(cmd)
	if tick == nil {
		b.Fatalf("resuming the countdown scheduled no tick")
	}
	return m, tick
}

// BenchmarkRootUpdateTick is one tick of the countdown through the root's
// Update: the root model copied in and out, the player's Update, and the
// next tick scheduled. The same model takes the same tick every time, so
// the tick is never stale.
func BenchmarkRootUpdateTick(b *testing.B) {
	m, tick := captureTick(b)
	if _, cmd := m.Update(tick); cmd == nil {
		b.Fatalf("the tick was dropped as stale")
	}
	b.ReportAllocs()
	for b.Loop() {
		_, _ = m.Update(tick)
	}
	// The size of the value copied on every call, for comparison with B/op.
	b.ReportMetric(float64(unsafe.Sizeof(m)), "root-bytes")
}

// BenchmarkPlayerUpdateTick is the same tick into the player alone: the
// difference from BenchmarkRootUpdateTick is what the root costs.
func BenchmarkPlayerUpdateTick(b *testing.B) {
	m, tick := captureTick(b)
	p := m.player
	b.ReportAllocs()
	for b.Loop() {
		_, _, _ = p.Update(tick)
	}
	b.ReportMetric(float64(unsafe.Sizeof(p)), "player-bytes")
}

// BenchmarkRootSecond is what one second of the countdown costs: the tick
// and the frame drawn after it.
func BenchmarkRootSecond(b *testing.B) {
	m, tick := captureTick(b)
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(tick)
		_ = next.View()
	}
}
