package model

import (
	"fmt"
	"image/color"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/history"
)

func TestTooSmallWindowShowsOneLine(t *testing.T) {
	for _, size := range [][2]int{{39, 12}, {40, 11}, {30, 10}, {10, 3}, {1, 1}} {
		w, h := size[0], size[1]
		d := newDriver(t, testOptions(&fakeStore{}), w, h)
		v := d.view()
		if strings.Contains(v, "\n") {
			t.Errorf("%dx%d: %d lines, want one: %q", w, h, strings.Count(v, "\n")+1, v)
		}
		if got := ansi.StringWidth(v); got > w {
			t.Errorf("%dx%d: the line is %d cells wide", w, h, got)
		}
		if w >= 30 && !strings.Contains(ansi.Strip(v), "Enlarge the window") {
			t.Errorf("%dx%d: %q does not ask for a bigger window", w, h, ansi.Strip(v))
		}
	}
	d := newDriver(t, testOptions(&fakeStore{}), 40, 12)
	if strings.Contains(d.text(), "Enlarge") || strings.Count(d.view(), "\n") != 11 {
		t.Errorf("40x12 is big enough, but shows:\n%s", ansi.Strip(d.view()))
	}
}

// TestResizingKeepsThePlayerRunning: a resize, even through a window too
// small to draw in, changes nothing but the drawing.
func TestResizingKeepsThePlayerRunning(t *testing.T) {
	d := atPlayer(t, testOptions(&fakeStore{}))
	d.press("n") // knee to chest, left, counting down
	d.advance(7 * time.Second)
	title, progress := d.m.player.WindowTitle(), d.m.ev.Record(d.m.moment())
	if !strings.Contains(title, "0:13") {
		t.Fatalf("window title %q, want 0:13 left", title)
	}
	timers := d.timers
	for _, size := range [][2]int{{30, 10}, {120, 40}, {40, 12}, {80, 24}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.expect(ScreenPlayer)
		if got := d.m.player.WindowTitle(); got != title {
			t.Fatalf("after a resize to %dx%d the title is %q, want %q", size[0], size[1], got, title)
		}
	}
	if d.timers != timers {
		t.Errorf("a resize scheduled %d more ticks", d.timers-timers)
	}
	if got := d.m.ev.Record(d.m.moment()); !reflect.DeepEqual(got, progress) || !d.m.player.Running() {
		t.Errorf("a resize changed the evening's record: %+v, then %+v", progress, got)
	}
	// At 80x24 the countdown is drawn large: the title bar says it in text.
	d.expectText("Knee to chest", "Left 1 of 3")
	if got := d.m.player.WindowTitle(); !strings.Contains(got, "0:13") {
		t.Errorf("window title %q, want 0:13 left", got)
	}
	d.advance(3 * time.Second)
	if got := d.m.player.WindowTitle(); !strings.Contains(got, "0:10") {
		t.Errorf("window title %q, want 0:10 left", got)
	}
}

func TestABackgroundColourPicksThePalette(t *testing.T) {
	light := tea.BackgroundColorMsg{Color: color.RGBA{0xf4, 0xf0, 0xe8, 0xff}}
	dark := tea.BackgroundColorMsg{Color: color.RGBA{0x10, 0x10, 0x18, 0xff}}
	for _, tc := range []struct {
		palette string
		bg      tea.BackgroundColorMsg
		want    string
	}{
		{"auto", light, "light"},
		{"auto", dark, "night"},
		{"", light, "light"},
		{"night", light, "night"},
		{"light", dark, "light"},
	} {
		t.Run(fmt.Sprintf("%q on %v", tc.palette, tc.bg), func(t *testing.T) {
			opts := testOptions(&fakeStore{})
			opts.Palette = tc.palette
			d := atPlayer(t, opts)
			before := d.view()
			d.send(tc.bg)
			if got := d.m.styles.Palette.Name; got != tc.want {
				t.Fatalf("palette = %s, want %s", got, tc.want)
			}
			after := d.view()
			if ansi.Strip(after) != ansi.Strip(before) {
				t.Errorf("the palette changed the text, not only the colours:\n%s\n---\n%s", ansi.Strip(before), ansi.Strip(after))
			}
			changed := before != after
			if wantChange := tc.palette == "auto" && tc.want == "light" || tc.palette == "" && tc.want == "light"; changed != wantChange {
				t.Errorf("the frame changed = %v, want %v", changed, wantChange)
			}
		})
	}
}

