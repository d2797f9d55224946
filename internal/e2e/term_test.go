package e2e

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// binary is the supine built once for every test in TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "supine-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "supine")
	build := exec.Command("go", "build", "-o", binary, "../..")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		panic("building supine: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// term is supine running in a pseudo-terminal, read through an emulator.
type term struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	home string // the XDG home the process sees

	mu     sync.Mutex
	emu    *vt.Emulator
	bells  int
	alt    bool
	title  string
	raw    []byte // everything the app wrote, escape sequences included
	exited chan struct{}
	err    error
}

type termOpts struct {
	args []string
	env  []string // extra KEY=VALUE
	w, h int
	home string // reuse an XDG home (for runs that share a history)
	// firstUse starts with the precautions never answered; otherwise a new
	// history has them answered (no to each) on an earlier night, so that
	// a start goes straight to the check (answeredBefore).
	firstUse bool
	// kitty makes the emulator answer a kitty graphics query as kitty and
	// Ghostty do ("OK"); without it the query goes unanswered.
	kitty bool
}

// newHome makes a private XDG home so runs never touch the real one.
func newHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	for _, d := range []string{"config", "data", "state", "cache"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	return home
}

// envFor is a clean environment whose XDG folders are under home.
func envFor(home string) []string {
	return []string{
		"HOME=" + home,
		"PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_STATE_HOME=" + filepath.Join(home, "state"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
	}
}

func start(t *testing.T, o termOpts) *term {
	t.Helper()
	if o.w == 0 {
		o.w, o.h = 80, 24
	}
	if o.home == "" {
		o.home = newHome(t)
	}
	if !o.firstUse {
		answeredBefore(t, o.home)
	}
	cmd := exec.Command(binary, o.args...)
	cmd.Env = append(envFor(o.home), o.env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(o.w), Rows: uint16(o.h)})
	if err != nil {
		t.Fatalf("starting supine in a pty: %v", err)
	}
	tm := &term{t: t, cmd: cmd, pty: f, home: o.home, emu: vt.NewEmulator(o.w, o.h), exited: make(chan struct{})}
	tm.emu.SetCallbacks(vt.Callbacks{
		Bell:      func() { tm.bells++ },
		AltScreen: func(on bool) { tm.alt = on },
		Title:     func(s string) { tm.title = s },
	})
	if o.kitty {
		answerKittyQueries(tm.emu)
	}
	go tm.pump()
	go tm.answer()
	go func() {
		tm.err = cmd.Wait()
		close(tm.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-tm.exited:
		default:
			_ = cmd.Process.Kill()
			<-tm.exited
		}
		f.Close()
	})
	return tm
}

