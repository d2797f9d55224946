package e2e

import (
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// piped is supine with its input and output on pipes, as plain mode meets a
// screen reader's or a script's: lines are written when a prompt shows, as
// a person at the keyboard would, and the input stays open until closed.
type piped struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	mu     sync.Mutex
	out    strings.Builder
	exited chan struct{}
	err    error
}

func startPiped(t *testing.T, home string, args ...string) *piped {
	t.Helper()
	p := &piped{t: t, exited: make(chan struct{})}
	p.cmd = exec.Command(binary, args...)
	p.cmd.Env = envFor(home)
	var err error
	if p.in, err = p.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stderr = p.cmd.Stdout
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting supine %v: %v", args, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		for {
			n, err := out.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		<-done
		p.err = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	})
	return p
}

func (p *piped) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitFor waits until the output holds text.
func (p *piped) waitFor(timeout time.Duration, text string) {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for !strings.Contains(p.output(), text) {
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %v for %q; the output is:\n%s", timeout, text, p.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// noneOfThese answers the plain red-flag check: none of each group's
// questions apply, and the read-back is right.
func (p *piped) noneOfThese() {
	p.t.Helper()
	n := p.groups()
	for i := 1; i <= n; i++ {
		p.answer(fmt.Sprintf("Group %d of %d:", i, n), "")
	}
	p.answer("If this is right, press enter.", "")
}

// answer waits for prompt and then types line and Enter.
func (p *piped) answer(prompt, line string) {
	p.t.Helper()
	p.answerWithin(wait, prompt, line)
}

// answerWithin is answer for a prompt that comes after timed steps.
func (p *piped) answerWithin(timeout time.Duration, prompt, line string) {
	p.t.Helper()
	p.waitFor(timeout, prompt)
	if _, err := io.WriteString(p.in, line+"\n"); err != nil {
		p.t.Fatalf("typing %q: %v", line, err)
	}
}

// end closes the input and waits for the process; it returns the output
// and the exit error.
func (p *piped) end(timeout time.Duration) (string, error) {
	p.t.Helper()
	_ = p.in.Close()
	select {
	case <-p.exited:
	case <-time.After(timeout):
		p.t.Fatalf("supine did not exit within %v; the output is:\n%s", timeout, p.output())
	}
	return p.output(), p.err
}

// exited waits for the process to end on its own, input still open.
func (p *piped) wait(timeout time.Duration) (string, error) {
	p.t.Helper()
	select {
	case <-p.exited:
	case <-time.After(timeout):
		p.t.Fatalf("supine did not exit within %v; the output is:\n%s", timeout, p.output())
	}
	_ = p.in.Close()
	return p.output(), p.err
}

// groups is how many groups tonight's check asks: four, or five on a
// night that asks the long-standing pattern.
func (p *piped) groups() int {
	p.t.Helper()
	p.waitFor(wait, " groups of questions.")
	var n int
	out := p.output()
	if _, err := fmt.Sscanf(out[strings.LastIndex(out, "Red-flag check: "):], "Red-flag check: %d groups", &n); err != nil {
		p.t.Fatalf("no number of groups: %v\n%s", err, out)
	}
	return n
}
