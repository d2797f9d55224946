package model

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// viewState is one screen of the app, reached from a fresh model by keys,
// as a person would reach it.
type viewState struct {
	name  string
	store func() *fakeStore // nil: an empty store
	opts  func(*Options)    // nil: testOptions as they are
	build func(d *driver)
}

func keys(k ...string) func(d *driver) {
	return func(d *driver) { d.press(k...) }
}

// then runs steps one after another.
func then(steps ...func(d *driver)) func(d *driver) {
	return func(d *driver) {
		for _, s := range steps {
			s(d)
		}
	}
}

func wait(by time.Duration) func(d *driver) {
	return func(d *driver) { d.advance(by) }
}

var (
	toPlayer = []string{"s", "n", "4"}
	toSettle = []string{"s", "n", "4", "n", "n", "n", "n"}
)

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// historyData is a month of nights with a bit of everything: check-ins that
// do not ease, a night stopped for pain, one quit midway, one without
// check-ins and one with a BOOK answer.
func historyData() []history.Session {
	s := nights(14, 27, 6, 4)
	s[3].StoppedForPain, s[3].Completed, s[3].After = true, []string{"Heat"}, nil
	s[7].Partial, s[7].Completed, s[7].Skipped = true, []string{"Heat", "Knee to chest"}, nil
	s[9].Before, s[9].After = nil, nil
	s[11].RedFlag = history.TierBook
	s[12].Before, s[12].After = history.Score(7), history.Score(5)
	return s
}

func recentCheckStore() *fakeStore {
	st := &fakeStore{}
	st.RecordCheck(tonightAt.Add(-50*time.Hour), history.TierNone)
	return st
}

// viewStates is every screen the root can show, in every state worth
// drawing.
func viewStates() []viewState {
	return []viewState{
		{name: "home", build: keys()},
		{name: "home_help", build: keys("?")},
		{name: "home_nudge", store: func() *fakeStore { return storeWith(nights(12, 25, 6, 4)) }, build: keys()},
		{name: "home_heat_used", store: func() *fakeStore { return storeWith([]history.Session{heatTonight()}) }, build: keys()},
		{name: "check", build: keys("s")},
		{name: "check_marked", build: keys("s", "space", "down")},
		{name: "outcome_emergency", build: keys(join([]string{"s"}, toEmergency, []string{"space", "finish"})...)},
		{name: "outcome_urgent", build: keys(join([]string{"s"}, toUrgent, []string{"space", "finish"})...)},
		{name: "outcome_book", build: keys(join([]string{"s"}, toBook, []string{"space", "finish"})...)},
		{name: "outcome_clear", build: keys("c", "n")},
		{name: "outcome_pain", build: keys(join(toPlayer, []string{"x"})...)},
		{name: "recheck", store: recentCheckStore, build: keys("s")},
		{name: "checkin_before", build: keys("s", "n")},
		{name: "checkin_after", build: keys(join(toSettle, []string{"enter"})...)},
		{name: "player_heat_ready", build: keys(toPlayer...)},
		{name: "player_heat_running", build: then(keys(join(toPlayer, []string{"enter"})...), wait(61*time.Second))},
		{name: "player_heat_done", build: keys(join(toPlayer, []string{"enter", "n"})...)},
		{name: "player_hold_running", build: then(keys(join(toPlayer, []string{"n"})...), wait(7*time.Second))},
		{name: "player_hold_paused", build: then(keys(join(toPlayer, []string{"n"})...), wait(7*time.Second), keys("space"))},
		{name: "player_paced_tilt", build: then(keys(join(toPlayer, []string{"n", "n"})...), wait(2*time.Second))},
		{name: "player_settle", build: keys(toSettle...)},
		{name: "quit_overlay", build: then(keys(join(toPlayer, []string{"n"})...), wait(7*time.Second), keys("q"))},
		{name: "summary", build: keys(join(toSettle, []string{"enter", "2"})...)},
		{name: "tips", build: keys("t")},
		{name: "why", build: keys("w")},
		{name: "history", store: func() *fakeStore { return storeWith(historyData()) }, build: keys("h")},
		{name: "history_empty", build: keys("h")},
		{name: "history_off", opts: func(o *Options) { o.Store = nil }, build: keys("h")},
	}
}

// reach builds the state in a w x h window.
func (s viewState) reach(t testing.TB, w, h int) *driver {
	st := &fakeStore{}
	if s.store != nil {
		st = s.store()
	}
	opts := testOptions(st)
	if s.opts != nil {
		s.opts(&opts)
	}
	d := newDriver(t, opts, w, h)
	s.build(d)
	return d
}

// drawn keeps the views the tests have drawn, by state, palette and size:
// the golden, palette and colour tests look at the same frames.
var drawn struct {
	sync.Mutex
	views map[string]string
}

