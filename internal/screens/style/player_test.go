package style

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestPack(t *testing.T) {
	blocks := []Block{
		{Lines: []string{"title"}},
		{Rank: 2, Gap: true, Lines: []string{"cue 1", "cue 1b"}},
		{Rank: 3, Lines: []string{"cue 2"}},
		{Rank: 1, Gap: true, Lines: []string{"next"}},
	}
	tests := []struct {
		room int
		want []string
	}{
		{7, []string{"title", "", "cue 1", "cue 1b", "cue 2", "", "next"}},
		{6, []string{"title", "cue 1", "cue 1b", "cue 2", "next"}},
		{4, []string{"title", "cue 1", "cue 1b", "next"}},
		{3, []string{"title", "cue 2", "next"}}, // cue 1 does not fit; the smaller cue 2 does
		{2, []string{"title", "next"}},
		{0, []string{"title"}}, // rank 0 always stays; Page cuts it
	}
	for _, tt := range tests {
		if got := Pack(blocks, tt.room); !slices.Equal(got, tt.want) {
			t.Errorf("Pack(room %d) = %q, want %q", tt.room, got, tt.want)
		}
	}
}

// TestBarIsTheWholeBarRendered checks that a bar from the memo is byte for
// byte the bar lipgloss renders, drawn first or again, in both palettes.
func TestBarIsTheWholeBarRendered(t *testing.T) {
	whole := func(st lipgloss.Style, cell string, n int) string { return st.Render(strings.Repeat(cell, n)) }
	for _, p := range []Palette{Night(), Light()} {
		s := New(p).Player
		for round := 0; round < 2; round++ {
			for width := 1; width <= 200; width++ {
				for _, done := range []float64{0, 0.004, 0.25, 0.5, 0.996, 1} {
					full := int(math.Round(done * float64(width)))
					want := ""
					if full > 0 {
						want = whole(s.BarFull, "█", full)
					}
					if full < width {
						want += whole(s.BarEmpty, "░", width-full)
					}
					if got := s.Bar(done, width); got != want {
						t.Fatalf("%s, round %d: Bar(%v, %d) = %q, rendered whole %q", p.Name, round, done, width, got, want)
					}
				}
			}
		}
	}
	var bare PlayerStyles // not made by New: no memo, drawn each time
	if got := ansi.Strip(bare.Bar(0.5, 4)); got != "██░░" {
		t.Errorf("Bar without a memo = %q", got)
	}
}

func TestBarReadsWithoutColour(t *testing.T) {
	s := New(Night()).Player
	tests := []struct {
		done  float64
		width int
		want  string
	}{
		{0, 4, "░░░░"},
		{0.5, 4, "██░░"},
		{1, 4, "████"},
		{1.5, 4, "████"},
		{-1, 4, "░░░░"},
		{0.5, 0, ""},
	}
	for _, tt := range tests {
		if got := ansi.Strip(s.Bar(tt.done, tt.width)); got != tt.want {
			t.Errorf("Bar(%v, %d) = %q, want %q", tt.done, tt.width, got, tt.want)
		}
	}
	if !strings.Contains(s.Bar(0.5, 10), "\x1b[") {
		t.Error("the bar has no colour at all")
	}
}

// TestAnOptionalBlockTakesNoPlace: whatever the blocks and the room, an
// optional block (a picture) never changes which other blocks are kept;
// it shows only in the room they leave.
func TestAnOptionalBlockTakesNoPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for range 5000 {
		var bl []Block
		for range 1 + r.IntN(8) {
			lines := make([]string, r.IntN(4))
			for i := range lines {
				lines[i] = "x"
			}
			bl = append(bl, Block{Rank: r.IntN(4) * 5, Gap: r.IntN(2) == 0, Safety: r.IntN(3) == 0, Lines: lines})
		}
		room := r.IntN(20)
		base := Choose(bl, room)
		at := r.IntN(len(bl) + 1)
		pic := Block{Optional: true, Gap: true, Lines: make([]string, 1+r.IntN(5))}
		with := slices.Insert(slices.Clone(bl), at, pic)
		got := Choose(with, room)
		kept := slices.Delete(slices.Clone(got.Keep), at, at+1)
		if !slices.Equal(kept, base.Keep) {
			t.Fatalf("room %d: without the picture %v, with it %v", room, base.Keep, kept)
		}
		if got.Keep[at] && got.Used(with) > room {
			t.Fatalf("room %d: the picture was kept beyond the room (%d lines)", room, got.Used(with))
		}
		if !got.Keep[at] && base.Used(bl)+len(pic.Lines) <= room {
			t.Fatalf("room %d: %d lines used, the picture's %d fit, yet it was left out", room, base.Used(bl), len(pic.Lines))
		}
	}
}
