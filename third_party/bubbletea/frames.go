package tea

import (
	"sync"
	"time"
)

// This file is a local patch to bubbletea v2.1.1 (see PATCH.md). Upstream
// draws frames on a ticker that runs at the frame rate for the life of the
// program, so an idle program wakes that often and a change waits for the
// next tick. Here a frame is drawn when the view may have changed: at once
// after a quiet spell, and at most one per frame period during a burst.

// frameScheduler decides when the renderer draws a frame. The zero value is
// stopped; start and stop bracket the time the renderer may draw.
type frameScheduler struct {
	mu      sync.Mutex
	running bool          // between start and stop
	period  time.Duration // the shortest time between two frames
	draw    func()        // writes queued output and the newest view
	last    time.Time     // when the last frame was started
	due     bool          // a frame is waiting for timer
	timer   *time.Timer   // draws a due frame; made the first time one is due
}

// start lets the scheduler draw frames, at most one per period.
func (f *frameScheduler) start(period time.Duration, draw func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.running, f.period, f.draw = true, period, draw
}

// stop cancels a due frame and draws nothing more until start. It waits for
// a frame being drawn to finish.
func (f *frameScheduler) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.running, f.due = false, false
	if f.timer != nil {
		f.timer.Stop()
	}
}

// request is called when the view may have changed. If no frame was drawn
// within the last period, it draws one now, on the caller's goroutine, so the
// first change after a quiet spell (a key press, a clock's next second)
// reaches the screen at once. Otherwise one frame is drawn when the period
// is up, whatever more is requested meanwhile: a burst becomes one frame,
// which shows the newest view, the burst's last. With no requests no timer
// runs and nothing wakes.
func (f *frameScheduler) request() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.running || f.due {
		return
	}
	if wait := f.period - time.Since(f.last); wait > 0 {
		f.due = true
		if f.timer == nil {
			f.timer = time.AfterFunc(wait, f.drawDue)
		} else {
			f.timer.Reset(wait)
		}
		return
	}
	f.drawLocked()
}

// drawDue draws the frame a burst left due, unless the renderer stopped
// meanwhile.
func (f *frameScheduler) drawDue() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.running || !f.due {
		return
	}
	f.due = false
	f.drawLocked()
}

// drawLocked draws a frame; f.mu is held, so frames never overlap and stop
// waits for one in progress.
func (f *frameScheduler) drawLocked() {
	f.last = time.Now()
	f.draw()
}
