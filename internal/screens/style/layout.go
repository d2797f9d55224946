package style

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The layout helpers keep every screen inside the w x h box the root gives
// it. Screens lay out what they can; Page is the last guard, so that no size
// of window ever produces a wrapped or overlong line.

// Pointer marks the item under the cursor. Colour alone is never the signal.
const Pointer = "›"

// Ellipsis ends a line that was cut to fit.
const Ellipsis = "…"

// Lines splits a block into its lines; an empty block has none.
func Lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Truncate cuts one line to at most w cells, ending it with an ellipsis
// when something was cut. Styles inside the line are kept intact.
func Truncate(line string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(line) <= w {
		return line
	}
	return ansi.Truncate(line, w, Ellipsis)
}

// Fit clips a block to at most w cells wide and h lines tall. It never pads.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	ls := Lines(s)
	if len(ls) > h {
		ls = ls[:h]
	}
	for i, l := range ls {
		ls[i] = Truncate(l, w)
	}
	return strings.Join(ls, "\n")
}

// Page lays a screen out in exactly h lines, none wider than w: the body
// from the top, the footer (usually the help line) on the last lines. When
// they do not both fit, the body is cut first, then the footer.
func Page(w, h int, body, footer string) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	foot := Lines(footer)
	if len(foot) > h {
		foot = foot[:h]
	}
	room := h - len(foot)
	ls := Lines(body)
	if len(ls) > room {
		ls = ls[:room]
	}
	for len(ls) < room {
		ls = append(ls, "")
	}
	ls = append(ls, foot...)
	for i, l := range ls {
		ls[i] = Truncate(l, w)
	}
	return strings.Join(ls, "\n")
}

// Wrap breaks plain text into lines of at most w cells, at spaces where it
// can and inside a word only when the word itself is wider than w.
func Wrap(text string, w int) []string {
	w = max(w, 1)
	ls := Lines(ansi.Wrap(text, w, ""))
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return ls
}

// Paras wraps text to w cells and styles each line on its own: a style
// rendered over the whole block would pad its lines to the widest. Empty
// text has no lines.
func Paras(text string, w int, st lipgloss.Style) []string {
	ls := Wrap(text, w)
	for i, l := range ls {
		ls[i] = st.Render(l)
	}
	return ls
}

// Hang wraps text after a prefix and indents the following lines under the
// text, as in a list: "› [ ] first line / continued". The prefix may be
// styled; st styles the text.
func Hang(prefix, text string, w int, st lipgloss.Style) []string {
	pw := lipgloss.Width(prefix)
	ls := Wrap(text, w-pw)
	if len(ls) == 0 {
		ls = []string{""}
	}
	indent := strings.Repeat(" ", pw)
	for i, l := range ls {
		lead := indent
		if i == 0 {
			lead = prefix
		}
		ls[i] = lead + st.Render(l)
	}
	return ls
}

// Spread puts left and right on one line of w cells with space between;
// left is cut when both do not fit, and right is dropped when even it does
// not.
func Spread(left, right string, w int) string {
	rw := lipgloss.Width(right)
	if right == "" || rw+2 > w {
		return Truncate(left, w)
	}
	left = Truncate(left, w-rw-1)
	gap := w - lipgloss.Width(left) - rw
	return left + strings.Repeat(" ", gap) + right
}

// ScrollMark says in words where a scrolled view stands: "↓ more" while
// there is more below, "↑ more" at the end, nothing when all of it shows.
func ScrollMark(atTop, atBottom bool) string {
	switch {
	case atTop && atBottom:
		return ""
	case atTop:
		return "↓ more"
	case atBottom:
		return "↑ more"
	}
	return "↑↓ more"
}

// KeepVisible returns the scroll offset, closest to offset, at which lines
// top to bottom (exclusive) show in a window h lines tall. When they are
// taller than the window, their top shows.
func KeepVisible(offset, top, bottom, h int) int {
	if bottom-offset > h {
		offset = bottom - h
	}
	if top < offset {
		offset = top
	}
	return max(offset, 0)
}

// Help is what a screen keeps of its help line: whether the full help is
// open. The bubble that draws it (help.Model) holds its seven styles by
// value, 4.6 KB, and a copy of it in each of the fourteen screens the root
// keeps made the root model 98 KB, copied whole on every message: the
// frames of its Update grew past 1 MB and the session's main stack to 4 MB
// (docs/PERFORMANCE.md). The bubble is built when the line is drawn, in the
// screen's styles, as the player and the summary already did.
type Help struct {
	ShowAll bool
}

