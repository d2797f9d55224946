package routines

import "testing"

// BenchmarkExpand is expanding the built-in "tonight" into its timeline, as
// the app does when a routine starts and when home shows its length.
func BenchmarkExpand(b *testing.B) {
	r, ok := Load("").Find("tonight")
	if !ok {
		b.Fatal("the built-in tonight is missing")
	}
	o := Options{HeatMinutes: 17}
	b.ReportAllocs()
	for b.Loop() {
		if p := Expand(r, o); len(p.Segments) == 0 {
			b.Fatal("no segments")
		}
	}
}

// BenchmarkLocate is finding the segment for a moment of the routine, which
// the player does on every tick.
func BenchmarkLocate(b *testing.B) {
	r, _ := Load("").Find("tonight")
	p := Expand(r, Options{})
	mid := p.Total / 2
	b.ReportAllocs()
	for b.Loop() {
		_, _ = p.Locate(mid)
	}
}
