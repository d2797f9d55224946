package why

import "testing"

// BenchmarkView is one redraw of "why it's tight" at 120x40 (the root hands
// screens at most 80 columns, so this is the widest it is asked for).
func BenchmarkView(b *testing.B) {
	m := New(st).SetSize(120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
