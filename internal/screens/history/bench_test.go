package history

import (
	"testing"
	"time"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens/style"
)

func tenYearsOfNights() Data {
	var sessions []hist.Session
	for d := 0; d < 3650; d++ {
		start := time.Date(2026, 11, 24-d, 22, 0, 0, 0, now.Location())
		sessions = append(sessions, hist.Session{
			ID: int64(3650 - d), Start: start, Routine: "tonight",
			Before: hist.Score(3 + d%5), After: hist.Score(1 + d%3),
		})
	}
	d := Data{Sessions: sessions, Now: now, RolloverHour: hist.DefaultRolloverHour}
	if n, ok := hist.WeeksRule(sessions, now, hist.DefaultRolloverHour); ok {
		d.Nudge = &n
	}
	return d
}

// BenchmarkOpen10Years is opening the screen on ten years of nights: the
// figures, the layout at 120x40 (drawn 80 wide) and the first View.
func BenchmarkOpen10Years(b *testing.B) {
	d, st := tenYearsOfNights(), style.New(style.Night())
	b.ReportAllocs()
	for b.Loop() {
		_ = New(st, d).SetSize(80, 40).View()
	}
}

// BenchmarkView is one redraw of the open screen.
func BenchmarkView(b *testing.B) {
	m := New(style.New(style.Night()), tenYearsOfNights()).SetSize(80, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
