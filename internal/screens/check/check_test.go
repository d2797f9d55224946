package check

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

func newCheck() Model {
	return New(style.New(style.Night())).SetSize(80, 24)
}

func sized(w, h int) Model {
	return New(style.New(style.Night())).SetSize(w, h)
}

// allNone answers "none" on every page: n per page, then the confirm page.
func allNone(m Model) Model {
	for range m.groups {
		m, _ = press(m, "n")
	}
	return m
}

// toQuestion walks to the page of question id and puts the cursor on it.
func toQuestion(t *testing.T, m Model, id string) Model {
	t.Helper()
	for p, g := range m.groups {
		for i, q := range g.Questions {
			if q.ID == id {
				for m.page < p {
					m, _ = press(m, "enter")
				}
				for m.cursor < i {
					m, _ = press(m, "down")
				}
				return m
			}
		}
		_ = p
	}
	t.Fatalf("no question %q", id)
	return m
}

// toConfirm pages on to the confirm page, reading each page to its end.
func toConfirm(m Model) Model {
	for !m.confirming() {
		for range 30 {
			m, _ = press(m, "down")
		}
		m, _ = press(m, "enter")
	}
	return m
}

func TestNoneOnEveryPageThenConfirm(t *testing.T) {
	m := allNone(newCheck())
	if !m.confirming() {
		t.Fatalf("after n on each of %d pages, page %d is on show", len(m.groups), m.page)
	}
	if !strings.Contains(text(m.View()), "You marked nothing") {
		t.Errorf("confirm page does not say nothing was marked:\n%s", text(m.View()))
	}
	_, act := press(m, "enter")
	want := screens.CheckDone{Tier: safety.None}
	if !reflect.DeepEqual(act, want) {
		t.Fatalf("enter on the confirm page returned %#v, want %#v", act, want)
	}
}

// n answers only the page on show: it never ends the check, and never
// reaches past the questions the person has seen.
func TestNoneAnswersOnlyThisPage(t *testing.T) {
	m := newCheck()
	for p := range m.groups {
		next, act := press(m, "n")
		if act != nil {
			t.Fatalf("n on page %d returned %#v: it must only turn the page", p, act)
		}
		if next.page != p+1 {
			t.Fatalf("n on page %d went to page %d", p, next.page)
		}
		m = next
	}
}

func TestNoneWaitsUntilThePageHasBeenRead(t *testing.T) {
	m := sized(40, 12)
	next, act := press(m, "n")
	if act != nil || next.page != 0 {
		t.Fatalf("n on an unread page at 40x12 went on (page %d, %#v)", next.page, act)
	}
	if !strings.Contains(text(next.View()), "more questions on this page") {
		t.Errorf("no word on why n waited:\n%s", text(next.View()))
	}
	// The refusal scrolled to the page's last question: now n goes on.
	next, _ = press(next, "n")
	if next.page != 1 {
		t.Fatalf("second n: page %d, want 1", next.page)
	}
	// enter too waits for an unread page.
	m = sized(40, 12)
	if next, _ := press(m, "enter"); next.page != 0 {
		t.Fatal("enter on an unread page went on")
	}
}

func TestMarkedTierWins(t *testing.T) {
	for _, tier := range safety.Tiers() {
		t.Run(safety.TierName(tier), func(t *testing.T) {
			id := safety.QuestionsIn(tier)[0].ID
			m := toQuestion(t, newCheck(), id)
			m, _ = press(m, "space")
			m = toConfirm(m)
			if !strings.Contains(text(m.View()), safety.Reported([]string{id})[0][:20]) {
				t.Errorf("confirm page does not show what was marked:\n%s", text(m.View()))
			}
			_, act := press(m, "enter")
			want := screens.CheckDone{Tier: tier, Yes: []string{id}}
			if !reflect.DeepEqual(act, want) {
				t.Fatalf("got %#v, want %#v", act, want)
			}
		})
	}
}

func TestEveryQuestionCanBeMarked(t *testing.T) {
	for _, q := range safety.Questions() {
		m := toQuestion(t, newCheck(), q.ID)
		m, _ = press(m, "space")
		_, act := press(toConfirm(m), "enter")
		want := screens.CheckDone{Tier: q.Tier, Yes: []string{q.ID}}
		if !reflect.DeepEqual(act, want) {
			t.Errorf("%s: got %#v, want %#v", q.ID, act, want)
		}
	}
}

