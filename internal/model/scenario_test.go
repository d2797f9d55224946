package model

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/scenarios"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// TestScenarios plays the shared table of evenings (internal/scenarios)
// through the full-screen root model, the way the CLI runs it: keys in,
// the fake clock moved on to each moment the evening is due, and at the
// end the model closed and saved as the CLI does. Every field of what the
// store then holds must be what the scenario's shared golden says;
// plain/scenario_test.go holds plain mode to the same files, so the two
// front ends store exactly the same evening.
func TestScenarios(t *testing.T) {
	for _, sc := range scenarios.Table() {
		t.Run(sc.Name, func(t *testing.T) {
			canon, padLine := playScenario(t, sc)
			scenarios.AssertRecords(t, sc.Name, canon, padLine)
		})
	}
}

// playScenario runs one scenario and writes out what the store holds.
func playScenario(t *testing.T, sc scenarios.Scenario) (string, bool) {
	t.Helper()
	return playScenarioVisiting(t, sc, nil)
}

// playScenarioVisiting is playScenario calling visit, when it is not nil,
// on every screen the evening shows on its way (after each key or wait
// that may change it).
func playScenarioVisiting(t *testing.T, sc scenarios.Scenario, visit func(*driver)) (string, bool) {
	t.Helper()
	if visit == nil {
		visit = func(*driver) {}
	}
	st := &fakeStore{firstUse: sc.FirstNight}
	if sc.Earlier != nil {
		sessions, checks := sc.Earlier(scenarios.Start)
		for _, s := range sessions {
			s.ID = int64(len(st.sessions) + 1)
			st.sessions = append(st.sessions, s)
		}
		st.checks = append(st.checks, checks...)
	}
	st.trial = sc.Trial
	clock := routines.NewFakeClock(0)
	opts := testOptions(st)
	opts.CheckIns, opts.Settle, opts.Clock = sc.CheckIns, sc.Settle, clock
	opts.Now = func() time.Time { return scenarios.Start.Add(clock.Now()) }
	d := newDriver(t, opts, 100, 40)
	d.askHeat = true // the scenario answers it
	d.press("s")
	visit(d)
	if sc.FirstNight {
		d.expect(ScreenAbout)
		visit(d)
		d.press("enter") // the disclaimer
		d.expect(ScreenPrecautions)
		visit(d)
		answerPrecautions(t, d, sc.Precautions)
		visit(d)
	}
	switch sc.Shortcut {
	case scenarios.ShortcutNothing:
		d.expect(ScreenRecheck)
		d.press("n")
		visit(d)
	case scenarios.ShortcutWoke:
		d.expect(ScreenRecheck)
		for i := 0; i < 20 && !strings.Contains(d.text(), "wake you"); i++ {
			d.send(screentest.Key("n")) // read the whole list, then no
		}
		d.send(screentest.Key("y"))
		visit(d)
	}
	if d.m.screen == ScreenCheck {
		answerCheck(t, d, sc.Check)
		visit(d)
	}
	for _, a := range sc.Do {
		if d.m.ev == nil || d.quit {
			break // the evening is over: as in plain mode, no key reaches it
		}
		if a.Wait > 0 {
			waitDue(d, a.Wait)
		} else {
			d.send(screentest.Key(a.Key))
		}
		visit(d)
	}
	// As the CLI does on the final model, however the program ended.
	m := d.m.Closed()
	if err := m.SaveNow(); err != nil {
		t.Fatalf("saving: %v", err)
	}
	p, err := st.Precautions()
	if err != nil {
		t.Fatal(err)
	}
	return scenarios.Canon(st.saved(), st.checksSaved(), p), m.PadMayBeOn()
}

// answerPrecautions answers the precautions as Scenario.Precautions says,
// no to each when it says nothing, and keeps them.
func answerPrecautions(t *testing.T, d *driver, answers []string) {
	t.Helper()
	for i, p := range safety.Precautions() {
		a := "n"
		if i < len(answers) {
			a = answers[i]
		}
		if a[0] != 'c' {
			d.press(a)
			continue
		}
		d.press("c")
		if p.Takes.Heat && p.Takes.Stretches {
			d.press(a[1:])
		}
		d.press("t")
	}
	d.press("enter", "enter")
}

// answerCheck answers the full check: none, one question marked, or the
// long-standing pattern's parts on its page (the last).
func answerCheck(t *testing.T, d *driver, yes []string) {
	t.Helper()
	if len(yes) == 0 {
		d.press("n")
		return
	}
	if parts := safety.PatternQuestions(); slices.ContainsFunc(parts, func(q safety.Question) bool { return q.ID == yes[0] }) {
		d.press("page", "page", "page", "page")
		d.expectText("Your back over time")
		for _, q := range parts {
			if slices.Contains(yes, q.ID) {
				d.press("space")
			}
			d.press("down")
		}
		d.press("finish")
		return
	}
	// The cursor moves to each question of flow_test.go's, a mark, and
	// the rest of the pages with their confirm page.
	to := map[string][]string{
		scenarios.SaddleNumbness: toEmergency, scenarios.FeverUnwell: toUrgent, scenarios.NoBetter: toBook,
	}
	if len(yes) != 1 || to[yes[0]] == nil {
		t.Fatalf("the full-screen runner marks one of %v, not %v", slices.Collect(maps.Keys(to)), yes)
	}
	d.press(to[yes[0]]...)
	d.press("space", "finish")
}

// waitDue lets d pass as the program does: the clock moves to each moment
// the evening is due and the evening is ticked there, as the player's or
// the root's tea.Tick would.
func waitDue(d *driver, wait time.Duration) {
	d.t.Helper()
	end := d.clock.Now() + wait
	for d.m.ev != nil {
		due, ok := d.m.ev.Due(d.m.moment())
		if !ok || d.clock.Now()+due > end {
			break
		}
		d.clock.Advance(max(due, time.Millisecond))
		next, cmd := d.m.evDo(evening.Tick{})
		d.m = next
		d.run(cmd)
	}
	if d.clock.Now() < end {
		d.clock.Set(end)
	}
}
