package scroll

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/viewport"

	"github.com/supine-app/supine/internal/screens/screentest"
)

func TestApply(t *testing.T) {
	content := strings.TrimSuffix(strings.Repeat("line\n", 30), "\n")
	tests := []struct {
		key     string
		from    int
		want    int
		handled bool
	}{
		{"down", 0, 1, true},
		{"j", 0, 1, true},
		{"up", 5, 4, true},
		{"pgdown", 0, 10, true},
		{"space", 0, 10, true},
		{"pgup", 15, 5, true},
		{"end", 0, 20, true},
		{"G", 0, 20, true},
		{"home", 12, 0, true},
		{"x", 3, 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			vp := viewport.New(viewport.WithWidth(20), viewport.WithHeight(10))
			vp.SetContent(content)
			vp.SetYOffset(tt.from)
			handled := NewKeys().Apply(&vp, screentest.Key(tt.key))
			if handled != tt.handled || vp.YOffset() != tt.want {
				t.Fatalf("%s from %d: offset %d handled %v, want %d %v", tt.key, tt.from, vp.YOffset(), handled, tt.want, tt.handled)
			}
		})
	}
	// Disabled keys do nothing: the help hides them when nothing scrolls.
	vp := viewport.New(viewport.WithWidth(20), viewport.WithHeight(10))
	vp.SetContent(content)
	if NewKeys().Enabled(false).Apply(&vp, screentest.Key("down")) {
		t.Fatal("a disabled key scrolled")
	}
}
