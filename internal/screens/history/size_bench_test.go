package history

import (
	"testing"

	"github.com/supine-app/supine/internal/screens/style"
)

// BenchmarkView120x40 is one redraw of the open screen on ten years of
// nights at 120x40, the size every screen's benchmark uses (the root hands
// screens at most 80 columns, so this is the widest it is asked for).
func BenchmarkView120x40(b *testing.B) {
	m := New(style.New(style.Night()), tenYearsOfNights()).SetSize(120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
