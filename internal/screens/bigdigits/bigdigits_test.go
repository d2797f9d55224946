package bigdigits

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

func TestRenderDrawsGlyphs(t *testing.T) {
	want := strings.Join([]string{
		"  ██    ██████      ██████  ██████",
		"████    ██      ██  ██  ██  ██  ██",
		"  ██    ██████      ██  ██  ██  ██",
		"  ██        ██  ██  ██  ██  ██  ██",
		"██████  ██████      ██████  ██████",
	}, "\n")
	if got := Render("15:00"); got != want {
		t.Errorf("Render(15:00) =\n%s\nwant\n%s", got, want)
	}
}

func TestWidthMatchesEveryLine(t *testing.T) {
	for _, s := range []string{"0", "9:59", "20:00", "1:05:00", "TILT", "relax", "PAD OFF", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} {
		out := Render(s)
		lines := strings.Split(out, "\n")
		if len(lines) != Height {
			t.Fatalf("Render(%q) has %d lines, want %d", s, len(lines), Height)
		}
		for i, l := range lines {
			if w := lipgloss.Width(l); w != Width(s) {
				t.Errorf("Render(%q) line %d is %d cells, Width says %d", s, i, w, Width(s))
			}
		}
	}
}

func TestFallsBackToPlain(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		fits bool
	}{
		{"15:00", 80, true},
		{"15:00", Width("15:00"), true},
		{"15:00", Width("15:00") - 1, false},
		{"tilt", 40, true},
		{"breathe-in", 80, false}, // '-' has no glyph
		{"", 80, false},
		{"é", 80, false},
	}
	for _, tt := range tests {
		if got := Fits(tt.s, tt.w); got != tt.fits {
			t.Errorf("Fits(%q, %d) = %v, want %v", tt.s, tt.w, got, tt.fits)
		}
		got := Fit(tt.s, tt.w)
		if tt.fits && got != Render(tt.s) {
			t.Errorf("Fit(%q, %d) did not draw big", tt.s, tt.w)
		}
		if !tt.fits && got != tt.s {
			t.Errorf("Fit(%q, %d) = %q, want the plain text", tt.s, tt.w, got)
		}
	}
	if got := Render("a-b"); got != "a-b" {
		t.Errorf("Render of unsupported text = %q, want it unchanged", got)
	}
}

func BenchmarkRender(b *testing.B) {
	for b.Loop() {
		_ = Render("14:59")
	}
}
