package player

import (
	"sync"

	"github.com/supine-app/supine/internal/screens/style"
)

// The view is drawn after every update, and most of it (titles, cues,
// the why, the help line) only changes when the step, the width or the
// palette does. Those parts are kept here, so that a redraw once a second
// costs little more than the clock and the bars. The cache is shared by
// the copies of a Model, which is safe because its keys name everything a
// part depends on.
type textCache struct {
	mu    sync.Mutex
	w     int
	pal   string
	parts map[partKey][]style.Block
}

type partKey struct {
	part  string
	step  int
	extra int
}

func newTextCache() *textCache {
	return &textCache{parts: map[partKey][]style.Block{}}
}

// cached returns the part, building it on first use at this width and
// palette. extra tells apart versions of a part within a step.
func (m Model) cached(part string, extra int, build func() []style.Block) []style.Block {
	c := m.cache
	if c == nil {
		return build()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.w != m.w || c.pal != m.st.Palette.Name {
		clear(c.parts)
		c.w, c.pal = m.w, m.st.Palette.Name
	}
	k := partKey{part: part, step: m.segment().Step, extra: extra}
	if b, ok := c.parts[k]; ok {
		return b
	}
	b := build()
	c.parts[k] = b
	return b
}
