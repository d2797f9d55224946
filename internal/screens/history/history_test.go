package history

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

// now is a fixed Tuesday night, late, in a fixed zone.
var now = time.Date(2026, 11, 24, 22, 40, 0, 0, time.FixedZone("GMT", 0))

// sample is nine weeks of a person's nights: mostly complete, some partial,
// one stopped for pain, one that met a BOOK red flag, some check-ins skipped.
func sample() Data {
	var sessions []hist.Session
	for d := 62; d >= 0; d-- {
		if d%9 == 4 {
			continue // a night off now and then
		}
		start := time.Date(2026, 11, 24-d, 21, 50, 0, 0, now.Location())
		before, after := 4+d/15, 2+d/20
		s := hist.Session{
			ID: int64(100 - d), Start: start, End: start.Add(19 * time.Minute), Routine: "tonight",
			Completed: []string{"Heat", "Knee-to-chest", "Pelvic tilts", "Knee rolls"}, HeatMinutes: 15,
			Before: hist.Score(before), After: hist.Score(after), RedFlag: hist.TierNone,
		}
		switch d {
		case 1:
			s.Partial, s.After, s.End = true, nil, time.Time{}
		case 2:
			s.StoppedForPain, s.After = true, nil
		case 3:
			s.Routine, s.RedFlag = "quick", hist.TierBook
		case 5:
			s.Before = nil
		}
		sessions = append([]hist.Session{s}, sessions...) // newest first, as the store gives them
	}
	nudge, ok := hist.WeeksRule(sessions, now, hist.DefaultRolloverHour)
	d := Data{Sessions: sessions, Now: now, RolloverHour: hist.DefaultRolloverHour}
	if ok {
		d.Nudge = &nudge
	}
	return d
}

// withNudge is the sample with the several-weeks rule speaking, flat figures.
func withNudge() Data {
	d := sample()
	d.Nudge = &hist.Nudge{
		Checkins: 40, DaysSpanned: 62, First: hist.Mean{Sum: 42, N: 7}, Last: hist.Mean{Sum: 40, N: 7},
		Text: "Over 62 days and 40 check-ins, your tightness before the routine averaged 6.0 in the first " +
			"week and 5.7 in the last seven nights: it has not eased by a point or more. When tightness is no " +
			"better after several weeks of self-care, book an appointment with a GP or physiotherapist; they " +
			"can find which muscles are tight and which are weak, and build a plan with you.",
	}
	return d
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(keyPress(k))
	}
	return m, act
}

// keyPress adds the page keys screentest.Key does not know.
func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	return screentest.Key(name)
}

func TestKeys(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want screens.Action
	}{
		{[]string{"esc"}, screens.Back{}},
		{[]string{"q"}, screens.Quit{}}, // q quits everywhere, as README says
		{[]string{"down", "down", "esc"}, screens.Back{}},
		{[]string{"?"}, nil},
		{[]string{"down"}, nil},
		{[]string{"x"}, nil},
	} {
		m := New(style.New(style.Night()), sample()).SetSize(80, 24)
		if _, got := press(m, tc.keys...); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: got %#v, want %#v", tc.keys, got, tc.want)
		}
	}
}

func TestScrolling(t *testing.T) {
	m := New(style.New(style.Night()), sample()).SetSize(80, 24)
	first := m.View()
	if !strings.Contains(first, "↓ more") {
		t.Fatalf("a long history should say there is more below:\n%s", first)
	}
	m, _ = press(m, "down")
	if m.View() == first {
		t.Error("down did not scroll")
	}
	m, _ = press(m, "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown")
	if v := m.View(); !strings.Contains(v, "↑ more") || !strings.Contains(v, "earlier; supine history --csv") {
		t.Errorf("page down to the end:\n%s", v)
	}
	m, _ = press(m, "pgup", "up", "home")
	if m.View() != first {
		t.Error("home did not return to the top")
	}
}

func TestShortHistoryDoesNotScroll(t *testing.T) {
	d := sample()
	d.Sessions = d.Sessions[:2]
	d.Nudge = nil
	m := New(style.New(style.Night()), d).SetSize(80, 40)
	v := m.View()
	if strings.Contains(v, "more") || strings.Contains(v, "scroll") {
		t.Errorf("a short history offers scrolling:\n%s", v)
	}
}

func TestHelpToggles(t *testing.T) {
	m := New(style.New(style.Night()), sample()).SetSize(80, 24)
	short := m.View()
	m, _ = press(m, "?")
	if full := m.View(); full == short || !strings.Contains(full, "page up") {
		t.Errorf("? did not show every key:\n%s", full)
	}
	m, _ = press(m, "?")
	if m.View() != short {
		t.Error("? again did not hide them")
	}
}

func TestMarksAreWords(t *testing.T) {
	m := New(style.New(style.Night()), sample()).SetSize(80, 40)
	lines := m.content()
	text := strings.Join(lines, "\n")
	for _, want := range []string{"partial", "stopped for pain", "BOOK", "Mon 23 Nov", "–"} {
		if !strings.Contains(text, want) {
			t.Errorf("content lacks %q", want)
		}
	}
}

// The root passes w = min(window, 80): 120x40 is drawn at 80x40.
var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		d    Data
	}{
		{"sessions", sample()},
		{"nudge", withNudge()},
		{"empty", Data{Now: now, RolloverHour: hist.DefaultRolloverHour}},
		{"precautions", withPrecautions()},
	}
	for _, c := range cases {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				screentest.Golden(t, New(style.New(style.Night()), c.d).SetSize(s.w, s.h).View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, d := range []Data{sample(), withNudge(), {Now: now}, withPrecautions()} {
		for _, help := range []bool{false, true} {
			m := New(style.New(style.Night()), d)
			if help {
				m, _ = press(m, "?")
			}
			for w := 40; w <= 80; w += 3 {
				for h := 12; h <= 40; h += 2 {
					screentest.RequireFits(t, m.SetSize(w, h).View(), w, h)
				}
			}
		}
	}
}

// A session dated after now (the clock stepped back) is listed as tonight's,
// not on a night still to come.
func TestASessionDatedAfterNowIsTonights(t *testing.T) {
	d := sample()
	future := d.Sessions[0]
	future.ID, future.Start, future.End = 999, now.AddDate(0, 0, 3), now.AddDate(0, 0, 3).Add(time.Hour)
	future.Routine = "from-the-future"
	d.Sessions = append([]hist.Session{future}, d.Sessions...)
	view := ansi.Strip(New(style.New(style.Night()), d).SetSize(80, 200).View())
	var line string
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "from-the-future") {
			line = l
		}
	}
	if !strings.Contains(line, now.Format("Mon 2 Jan")) {
		t.Errorf("the session dated after now is listed as %q, want tonight, %s", strings.TrimSpace(line), now.Format("Mon 2 Jan"))
	}
}
