package e2e

import (
	"bytes"
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

// binary is the supine built once for every test in TestMain, or the one
// SUPINE_E2E_BINARY names (.ci/goinstall runs tests against the binary
// `go install` built from a module proxy).
var binary = os.Getenv("SUPINE_E2E_BINARY")

func TestMain(m *testing.M) {
	if binary != "" {
		os.Exit(m.Run())
	}
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

	mu      sync.Mutex
	emu     *vt.Emulator
	shown   string // the screen after the last whole frame (see pump)
	inFrame bool   // between the start and the end of a synchronized frame
	pending []byte // output held back: it may end in half a frame marker
	bells   int
	alt     bool
	title   string
	raw     []byte // everything the app wrote, escape sequences included
	drained chan struct{}
	exited  chan struct{}
	// read is closed, and replaced, each time output from the app has
	// been taken in (see pump): the helpers wait on it for the screen
	// they expect, never for time.
	read chan struct{}
	err  error

	// escSent is the screen when a lone ESC was typed, until the next key:
	// see press.
	escSent *string
	escAt   time.Time
}

type termOpts struct {
	args []string
	env  []string // extra KEY=VALUE
	w, h int
	home string // reuse an XDG home (for runs that share a history)
	// wrap runs the app under another program (strace -f ...).
	wrap []string
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
	argv := append(append(append([]string(nil), o.wrap...), binary), o.args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(envFor(o.home), o.env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(o.w), Rows: uint16(o.h)})
	if err != nil {
		t.Fatalf("starting supine in a pty: %v", err)
	}
	tm := &term{t: t, cmd: cmd, pty: f, home: o.home, emu: vt.NewEmulator(o.w, o.h),
		exited: make(chan struct{}), drained: make(chan struct{}), read: make(chan struct{})}
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

// Synchronized output (mode 2026): a terminal that has it shows a frame
// only once the whole of it has arrived. bubbletea asks for it at start;
// the emulator does not know the mode, so pump answers for it, and
// bubbletea then wraps every frame in frameStart and frameEnd. A frame
// larger than one read of the pseudo-terminal would otherwise be seen half
// drawn, and a test could act on a screen that is neither the old one nor
// the new one.
const (
	askSyncOutput  = "\x1b[?2026$p"
	haveSyncOutput = "\x1b[?2026;2$y" // known, and off for now
	frameStart     = "\x1b[?2026h"
	frameEnd       = "\x1b[?2026l"
)

// pump feeds everything the app writes into the emulator, and keeps the
// screen as it was after the last whole frame for screen to read.
func (tm *term) pump() {
	defer close(tm.drained)
	buf := make([]byte, 32*1024)
	for {
		n, err := tm.pty.Read(buf)
		if n > 0 {
			if bytes.Contains(buf[:n], []byte(askSyncOutput)) {
				_, _ = tm.pty.Write([]byte(haveSyncOutput))
			}
			tm.mu.Lock()
			tm.raw = append(tm.raw, buf[:n]...)
			tm.feed(buf[:n])
			tm.tookIn()
			tm.mu.Unlock()
		}
		if err != nil {
			tm.mu.Lock()
			_, _ = tm.emu.Write(tm.pending)
			tm.pending = nil
			tm.shown = tm.emu.String()
			tm.tookIn()
			tm.mu.Unlock()
			return
		}
	}
}

// feed writes b to the emulator frame by frame, taking the screen after
// each frame's end and after anything written outside a frame. Bytes that
// could be the start of a marker cut by the read wait for the next read.
func (tm *term) feed(b []byte) {
	data := append(tm.pending, b...)
	tm.pending = nil
	for len(data) > 0 {
		i := bytes.Index(data, []byte("\x1b[?2026"))
		if i < 0 {
			keep := partialMarker(data)
			_, _ = tm.emu.Write(data[:len(data)-keep])
			tm.pending = append([]byte(nil), data[len(data)-keep:]...)
			break
		}
		if len(data) < i+len(frameStart) {
			_, _ = tm.emu.Write(data[:i])
			tm.pending = append([]byte(nil), data[i:]...)
			break
		}
		end := i + len(frameStart)
		_, _ = tm.emu.Write(data[:end])
		switch string(data[i:end]) {
		case frameStart:
			tm.inFrame = true
		case frameEnd:
			tm.inFrame = false
			tm.shown = tm.emu.String()
		}
		data = data[end:]
	}
	if !tm.inFrame {
		tm.shown = tm.emu.String()
	}
}

// partialMarker is how many bytes at the end of data could begin a frame
// marker that the next read completes.
func partialMarker(data []byte) int {
	const prefix = "\x1b[?2026"
	for k := min(len(prefix), len(data)); k > 0; k-- {
		if bytes.HasSuffix(data, []byte(prefix[:k])) {
			return k
		}
	}
	return 0
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

// screen is the text on screen now: the last whole frame.
func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.shown
}

// tookIn wakes every helper waiting for the screen. tm.mu is held.
func (tm *term) tookIn() {
	close(tm.read)
	tm.read = make(chan struct{})
}

// until waits until ok holds for the screen, or timeout passes; it
// returns the last screen and whether ok held. It looks again each time
// the app writes, so it never waits for time when the screen is there.
func (tm *term) until(timeout time.Duration, ok func(screen string) bool) (string, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		tm.mu.Lock()
		s, read := tm.shown, tm.read
		tm.mu.Unlock()
		if ok(s) {
			return s, true
		}
		select {
		case <-read:
		case <-deadline.C:
			s = tm.screen()
			return s, ok(s)
		}
	}
}

// waitFor waits until the screen shows every one of texts.
func (tm *term) waitFor(timeout time.Duration, texts ...string) {
	tm.t.Helper()
	missing := ""
	s, ok := tm.until(timeout, func(s string) bool {
		for _, want := range texts {
			if !strings.Contains(s, want) {
				missing = want
				return false
			}
		}
		return true
	})
	if !ok {
		tm.t.Fatalf("waited %v for %q; the screen shows:\n%s", timeout, missing, s)
	}
}

// waitChange waits until the screen is no longer from: the app has drawn
// what a key (or the clock) changed.
func (tm *term) waitChange(timeout time.Duration, from string) {
	tm.t.Helper()
	if _, ok := tm.until(timeout, func(s string) bool { return s != from }); !ok {
		tm.t.Fatalf("waited %v for the screen to change; it still shows:\n%s", timeout, from)
	}
}

// pressOn types key on screen s, which the test has just read, and waits
// for the app to draw what the key changed: a helper that decides what to
// type next by the screen must see the key's effect first.
func (tm *term) pressOn(s, key string) {
	tm.t.Helper()
	tm.press(key)
	tm.waitChange(wait, s)
}

// keysTaken proves every key typed so far has been taken, before a test
// looks at what they did not do: ? opens the full help and ? closes it,
// and the app takes keys in order. Only on screens that have ? keys.
func (tm *term) keysTaken() {
	tm.t.Helper()
	tm.press("?")
	tm.waitFor(wait, fullHelpMark)
	tm.press("?")
	tm.waitGone(wait, fullHelpMark)
}

// fullHelpMark is the line under every screen's full help (style.KeyRule).
const fullHelpMark = "esc: back, never skips or starts"

// waitGone waits until text is no longer on screen.
func (tm *term) waitGone(timeout time.Duration, text string) {
	tm.t.Helper()
	if s, ok := tm.until(timeout, func(s string) bool { return !strings.Contains(s, text) }); !ok {
		tm.t.Fatalf("waited %v for %q to go; the screen shows:\n%s", timeout, text, s)
	}
}

var keyBytes = map[string]string{
	"enter": "\r", "esc": "\x1b", "space": " ", "tab": "\t",
	"up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D",
	"ctrl+c": "\x03",
}

// escGap is the longest a key after a lone ESC waits for the screen to
// show that the ESC was taken. ESC is also the first byte of every escape
// sequence, so an ESC and the next key read together are alt+key: that is
// the terminal protocol, not the app's pace.
const escGap = 150 * time.Millisecond

// press types keys by name ("enter", "right") or as literal text ("n").
func (tm *term) press(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		b, ok := keyBytes[k]
		if !ok {
			b = k
		}
		tm.afterEsc()
		if b == "\x1b" {
			s := tm.screen()
			tm.escSent, tm.escAt = &s, time.Now()
		}
		if _, err := tm.pty.Write([]byte(b)); err != nil {
			tm.t.Fatalf("typing %q: %v", k, err)
		}
	}
}

