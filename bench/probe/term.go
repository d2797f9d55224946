package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// term is one supine process in a pseudo-terminal, its output read through a
// terminal emulator so the probe sees the screen a person would see.
type term struct {
	cmd     *exec.Cmd
	pty     *os.File
	started time.Time // just before the fork: what a person waits from

	mu      sync.Mutex
	emu     *vt.Emulator
	screen  string   // the screen after the last read
	watch   *watcher // at most one condition waited for at a time
	changed chan struct{}

	exited chan struct{}
	err    error
}

// watcher is a condition on the screen and when it first held. The time is
// taken when the read that made it true returned, not when the probe got
// round to looking, so polling never adds to a measured delay.
type watcher struct {
	cond func(screen string) bool
	at   time.Time
	done chan struct{}
}

// startTerm runs bin with args in a w x h pseudo-terminal.
func startTerm(bin string, args, env []string, w, h int) (*term, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	t := &term{cmd: cmd, emu: vt.NewEmulator(w, h), exited: make(chan struct{}), changed: make(chan struct{}, 1)}
	t.started = time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		return nil, fmt.Errorf("starting %s in a pseudo-terminal: %w", bin, err)
	}
	t.pty = f
	go t.pump()
	go t.answer()
	go func() {
		t.err = cmd.Wait()
		close(t.exited)
	}()
	return t, nil
}

// pump feeds everything the app writes into the emulator and checks the
// condition being waited for after every read.
func (t *term) pump() {
	buf := make([]byte, 64*1024)
	for {
		n, err := t.pty.Read(buf)
		at := time.Now()
		if n > 0 {
			t.mu.Lock()
			_, _ = t.emu.Write(buf[:n])
			s := t.emu.String()
			if s != t.screen {
				t.screen = s
				select {
				case t.changed <- struct{}{}:
				default:
				}
			}
			if t.watch != nil && t.watch.cond(s) {
				t.watch.at = at
				close(t.watch.done)
				t.watch = nil
			}
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// answer sends the emulator's replies to terminal queries (background
// colour, mode reports) back to the app, as a real terminal would.
func (t *term) answer() {
	buf := make([]byte, 1024)
	for {
		n, err := t.emu.Read(buf)
		if n > 0 {
			_, _ = t.pty.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// Screen is the text on screen now.
func (t *term) Screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.screen
}

// errExited says the app ended while the probe was waiting for it.
var errExited = errors.New("supine exited")

// send writes keys to the app and waits until cond holds on the screen. It
// returns when the keys were written and when the read that made cond true
// returned. With keys empty it only waits (and returns at once when cond
// already holds).
func (t *term) send(keys string, cond func(string) bool, timeout time.Duration) (sent, at time.Time, err error) {
	w := &watcher{cond: cond, done: make(chan struct{})}
	t.mu.Lock()
	sent = time.Now()
	if keys == "" && cond(t.screen) {
		t.mu.Unlock()
		return sent, sent, nil
	}
	t.watch = w
	if keys != "" {
		if _, err := io.WriteString(t.pty, keys); err != nil {
			t.watch = nil
			t.mu.Unlock()
			return sent, sent, fmt.Errorf("typing %q: %w", keys, err)
		}
	}
	t.mu.Unlock()
	select {
	case <-w.done:
		return sent, w.at, nil
	case <-t.exited:
		return sent, sent, fmt.Errorf("%w (%v); the screen showed:\n%s", errExited, t.err, t.Screen())
	case <-time.After(timeout):
		t.mu.Lock()
		t.watch = nil
		t.mu.Unlock()
		return sent, sent, fmt.Errorf("waited %v; the screen shows:\n%s", timeout, t.Screen())
	}
}

// settle waits until the screen has not changed for quiet, so the next key
// meets a screen that is done starting (background colour answered, history
// loaded).
func (t *term) settle(quiet, timeout time.Duration) error {
	deadline := time.After(timeout)
	for {
		select {
		case <-t.changed:
		case <-time.After(quiet):
			return nil
		case <-t.exited:
			return fmt.Errorf("%w (%v); the screen showed:\n%s", errExited, t.err, t.Screen())
		case <-deadline:
			return fmt.Errorf("the screen kept changing for %v; it shows:\n%s", timeout, t.Screen())
		}
	}
}

// changesOnItsOwn waits for n screen changes with no key pressed: proof that
// a countdown is running.
func (t *term) changesOnItsOwn(n int, timeout time.Duration) error {
	deadline := time.After(timeout)
	// Drop a change that happened before this call.
	select {
	case <-t.changed:
	default:
	}
	for i := 0; i < n; i++ {
		select {
		case <-t.changed:
		case <-t.exited:
			return fmt.Errorf("%w (%v); the screen showed:\n%s", errExited, t.err, t.Screen())
		case <-deadline:
			return fmt.Errorf("the screen did not count down within %v; it shows:\n%s", timeout, t.Screen())
		}
	}
	return nil
}

// stop ends the app the way a closing terminal would (SIGTERM; bubbletea
// quits cleanly on it) and kills it if it does not go.
func (t *term) stop() {
	select {
	case <-t.exited:
	default:
		_ = t.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-t.exited:
		case <-time.After(3 * time.Second):
			_ = t.cmd.Process.Kill()
			<-t.exited
		}
	}
	_ = t.pty.Close()
	t.mu.Lock()
	_ = t.emu.Close()
	t.mu.Unlock()
}

func nonBlank(s string) bool { return strings.TrimSpace(s) != "" }

func contains(sub string) func(string) bool {
	return func(s string) bool { return strings.Contains(s, sub) }
}

func lacks(sub string) func(string) bool {
	return func(s string) bool { return !strings.Contains(s, sub) }
}

func differs(from string) func(string) bool {
	return func(s string) bool { return s != from }
}
