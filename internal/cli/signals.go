package cli

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals are the signals that end supine early: Ctrl+C where the
// terminal is not in raw mode, kill, and the terminal closing.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// interruptStatus is the exit status of Ctrl+C, whether it came as SIGINT
// or, with the terminal in raw mode, as a key: 128 + SIGINT's 2, as a
// shell reports it.
const interruptStatus = 128 + 2

// signalCatcher notes the first stop signal, so that supine can save and
// then end with the status a shell expects of a process a signal ended
// (128+n: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP), which scripts
// and service managers read.
type signalCatcher struct {
	ch     chan os.Signal
	mu     sync.Mutex
	caught syscall.Signal
	on     func(os.Signal)
}

// catchSignals starts listening. on, when given, is told of every signal:
// the plain runner cancels on it, the full screen turns SIGHUP into a quit
// (bubbletea handles SIGINT and SIGTERM itself).
func catchSignals(on func(os.Signal)) *signalCatcher {
	c := &signalCatcher{ch: make(chan os.Signal, len(stopSignals)), on: on}
	signal.Notify(c.ch, stopSignals...)
	go func() {
		for s := range c.ch {
			c.mu.Lock()
			if c.caught == 0 {
				c.caught, _ = s.(syscall.Signal)
			}
			c.mu.Unlock()
			if c.on != nil {
				c.on(s)
			}
		}
	}()
	return c
}

// stop stops listening and returns the exit status the signal calls for,
// or 0 when none came.
func (c *signalCatcher) stop() int {
	signal.Stop(c.ch)
	close(c.ch)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.caught == 0 {
		return 0
	}
	return 128 + int(c.caught)
}
