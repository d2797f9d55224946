package player

import (
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/figure"
	"github.com/supine-app/supine/internal/screens/kitty"
	"github.com/supine-app/supine/internal/screens/style"
)

// The pictures of the stretches (package figure): drawn in braille in
// every terminal, or as an image where the terminal said it shows kitty
// graphics with Unicode placeholders. A picture is drawn when its step,
// phase or side comes on screen and kept (textCache): the countdown's
// second ticks reuse it, so the idle cost does not change.
//
// Where it goes: beside the big countdown when the row has room for both
// (the picture is as tall as the digits), otherwise as an optional block
// above the instructions, in whatever room the other blocks leave
// (style.Block.Optional): it never takes the place of a safety line, the
// countdown or anything else, and it is left out when there is no room.

// besideGap is the space between the picture and the countdown.
const besideGap = 4

// imageCell is the size in pixels each cell of an image is drawn at; the
// terminal scales it to its own cells.
const imageCellW, imageCellH = 12, 24

// pictures is what the terminal has been sent, shared by the copies of a
// Model: the content each image id holds now.
type pictures struct {
	mu    sync.Mutex
	sent  map[int]string
	drawn int // pictures drawn (not taken from the cache), for the tests
}

func newPictures() *pictures { return &pictures{sent: map[int]string{}} }

// SetGraphics tells the player what the terminal said about images
// (package kitty). Until it says yes, pictures are braille.
func (m Model) SetGraphics(s kitty.Support) Model {
	m.graphics = s
	return m
}

// scene is the picture of what is on screen now, if its step has one.
func (m Model) scene() (figure.Scene, bool) {
	if m.noPictures || m.state.Empty() || m.mode() == modeReady || m.mode() == modeHeatDone || m.onHeat() {
		return figure.Scene{}, false
	}
	return figure.At(m.plan(), m.state.Seg, m.setup.Position)
}

// imageID is the terminal's id for a scene at a size: one id a picture,
// in the 256-colour range a placeholder's colour can name.
func imageID(s figure.Scene, size figure.Size) int {
	i := 0
	for j, x := range figure.Scenes() {
		if x == s {
			i = j
		}
	}
	id := 200 + i*2
	if size == figure.Small {
		id++
	}
	return id
}

// imageKey is what an image id must hold for a picture in this palette.
func (m Model) imageKey(s figure.Scene, size figure.Size) string {
	return s.Name() + "/" + m.st.Palette.Name
}

// shownAsImage reports whether the picture goes out as an image: the
// terminal shows them and holds this one.
func (m Model) shownAsImage(s figure.Scene, size figure.Size) bool {
	if !m.graphics.On() || m.pics == nil {
		return false
	}
	m.pics.mu.Lock()
	defer m.pics.mu.Unlock()
	return m.pics.sent[imageID(s, size)] == m.imageKey(s, size)
}

// picture is the scene drawn at size, as lines each size.Cols wide.
func (m Model) picture(s figure.Scene, size figure.Size) []string {
	img := m.shownAsImage(s, size)
	extra := imageID(s, size) << 1
	if img {
		extra |= 1
	}
	return m.cached("figure", extra, func() []style.Block {
		if m.pics != nil {
			m.pics.mu.Lock()
			m.pics.drawn++
			m.pics.mu.Unlock()
		}
		if img {
			return []style.Block{{Lines: kitty.Placeholder(imageID(s, size), size.Cols, size.Rows)}}
		}
		return []style.Block{{Lines: m.st.Player.Figure.Braille(figure.Braille(s, size.Cols, size.Rows))}}
	})[0].Lines
}

// pictureBlock is the picture as an optional block at size, centred, its
// blank top rows left out (ok false when there is none, or it is wider
// than the screen).
func (m Model) pictureBlock(size figure.Size) (style.Block, bool) {
	s, ok := m.scene()
	if !ok || size.Cols > m.w {
		return style.Block{}, false
	}
	pad := strings.Repeat(" ", (m.w-size.Cols)/2)
	src := m.picture(s, size)
	if !m.shownAsImage(s, size) {
		for len(src) > 1 && strings.TrimSpace(ansi.Strip(src[0])) == "" {
			src = src[1:]
		}
	}
	ls := make([]string, len(src))
	for i, l := range src {
		ls[i] = pad + l
	}
	return style.Block{Gap: true, Optional: true, Lines: ls}, true
}

// smallerPicture is the layout with the small picture in place of the
// large one, when the large one did not find room.
func (m Model) smallerPicture(bl []style.Block, lay style.Layout, room int) ([]style.Block, style.Layout) {
	for i, b := range bl {
		if !b.Optional || lay.Keep[i] {
			continue
		}
		small, ok := m.pictureBlock(figure.Small)
		if !ok || len(small.Lines) >= len(b.Lines) {
			return bl, lay
		}
		out := append([]style.Block(nil), bl...)
		out[i] = small
		return out, style.Choose(out, room)
	}
	return bl, lay
}

// beside puts the large picture to the left of a block (the big
// countdown) of width cells, the two centred together, when the row has
// room for both; ok is false otherwise.
func (m Model) beside(block []string, width int) ([]string, bool) {
	s, ok := m.scene()
	size := figure.Large
	if !ok || len(block) > size.Rows || size.Cols+besideGap+width > m.w {
		return nil, false
	}
	pic := m.picture(s, size)
	pad := strings.Repeat(" ", (m.w-size.Cols-besideGap-width)/2)
	gap := strings.Repeat(" ", besideGap)
	out := make([]string, size.Rows)
	top := size.Rows - len(block) // the digits sit on the picture's bed line
	for i := range out {
		line := pad + pic[i]
		if j := i - top; j >= 0 {
			line += gap + block[j]
		}
		out[i] = line
	}
	return out, true
}

// sendPictures sends the terminal the images the step on screen needs, at
// both sizes, when it shows images and does not hold them yet. It runs
// at Init and on each change the run shows (Show), so that a new step,
// phase or side, or a new palette, is sent before its frame is drawn.
func (m Model) sendPictures() tea.Cmd {
	s, ok := m.scene()
	if !ok || !m.graphics.On() || m.pics == nil {
		return nil
	}
	m.pics.mu.Lock()
	defer m.pics.mu.Unlock()
	var seqs strings.Builder
	for _, size := range []figure.Size{figure.Large, figure.Small} {
		id, key := imageID(s, size), m.imageKey(s, size)
		if m.pics.sent[id] == key {
			continue
		}
		img := figure.Image(s, size.Cols*imageCellW, size.Rows*imageCellH, m.st.Player.Figure.Colors())
		seq, err := kitty.Transmit(id, img, size.Cols, size.Rows)
		if err != nil {
			continue // the braille picture stays
		}
		seqs.WriteString(seq)
		m.pics.sent[id] = key
	}
	if seqs.Len() == 0 {
		return nil
	}
	return tea.Raw(seqs.String())
}
