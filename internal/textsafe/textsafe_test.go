package textsafe

import (
	"strings"
	"testing"

	"github.com/supine-app/supine/internal/textsafe/hostile"
)

func TestCleanRemovesEveryPayload(t *testing.T) {
	for name, p := range hostile.Payloads {
		got := Clean("a" + p + "b")
		if !Safe(got) || hostile.Found(got) != "" {
			t.Errorf("%s: Clean left %q", name, got)
		}
		// A lone ESC takes the next character with it, as a terminal would.
		if !strings.HasPrefix(got, "a") || (!strings.HasSuffix(got, "b") && !strings.HasSuffix(p, "\x1b")) {
			t.Errorf("%s: Clean lost the text around the payload: %q", name, got)
		}
	}
}

func TestCleanRemovesOSCWhole(t *testing.T) {
	if got := Clean("knees\x1b]52;c;SGVsbG8=\a.toml"); got != "knees.toml" {
		t.Errorf("got %q, want the whole sequence gone", got)
	}
}

func TestCleanRemovesC1SequencesWhole(t *testing.T) {
	if got := Clean("a\u009d0;pwned\u009cb"); got != "ab" {
		t.Errorf("got %q, want the whole 8-bit OSC gone", got)
	}
	if got := Clean("a\u009b2Jb"); got != "ab" {
		t.Errorf("got %q, want the whole 8-bit CSI gone", got)
	}
}

func TestCleanKeepsOrdinaryText(t *testing.T) {
	for _, s := range []string{"Knee to chest", "Genou à la poitrine", "膝を胸に", "=A1", "café ☕", ""} {
		if got := Clean(s); got != s {
			t.Errorf("Clean(%q) = %q", s, got)
		}
	}
	if got := Clean("one\ttwo\nthree"); got != "one two three" {
		t.Errorf("got %q", got)
	}
}

func TestQuoteShowsEscapesVisibly(t *testing.T) {
	if got := Quote("knees.toml"); got != "knees.toml" {
		t.Errorf("a safe name changed: %q", got)
	}
	for name, p := range hostile.Payloads {
		got := Quote("x" + p + ".toml")
		if !Safe(got) || !strings.HasPrefix(got, `"x`) {
			t.Errorf("%s: Quote gave %q", name, got)
		}
	}
	if got := Quote("a\u202eb"); got != `"a\u202eb"` {
		t.Errorf("bidi: %q", got)
	}
}

func FuzzClean(f *testing.F) {
	for _, p := range hostile.Payloads {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Clean(s); !Safe(got) {
			t.Errorf("Clean(%q) = %q is not safe", s, got)
		}
		if got := Quote(s); !Safe(got) {
			t.Errorf("Quote(%q) = %q is not safe", s, got)
		}
	})
}