// viewOf is the frame of state s in palette p ("" for the state's own) in a
// w x h window, drawn once per test binary.
func viewOf(t testing.TB, s viewState, p string, w, h int) string {
	t.Helper()
	key := fmt.Sprintf("%s/%s/%dx%d", s.name, p, w, h)
	drawn.Lock()
	v, ok := drawn.views[key]
	drawn.Unlock()
	if ok {
		return v
	}
	if p != "" {
		s = s.withPalette(p)
	}
	v = s.reach(t, w, h).view()
	drawn.Lock()
	if drawn.views == nil {
		drawn.views = map[string]string{}
	}
	drawn.views[key] = v
	drawn.Unlock()
	return v
}

var goldenSizes = []struct{ w, h int }{{40, 12}, {80, 24}, {120, 40}}

// TestGolden draws every screen through the root at 40x12, 80x24 and
// 120x40. Refresh with `go test ./model -run TestGolden -update`.
func TestGolden(t *testing.T) {
	t.Parallel()
	for _, s := range viewStates() {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", s.name, size.w, size.h), func(t *testing.T) {
				screentest.Golden(t, viewOf(t, s, "night", size.w, size.h))
			})
		}
	}
	t.Run("too_small/30x10", func(t *testing.T) {
		screentest.Golden(t, viewStates()[0].reach(t, 30, 10).view())
	})
	t.Run("light/home/80x24", func(t *testing.T) {
		d := newDriver(t, lightOptions(), 80, 24)
		screentest.Golden(t, d.view())
	})
	t.Run("light/player_paced_tilt/120x40", func(t *testing.T) {
		d := newDriver(t, lightOptions(), 120, 40)
		d.press("s", "n", "4", "n", "n")
		d.advance(2 * time.Second)
		screentest.Golden(t, d.view())
	})
}

func lightOptions() Options {
	o := testOptions(&fakeStore{})
	o.Palette = "light"
	return o
}

// TestEveryViewFitsItsWindow: at every size from 40x12 up, no line is
// wider than the window and there are no more lines than it has rows; below
// it, the one line fits too.
func TestEveryViewFitsItsWindow(t *testing.T) {
	t.Parallel()
	sizes := [][2]int{{40, 12}, {41, 13}, {52, 15}, {60, 20}, {79, 23}, {80, 24}, {100, 30}, {120, 40}, {200, 60}, {30, 10}, {39, 40}}
	for _, s := range viewStates() {
		// Reached once and resized, as a person dragging the window would.
		d := s.reach(t, 80, 24)
		for _, size := range sizes {
			w, h := size[0], size[1]
			d.send(tea.WindowSizeMsg{Width: w, Height: h})
			requireFits(t, s.name, d.view(), w, h)
		}
		// And reached at the smallest size from the start.
		requireFits(t, s.name, s.reach(t, 40, 12).view(), 40, 12)
	}
}

func requireFits(t *testing.T, name, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%s at %dx%d: %d lines", name, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("%s at %dx%d: line %d is %d cells wide: %q", name, w, h, i, lw, ansi.Strip(l))
		}
		if ansi.StringWidth(l) != lipgloss.Width(l) {
			t.Errorf("%s at %dx%d: line %d measures differently in ansi and lipgloss", name, w, h, i)
		}
	}
}

// TestViewStatesReachWhatTheyName guards the goldens: each state is on the
// screen its name says.
func TestViewStatesReachWhatTheyName(t *testing.T) {
	want := map[string]Screen{
		"home": ScreenHome, "check": ScreenCheck, "outcome": ScreenOutcome, "recheck": ScreenRecheck,
		"checkin_before": ScreenCheckin, "checkin_after": ScreenCheckin, "player": ScreenPlayer,
		"quit_overlay": ScreenPlayer, "summary": ScreenSummary, "tips": ScreenTips, "why": ScreenWhy,
		"history": ScreenHistory,
	}
	text := map[string]string{
		"outcome_emergency": "EMERGENCY", "outcome_urgent": "URGENT", "outcome_book": "BOOK",
		"outcome_clear": "No red flags reported", "outcome_pain": "Stopped for pain",
		"player_heat_ready": "Ready", "player_heat_running": "13:59", "player_heat_done": "Switch the pad off",
		"player_hold_running": "Left 1 of 3", "player_hold_paused": "PAUSED", "player_paced_tilt": "Rep 1 of 10",
		"player_settle": "On your side", "quit_overlay": "Stop for tonight?", "home_nudge": "worth booking",
		"home_heat_used": "Tonight · 6 min",
		"history_off":    "History is off",
	}
	for _, s := range viewStates() {
		d := s.reach(t, 120, 40)
		prefix := s.name
		for {
			if scr, ok := want[prefix]; ok {
				d.expect(scr)
				break
			}
			i := strings.LastIndex(prefix, "_")
			if i < 0 {
				t.Fatalf("%s: no screen for this state", s.name)
			}
			prefix = prefix[:i]
		}
		if w, ok := text[s.name]; ok {
			d.expectText(w)
		}
	}
}
