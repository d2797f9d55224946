package plain

import (
	"os"

	xterm "github.com/charmbracelet/x/term"
)

// KeyMode puts the terminal f in key mode for plain mode: each key arrives
// at once, without waiting for Enter, and is not echoed. Unlike full raw
// mode it leaves output processing alone, so "\n" still starts a new line
// at the left edge, and Ctrl+C still sends a signal. restore puts the
// terminal back as it was; call it on every way out.
//
// Set Options.Keys when KeyMode succeeds; on an error, run with Keys false
// and the person types lines.
func KeyMode(f *os.File) (restore func() error, err error) {
	return keyMode(int(f.Fd()))
}

// Needed reports whether plain mode should run without being asked for:
// when out is not a terminal (a pipe, a file, a screen reader's capture)
// or term, the TERM variable, is "dumb".
func Needed(out *os.File, term string) bool {
	return term == "dumb" || !xterm.IsTerminal(out.Fd())
}

// IsTerminal reports whether f is a terminal, for choosing key mode.
func IsTerminal(f *os.File) bool { return xterm.IsTerminal(f.Fd()) }
