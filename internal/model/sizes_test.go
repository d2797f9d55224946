package model

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/scenarios"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// sweep resizes the root through every size of screentest.Sizes and draws
// it at each: none may panic (the history screen did at 5x3: a negative
// repeat count, laid out on a resize even while the window was too small
// to show it), and every frame must fit its window. The window is then
// given back its size w x h, so that what follows sees the screen as it
// was.
func sweep(t *testing.T, name string, d *driver, w, h int) {
	t.Helper()
	for _, size := range screentest.Sizes() {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s at %dx%d panicked: %v", name, size.W, size.H, r)
				}
			}()
			d.send(tea.WindowSizeMsg{Width: size.W, Height: size.H})
			requireFits(t, fmt.Sprintf("%s resized", name), d.view(), size.W, size.H)
		}()
	}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
}

// stageKey names what an evening's screen draws: its screen, its stage,
// and within a stage what changes the layout (the tier of an outcome, the
// run's mode, segment and heat, lights out, the quit question).
func stageKey(d *driver) string {
	k := screenName(d.m.screen)
	if d.m.confirmQuit {
		k += ", quit?"
	}
	if d.m.ev == nil {
		return k
	}
	st := d.m.ev.State(d.m.moment())
	k += ", " + st.Stage.String()
	switch st.Stage {
	case evening.Outcome:
		k += fmt.Sprintf(", %v, entry %d", st.Check.Tier, st.Entry)
	case evening.Void:
		k += fmt.Sprintf(", %v", st.Void.Void.Tier)
	case evening.Unknown:
		k += fmt.Sprintf(", first answer %d", d.m.unknownFirst)
	case evening.Before:
		k += fmt.Sprintf(", woke %v, all clear %v", st.AskWoke, st.AllClear)
	case evening.Running:
		r := st.Run
		k += fmt.Sprintf(", mode %d, segment %d, pad %d, lights out %v, asking %v", r.Mode, r.Segment.Kind, r.Pad, r.LightsOut, st.Asking)
	}
	return k
}

// stageSweeper sweeps each stageKey once, the first time an evening
// reaches it, and remembers which stages it swept.
type stageSweeper struct {
	mu     sync.Mutex
	swept  map[string]bool
	stages map[evening.Stage]bool
}

func (s *stageSweeper) visit(t *testing.T, d *driver) {
	t.Helper()
	key := stageKey(d)
	s.mu.Lock()
	seen := s.swept[key]
	s.swept[key] = true
	if d.m.ev != nil {
		s.stages[d.stage()] = true
	}
	s.mu.Unlock()
	if !seen {
		w, h := d.m.width, d.m.height
		sweep(t, key, d, w, h)
	}
}

// TestEveryScreenSurvivesEverySize sweeps every screen the root can show
// through every size of screentest.Sizes: the screens outside an evening
// (home, tips, why, the history) in the states viewStates names, and every
// screen of the evening, by playing every evening of the shared scenario
// table through the root (as TestScenarios does) and the two it has no
// row for (a decision waiting for the history; a history that cannot be
// read), sweeping each the first time it is reached, and viewStates' own
// (a mark on the check, the quit question over a hold) when the table
// never reaches them. Every stage with a screen must have been swept; and
// resizing mid-evening must change nothing the evening stores (each
// scenario still matches its golden).
func TestEveryScreenSurvivesEverySize(t *testing.T) {
	t.Parallel()
	s := &stageSweeper{swept: map[string]bool{}, stages: map[evening.Stage]bool{}}
	t.Run("all", func(t *testing.T) {
		t.Run("reading", func(t *testing.T) {
			t.Parallel()
			d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
			// The key that starts the evening, without the store's answer:
			// the screen says it is reading until it comes.
			next, _ := d.m.Update(screentest.Key("s"))
			d.m = next.(Model)
			d.expect(ScreenReading)
			s.visit(t, d)
		})
		t.Run("history_unreadable", func(t *testing.T) {
			t.Parallel()
			d := newDriver(t, testOptions(&fakeStore{failReads: errors.New("the database is locked")}), 80, 24)
			d.press("s")
			for range 2 { // the two questions of a night that cannot be read
				if d.stage() != evening.Unknown {
					t.Fatalf("stage %v, want the questions of a night that cannot be read", d.stage())
				}
				s.visit(t, d)
				d.press("n")
			}
			s.visit(t, d)
		})
		for _, sc := range scenarios.Table() {
			t.Run(sc.Name, func(t *testing.T) {
				t.Parallel()
				canon, padLine := playScenarioVisiting(t, sc, func(d *driver) { s.visit(t, d) })
				scenarios.AssertRecords(t, sc.Name, canon, padLine)
			})
		}
		for _, v := range viewStates() {
			t.Run(v.name, func(t *testing.T) {
				t.Parallel()
				d := v.reach(t, 80, 24)
				if d.m.ev == nil {
					sweep(t, v.name, d, 80, 24)
					return
				}
				s.visit(t, d)
			})
		}
	})
	var missed []string
	for st := evening.Reading; st < evening.Closed; st++ {
		if !s.stages[st] {
			missed = append(missed, st.String())
		}
	}
	if len(missed) > 0 {
		t.Errorf("stages never reached, so never swept: %s", strings.Join(missed, ", "))
	}
	keys := make([]string, 0, len(s.swept))
	for k := range s.swept {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.Logf("%d screens of the evening swept:\n%s", len(keys), strings.Join(keys, "\n"))
}
