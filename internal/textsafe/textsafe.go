// Package textsafe makes text from outside the program safe to show on a
// terminal. Routine files, their names, the settings file and the history
// database are all written by someone other than supine, and any of them can
// hold escape sequences that would write to the clipboard (OSC 52), clear
// the screen, retitle the window or reorder what the person reads (bidi
// controls). Every such string passes Clean (text) or Quote (names) before
// it is printed or drawn.
//
// It imports no UI package.
package textsafe

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean returns s as one line of plain text: escape sequences (CSI, OSC,
// DCS, APC and the rest, 7- and 8-bit) are removed whole, and every control
// character left is dropped, tabs and line breaks becoming a space. Bytes
// that are not UTF-8 and the bidirectional controls go too.
//
// ansi.Strip does the sequence parsing, so that an OSC 52 payload goes with
// its ESC rather than staying behind as visible junk. It keeps the C0
// controls a terminal executes (BEL, BS, CR, LF) and passes UTF-8 encoded
// C1 controls as ordinary runes, so two small steps are hand-written: C1
// controls are first rewritten as their 7-bit ESC forms (so "\u009d0;x\u009c"
// goes whole, as an OSC would), and a rune filter runs last.
func Clean(s string) string {
	if Safe(s) {
		return s // the common case costs no allocation
	}
	s = ansi.Strip(sevenBit(strings.ToValidUTF8(s, "")))
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unsafeRune(r) || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

// Quote returns a name (a file name, a path, a settings key) as it is when
// it is safe to show, and otherwise in Go's double-quoted form with every
// unsafe character written as a visible escape (\x1b, \u202e), so the person
// can still find and rename the file.
func Quote(s string) string {
	if Safe(s) {
		return s
	}
	return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD"))
}

// Safe reports whether s may be shown as it is.
func Safe(s string) bool {
	for i, r := range s {
		if unsafeRune(r) || r == '\t' || r == '\n' || r == '\r' {
			return false
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return false
			}
		}
	}
	return true
}

// unsafeRune is a C0 or C1 control, DEL, or a bidirectional control that
// could make text read differently from the bytes it holds ("Trojan
// Source", CVE-2021-42574).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f,
		r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// sevenBit rewrites each UTF-8 encoded C1 control (U+0080 to U+009F) as
// ESC and the matching 7-bit character, its equivalent (ECMA-48, 5.3), so
// that ansi.Strip sees the sequence it starts.
func sevenBit(s string) string {
	if !strings.ContainsFunc(s, isC1) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isC1(r) {
			b.WriteByte(0x1b)
			b.WriteRune(r - 0x40)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isC1(r rune) bool { return r >= 0x80 && r < 0xa0 }
