package notify

import (
	"strconv"
	"strings"
)

// ProgressSafe reports whether the terminal's own progress indicator
// (ConEmu's OSC 9;4, which bubbletea writes for tea.View.ProgressBar) may be
// used in the terminal described by env.
//
// OSC 9;4 shares its number with OSC 9 notifications, and a terminal that
// knows only the notification turns every progress update into a pop-up
// saying "4;1;37" (kitty does: kovidgoyal/kitty#8011, #8768; so did WezTerm
// and iTerm2 before they learned 9;4). Beside a sleeping person that is the
// worst outcome, so this is an allow-list of terminals known to draw it
// (terminfo.dev "OSC 9;4 progress bar"; kitty#9948 lists the versions):
// Windows Terminal, ConEmu, mintty, Ghostty 1.2+, iTerm2 3.6.6+, WezTerm
// builds from 2025 on, and VTE 0.79+ (GNOME Terminal, Ptyxis). Anything
// else, tmux included (bubbletea does not wrap it for passthrough), gets no
// native progress; the progress bar on screen is always there.
func ProgressSafe(env []string) bool {
	if InTmux(env) || getenv(env, "TERM") == "xterm-kitty" || getenv(env, "KITTY_WINDOW_ID") != "" {
		return false
	}
	version := getenv(env, "TERM_PROGRAM_VERSION")
	switch getenv(env, "TERM_PROGRAM") {
	case "ghostty":
		return atLeast(version, 1, 2)
	case "iTerm.app":
		return atLeast(version, 3, 6, 6)
	case "WezTerm":
		// WezTerm versions are dates: 20240203-110809-5046fc22.
		return atLeast(version, 20250101)
	case "mintty":
		return true
	}
	switch {
	case getenv(env, "WT_SESSION") != "":
		return true
	case getenv(env, "ConEmuANSI") == "ON":
		return true
	}
	// VTE_VERSION is major*10000 + minor*100 + micro: 0.79.0 is 7900.
	vte, err := strconv.Atoi(getenv(env, "VTE_VERSION"))
	return err == nil && vte >= 7900
}

// atLeast reports whether a dotted version ("3.6.6", "1.2.0-dev",
// "20250312-...") is at least want. A version that does not start with a
// number is not.
func atLeast(version string, want ...int) bool {
	parts := strings.FieldsFunc(version, func(r rune) bool { return r < '0' || r > '9' })
	if len(parts) == 0 || !strings.HasPrefix(version, parts[0]) {
		return false
	}
	for i, w := range want {
		n := 0
		if i < len(parts) {
			var err error
			if n, err = strconv.Atoi(parts[i]); err != nil {
				return false
			}
		}
		if n != w {
			return n > w
		}
	}
	return true
}
