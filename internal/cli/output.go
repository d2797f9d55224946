package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/supine-app/supine/internal/quietstart"
)

// init gives back TERM and TMUX, which quietstart hid while lipgloss
// initialised. Every package cli imports is initialised by now, and nothing
// of supine's has run.
func init() { quietstart.Restore() }

// colorProfile decides how much colour w can show from the environment
// alone (TERM, COLORTERM, NO_COLOR, CLICOLOR_FORCE).
//
// It stands in for colorprofile.Detect, which lipgloss.Fprintln, fang and
// bubbletea call by default: on a terminal Detect also reads the terminfo
// database, whose lookup of the home folder asks the password database
// (and through glibc, nscd over a local socket), and under tmux it runs
// `tmux info`, which connects to the tmux server. docs/ARCHITECTURE.md promises no
// connection of any kind; the environment says enough to pick colours.
func colorProfile(w io.Writer) colorprofile.Profile {
	env := os.Environ()
	if f, ok := w.(interface{ Fd() uintptr }); ok && term.IsTerminal(f.Fd()) {
		return colorprofile.Env(env)
	}
	if forced, _ := strconv.ParseBool(os.Getenv("CLICOLOR_FORCE")); forced {
		return max(colorprofile.ANSI, colorprofile.Env(env))
	}
	return colorprofile.NoTTY
}

// styled wraps w so that the colours written through it are cut down to
// what w can show, the way lipgloss.Fprintln does, without its probes.
func styled(w io.Writer) io.Writer {
	if sw, ok := w.(*colorprofile.Writer); ok {
		return sw
	}
	return &colorprofile.Writer{Forward: w, Profile: colorProfile(w)}
}

// fprintln prints one styled line to w.
func fprintln(w io.Writer, a ...any) {
	fmt.Fprintln(styled(w), a...)
}

// plainErr hides that stderr is a terminal from fang, whose error path
// would otherwise run colorprofile.Detect on it; the error handler writes
// to stderr through styled instead.
type plainErr struct{ io.Writer }