// pump feeds everything the app writes into the emulator.
func (tm *term) pump() {
	buf := make([]byte, 32*1024)
	for {
		n, err := tm.pty.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.raw = append(tm.raw, buf[:n]...)
			_, _ = tm.emu.Write(buf[:n])
			tm.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// answer sends the emulator's replies to terminal queries (background
// colour, device attributes) back to the app, as a real terminal would.
func (tm *term) answer() {
	buf := make([]byte, 1024)
	for {
		n, err := tm.emu.Read(buf)
		if n > 0 {
			_, _ = tm.pty.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// screen is the text on screen now.
func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

// waitFor waits until the screen shows every one of texts.
func (tm *term) waitFor(timeout time.Duration, texts ...string) {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := tm.screen()
		missing := ""
		for _, want := range texts {
			if !strings.Contains(s, want) {
				missing = want
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waited %v for %q; the screen shows:\n%s", timeout, missing, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitGone waits until text is no longer on screen.
func (tm *term) waitGone(timeout time.Duration, text string) {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for strings.Contains(tm.screen(), text) {
		if time.Now().After(deadline) {
			tm.t.Fatalf("waited %v for %q to go; the screen shows:\n%s", timeout, text, tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var keyBytes = map[string]string{
	"enter": "\r", "esc": "\x1b", "space": " ", "tab": "\t",
	"up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D",
	"ctrl+c": "\x03",
}

// press types keys by name ("enter", "right") or as literal text ("n").
func (tm *term) press(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		b, ok := keyBytes[k]
		if !ok {
			b = k
		}
		if _, err := tm.pty.Write([]byte(b)); err != nil {
			tm.t.Fatalf("typing %q: %v", k, err)
		}
		// A lone ESC must not merge with the next key into a sequence.
		if b == "\x1b" {
			time.Sleep(120 * time.Millisecond)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// wait waits for the process to end and returns its exit code.
func (tm *term) wait(timeout time.Duration) int {
	tm.t.Helper()
	select {
	case <-tm.exited:
	case <-time.After(timeout):
		tm.t.Fatalf("supine did not exit within %v; the screen shows:\n%s", timeout, tm.screen())
	}
	// Let the last bytes reach the emulator.
	time.Sleep(50 * time.Millisecond)
	var ee *exec.ExitError
	if errors.As(tm.err, &ee) {
		return ee.ExitCode()
	}
	if tm.err != nil && !errors.Is(tm.err, io.EOF) {
		tm.t.Fatalf("waiting for supine: %v", tm.err)
	}
	return 0
}

// afterAltScreen is what the app wrote once it last left the alternate
// screen, escape sequences stripped to text: the lines left on the
// person's terminal after the app has gone. It is "" while the app is
// still in the alternate screen.
func (tm *term) afterAltScreen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	const leave = "\x1b[?1049l"
	i := strings.LastIndex(string(tm.raw), leave)
	if i < 0 {
		return ""
	}
	return ansi.Strip(string(tm.raw[i+len(leave):]))
}

// restored reports whether the app left the alternate screen on exit.
func (tm *term) restored() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return !tm.alt
}

// noneOfThese answers the red-flag check (or "anything new?") with none, as
// a person does on the paged check: n on every page, and enter on the
// confirm page, until the screen moves on.
func (tm *term) noneOfThese() {
	tm.t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		s := tm.screen()
		switch {
		case strings.Contains(s, "No red flags reported"), strings.Contains(s, "Before: how tight"):
			return
		case strings.Contains(s, "Is this what you marked"):
			tm.press("enter")
		case strings.Contains(s, "Red-flag check"), strings.Contains(s, "Anything new since"):
			tm.press("n")
		default:
			return
		}
		time.Sleep(150 * time.Millisecond)
	}
	tm.t.Fatalf("the check did not move on after none on every page:\n%s", tm.screen())
}

// finishCheck presses enter through the rest of the check's pages and its
// confirm page, with what is marked so far.
func (tm *term) finishCheck() {
	tm.t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		s := tm.screen()
		if !strings.Contains(s, "Red-flag check") && !strings.Contains(s, "Is this what you marked") {
			return
		}
		tm.press("enter")
		time.Sleep(150 * time.Millisecond)
	}
	tm.t.Fatalf("the check did not end after enter on every page:\n%s", tm.screen())
}

// checkIn answers a tightness check-in as a person does: the number, enter
// to keep it, and (before the routine) skip "did back pain wake you?".
func (tm *term) checkIn(n string) {
	tm.t.Helper()
	tm.press(n)
	if n != "s" { // s skips the number at once
		tm.waitFor(wait, "enter to keep it")
		tm.press("enter")
	}
	deadline := time.Now().Add(wait)
	woke := false
	for time.Now().Before(deadline) {
		s := tm.screen()
		switch {
		case !woke && strings.Contains(s, "wake you last night"):
			tm.press("s")
			woke = true
		case strings.Contains(s, "alcohol, a sleeping tablet"):
			// Tonight's heat question, before a routine with heat:
			// answered no, as the tests of a plain evening write it.
			tm.press("n")
			return
		case strings.Contains(s, "enter to keep it"), strings.Contains(s, "Reading your history"),
			strings.Contains(s, "wake you last night"):
			// still on its way
		default:
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}
