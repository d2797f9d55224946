package tea

// Local patch (see PATCH.md): draw only the lines of a view that changed.
//
// v2.1.1's renderer clears its whole cell buffer and parses the whole view
// into it on every frame, so every row is marked changed and the terminal
// renderer diffs and hashes every row again. A countdown that changes five
// rows of thirty pays for all thirty, once a second. Here a row is parsed
// again only when its text differs from the last frame's; untouched rows
// keep their cells and are skipped by the terminal renderer's diff.
// Upstream discussion: charmbracelet/bubbletea#1724 (the cost of the full
// pipeline per frame) and ultraviolet#129 (drawing over a previous frame).

import (
	"strings"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// drawView draws content into buf, as a clear and a whole
// uv.StyledString.Draw would. prev is the content's lines as the last call
// drew them into buf, or nil when buf may hold anything else (a new size, an
// erase, a restart); then the whole view is drawn. It returns the lines to
// pass as prev next time, or nil when this view cannot be drawn by rows.
func drawView(buf uv.ScreenBuffer, prev []string, content string) []string {
	content = strings.ReplaceAll(content, "\r\n", "\n") // as StyledString.Draw does
	lines := strings.Split(content, "\n")
	if !rowsIndependent(lines) {
		buf.Clear()
		uv.NewStyledString(content).Draw(buf, buf.Bounds())
		return nil
	}
	if prev == nil {
		buf.Clear()
		uv.NewStyledString(content).Draw(buf, buf.Bounds())
		return lines
	}
	w := buf.Width()
	for y := range buf.Height() {
		line, had := "", y < len(prev)
		if y < len(lines) {
			line = lines[y]
		}
		if had && y < len(lines) && prev[y] == line {
			continue
		}
		if !had && y >= len(lines) {
			continue // blank before, blank now
		}
		// Draw clears its area first, so a shorter line leaves nothing behind.
		uv.NewStyledString(line).Draw(buf, uv.Rect(0, y, w, 1))
	}
	return lines
}

// rowsIndependent reports whether each line draws the same cells on its own
// as it does as part of the whole view. Drawing carries state from one line
// to the next: the SGR pen, an OSC 8 link, pass-through sequences waiting
// for a glyph, and a combining mark at the start of a line, which joins the
// last cell of the line before. So every line must start with the default
// pen (each line ends plain, or with a full SGR reset, as lipgloss's do),
// hold no escape sequence other than CSI, be valid UTF-8 (no stray C1
// controls) and start its text with a character that takes a cell of its
// own (box drawing and wide characters do; a combining mark does not).
func rowsIndependent(lines []string) bool {
	for _, l := range lines {
		if !utf8.ValidString(l) {
			return false
		}
		esc := strings.IndexByte(l, 0x1b)
		if esc < 0 {
			if !startsWithACell(l) {
				return false
			}
			continue
		}
		if !strings.HasSuffix(l, "\x1b[m") && !strings.HasSuffix(l, "\x1b[0m") {
			return false
		}
		first := true // the next text byte is the line's first
		for i := 0; i < len(l); {
			if l[i] != 0x1b {
				if first && !startsWithACell(l[i:]) {
					return false
				}
				first = false
				i++
				continue
			}
			n := csiLen(l[i:])
			if n == 0 {
				return false
			}
			i += n
		}
	}
	return true
}

// startsWithACell reports whether the text s starts with takes a cell of
// its own under either width method: a zero-width grapheme at the start of
// a line would join the last cell of the line before.
func startsWithACell(s string) bool {
	if s == "" || s[0] < utf8.RuneSelf {
		return true
	}
	_, wc, _, _ := ansi.DecodeSequenceWc(s, ansi.NormalState, nil)
	_, gr, _, _ := ansi.DecodeSequence(s, ansi.NormalState, nil)
	return wc > 0 && gr > 0
}

// csiLen is the length of the complete CSI sequence at the start of s, or 0
// when s does not start with one.
func csiLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		case c < 0x20 || c > 0x3f:
			return 0 // not a parameter or intermediate byte
		}
	}
	return 0
}