// TestTheBackgroundIsAskedForOnlyInAuto: Init asks the terminal for its
// background only when the palette follows it.
func TestTheBackgroundIsAskedForOnlyInAuto(t *testing.T) {
	for palette, want := range map[string]bool{"auto": true, "": true, "night": false, "light": false} {
		opts := testOptions(&fakeStore{})
		opts.Palette = palette
		asked := false
		var walk func(tea.Cmd)
		walk = func(c tea.Cmd) {
			if c == nil {
				return
			}
			switch msg := c().(type) {
			case tea.BatchMsg:
				for _, c := range msg {
					walk(c)
				}
			default:
				asked = asked || fmt.Sprintf("%T", msg) == "tea.backgroundColorMsg"
			}
		}
		walk(New(opts).Init())
		if asked != want {
			t.Errorf("palette %q: asked for the background = %v, want %v", palette, asked, want)
		}
	}
}

// nights are n sessions, the first `span` days before tonight and the last
// one night ago, each with the same tightness before and after.
func nights(n, span, before, after int) []history.Session {
	var out []history.Session
	for i := range n {
		daysAgo := span - i*(span-1)/(n-1)
		start := tonightAt.Add(-time.Duration(daysAgo)*24*time.Hour - 30*time.Minute)
		out = append(out, history.Session{
			Start: start, End: start.Add(20 * time.Minute), Routine: "tonight",
			Completed:   []string{"Heat", "Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"},
			HeatMinutes: 15, Before: history.Score(before), After: history.Score(after), RedFlag: history.TierNone,
		})
	}
	return out
}

func storeWith(sessions []history.Session) *fakeStore {
	st := &fakeStore{}
	for _, s := range sessions {
		id, _ := st.Begin(s)
		s.ID = id
		st.Finish(s)
	}
	return st
}

func TestTheWeeksRuleNudgesOnHomeAndSummary(t *testing.T) {
	sessions := nights(12, 25, 6, 4)
	want, ok := history.WeeksRule(sessions, tonightAt, history.DefaultRolloverHour)
	if !ok {
		t.Fatalf("the data set does not meet the weeks rule")
	}
	st := storeWith(sessions)
	d := newDriver(t, testOptions(st), 120, 40)
	d.expectText(want.Short)
	d.press("s", "n", "4", "n", "n", "n", "n", "enter", "4")
	d.expect(ScreenSummary)

	// Tonight's 4 counts at once on the summary, and on home once the
	// history is read again: both show the same figures.
	again, ok := history.WeeksRule(st.saved(), tonightAt, history.DefaultRolloverHour)
	if !ok || again.Short == want.Short {
		t.Fatalf("tonight's session did not change the figures: %q", again.Short)
	}
	d.expectText(again.Short)
	d.press("h")
	d.expect(ScreenHome)
	d.expectText(again.Short)
}

func TestNoNudgeOnTooLittleDataOrWhenItEases(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sessions []history.Session
		noStore  bool
	}{
		{"nine check-ins", nights(9, 25, 6, 4), false},
		{"twenty days", nights(12, 20, 6, 4), false},
		{"easing by two", append(nights(6, 7, 4, 3), nights(6, 25, 6, 4)[:4]...), false},
		{"nothing at all", nil, false},
		{"history off", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok := history.WeeksRule(tc.sessions, tonightAt, history.DefaultRolloverHour); ok {
				t.Fatalf("the data set meets the weeks rule")
			}
			var st Store = storeWith(tc.sessions)
			if tc.noStore {
				st = nil
			}
			d := newDriver(t, testOptions(st), 120, 40)
			if strings.Contains(d.text(), "worth booking") {
				t.Errorf("home nudges:\n%s", ansi.Strip(d.view()))
			}
		})
	}
}

// TestTheHomeNudgeCountsNightsWithTheRolloverSetting: yes to "did pain wake
// you" at 23:00 and again at 05:00 is two nights with a 04:00 rollover (the
// waking rule speaks on home) and one night with rollover_hour = 6 (it does
// not): home counts nights as the setting says, as the gate does.
func TestTheHomeNudgeCountsNightsWithTheRolloverSetting(t *testing.T) {
	yes := true
	day := tonightAt.Add(-48 * time.Hour).Truncate(24 * time.Hour)
	sessions := []history.Session{
		{Start: day.Add(23 * time.Hour), Routine: "tonight", Before: history.Score(5), Woke: &yes},
		{Start: day.Add(29 * time.Hour), Routine: "tonight", Before: history.Score(5), Woke: &yes},
	}
	for _, tc := range []struct {
		rollover int
		speaks   bool
	}{{4, true}, {6, false}} {
		opts := testOptions(storeWith(sessions))
		opts.RolloverHour = tc.rollover
		d := newDriver(t, opts, 120, 40)
		if got := strings.Contains(d.text(), "Pain woke you"); got != tc.speaks {
			t.Errorf("rollover %d: the waking nudge on home is %v, want %v:\n%s", tc.rollover, got, tc.speaks, d.text())
		}
	}
}