func TestHighestTierWinsOverALowerOne(t *testing.T) {
	m := toQuestion(t, newCheck(), "no-better")
	m, _ = press(m, "space", "b", "b", "b")
	if m.page != 0 {
		t.Fatalf("b did not go back to the first page: %d", m.page)
	}
	m, _ = press(m, "space")
	_, act := press(toConfirm(m), "enter")
	done := act.(screens.CheckDone)
	if done.Tier != safety.Emergency || !reflect.DeepEqual(done.Yes, []string{"saddle-numbness", "no-better"}) {
		t.Fatalf("got %#v, want Emergency with two answers", done)
	}
}

// A mis-key is corrected on the confirm page: b goes back, space unmarks,
// and the check ends with nothing marked.
func TestConfirmPageCorrectsAMisKey(t *testing.T) {
	m, _ := press(newCheck(), "space")
	m = toConfirm(m)
	if !strings.Contains(text(m.View()), "between the legs") {
		t.Fatalf("confirm page does not show the mis-key:\n%s", text(m.View()))
	}
	for range len(m.groups) {
		m, _ = press(m, "b")
	}
	if m.page != 0 {
		t.Fatalf("back to change: page %d, want 0", m.page)
	}
	m, _ = press(m, "space")
	_, act := press(toConfirm(m), "enter")
	if !reflect.DeepEqual(act, screens.CheckDone{Tier: safety.None}) {
		t.Fatalf("got %#v, want CheckDone{None}", act)
	}
}

func TestNoneDoesNotWipeAMarkedAnswer(t *testing.T) {
	m, act := press(newCheck(), "space", "n")
	if act != nil || m.page != 0 {
		t.Fatalf("n after a yes went on (page %d, %#v)", m.page, act)
	}
	if !strings.Contains(text(m.View()), "You marked 1 on this page") {
		t.Errorf("view does not explain why n did nothing:\n%s", text(m.View()))
	}
	m, _ = press(m, "enter")
	if m.page != 1 || !m.yes["saddle-numbness"] {
		t.Fatalf("enter after the refused n: page %d, marks %v", m.page, m.yes)
	}
}

func TestLeavingKeys(t *testing.T) {
	for _, m := range []Model{newCheck(), allNone(newCheck())} {
		if _, act := press(m, "esc"); act != (screens.Back{}) {
			t.Errorf("esc returned %#v, want Back", act)
		}
		if _, act := press(m, "q"); act != (screens.Quit{}) {
			t.Errorf("q returned %#v, want Quit", act)
		}
	}
	for _, k := range []string{"up", "down", "j", "k", "?", "space", "x", "b", "left", "enter", "n"} {
		if _, act := press(newCheck(), k); act != nil {
			t.Errorf("%s on the first page returned %#v, want nothing", k, act)
		}
	}
	// On the confirm page only enter answers; n and space do nothing.
	for _, k := range []string{"n", "space", "y"} {
		m, act := press(allNone(newCheck()), k)
		if act != nil || !m.confirming() {
			t.Errorf("%s on the confirm page: %#v, page %d", k, act, m.page)
		}
	}
}

func TestCursorStaysInsideThePage(t *testing.T) {
	m := newCheck()
	n := len(m.groups[0].Questions)
	for range n + 5 {
		m, _ = press(m, "down")
	}
	if m.cursor != n-1 {
		t.Fatalf("cursor %d after running off the end, want %d", m.cursor, n-1)
	}
	for range n + 5 {
		m, _ = press(m, "up")
	}
	if m.cursor != 0 {
		t.Fatalf("cursor %d after running off the top", m.cursor)
	}
}

