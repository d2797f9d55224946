package e2e

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
)

// The patched bubbletea (third_party/bubbletea, PATCH.md) draws a frame by
// parsing only the lines of the view that changed. These tests put the real
// program and renderer in front of a terminal emulator and hold the screen
// to what a whole draw of each view gives, cell by cell, style included.

// frameMsg makes viewsModel show one view.
type frameMsg string

// viewsModel shows whatever view it was last sent, full screen.
type viewsModel struct{ content string }

func (m viewsModel) Init() tea.Cmd { return nil }

func (m viewsModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if f, ok := msg.(frameMsg); ok {
		m.content = string(f)
	}
	return m, nil
}

func (m viewsModel) View() tea.View {
	v := tea.NewView(m.content)
	v.AltScreen = true
	return v
}

// lockedEmulator is the emulator the program writes to and the test reads.
type lockedEmulator struct {
	mu  sync.Mutex
	emu *vt.Emulator
}

// Write hands the program's output to the emulator as a terminal in cooked
// output mode would: with no terminal for input, bubbletea writes a bare
// newline for "next line" and counts on the line discipline (ONLCR) to add
// the carriage return.
func (l *lockedEmulator) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, err := l.emu.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// differs is "" when the emulator shows want's cells, or where it does not.
func (l *lockedEmulator) differs(want uv.ScreenBuffer) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	for y := range want.Height() {
		for x := range want.Width() {
			w, g := want.CellAt(x, y), l.emu.CellAt(x, y)
			wc, gc := " ", " "
			var ws, gs uv.Style
			if w != nil && w.Content != "" {
				wc, ws = w.Content, w.Style
			}
			if g != nil && g.Content != "" {
				gc, gs = g.Content, g.Style
			}
			if wc != gc || !ws.Equal(&gs) {
				return fmt.Sprintf("cell (%d,%d): on screen %q %+v, want %q %+v\nscreen:\n%s", x, y, gc, gs, wc, ws, l.emu.String())
			}
		}
	}
	return ""
}

// screenLines are what the frames are made of: styled, plain, wide, box
// drawing, a colour left on past the end of a line. (A combining mark at
// the start of a line joins a cell of the line before in bubbletea's model
// and not in a terminal, patched or not: the patch's own tests hold the
// cells of such views to a whole draw.)
var screenLines = []string{
	"",
	"plain words",
	"  \x1b[1;33mHeat\x1b[m    \x1b[2mstep 1 of 1\x1b[m",
	"\x1b[38;5;208m  ██  ██████\x1b[m",
	"\x1b[32m14:5\x1b[m\x1b[1m9\x1b[0m left",
	"wide 界界 and a line longer than the window is wide, cut at its edge",
	"\x1b[31mred left on",
	"after the pen",
	"┏━━━━━━━━┓",
	"\x1b[33m┃\x1b[m \x1b[1mPAD OFF\x1b[m \x1b[33m┃\x1b[m",
	"\x1b[7m reversed \x1b[m tail",
}

func TestThePatchedRendererShowsEveryViewAsAWholeDrawWould(t *testing.T) {
	w, h := 50, 12
	le := &lockedEmulator{emu: vt.NewEmulator(w, h)}
	go func() { _, _ = io.Copy(io.Discard, le.emu) }() // its replies to queries
	t.Cleanup(func() { _ = le.emu.Close() })

	p := tea.NewProgram(viewsModel{}, tea.WithOutput(le), tea.WithInput(nil),
		tea.WithWindowSize(w, h), tea.WithoutSignals(), tea.WithEnvironment([]string{"TERM=xterm-256color"}),
		tea.WithColorProfile(colorprofile.ANSI256)) // the output is no terminal: keep the colours anyway
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	t.Cleanup(func() {
		p.Quit()
		<-done
	})

	r := rand.New(rand.NewPCG(7, 11))
	lines := make([]string, h)
	for frame := range 300 {
		if frame%60 == 59 { // the window changes size: everything is drawn again
			w, h = 40+r.IntN(30), 8+r.IntN(8)
			le.mu.Lock()
			le.emu.Resize(w, h)
			le.mu.Unlock()
			p.Send(tea.WindowSizeMsg{Width: w, Height: h})
			lines = lines[:min(len(lines), h)]
		}
		// Mostly a row or two change, as the countdown's do; now and then
		// all of them, or the view gets shorter or longer.
		switch r.IntN(10) {
		case 0:
			for i := range lines {
				lines[i] = screenLines[r.IntN(len(screenLines))]
			}
		case 1:
			lines = lines[:r.IntN(len(lines)+1)]
		case 2:
			for len(lines) < h {
				lines = append(lines, screenLines[r.IntN(len(screenLines))])
			}
		default:
			if len(lines) > 0 {
				lines[r.IntN(len(lines))] = screenLines[r.IntN(len(screenLines))]
			}
		}
		view := strings.Join(lines, "\n")
		want := uv.NewScreenBuffer(w, h)
		uv.NewStyledString(view).Draw(want, want.Bounds())

		p.Send(frameMsg(view))
		deadline := time.Now().Add(wait)
		for {
			diff := le.differs(want)
			if diff == "" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("frame %d, view %q:\n%s", frame, view, diff)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
}
