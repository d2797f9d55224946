package tips

import (
	"testing"

	"github.com/supine-app/supine/internal/guide"
)

// BenchmarkView is one redraw of the sleep set-up at 120x40 (the root hands
// screens at most 80 columns, so this is the widest it is asked for).
func BenchmarkView(b *testing.B) {
	m := New(st, guide.Side).SetSize(120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
