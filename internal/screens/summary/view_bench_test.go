package summary

import (
	"testing"

	"github.com/supine-app/supine/internal/screens/style"
)

// BenchmarkView is one redraw of the summary at 120x40 (the root hands
// screens at most 80 columns, so this is the widest it is asked for).
func BenchmarkView(b *testing.B) {
	m := New(style.New(style.Night()), finished()).SetSize(120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
