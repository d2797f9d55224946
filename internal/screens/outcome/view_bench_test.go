package outcome

import (
	"testing"

	"github.com/supine-app/supine/internal/safety"
)

// BenchmarkView is one redraw of the emergency outcome, the longest, at
// 120x40 (the root hands screens at most 80 columns, so this is the widest
// it is asked for).
func BenchmarkView(b *testing.B) {
	m := ForTier(st, safety.Emergency).SetSize(120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
