package activities

import (
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/screens/style"
)

// field is the one line an activity's name is typed in. It is written here
// rather than taken from bubbles' textinput because textinput brings
// atotto/clipboard, whose package init looks for four clipboard programs on
// PATH on every start of supine (`supine --help` included), for a paste
// key nobody needs to name "putting on socks". Typing, backspace and
// ctrl+u are all a name needs; the cursor does not blink, so the app does
// not wake while the person thinks.
type field struct {
	runes []rune
}

// maxName is the longest name kept (history refuses longer).
const maxName = 80

func (f field) value() string { return string(f.runes) }

// key edits the field: printable text is added, backspace removes the
// last character, ctrl+u clears it.
func (f field) key(kp tea.KeyPressMsg) field {
	switch kp.String() {
	case "backspace":
		if n := len(f.runes); n > 0 {
			f.runes = append([]rune(nil), f.runes[:n-1]...)
		}
		return f
	case "ctrl+u":
		return field{}
	}
	for _, r := range kp.Text {
		if unicode.IsPrint(r) && len(f.runes) < maxName {
			f.runes = append(f.runes, r)
		}
	}
	return f
}

// view is the line as typed, its end in view, with a block for the cursor.
func (f field) view(st *style.Styles, w int) string {
	text := string(f.runes)
	room := max(w-3, 1)
	if ansi.StringWidth(text) > room {
		text = ansi.TruncateLeft(text, ansi.StringWidth(text)-room, "…")
	}
	if text == "" {
		return style.Truncate(st.Key.Render("› ")+st.Muted.Render("█ for example, turning over in bed"), w)
	}
	return style.Truncate(st.Key.Render("› ")+st.Body.Render(text)+st.Muted.Render("█"), w)
}
