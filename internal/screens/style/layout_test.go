package style

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

func widest(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, lipgloss.Width(l))
	}
	return w
}

func TestPageIsExactlyTheSize(t *testing.T) {
	long := strings.Repeat("word ", 40)
	styled := lipgloss.NewStyle().Foreground(Night().Accent).Render(long)
	tests := []struct {
		name         string
		body, footer string
	}{
		{"short body", "a\nb", "help"},
		{"long lines", long + "\n" + styled, "help " + long},
		{"tall body", strings.Repeat("x\n", 50), "help"},
		{"tall footer", "body", strings.Repeat("h\n", 30) + "h"},
		{"no footer", "body", ""},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{40, 12}, {80, 24}, {1, 1}} {
			w, h := size[0], size[1]
			got := Page(w, h, tt.body, tt.footer)
			if n := len(strings.Split(got, "\n")); n != h {
				t.Errorf("%s at %dx%d: %d lines, want %d", tt.name, w, h, n, h)
			}
			if widest(got) > w {
				t.Errorf("%s at %dx%d: a line is %d wide", tt.name, w, h, widest(got))
			}
		}
	}
}

func TestPageKeepsTheFooterAtTheBottom(t *testing.T) {
	got := strings.Split(Page(20, 5, "one\ntwo\nthree\nfour\nfive\nsix", "help"), "\n")
	want := []string{"one", "two", "three", "four", "help"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := Page(0, 10, "x", "y"); got != "" {
		t.Fatalf("a zero-width page is %q, want empty", got)
	}
}

func TestTruncateAndFit(t *testing.T) {
	if got := Truncate("abcdef", 4); got != "abc…" {
		t.Errorf("Truncate = %q, want abc…", got)
	}
	if got := Truncate("abc", 4); got != "abc" {
		t.Errorf("Truncate of a short line = %q", got)
	}
	if got := Fit("abcdef\n12\nxyz", 3, 2); got != "ab…\n12" {
		t.Errorf("Fit = %q", got)
	}
}

func TestWrapBreaksAtSpacesAndInsideLongWords(t *testing.T) {
	got := Wrap("the quick brown fox", 10)
	if strings.Join(got, "|") != "the quick|brown fox" {
		t.Errorf("Wrap = %q", got)
	}
	for _, l := range Wrap("supine.db.broken-20261101-with-a-long-name", 10) {
		if lipgloss.Width(l) > 10 {
			t.Errorf("Wrap left a line of %d cells: %q", lipgloss.Width(l), l)
		}
	}
}

func TestParasStylesEachLine(t *testing.T) {
	st := lipgloss.NewStyle().Bold(true)
	if got := Paras("", 10, st); len(got) != 0 {
		t.Errorf("Paras of nothing = %q, want no lines", got)
	}
	got := Paras("one two", 3, st)
	if want := []string{st.Render("one"), st.Render("two")}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Paras = %q, want %q", got, want)
	}
}

func TestHangIndentsUnderTheText(t *testing.T) {
	got := Hang("› [ ] ", "one two three four", 14, lipgloss.NewStyle())
	want := []string{"› [ ] one two", "      three", "      four"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Hang = %q, want %q", got, want)
	}
}

func TestSpread(t *testing.T) {
	if got := Spread("left", "right", 12); got != "left   right" {
		t.Errorf("Spread = %q", got)
	}
	if got := Spread("a long title here", "mark", 12); got != "a long… mark" {
		t.Errorf("Spread cutting the left = %q", got)
	}
	if got := Spread("title", "far too wide a mark", 10); got != "title" {
		t.Errorf("Spread dropping the right = %q", got)
	}
}

func TestFlowBreaksBetweenItems(t *testing.T) {
	got := Flow([]string{"0 none", "1-3 mild", "4-6 moderate", "7-9 severe"}, " · ", 24)
	want := []string{"0 none · 1-3 mild", "4-6 moderate", "7-9 severe"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Flow = %q, want %q", got, want)
	}
}

func TestKeepVisible(t *testing.T) {
	tests := []struct {
		offset, top, bottom, h, want int
	}{
		{0, 2, 4, 10, 0},   // already in view
		{0, 12, 15, 10, 5}, // below: scroll down until the bottom shows
		{8, 3, 5, 10, 3},   // above: scroll up to the top
		{0, 4, 30, 10, 4},  // taller than the window: its top shows
		{5, -1, 2, 10, 0},  // never below zero
	}
	for _, tt := range tests {
		if got := KeepVisible(tt.offset, tt.top, tt.bottom, tt.h); got != tt.want {
			t.Errorf("KeepVisible(%d, %d, %d, %d) = %d, want %d", tt.offset, tt.top, tt.bottom, tt.h, got, tt.want)
		}
	}
}

