package home

import (
	"testing"

	"github.com/supine-app/supine/internal/screens/style"
)

// BenchmarkView is one redraw of home at 120x40 (the root hands screens at
// most 80 columns, so this is the widest it is ever asked for), with every
// optional line on show.
func BenchmarkView(b *testing.B) {
	m := New(style.New(style.Night()), busy()).SetSize(120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
