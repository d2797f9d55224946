package tea

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

// Tests of the local patch that draws only the changed lines of a view
// (lines.go, see PATCH.md).

// fullDraw is what v2.1.1 does on every frame: clear, then draw the whole view.
func fullDraw(w, h int, content string) uv.ScreenBuffer {
	buf := uv.NewScreenBuffer(w, h)
	buf.Clear()
	uv.NewStyledString(content).Draw(buf, buf.Bounds())
	return buf
}

// sameCells fails unless got and want hold the same cells.
func sameCells(t *testing.T, frame int, content string, got, want uv.ScreenBuffer) {
	t.Helper()
	for y := range want.Height() {
		for x := range want.Width() {
			g, w := got.CellAt(x, y), want.CellAt(x, y)
			if (g == nil) != (w == nil) || (g != nil && !g.Equal(w)) {
				t.Fatalf("frame %d, cell (%d,%d): drawn by rows %+v, whole %+v\nview %q", frame, x, y, g, w, content)
			}
		}
	}
}

// testLines are the lines frames are made of: plain, lipgloss-styled, wide,
// and the ones whose drawing depends on the line before (a pen left set, a
// link, a combining mark at the start, a pass-through sequence, a stray C1
// byte), which must send the frame down the whole-view path.
var testLines = []string{
	"",
	"plain text",
	"          \x1b[1;38;2;227;207;174mHeat\x1b[m    \x1b[38;2;138;122;102mstep 1 of 1\x1b[m",
	"  \x1b[1m██  ██████\x1b[m",
	"\x1b[38;5;2m14:5\x1b[m\x1b[1m9\x1b[0m left",
	"wide 界界 and more text than fits in a narrow terminal at all, surely",
	"\x1b[31mred left on",
	"after the pen",
	"\u0301 combining first",
	"\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",
	"\x1b_Gapc\x1b\\x",
	"bad \x9b31m byte",
	"tab\there",
	"line\r",
	"\x1b[2Kerased\x1b[m",
	"┏━━━━┓",
	"\x1b[38;5;3m┃\x1b[m \x1b[1mPAD OFF\x1b[m \x1b[38;5;3m┃\x1b[m",
	"\x1b[1m\u0301\x1b[m mark after a pen",
}

func randomView(r *rand.Rand) string {
	n := r.IntN(14)
	lines := make([]string, n)
	for i := range lines {
		lines[i] = testLines[r.IntN(len(testLines))]
	}
	sep := "\n"
	if r.IntN(8) == 0 {
		sep = "\r\n"
	}
	return strings.Join(lines, sep)
}

// TestDrawingByRowsMatchesAWholeDraw: after any sequence of views, the cells
// drawn by rows over the last frame are the cells a clear and a whole draw
// give, whatever the lines hold.
func TestDrawingByRowsMatchesAWholeDraw(t *testing.T) {
	for _, size := range [][2]int{{40, 10}, {12, 6}, {80, 24}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
			buf := uv.NewScreenBuffer(w, h)
			var prev []string
			view := randomView(r)
			for frame := range 3000 {
				// Mostly a line or two changed, as a countdown does.
				switch r.IntN(4) {
				case 0:
					view = randomView(r)
				default:
					lines := strings.Split(view, "\n")
					if len(lines) > 0 {
						lines[r.IntN(len(lines))] = testLines[r.IntN(len(testLines))]
					}
					view = strings.Join(lines, "\n")
				}
				prev = drawView(buf, prev, view)
				sameCells(t, frame, view, buf, fullDraw(w, h, view))
			}
		})
	}
}

