// Package notify reaches a person whose terminal is hidden: it picks the
// desktop-notification escape sequence their terminal understands and builds
// it, and it says whether the terminal's own progress indicator is safe to
// use. Everything goes out as terminal escape sequences written by the UI, so
// there is no cgo, no D-Bus and no daemon, and it works over SSH.
//
// It is plain Go with no UI import: the root model asks For (or Message)
// which bytes to print, and Enabled whether to print them now.
//
// Sources relied on (read 2026):
//   - OSC 9: iTerm2's proprietary escape codes, "ESC ] 9 ; message BEL"
//     (https://iterm2.com/documentation-escape-codes.html).
//   - OSC 777: the rxvt-unicode notify extension, "ESC ] 777 ; notify ;
//     title ; body BEL", also implemented by foot, WezTerm and Ghostty
//     (urxvt(7); https://wezterm.org/escape-sequences.html).
//   - OSC 99: kitty's desktop-notification protocol
//     (https://sw.kovidgoyal.net/kitty/desktop-notifications/).
//   - tmux passthrough: "ESC P tmux; ... ESC \" with every ESC inside doubled,
//     forwarded only with `set -g allow-passthrough on` (tmux 3.3 and later;
//     tmux commit "Support passing through escape sequences", 2011).
package notify

import "strings"

// Kind is a family of notification escape sequences.
type Kind int

const (
	None   Kind = iota // the terminal shows none; send nothing
	OSC9               // ESC ] 9 ; message BEL: iTerm2, Ghostty, VS Code, Warp, kitty's legacy path
	OSC777             // ESC ] 777 ; notify ; title ; body BEL: urxvt, foot, VTE builds, WezTerm, Ghostty
	OSC99              // ESC ] 99 ; metadata ; payload ESC \: kitty
)

// String names the kind as the terminal documentation does.
func (k Kind) String() string {
	switch k {
	case OSC9:
		return "OSC 9"
	case OSC777:
		return "OSC 777"
	case OSC99:
		return "OSC 99"
	}
	return "none"
}

// For picks the notification sequence for the terminal described by env
// (os.Environ() or tea.EnvMsg, "KEY=value" entries; the last entry for a key
// wins, as in tea.EnvMsg).
//
// What the running terminal sets itself (TERM, TERM_PROGRAM) is trusted
// before what a child merely inherits (KITTY_WINDOW_ID, VTE_VERSION, ...),
// so a GNOME Terminal started from kitty is not taken for kitty. Inside tmux
// TERM and TERM_PROGRAM name tmux, and only the inherited hints are left.
//
// The default, for a terminal nothing identifies, is OSC 9: it is the most
// widely understood, and terminals that do not know it drop it silently. A
// dumb terminal, the Linux console (which prints an unknown OSC as text) and
// an environment with no TERM and no hint at all get None.
func For(env []string) Kind {
	term := getenv(env, "TERM")
	switch {
	case term == "xterm-kitty":
		return OSC99
	case term == "xterm-ghostty",
		strings.HasPrefix(term, "foot"),
		strings.HasPrefix(term, "rxvt-unicode"):
		return OSC777
	case term == "dumb", term == "linux":
		return None
	}
	switch getenv(env, "TERM_PROGRAM") {
	case "ghostty", "WezTerm":
		// Both also take OSC 9; OSC 777 carries a separate title.
		return OSC777
	case "iTerm.app":
		return OSC9
	}
	switch {
	case getenv(env, "KITTY_WINDOW_ID") != "":
		return OSC99
	case getenv(env, "LC_TERMINAL") == "iTerm2":
		return OSC9
	case getenv(env, "WT_SESSION") != "":
		// Windows Terminal reads OSC 9 as ConEmu's command family (9;4
		// progress, 9;9 directory), not as a message; its notification
		// work implements OSC 777 (microsoft/terminal#7718, PR #20012).
		return OSC777
	case getenv(env, "VTE_VERSION") != "":
		// Upstream VTE swallows OSC 777 silently; Fedora's and Ubuntu's
		// builds turn it into a notification. OSC 9 it never shows.
		return OSC777
	case term == "":
		return None
	}
	return OSC9
}

// Enabled reports whether a notification should go out now, given the
// notify setting ("auto", "on" or "off") and whether the terminal window has
// focus. auto notifies only when the terminal has reported that it lost
// focus: the caller starts with focused true and flips it on tea.BlurMsg and
// tea.FocusMsg, so a terminal that never reports focus is never interrupted.
// An empty setting is the default, auto; an unknown one sends nothing.
func Enabled(setting string, focused bool) bool {
	switch setting {
	case "on":
		return true
	case "auto", "":
		return !focused
	}
	return false
}

// InTmux reports whether env is inside tmux, where a sequence reaches the
// real terminal only through Passthrough.
func InTmux(env []string) bool { return getenv(env, "TMUX") != "" }

// getenv is the value of key in env, the last entry winning.
func getenv(env []string, key string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], key+"="); ok {
			return v
		}
	}
	return ""
}
