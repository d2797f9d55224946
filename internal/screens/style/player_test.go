package style

import (
	"slices"
	"strings"
	"testing"

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