// View draws the help like HelpView, in the help styles st.
func (h Help) View(st help.Styles, k help.KeyMap, w int) string {
	b := help.New()
	b.Styles, b.ShowAll = st, h.ShowAll
	return HelpView(b, k, w)
}

// HelpView renders the help for a screen within w cells: the short line, or
// with ShowAll the full help, its columns packed into as many rows as it
// takes so that no binding is cut off on a narrow window.
func HelpView(h help.Model, k help.KeyMap, w int) string {
	h.SetWidth(w)
	if !h.ShowAll {
		return h.ShortHelpView(k.ShortHelp())
	}
	// Rows are packed here, so the bubble itself must not cut columns off.
	h.SetWidth(0)
	sep := lipgloss.Width(h.FullSeparator)
	var rows []string
	var row [][]key.Binding
	used := 0
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, h.FullHelpView(row))
		}
		row, used = nil, 0
	}
	for _, group := range k.FullHelp() {
		gw := lipgloss.Width(h.FullHelpView([][]key.Binding{group}))
		if gw == 0 {
			continue
		}
		if len(row) > 0 && used+sep+gw > w {
			flush()
		}
		if len(row) > 0 {
			used += sep
		}
		row = append(row, group)
		used += gw
	}
	flush()
	for _, l := range Flow(KeyRule, " · ", w) {
		rows = append(rows, h.Styles.FullDesc.Render(l))
	}
	return Fit(strings.Join(rows, "\n"), w, 1<<20)
}

// KeyRule is the rule every screen's esc and q follow, shown under the full
// help (and in README's Keys table): esc is always safe to press.
var KeyRule = []string{"esc: back, never skips or starts", "q: quit, asks first mid-routine"}

// Flow joins short items with sep into as few lines of at most w cells as
// it can, breaking only between items, so that "7-9 severe" never splits.
// An item wider than w alone is cut.
func Flow(items []string, sep string, w int) []string {
	var out []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case lipgloss.Width(line+sep+it) <= w:
			line += sep + it
		default:
			out = append(out, Truncate(line, w))
			line = it
		}
	}
	if line != "" {
		out = append(out, Truncate(line, w))
	}
	return out
}

// Span is where one item of a List sits: lines Top up to (not including)
// Bottom.
type Span struct{ Top, Bottom int }

// List is a scrolling list of items as lines, and where each item sits.
type List struct {
	Lines []string
	Spans []Span
}

// Stack lays items (each already wrapped into lines) one under another,
// with a blank line between them only when they all fit in room with it:
// the check's pages and the precautions share this layout.
func Stack(items [][]string, room int, roomy bool) List {
	total := len(items) - 1
	for _, it := range items {
		total += len(it)
	}
	gaps := roomy && total <= room
	var l List
	for i, it := range items {
		if i > 0 && gaps {
			l.Lines = append(l.Lines, "")
		}
		top := len(l.Lines)
		l.Lines = append(l.Lines, it...)
		l.Spans = append(l.Spans, Span{top, len(l.Lines)})
	}
	return l
}

// Window is what a list scrolled to offset shows in room lines, and the
// scroll mark for it. Room below zero (a full help taller than the window)
// shows nothing rather than slicing out of bounds.
func Window(lines []string, offset, room int) (shown []string, mark string) {
	offset = max(offset, 0)
	end := min(offset+max(room, 0), len(lines))
	shown = lines[min(offset, end):end]
	return shown, ScrollMark(offset == 0, end >= len(lines))
}

// Follow is the offset, closest to offset, at which the item under the
// cursor shows whole in room lines without scrolling past the list's end.
func (l List) Follow(offset, cursor, room int) int {
	if cursor >= 0 && cursor < len(l.Spans) {
		sp := l.Spans[cursor]
		offset = KeepVisible(offset, sp.Top, sp.Bottom, room)
	}
	return max(min(offset, len(l.Lines)-room), 0)
}

// Footer is a paged screen's foot: the status (why the last key did
// nothing), wrapped and in st, above the help line.
func Footer(status string, st lipgloss.Style, help string, w int) []string {
	return append(Paras(status, w, st), Lines(help)...)
}
