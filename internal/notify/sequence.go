package notify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Longest title and body, in characters. Notification pop-ups show about a
// line of title and a few of body; kitty refuses payloads over 2048 bytes,
// which 256 characters of UTF-8 stay well under.
const (
	MaxTitle = 64
	MaxBody  = 256
)

// kittyID names every notification supine sends over OSC 99. kitty updates
// a notification whose identifier is reused (kitten-notify(1),
// --identifier), so "routine done" can take the place of a "heat done"
// still on screen instead of piling up.
const kittyID = "supine"

// Sequence is the escape sequence that shows a notification of kind k, or ""
// for None or when nothing is left to say. Title and body are cleaned first
// (see Clean), so text from a routine file can never smuggle an escape
// sequence of its own to the terminal. With no title, the body takes its
// place, as kitty's protocol does. x/ansi builds the sequences; what it
// does not know, which terminal takes which and what is safe to put inside,
// stays here.
//
//	OSC9:   ESC ] 9 ; title: body BEL                      (ansi.Notify)
//	OSC777: ESC ] 777 ; notify ; title ; body BEL          (ansi.URxvtExt)
//	OSC99:  ESC ] 99 ; i=supine:d=0 ; title BEL  ESC ] 99 ; i=supine:d=1:p=body ; body BEL
//	                                                       (ansi.DesktopNotification)
//
// OSC 99 is sent in kitty's documented two parts: the title held back with
// d=0 until the body arrives with d=1 (e is left at its default 0: plain
// UTF-8 with no C0 control codes).
func Sequence(k Kind, title, body string) string {
	title, body = Clean(title, MaxTitle), Clean(body, MaxBody)
	if title == "" {
		title, body = Clean(body, MaxTitle), ""
	}
	if title == "" {
		return ""
	}
	id := "i=" + kittyID
	switch k {
	case OSC9:
		msg := title
		if body != "" {
			msg += ": " + body
		}
		return ansi.Notify(msg)
	case OSC777:
		return ansi.URxvtExt("notify", title, body)
	case OSC99:
		if body == "" {
			return ansi.DesktopNotification(title, id, "d=1")
		}
		return ansi.DesktopNotification(title, id, "d=0") +
			ansi.DesktopNotification(body, id, "d=1", "p=body")
	}
	return ""
}

// Passthrough wraps seq for tmux, which otherwise keeps unknown sequences to
// itself: ESC P tmux; seq ESC \, with every ESC inside seq doubled. tmux
// forwards it only with `set -g allow-passthrough on`; without that it drops
// it, which is no worse than no notification. An empty seq stays empty.
func Passthrough(seq string) string {
	if seq == "" {
		return ""
	}
	return ansi.TmuxPassthrough(seq)
}

// Message is everything the root needs: the notification for the terminal
// described by env, wrapped for tmux when env is inside it. "" means print
// nothing; anything else goes out as is, with tea.Raw.
func Message(env []string, title, body string) string {
	seq := Sequence(For(env), title, body)
	if InTmux(env) {
		return Passthrough(seq)
	}
	return seq
}

// Clean makes text safe to put inside an escape sequence and short enough to
// read in a pop-up:
//   - control characters (C0, DEL, C1, so ESC, BEL and the 8-bit ST among
//     them) and invalid UTF-8 become spaces, and runs of space collapse to
//     one, so a newline reads as a space and nothing can end the sequence;
//   - a semicolon becomes a comma, since it separates fields in OSC 777 and
//     "4;..." at the start of OSC 9 is a ConEmu command (progress) to
//     Windows Terminal and Ghostty;
//   - text over limit characters is cut to limit, the last one an ellipsis.
func Clean(text string, limit int) string {
	var b strings.Builder
	space := false
	for i, r := range text {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(text[i:]); n == 1 {
				r = ' ' // an invalid byte, not a real U+FFFD
			}
		}
		switch {
		case unicode.IsControl(r), unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == ';':
			r = ','
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if limit <= 0 {
		return ""
	}
	if utf8.RuneCountInString(out) <= limit {
		return out
	}
	runes := []rune(out)[:limit-1]
	return strings.TrimRight(string(runes), " ") + "…"
}
