package sound

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Inhibitor keeps the machine awake while the heating pad is on: a laptop
// that suspends mid-heat rings no heat-done cue, with the pad still on.
// It is a child process holding the platform's sleep lock; Stop ends it,
// and it ends with supine if supine dies (parent-death signal on Linux,
// caffeinate -w elsewhere).
type Inhibitor struct {
	tool string
	cmd  *exec.Cmd
	done chan struct{} // closed when the child has exited

	mu      sync.Mutex
	err     error // why it is not holding the lock; nil while it is
	stopped bool
}

// StartInhibitor starts holding a sleep lock for reason ("heating pad
// on") and returns at once. It never returns nil: where no tool exists
// (Windows, a Linux without systemd) the handle is inactive and Err says
// so. A tool that cannot take the lock (no login manager) exits soon
// after; Active then turns false and Err says why.
func StartInhibitor(reason string) *Inhibitor {
	return startInhibitor(runtime.GOOS, reason)
}

func startInhibitor(goos, reason string) *Inhibitor {
	var argv []string
	switch goos {
	case "darwin":
		// -i: no idle sleep; -w: end when supine's process ends.
		argv = []string{"caffeinate", "-i", "-w", strconv.Itoa(os.Getpid())}
	case "windows":
	default:
		// block mode holds the lock until the child (sleep) ends; the
		// child gets systemd-inhibit's own death signal.
		argv = []string{"systemd-inhibit", "--what=sleep:idle", "--who=supine",
			"--why=" + reason, "--mode=block", "sleep", "infinity"}
	}
	i := &Inhibitor{done: make(chan struct{})}
	if argv == nil {
		return i.absent("there is no sleep inhibitor on " + goos)
	}
	if _, err := exec.LookPath(argv[0]); err != nil {
		return i.absent(argv[0] + " was not found")
	}
	i.tool = argv[0]
	i.cmd = exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	i.cmd.Stderr = &limited{&stderr, 512}
	ownGroup(i.cmd)
	i.cmd.WaitDelay = time.Second // a grandchild holding stderr must not hold Wait
	if err := i.cmd.Start(); err != nil {
		return i.absent(fmt.Sprintf("%s could not start (%v)", argv[0], err))
	}
	go func() {
		err := i.cmd.Wait()
		i.mu.Lock()
		if !i.stopped {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" && err != nil {
				msg = err.Error()
			}
			i.err = &AwakeError{Cause: fmt.Sprintf("the sleep inhibitor %s ended early (%s)", i.tool, firstLine(msg))}
		}
		i.mu.Unlock()
		close(i.done)
	}()
	return i
}

func (i *Inhibitor) absent(why string) *Inhibitor {
	i.err = &AwakeError{Cause: why}
	close(i.done)
	return i
}

// AwakeError is why the machine may sleep while the pad is on. It reads as
// the sentence a person lying in bed needs, what to do about it; Cause is
// the technical reason ("the sleep inhibitor systemd-inhibit ended early
// (Failed to connect to bus...)"), for a bug report, not for the screen.
type AwakeError struct{ Cause string }

// AwakeWords is what an AwakeError says.
const AwakeWords = "This computer may sleep during heat: keep it awake, or use a pad that switches itself off."

func (e *AwakeError) Error() string { return AwakeWords }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	if line == "" {
		return "no reason given"
	}
	return line
}

// Tool is the program holding the lock ("systemd-inhibit",
// "caffeinate"), or "" when none was found.
func (i *Inhibitor) Tool() string { return i.tool }

// Active reports whether the lock is held now.
func (i *Inhibitor) Active() bool {
	select {
	case <-i.done:
		return false
	default:
		return true
	}
}

// Err says why the lock is not or was not held (no tool, or the tool
// ended before Stop), or nil: held, or released by Stop.
func (i *Inhibitor) Err() error {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.err
}

// Stop releases the lock: it ends the tool and its child and returns once
// they have exited (at once in practice; a tool that ignores the polite
// signal is killed after a second). Safe to call more than once.
func (i *Inhibitor) Stop() {
	i.mu.Lock()
	already := i.stopped
	i.stopped = true
	i.mu.Unlock()
	if already || i.cmd == nil || !i.Active() {
		return
	}
	_ = termGroup(i.cmd)
	select {
	case <-i.done:
	case <-time.After(time.Second):
		_ = killGroup(i.cmd)
		<-i.done
	}
}
