package sound

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// job is one program run: a tone or a spoken line.
type job struct {
	argv  []string
	stdin string // what the program reads, if anything (macOS say reads its line)
	keep  bool   // never dropped from the queue nor cut short (heat done)
}

// queue runs jobs one at a time, in order, in its own goroutine, so that
// two sounds never overlap and the caller never waits.
//
// Staleness rule, the same for tones and voice: when a job is submitted,
// every waiting job that is not kept is dropped, because a cue that has
// been overtaken (the "3" of a countdown once "2" is due) is worse than
// none. With cut set (the voice), the running job is also stopped unless
// it is kept; tones are not cut because they are short and cutting one
// mid-note clicks.
type queue struct {
	what    string        // "tone player" or "voice", for messages
	cut     bool          // a newer job stops the running one unless it is kept
	timeout time.Duration // how long one job may run
	stop    []string      // run after a job was cut, to silence a speech server (spd-say -C)
	onFail  func(error)

	mu      sync.Mutex
	waiting []job
	cancel  context.CancelFunc // of the running job; nil when idle
	curKeep bool
	failed  bool // a job failed: report once, then accept nothing
	closed  bool // Quiet or Close: accept nothing
	wake    chan struct{}
	done    chan struct{}
}

func newQueue(what string, cut bool, timeout time.Duration, stop []string, onFail func(error)) *queue {
	q := &queue{what: what, cut: cut, timeout: timeout, stop: stop, onFail: onFail,
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	go q.loop()
	return q
}

// submit queues a job and returns at once; false when the queue no longer
// accepts jobs (after a failure, Quiet or Close).
func (q *queue) submit(j job) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.failed || q.closed {
		return false
	}
	kept := q.waiting[:0]
	for _, w := range q.waiting {
		if w.keep {
			kept = append(kept, w)
		}
	}
	q.waiting = append(kept, j)
	if q.cut && q.cancel != nil && !q.curKeep {
		q.cancel()
	}
	select {
	case q.wake <- struct{}{}:
	default:
	}
	return true
}

// close stops the running job, drops the waiting ones and refuses new
// ones. With wait, it returns only once the goroutine has finished.
func (q *queue) close(wait bool) {
	q.mu.Lock()
	if !q.closed {
		q.closed = true
		q.waiting = nil
		if q.cancel != nil {
			q.cancel()
		}
		close(q.wake)
	}
	q.mu.Unlock()
	if wait {
		<-q.done
	}
}

func (q *queue) loop() {
	defer close(q.done)
	for range q.wake {
		for {
			q.mu.Lock()
			if q.closed || q.failed || len(q.waiting) == 0 {
				q.mu.Unlock()
				break
			}
			j := q.waiting[0]
			q.waiting = q.waiting[1:]
			ctx, cancel := context.WithTimeout(context.Background(), q.timeout)
			q.cancel, q.curKeep = cancel, j.keep
			q.mu.Unlock()

			err := run(ctx, j.argv, j.stdin)
			cut := errors.Is(ctx.Err(), context.Canceled)
			cancel()
			q.mu.Lock()
			q.cancel = nil
			q.mu.Unlock()

			switch {
			case cut:
				if len(q.stop) > 0 {
					sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
					_ = run(sctx, q.stop, "")
					scancel()
				}
			case errors.Is(ctx.Err(), context.DeadlineExceeded):
				q.fail(fmt.Errorf("the %s %s did not finish within %v; check the sound system or use the bell instead", q.what, j.argv[0], q.timeout))
			case err != nil:
				q.fail(fmt.Errorf("the %s %s failed (%v); check the sound system or use the bell instead", q.what, j.argv[0], err))
			}
		}
	}
}

// fail reports the first failure and stops taking jobs, so the front end
// can switch to the bell without hearing about every later cue.
func (q *queue) fail(err error) {
	q.mu.Lock()
	first := !q.failed && !q.closed
	q.failed = true
	q.waiting = nil
	q.mu.Unlock()
	if first && q.onFail != nil {
		q.onFail(err)
	}
}

// run starts argv in its own process group (so a time-out also stops the
// programs it started) and waits for it. Output is discarded except the
// first line of errors, which goes into the returned error.
func run(ctx context.Context, argv []string, stdin string) error {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &limited{&stderr, 512}
	ownGroup(cmd)
	// Ask politely first: a player that is told to stop closes its stream
	// cleanly instead of clicking. One that ignores it is killed after
	// WaitDelay, as is a grandchild that keeps stderr open.
	cmd.Cancel = func() error { return termGroup(cmd) }
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if err != nil {
		if line, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n"); line != "" {
			return fmt.Errorf("%v: %s", err, line)
		}
	}
	return err
}

// limited keeps the first n bytes written and discards the rest.
type limited struct {
	buf *bytes.Buffer
	n   int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.n - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}
