package kitty

import (
	"image"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

// reply is how the input decoder delivers a terminal's answer to a
// graphics query.
func reply(id int, payload string) tea.Msg {
	return uv.KittyGraphicsEvent{Options: kitty.Options{ID: id}, Payload: []byte(payload)}
}

var da1 tea.Msg = uv.PrimaryDeviceAttributesEvent{62, 22}

func TestTheTerminalIsAskedNotNamed(t *testing.T) {
	cases := []struct {
		name    string
		answers []tea.Msg
		on      bool
	}{
		{"answered yes (kitty, Ghostty)", []tea.Msg{reply(queryID, "OK"), da1}, true},
		{"answered no", []tea.Msg{reply(queryID, "ENOTSUPPORTED:no"), da1}, false},
		{"unanswered: only the device attributes come", []tea.Msg{da1}, false},
		{"a late yes after the device attributes is not believed", []tea.Msg{da1, reply(queryID, "OK")}, false},
		{"nothing at all (a pipe, a multiplexer)", nil, false},
		{"someone else's image answer", []tea.Msg{reply(7, "OK"), da1}, false},
		{"yes, then a profile of 16 colours", []tea.Msg{reply(queryID, "OK"), tea.ColorProfileMsg{Profile: colorprofile.ANSI}}, false},
		{"yes, with true colour", []tea.Msg{tea.ColorProfileMsg{Profile: colorprofile.TrueColor}, reply(queryID, "OK")}, true},
	}
	for _, c := range cases {
		s := NewSupport()
		for _, a := range c.answers {
			s, _ = s.Answer(a)
		}
		if s.On() != c.on {
			t.Errorf("%s: On = %v, want %v", c.name, s.On(), c.on)
		}
	}
	if (Support{}).On() {
		t.Error("the zero Support draws images")
	}
	if _, took := NewSupport().Answer(tea.KeyPressMsg{Code: 'q'}); took {
		t.Error("a key was taken for an answer")
	}
	if _, took := NewSupport().Answer(reply(queryID, "OK")); !took {
		t.Error("the answer to the query was passed on")
	}
}

func TestQueryAsksForPlaceholdersThenForAttributes(t *testing.T) {
	msg := Query()()
	raw, ok := msg.(tea.RawMsg)
	if !ok {
		t.Fatalf("Query sends %T, want a raw sequence", msg)
	}
	s, _ := raw.Msg.(string)
	g := strings.Index(s, "\x1b_G")
	da := strings.Index(s, ansi.RequestPrimaryDeviceAttributes)
	if g < 0 || da < g {
		t.Fatalf("query %q: want the graphics query, then the device attributes request", s)
	}
	for _, opt := range []string{"a=q", "i=31", "U=1"} {
		if !strings.Contains(s, opt) {
			t.Errorf("query %q lacks %s", s, opt)
		}
	}
}

func TestTransmitIsQuietAndVirtual(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	x := uint32(1)
	for i := range img.Pix {
		x = x*1664525 + 1013904223 // noise: PNG cannot squeeze it under one chunk
		img.Pix[i] = uint8(x >> 24)
	}
	img.Set(3, 3, color.White)
	seq, err := Transmit(201, img, 30, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(seq, "\x1b_G") || !strings.HasSuffix(seq, "\x1b\\") {
		t.Fatalf("not a graphics sequence: %.40q", seq)
	}
	first := seq[:strings.Index(seq, ";")]
	for _, opt := range []string{"a=T", "i=201", "q=2", "U=1", "c=30", "r=5", "f=100"} {
		if !strings.Contains(first, opt) {
			t.Errorf("first chunk %q lacks %s", first, opt)
		}
	}
	if n := strings.Count(seq, "\x1b_G"); n < 2 || !strings.Contains(seq, "m=1") {
		t.Errorf("a large image goes in %d chunk(s): want it split", n)
	}
}

func TestPlaceholderNamesItsCells(t *testing.T) {
	rows := Placeholder(201, 3, 2)
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	for r, line := range rows {
		if !strings.HasPrefix(line, "\x1b[38;5;201m") {
			t.Errorf("row %d does not name image 201 by its colour: %q", r, line)
		}
		if w := ansi.StringWidth(line); w != 3 {
			t.Errorf("row %d is %d cells wide, want 3", r, w)
		}
		if w := ansi.StringWidthWc(line); w != 3 {
			t.Errorf("row %d is %d cells wide by wcwidth, want 3", r, w)
		}
		want := string([]rune{kitty.Placeholder, kitty.Diacritic(r), kitty.Diacritic(1)})
		if !strings.Contains(line, want) {
			t.Errorf("row %d lacks the cell (%d,1)", r, r)
		}
	}
}
