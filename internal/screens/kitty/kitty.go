// Package kitty shows pictures through the kitty graphics protocol's
// Unicode placeholders (kitty, Ghostty): an image is sent to the terminal
// once, under an id, and then drawn by ordinary text, one placeholder
// character a cell whose colour names the image. The text goes through
// the renderer like any other, so the picture moves and clears with the
// screen and costs nothing to redraw.
//
// Whether the terminal can do it is asked, never guessed from its name:
// Query sends a graphics query and, after it, a request every terminal
// answers (primary device attributes). A terminal that shows images
// answers the query first; one that does not answers only the second, and
// one that answers neither (a pipe, a multiplexer that swallows both) is
// never asked again. Until an answer says yes, the pictures stay braille.
//
// charmbracelet/x/ansi/kitty writes the protocol; this package only adds
// the question, the answer and the placeholder text, which it does not
// provide.
package kitty

import (
	"bytes"
	"fmt"
	"image"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

// queryID is the image id of the graphics query; no image is stored
// under it (a=q stores nothing).
const queryID = 31

// query asks whether the terminal takes a direct RGB image with a virtual
// placement (U=1, what Unicode placeholders need), then asks for the
// primary device attributes, which every terminal answers, so that the
// answer to the first is known to be missing once the second comes.
var query = ansi.KittyGraphics([]byte("AAAA"), "i=31", "s=1", "v=1", "a=q", "t=d", "f=24", "U=1") +
	ansi.RequestPrimaryDeviceAttributes

// Query is the command that asks the terminal. It is sent once, at start.
func Query() tea.Cmd { return tea.Raw(query) }

// Support is what the terminal said. The zero value is "not known yet",
// which draws braille.
type Support struct {
	state   state
	colours bool // the colour profile keeps a 256-colour index
}

type state uint8

const (
	unknown state = iota
	yes
	no
)

// NewSupport is Support before any answer, for a terminal whose colour
// profile is not known yet (assumed to keep 256 colours, as the renderer
// assumes).
func NewSupport() Support { return Support{colours: true} }

// On reports whether pictures go out as images.
func (s Support) On() bool { return s.state == yes && s.colours }

// Answer reads a message that may be the terminal's answer. It returns
// the support after it and whether the message was an answer to the query
// (the caller need not pass it on). A colour profile changes the support
// but is not consumed: placeholders name their image by a 256-colour
// index, so a profile with fewer colours turns images off.
func (s Support) Answer(msg tea.Msg) (Support, bool) {
	switch msg := msg.(type) {
	case uv.KittyGraphicsEvent:
		if msg.Options.ID != queryID {
			return s, false
		}
		if s.state == unknown {
			if bytes.Equal(msg.Payload, []byte("OK")) {
				s.state = yes
			} else {
				s.state = no
			}
		}
		return s, true
	case uv.PrimaryDeviceAttributesEvent:
		if s.state == unknown {
			s.state = no // the query went unanswered
		}
		return s, true
	case tea.ColorProfileMsg:
		s.colours = msg.Profile == colorprofile.ANSI256 || msg.Profile == colorprofile.TrueColor
		return s, false
	}
	return s, false
}

// Transmit is the escape sequence that sends img to the terminal under id
// (1 to 255) and places it virtually over cols x rows cells, for
// Placeholder to show. Responses are off (q=2): the terminal answers
// nothing, so nothing comes back as input.
func Transmit(id int, img image.Image, cols, rows int) (string, error) {
	var b strings.Builder
	err := kitty.EncodeGraphics(&b, img, &kitty.Options{
		Action:           kitty.TransmitAndPut,
		Format:           kitty.PNG,
		Transmission:     kitty.Direct,
		ID:               id,
		Quiet:            2,
		VirtualPlacement: true,
		Columns:          cols,
		Rows:             rows,
		Chunk:            true,
	})
	if err != nil {
		return "", fmt.Errorf("encoding a picture for the terminal: %w", err)
	}
	return b.String(), nil
}

// Placeholder is the text that shows image id over cols x rows cells: one
// line a row, each cell the placeholder character with its row and column
// as diacritics, the whole line in the colour whose 256-colour index is
// the id.
func Placeholder(id, cols, rows int) []string {
	out := make([]string, rows)
	for r := range rows {
		var b strings.Builder
		fmt.Fprintf(&b, "\x1b[38;5;%dm", id)
		for c := range cols {
			b.WriteRune(kitty.Placeholder)
			b.WriteRune(kitty.Diacritic(r))
			b.WriteRune(kitty.Diacritic(c))
		}
		b.WriteString("\x1b[39m")
		out[r] = b.String()
	}
	return out
}