// afterEsc holds the next key after a lone ESC until the screen changed
// (the app took the ESC on its own), or escGap passed for an ESC that
// changes nothing on screen.
func (tm *term) afterEsc() {
	if tm.escSent == nil {
		return
	}
	sent := *tm.escSent
	if left := escGap - time.Since(tm.escAt); left > 0 {
		tm.until(left, func(s string) bool { return s != sent })
	}
	tm.escSent = nil
}

// wait waits for the process to end and returns its exit code.
func (tm *term) wait(timeout time.Duration) int {
	tm.t.Helper()
	select {
	case <-tm.exited:
	case <-time.After(timeout):
		tm.t.Fatalf("supine did not exit within %v; the screen shows:\n%s", timeout, tm.screen())
	}
	// The last bytes reach the emulator when the pseudo-terminal reads
	// its end; a program the app started (a tone) can hold it open, so
	// this wait has a bound and no verdict.
	select {
	case <-tm.drained:
	case <-time.After(2 * time.Second):
	}
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
// confirm page, each once the page before it is gone, until the screen
// moves on.
func (tm *term) noneOfThese() {
	tm.t.Helper()
	for range 20 {
		s := tm.screen()
		switch {
		case strings.Contains(s, "No red flags reported"), strings.Contains(s, "Before: how tight"):
			return
		case strings.Contains(s, "Reading your history"), strings.Contains(s, "Start tonight's routine"):
			// The check is on its way: home (whose menu names the check)
			// or the wait for the history is still drawn.
			tm.waitChange(wait, s)
		case strings.Contains(s, "Is this what you marked"):
			tm.pressOn(s, "enter")
		case strings.Contains(s, "Red-flag check"), strings.Contains(s, "Anything new since"):
			tm.pressOn(s, "n")
		default:
			return
		}
	}
	tm.t.Fatalf("the check did not move on after none on every page:\n%s", tm.screen())
}

// finishCheck presses enter through the rest of the check's pages and its
// confirm page, with what is marked so far, each once the page before it
// is gone.
func (tm *term) finishCheck() {
	tm.t.Helper()
	for range 20 {
		s := tm.screen()
		if !strings.Contains(s, "Red-flag check") && !strings.Contains(s, "Is this what you marked") {
			return
		}
		tm.pressOn(s, "enter")
	}
	tm.t.Fatalf("the check did not end after enter on every page:\n%s", tm.screen())
}

// checkIn answers a tightness check-in as a person does: the number, enter
// to keep it, and (before the routine) skip "did back pain wake you?". It
// returns once the check-in has gone from the screen.
func (tm *term) checkIn(n string) {
	tm.t.Helper()
	s := tm.screen()
	if n == "s" { // s skips the number at once
		tm.pressOn(s, "s")
	} else {
		tm.press(n)
		tm.waitFor(wait, "enter to keep it")
		tm.pressOn(tm.screen(), "enter")
	}
	for range 10 {
		s := tm.screen()
		switch {
		case strings.Contains(s, "wake you last night"):
			tm.pressOn(s, "s")
		case strings.Contains(s, "alcohol, a sleeping tablet"):
			// Tonight's heat question, before a routine with heat:
			// answered no, as the tests of a plain evening write it.
			tm.pressOn(s, "n")
			return
		case strings.Contains(s, "how tight is your back"), strings.Contains(s, "Reading your history"):
			tm.waitChange(wait, s) // the kept number, or the history, not yet drawn
		default:
			return
		}
	}
	tm.t.Fatalf("the check-in did not end:\n%s", tm.screen())
}