// At 80x24 every page shows whole: every question and every hint, no
// scrolling needed, and nothing from another page.
func TestEveryPageFits80x24WithItsHints(t *testing.T) {
	m := newCheck()
	for p, g := range m.groups {
		v := text(m.View())
		if strings.Contains(v, "more") && strings.Contains(v, "↓") {
			t.Errorf("page %d scrolls at 80x24:\n%s", p, v)
		}
		if !strings.Contains(v, g.Heading) {
			t.Errorf("page %d lacks its heading %q", p, g.Heading)
		}
		for _, q := range g.Questions {
			if !strings.Contains(v, q.Text) {
				t.Errorf("page %d lacks %q:\n%s", p, q.Text, v)
			}
			if q.Hint != "" && !strings.Contains(v, q.Hint) {
				t.Errorf("page %d lacks the hint %q", p, q.Hint)
			}
		}
		for _, tier := range []safety.Tier{safety.Emergency, safety.Urgent, safety.Book} {
			for _, name := range []string{safety.TierName(tier), safety.TierLabel(tier)} {
				if strings.Contains(v, name) {
					t.Errorf("page %d names a tier while answering: %q", p, name)
				}
			}
		}
		if !m.seen[p] {
			t.Errorf("page %d fits but is not marked as read", p)
		}
		screentest.RequireFits(t, m.View(), 80, 24)
		m, _ = press(m, "n")
	}
}

// At small sizes the cursor's question shows whole with its hint, all the
// way down every page.
func TestCursorAndHintVisibleWhenScrolling(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {50, 14}, {80, 24}} {
		m := sized(size[0], size[1])
		for p, g := range m.groups {
			for i, q := range g.Questions {
				v := text(m.View())
				if !strings.Contains(v, q.Text) {
					t.Fatalf("%v page %d question %d: %q not whole on screen:\n%s", size, p, i, q.Text, v)
				}
				if q.Hint != "" && !strings.Contains(v, q.Hint) {
					t.Fatalf("%v page %d question %d: hint not whole on screen:\n%s", size, p, i, v)
				}
				screentest.RequireFits(t, m.View(), size[0], size[1])
				m, _ = press(m, "down")
			}
			m, _ = press(m, "n")
		}
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"start", nil},
		{"marked", []string{"space", "down"}},
		{"pain_page", []string{"n", "n"}},
		{"none_refused", []string{"space", "n"}},
		{"unread_refused", []string{"n"}},
		{"confirm_none", []string{"confirm"}},
		{"confirm_marked", []string{"space", "down", "down", "space", "confirm"}},
		{"full_help", []string{"?"}},
		{"clinician_asks", nil},
		{"pattern_page", nil},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				m := sized(s.w, s.h)
				switch c.name {
				case "clinician_asks":
					m = toQuestion(t, NewAsking(st, asking(false, "no-better", "not-coping")).SetSize(s.w, s.h), "not-coping")
				case "pattern_page":
					m = toQuestion(t, NewAsking(st, asking(true)).SetSize(s.w, s.h), safety.PatternLong)
				}
				for _, k := range c.keys {
					if k == "confirm" {
						m = toConfirm(m)
						continue
					}
					m, _ = press(m, k)
				}
				screentest.Golden(t, m.View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, keys := range [][]string{nil, {"?"}, {"space", "n"}, {"n", "n", "n", "n", "n", "n", "n", "n"}, {"space", "n", "n", "n", "n", "n", "n", "n", "n", "down", "down"}} {
		for _, w := range widths {
			for _, h := range heights {
				m, _ := press(sized(w, h), keys...)
				screentest.RequireFits(t, m.View(), w, h)
			}
		}
	}
}

// text is a view as words: no styles, and lines joined, so that a phrase
// wrapped over two lines is still found.
func text(s string) string {
	return strings.Join(strings.Fields(ansi.Strip(s)), " ")
}

// widths and heights sample every size the root passes, 40x12 up, with
// the small ones (where layouts change) densest.
var (
	widths  = []int{40, 41, 42, 43, 45, 47, 50, 53, 57, 61, 66, 72, 79, 80}
	heights = []int{12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 28, 33, 40}
)

// At the root's smallest size the full help leaves the list no room; n on
// a page not yet read must still draw, not slice below zero.
func TestFullHelpThenNoneAtSmallestSize(t *testing.T) {
	m, _ := press(sized(40, 12), "?", "n")
	v := m.View()
	screentest.RequireFits(t, v, 40, 12)
	for _, want := range []string{"Red-flag check", "There are more questions on this page."} {
		if !strings.Contains(text(v), want) {
			t.Errorf("%q is not on show:\n%s", want, v)
		}
	}
}