// TestRowsThatDependOnTheLineBeforeAreNotDrawnAlone: a pen left set at the
// end of a line colours the next; drawing that next line alone would lose it.
func TestRowsThatDependOnTheLineBeforeAreNotDrawnAlone(t *testing.T) {
	for _, l := range []string{"\x1b[31mred left on", "\u0301 combining first", "\x1b]8;;x\x1b\\link", "\x1b_Gapc\x1b\\x", "bad \x9b31m byte", "\x1b[1", "x\x1b[m\x1b"} {
		if rowsIndependent([]string{"a", l, "b"}) {
			t.Errorf("%q was taken as a line that draws the same on its own", l)
		}
	}
	for _, l := range []string{"", "plain", "  \x1b[1;38;2;1;2;3mx\x1b[m", "\x1b[1mA\x1b[0m", "界 first", "x界",
		"┏━━┓", "\x1b[38;5;3m┃ boxed ┃\x1b[m"} {
		if !rowsIndependent([]string{"a", l, "b"}) {
			t.Errorf("%q was taken as a line that depends on the line before", l)
		}
	}
}

// TestOnlyChangedRowsAreTouched: the terminal renderer diffs only the rows
// the buffer marks touched, so a view that changes one row marks one row.
func TestOnlyChangedRowsAreTouched(t *testing.T) {
	a := "title\n\x1b[1m14:59\x1b[m\nbar \x1b[2m░░░░\x1b[m\nfooter"
	b := "title\n\x1b[1m14:58\x1b[m\nbar \x1b[2m░░░░\x1b[m\nfooter"
	buf := uv.NewScreenBuffer(20, 6)
	prev := drawView(buf, nil, a)
	buf.Touched = nil // as a render leaves it
	drawView(buf, prev, b)
	for y := range buf.Height() {
		touched := y < len(buf.Touched) && buf.Touched[y] != nil
		if touched != (y == 1) {
			t.Errorf("row %d touched %v; only row 1 changed", y, touched)
		}
	}
}

// TestAFrameRewritesOnlyWhatChanged drives the renderer itself: the second
// of two frames that differ in one row writes that row's new text and none
// of the others', and a resize still repaints everything.
func TestAFrameRewritesOnlyWhatChanged(t *testing.T) {
	var out bytes.Buffer
	r := newCursedRenderer(&out, []string{"TERM=xterm-256color"}, 40, 8)
	frame := func(clock string) {
		t.Helper()
		r.render(View{AltScreen: true, Content: "supine\n\x1b[1m" + clock + "\x1b[m left\nsafety line one\nsafety line two"})
		if err := r.flush(false); err != nil {
			t.Fatal(err)
		}
	}
	frame("14:59")
	if s := out.String(); !strings.Contains(s, "safety line two") {
		t.Fatalf("the first frame lacks the last line: %q", s)
	}
	out.Reset()
	frame("14:58")
	s := out.String()
	if !strings.Contains(s, "8") || strings.Contains(s, "safety") || strings.Contains(s, "supine") {
		t.Errorf("the second frame wrote %q; want only the changed clock", s)
	}
	out.Reset()
	r.resize(40, 9)
	frame("14:57")
	if s := out.String(); !strings.Contains(s, "safety line two") || !strings.Contains(s, "supine") {
		t.Errorf("after a resize the frame wrote %q; want everything again", s)
	}
}

// TestAWiderWindowShowsWhatWasCut: a line cut at the old width is drawn
// again in full when the window grows, though its text did not change.
func TestAWiderWindowShowsWhatWasCut(t *testing.T) {
	var out bytes.Buffer
	r := newCursedRenderer(&out, []string{"TERM=xterm-256color"}, 20, 4)
	view := View{AltScreen: true, Content: "a line longer than twenty columns\nshort"}
	r.render(view)
	if err := r.flush(false); err != nil {
		t.Fatal(err)
	}
	r.resize(40, 4)
	r.render(view)
	if err := r.flush(false); err != nil {
		t.Fatal(err)
	}
	if got := r.cellbuf.Line(0).String(); !strings.Contains(got, "twenty columns") {
		t.Errorf("after growing to 40 columns the first row holds %q", got)
	}
}