func TestWindow(t *testing.T) {
	lines := []string{"a", "b", "c", "d", "e"}
	tests := []struct {
		offset, room int
		shown, mark  string
	}{
		{0, 10, "abcde", ""},
		{0, 2, "ab", "↓ more"},
		{2, 2, "cd", "↑↓ more"},
		{3, 2, "de", "↑ more"},
		{9, 2, "", "↑ more"},   // past the end: nothing, not a panic
		{0, 0, "", "↓ more"},   // no room
		{2, -3, "", "↑↓ more"}, // a help taller than the window
	}
	for _, tt := range tests {
		shown, mark := Window(lines, tt.offset, tt.room)
		if strings.Join(shown, "") != tt.shown || mark != tt.mark {
			t.Errorf("Window(%d, %d) = %q, %q; want %q, %q", tt.offset, tt.room, shown, mark, tt.shown, tt.mark)
		}
	}
}

func TestFollow(t *testing.T) {
	// Three items of 2, 4 and 2 lines, with blank lines between.
	l := Stack([][]string{{"a", "a"}, {"b", "b", "b", "b"}, {"c", "c"}}, 100, true)
	tests := []struct {
		offset, cursor, room, want int
	}{
		{0, 0, 4, 0},  // in view
		{0, 1, 4, 3},  // below: scrolls until it shows whole
		{5, 0, 4, 0},  // above: scrolls up to it
		{0, 2, 4, 6},  // the last item: the end of the list
		{9, 2, 20, 0}, // all of it fits: no scroll
		{9, 5, 4, 6},  // no such item: only kept inside the list
		{3, 0, 0, 0},  // no room: its top
	}
	for _, tt := range tests {
		if got := l.Follow(tt.offset, tt.cursor, tt.room); got != tt.want {
			t.Errorf("Follow(%d, %d, %d) = %d, want %d", tt.offset, tt.cursor, tt.room, got, tt.want)
		}
	}
}

func TestScrollMarkIsWords(t *testing.T) {
	if ScrollMark(true, true) != "" || ScrollMark(true, false) != "↓ more" ||
		ScrollMark(false, true) != "↑ more" || ScrollMark(false, false) != "↑↓ more" {
		t.Fatal("ScrollMark does not say where the view stands")
	}
}

type keys [][]key.Binding

func (k keys) ShortHelp() []key.Binding  { return k[0] }
func (k keys) FullHelp() [][]key.Binding { return k }

func TestFullHelpShowsEveryBindingOnANarrowWindow(t *testing.T) {
	b := func(k, d string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, d)) }
	k := keys{
		{b("up", "move up"), b("down", "move down")},
		{b("enter", "choose this one"), b("esc", "go back home")},
		{b("q", "quit the app"), b("?", "toggle help")},
	}
	h := help.New()
	h.ShowAll = true
	got := HelpView(h, k, 40)
	if widest(got) > 40 {
		t.Fatalf("full help is %d wide:\n%s", widest(got), got)
	}
	for _, group := range k {
		for _, kb := range group {
			if !strings.Contains(got, kb.Help().Desc) {
				t.Errorf("full help lacks %q:\n%s", kb.Help().Desc, got)
			}
		}
	}
	h.ShowAll = false
	if short := HelpView(h, k, 40); strings.Contains(short, "\n") || widest(short) > 40 {
		t.Errorf("short help is not one line within 40:\n%s", short)
	}
}

func TestStylesBuildForBothPalettes(t *testing.T) {
	for _, p := range []Palette{Night(), Light()} {
		s := New(p)
		if s.Palette.Name != p.Name {
			t.Errorf("%s: Palette not kept", p.Name)
		}
		if s.Help.ShortKey.GetForeground() == nil || s.Title.GetForeground() == nil {
			t.Errorf("%s: styles without colour", p.Name)
		}
	}
}

func TestForTierIsNeverTheOnlySignal(t *testing.T) {
	s := New(Night())
	if s.ForTier(3).GetForeground() != s.Danger.GetForeground() ||
		s.ForTier(2).GetForeground() != s.Danger.GetForeground() ||
		s.ForTier(1).GetForeground() != s.Warn.GetForeground() ||
		s.ForTier(0).GetForeground() != s.Calm.GetForeground() {
		t.Fatal("ForTier colours: EMERGENCY and URGENT danger, BOOK warn, none calm")
	}
}
