package recheck

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var st = style.New(style.Night())

// now is a fixed evening: Thursday 26 November 2026, 22:15 UTC.
var now = time.Date(2026, time.November, 26, 22, 15, 0, 0, time.UTC)

func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, time.UTC)
}

func newRecheck() Model {
	return New(st, at(time.November, 23, 22, 5), now).SetSize(80, 24)
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

func TestKeysAnswer(t *testing.T) {
	yes, no := true, false
	done := screens.ShortcutDone{Woke: &no}
	newAns := screens.ShortcutDone{Yes: []string{safety.ShortcutAnythingNew}}
	tests := []struct {
		keys []string
		want screens.Action
	}{
		{[]string{"y"}, newAns},
		{[]string{"u"}, newAns}, // not sure: the full check
		{[]string{"n"}, nil},    // one of three
		{[]string{"n", "n"}, nil},
		{[]string{"n", "n", "n"}, done},
		{[]string{"n", "y"}, screens.ShortcutDone{Yes: []string{safety.ShortcutWokeByPain}, Woke: &yes}}, // pain woke them
		{[]string{"n", "u"}, screens.ShortcutDone{Yes: []string{safety.ShortcutWokeByPain}}},             // not sure is not a yes to waking
		{[]string{"n", "n", "y"}, screens.ShortcutDone{Yes: []string{safety.ShortcutStretchPain}, Woke: &no}},
		{[]string{"n", "n", "u"}, screens.ShortcutDone{Yes: []string{safety.ShortcutStretchPain}, Woke: &no}},
		{[]string{"esc"}, screens.Back{}},
		{[]string{"q"}, screens.Quit{}},
		{[]string{"?"}, nil},
		{[]string{"?", "n", "n", "n"}, done}, // help open, answers still work
		{[]string{"enter"}, nil},             // no default answer
		{[]string{"n", "enter", "enter"}, nil},
		{[]string{"space"}, nil},
		{[]string{"x"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			_, got := press(newRecheck(), tt.keys...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

// TestOnlyYNAndUAnswer presses every key a person could and checks that
// only y, n and u answer: nothing, enter least of all, may stand in for
// "nothing new", and on the last question only n goes on.
func TestOnlyYNAndUAnswer(t *testing.T) {
	keys := []tea.KeyPressMsg{
		{Code: tea.KeyEnter}, {Code: tea.KeyEnter, Mod: tea.ModAlt}, {Code: tea.KeySpace, Text: " "},
		{Code: tea.KeyTab}, {Code: tea.KeyUp}, {Code: tea.KeyDown}, {Code: tea.KeyLeft}, {Code: tea.KeyRight},
		{Code: 'n', Text: "N", Mod: tea.ModShift}, {Code: 'y', Text: "Y", Mod: tea.ModShift},
	}
	for r := rune(33); r < 127; r++ {
		keys = append(keys, screentest.Key(string(r)))
	}
	last, _ := press(newRecheck(), "n", "n")
	for _, k := range keys {
		_, _, act := last.Update(k)
		switch a := act.(type) {
		case screens.ShortcutDone:
			if len(a.Yes) == 0 && k.String() != "n" {
				t.Errorf("key %q answered nothing new", k.String())
			}
			if len(a.Yes) > 0 && k.String() != "y" && k.String() != "u" {
				t.Errorf("key %q opened the check", k.String())
			}
		case nil, screens.Back, screens.Quit:
		default:
			t.Errorf("key %q returned %#v", k.String(), act)
		}
	}
}

// Every night the first question names every EMERGENCY item; then pain that
// woke the person, then pain during the last stretches.
func TestAsksWhatSectionFourSays(t *testing.T) {
	m := New(st, at(time.November, 23, 22, 5), now).SetSize(80, 40)
	v := text(m.View())
	for _, q := range safety.QuestionsIn(safety.Emergency) {
		if !strings.Contains(v, q.Report) {
			t.Errorf("first question does not name %q:\n%s", q.Report, v)
		}
	}
	m, _ = press(m, "n")
	if v := text(m.View()); !strings.Contains(v, "Did back pain wake you last night?") || !strings.Contains(v, "2 of 3") {
		t.Errorf("second question:\n%s", v)
	}
	m, _ = press(m, "n")
	if v := text(m.View()); !strings.Contains(v, "Did you have pain during your last stretches?") {
		t.Errorf("third question:\n%s", v)
	}
}

// At 40x12 the list does not fit: n scrolls on instead of answering until
// every item has been on screen.
func TestNoCountsOnlyAfterTheWholeList(t *testing.T) {
	m := New(st, at(time.November, 23, 22, 5), now).SetSize(40, 12)
	if m.seenAll {
		t.Fatal("the whole list fits at 40x12: this test needs a list that does not")
	}
	seen := text(m.View())
	m, act := press(m, "n")
	if act != nil || m.step != 0 {
		t.Fatalf("n before the list was read: step %d, %#v", m.step, act)
	}
	if !strings.Contains(text(m.View()), "read the whole list first") {
		t.Errorf("no word on why:\n%s", text(m.View()))
	}
	for range 10 {
		seen += text(m.View())
		if m.seenAll {
			break
		}
		m, _ = press(m, "n")
	}
	seen += text(m.View())
	if !m.seenAll || m.step != 0 {
		t.Fatalf("after scrolling with n: seenAll %v, step %d", m.seenAll, m.step)
	}
	for _, q := range safety.QuestionsIn(safety.Emergency) {
		words := strings.Fields(q.Report)
		if !strings.Contains(seen, strings.Join(words[len(words)-2:], " ")) {
			t.Errorf("%q was never on screen", q.Report)
		}
	}
	m, _ = press(m, "n")
	if m.step != 1 {
		t.Fatalf("n after the list was read: step %d, want 1", m.step)
	}
}

func TestIgnoresOtherMessages(t *testing.T) {
	m := newRecheck()
	got, cmd, act := m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	if cmd != nil || act != nil || got.View() != m.View() {
		t.Errorf("a non-key message changed the screen: cmd %v, action %#v", cmd, act)
	}
}

func TestSince(t *testing.T) {
	tests := []struct {
		name string
		last time.Time
		want string
	}{
		{"an hour ago", at(time.November, 26, 21, 10), "earlier tonight"},
		{"this afternoon", at(time.November, 26, 15, 0), "earlier today"},
		{"last night", at(time.November, 25, 22, 40), "last night"},
		{"after midnight last night", at(time.November, 26, 1, 30), "last night"},
		{"yesterday afternoon", at(time.November, 25, 14, 0), "yesterday"},
		{"this morning, after the rollover", at(time.November, 26, 7, 0), "earlier today"},
		{"2 days ago", at(time.November, 24, 22, 0), "Tuesday 24 November"},
		{"3 days ago", at(time.November, 23, 22, 5), "Monday 23 November"},
		{"after midnight 3 nights ago", at(time.November, 24, 0, 30), "Monday 23 November"},
		{"6 days ago", at(time.November, 20, 23, 0), "Friday 20 November"},
		{"last year", time.Date(2025, time.December, 29, 22, 0, 0, 0, time.UTC), "Monday 29 December 2025"},
		{"never", time.Time{}, "your last full check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Since(tt.last, now, 4); got != tt.want {
				t.Errorf("Since(%v) = %q, want %q", tt.last, got, tt.want)
			}
		})
	}
}

func TestSinceAcrossTheYear(t *testing.T) {
	newYear := time.Date(2027, time.January, 1, 22, 0, 0, 0, time.UTC)
	if got := Since(time.Date(2026, time.December, 31, 23, 0, 0, 0, time.UTC), newYear, 4); got != "last night" {
		t.Errorf("New Year's Eve seen on New Year's night: %q, want last night", got)
	}
	if got := Since(time.Date(2026, time.December, 29, 22, 0, 0, 0, time.UTC), newYear, 4); got != "Tuesday 29 December 2026" {
		t.Errorf("got %q, want the date with its year", got)
	}
}

func TestSinceUsesTheRolloverHour(t *testing.T) {
	last := at(time.November, 26, 5, 30) // 05:30 this morning
	tests := []struct {
		rollover int
		want     string
	}{
		{4, "earlier today"},
		{6, "last night"}, // before a 06:00 rollover it was still last night
		{0, "earlier today"},
		{-1, "earlier today"}, // out of range: the default, 04:00
		{99, "earlier today"},
	}
	for _, tt := range tests {
		if got := Since(last, now, tt.rollover); got != tt.want {
			t.Errorf("rollover %d: %q, want %q", tt.rollover, got, tt.want)
		}
	}
}

func TestSinceAcrossDaylightSaving(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	// Clocks went back on Sunday 25 October 2026 at 03:00.
	tonight := time.Date(2026, time.October, 26, 22, 0, 0, 0, berlin)
	tests := []struct {
		last time.Time
		want string
	}{
		{time.Date(2026, time.October, 25, 22, 30, 0, 0, berlin), "last night"},
		{time.Date(2026, time.October, 24, 22, 30, 0, 0, berlin), "Saturday 24 October"},
		{time.Date(2026, time.October, 25, 20, 30, 0, 0, time.UTC), "last night"}, // stored in UTC, 21:30 in Berlin
	}
	for _, tt := range tests {
		if got := Since(tt.last, tonight, 4); got != tt.want {
			t.Errorf("Since(%v) = %q, want %q", tt.last, got, tt.want)
		}
	}
}

func TestAgo(t *testing.T) {
	tests := []struct {
		last time.Time
		want string
	}{
		{at(time.November, 26, 21, 0), ""},
		{at(time.November, 25, 22, 0), ""},
		{at(time.November, 24, 22, 0), "2 days ago"},
		{at(time.November, 23, 22, 5), "3 days ago"},
		{at(time.November, 20, 23, 0), "6 days ago"},
		{at(time.November, 27, 22, 0), ""}, // in the future: the clock moved
		{time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := Ago(tt.last, now, 4); got != tt.want {
			t.Errorf("Ago(%v) = %q, want %q", tt.last, got, tt.want)
		}
	}
}

// text is a view as words: no styles, and lines joined, so that a phrase
// wrapped over two lines is still found.
func text(view string) string {
	return strings.Join(strings.Fields(ansi.Strip(view)), " ")
}

func TestViewAsks(t *testing.T) {
	v := text(newRecheck().View())
	for _, want := range []string{"Anything new since Monday 23 November, or any of these now?", "3 days ago", "yes: full check", "no, nothing new", "not sure: full check"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	v = text(New(st, at(time.November, 25, 23, 0), now).SetSize(80, 24).View())
	if !strings.Contains(v, "Anything new since last night") {
		t.Errorf("view does not say last night:\n%s", v)
	}
}

func TestAnswersStayAtTheSmallestSize(t *testing.T) {
	for _, last := range lasts() {
		m := New(st, last.t, now).SetSize(40, 12)
		for step := range 3 {
			v := m.View()
			for _, want := range []string{"yes: full check", "not sure: full check", "esc back"} {
				if !strings.Contains(text(v), want) {
					t.Errorf("%s step %d at 40x12: %q is cut off:\n%s", last.name, step, want, v)
				}
			}
			for !m.seenAll {
				m, _ = press(m, "down")
			}
			m, _ = press(m, "n")
		}
	}
}

type named struct {
	name string
	t    time.Time
}

func lasts() []named {
	return []named{
		{"last_night", at(time.November, 25, 22, 40)},
		{"three_days", at(time.November, 23, 22, 5)},
		{"long_date", at(time.November, 25, 14, 0).AddDate(0, 0, -6).AddDate(-1, 0, 0)}, // a Wednesday, last year
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"80x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		last time.Time
		keys []string
	}{
		{"last_night", at(time.November, 25, 22, 40), nil},
		{"three_days", at(time.November, 23, 22, 5), nil},
		{"full_help", at(time.November, 23, 22, 5), []string{"?"}},
		{"woke", at(time.November, 23, 22, 5), []string{"down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "n"}},
		{"stretches", at(time.November, 23, 22, 5), []string{"down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "n", "n"}},
		{"unread", at(time.November, 23, 22, 5), []string{"n"}},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				m, _ := press(New(st, c.last, now).SetSize(s.w, s.h), c.keys...)
				screentest.Golden(t, m.View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, last := range lasts() {
		for _, keys := range [][]string{nil, {"?"}, {"n"}, {"down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "n", "n"}} {
			for _, w := range widths {
				for _, h := range heights {
					m, _ := press(New(st, last.t, now).SetSize(w, h), keys...)
					screentest.RequireFits(t, m.View(), w, h)
				}
			}
		}
	}
}

// widths and heights sample every size the root passes, 40x12 up, with
// the small ones (where layouts change) densest.
var (
	widths  = []int{40, 41, 42, 43, 45, 47, 50, 53, 57, 61, 66, 72, 79, 80}
	heights = []int{12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 28, 33, 40}
)

func TestSetStylesKeepsTheAnswers(t *testing.T) {
	m := newRecheck().SetStyles(style.New(style.Light()))
	if _, act := press(m, "n", "n", "n"); !reflect.DeepEqual(act, screens.ShortcutDone{Woke: new(bool)}) {
		t.Errorf("after SetStyles, n returned %#v", act)
	}
	if !strings.Contains(text(m.View()), "Anything new since") {
		t.Errorf("after SetStyles the question is gone:\n%s", m.View())
	}
}

// TestEveryEmergencyItemIsShownAtEverySize: scrolled with n, as a person
// does, every line of the list passes over the screen before the first no
// counts, at every size the app draws. With the v3 list at 40x12 the
// status line once shortened the window after the jump was measured, and
// a line of "New difficulty walking" was scrolled past unseen.
func TestEveryEmergencyItemIsShownAtEverySize(t *testing.T) {
	for _, w := range []int{40, 41, 45, 50, 57, 66, 80} {
		for _, h := range []int{12, 13, 14, 15, 16, 18, 20, 24} {
			m := New(st, at(time.November, 23, 22, 5), now).SetSize(w, h)
			var want []string
			for _, l := range m.lines() {
				if l = strings.TrimSpace(ansi.Strip(l)); l != "" {
					want = append(want, l)
				}
			}
			shown := map[string]bool{}
			for range 30 {
				for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
					shown[strings.TrimSpace(l)] = true
				}
				if m.step != 0 {
					break
				}
				m, _ = press(m, "n")
			}
			for _, l := range want {
				if !shown[l] {
					t.Errorf("%dx%d: %q was never on screen", w, h, l)
				}
			}
		}
	}
}

// TestAsksTheQuestionsItIsGiven: with the waking question answered
// tonight, the evening gives two questions; two noes go on, with no waking
// answer of this screen's.
func TestAsksTheQuestionsItIsGiven(t *testing.T) {
	var two []safety.ShortcutQuestion
	for _, q := range safety.Shortcut() {
		if q.ID != safety.ShortcutWokeByPain {
			two = append(two, q)
		}
	}
	m := newRecheck().SetQuestions(two)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "1 of 2") {
		t.Fatalf("want question 1 of 2:\n%s", v)
	}
	m, act := press(m, "n")
	if v := ansi.Strip(m.View()); act != nil || !strings.Contains(v, "2 of 2") || strings.Contains(v, "wake you") {
		t.Fatalf("after n: action %#v, view\n%s", act, v)
	}
	if _, act = press(m, "n"); !reflect.DeepEqual(act, screens.ShortcutDone{}) {
		t.Errorf("two noes: %#v, want ShortcutDone with no waking answer", act)
	}
	if _, act = press(newRecheck().SetQuestions(two), "n", "y"); !reflect.DeepEqual(act, screens.ShortcutDone{Yes: []string{safety.ShortcutStretchPain}}) {
		t.Errorf("n, y: %#v, want the stretch question's yes", act)
	}
}
