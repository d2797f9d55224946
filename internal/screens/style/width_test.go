package style

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"
)

// hostileTitles are titles whose width terminals count differently, or
// that are wide or carry zero-width marks (issue 21 item 7).
var hostileTitles = []string{
	"膝を胸に引き寄せるストレッチをゆっくり",
	"Kne\u0301e to che\u0301st, sl\u0301owly",
	"\u0301\u0301Knee first",
	"👨\u200d👩\u200d👧 family knee hug for everyone",
	"❤️ Knee hug ❤️ and ❤️ more ❤️❤️❤️❤️❤️❤️",
	"👍🏽👍🏽👍🏽 thumbs 👍🏽👍🏽👍🏽👍🏽👍🏽",
	"क्षि क्षि क्षि क्षि क्षि क्षि क्षि क्षि क्षि",
	"각각각각각각각각각각각각각각각각",
	"a\u200bb\u200bc\u200bd zero\u200bwidth\u200bspaces",
	"🏳️\u200d🌈 🇬🇧🇬🇧 1️⃣2️⃣3️⃣ ⚠️©️",
	"Knee to chest",
}

func TestSafeSpreadFitsEveryCount(t *testing.T) {
	right := "step 2 of 5"
	for _, title := range hostileTitles {
		for w := 14; w <= 160; w++ {
			line := SafeSpread(title, lipgloss.NewStyle().Bold(true), right, w)
			g, wc := ansi.StringWidth(line), ansi.StringWidthWc(line)
			if g > w || wc > w {
				t.Fatalf("%q at %d: %d cells by graphemes, %d by wcwidth: %q", title, w, g, wc, line)
			}
			if !strings.HasSuffix(line, right) {
				t.Fatalf("%q at %d: the counter is cut: %q", title, w, line)
			}
		}
	}
}

func TestSafeTruncate(t *testing.T) {
	for _, title := range hostileTitles {
		for w := 0; w <= 60; w++ {
			got := SafeTruncate(title, w)
			if SafeWidth(got) > w || ansi.StringWidthWc(got) > w || ansi.StringWidth(got) > w {
				t.Fatalf("%q cut to %d is %q, %d cells", title, w, got, SafeWidth(got))
			}
			if SafeWidth(title) <= w && got != title {
				t.Fatalf("%q fits %d but was cut to %q", title, w, got)
			}
		}
	}
	if got := SafeWidth("❤️"); got != 2 {
		t.Errorf("SafeWidth(❤️) = %d, want the larger count, 2", got)
	}
	if got := SafeWidth("👨\u200d👩\u200d👧"); got != 6 {
		t.Errorf("SafeWidth(family) = %d, want the larger count, 6", got)
	}
}
