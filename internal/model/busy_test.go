package model

import (
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
)

// heldStore is a history whose every call is held, as a history another
// window holds locked holds it: the call waits until the test lets it go
// on to the real store underneath. Calls are made off the update loop by
// the driver's exec (held), and the update loop is asked to answer a
// message and draw while each one waits. A call made on the update loop
// (inside Init, Update or View) is a failure at once: it is not held, so
// that the test fails instead of hanging.
type heldStore struct {
	t  testing.TB
	st *history.Store

	waiting chan string   // a call has begun and waits
	goOn    chan struct{} // lets the waiting call go on

	mu      sync.Mutex
	reached map[string]int // calls held, by method
}

var (
	_ Store        = (*heldStore)(nil)
	_ measureStore = (*heldStore)(nil)
)

func newHeldStore(t *testing.T) *heldStore {
	return &heldStore{t: t, st: realStore(t), waiting: make(chan string), goOn: make(chan struct{}), reached: map[string]int{}}
}

// hold waits until the test lets the call go on.
func (s *heldStore) hold(method string) {
	if m := onTheLoop(); m != "" {
		s.t.Errorf("%s called the store's %s: a locked history would freeze the screen\n%s", m, method, debug.Stack())
		return
	}
	s.mu.Lock()
	s.reached[method]++
	s.mu.Unlock()
	s.waiting <- method
	<-s.goOn
}

// onTheLoop is the method of the model on the caller's stack that runs on
// bubbletea's update loop (Init, Update or View), or "" when none is.
func onTheLoop() string {
	pc := make([]uintptr, 512)
	frames := runtime.CallersFrames(pc[:runtime.Callers(2, pc)])
	for {
		f, more := frames.Next()
		for _, m := range []string{"Init", "Update", "View"} {
			if strings.HasSuffix(f.Function, "/model.Model."+m) || strings.HasSuffix(f.Function, "/model.(*Model)."+m) {
				return m
			}
		}
		if !more {
			return ""
		}
	}
}

// held runs a command for d as bubbletea does, on a goroutine of its own.
// While each store call it makes is held, Update lays the screen out
// again for its size and the screen is drawn. (The size it already has:
// a key here would change the evening, which the model holds by pointer,
// behind the test's back.)
func (s *heldStore) held(d *driver) func(tea.Cmd) tea.Msg {
	return func(cmd tea.Cmd) tea.Msg {
		done := make(chan tea.Msg, 1)
		go func() { done <- cmd() }()
		for {
			select {
			case <-s.waiting:
				next, _ := d.m.Update(tea.WindowSizeMsg{Width: d.m.width, Height: d.m.height})
				d.m = next.(Model)
				_ = d.m.View()
				s.goOn <- struct{}{}
			case msg := <-done:
				return msg
			}
		}
	}
}

// newHeldDriver is newDriver on a held store, its commands run by held.
func newHeldDriver(t *testing.T, st *heldStore, opts Options) *driver {
	t.Helper()
	opts.Store = st
	d := &driver{t: t, m: New(opts), clock: opts.Clock.(*routines.FakeClock)}
	d.exec = st.held(d)
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d
}

func (s *heldStore) Recent(a, b, c time.Time, r int) (history.Recent, error) {
	s.hold("Recent")
	return s.st.Recent(a, b, c, r)
}

func (s *heldStore) Begin(x history.Session) (int64, error) {
	s.hold("Begin")
	return s.st.Begin(x)
}

func (s *heldStore) Update(x history.Session) error {
	s.hold("Update")
	return s.st.Update(x)
}

func (s *heldStore) Finish(x history.Session) error {
	s.hold("Finish")
	return s.st.Finish(x)
}

func (s *heldStore) SaveCheck(x history.Check) error {
	s.hold("SaveCheck")
	return s.st.SaveCheck(x)
}

func (s *heldStore) SavePrecautionAnswers(at time.Time, answers []history.Precaution) error {
	s.hold("SavePrecautionAnswers")
	return s.st.SavePrecautionAnswers(at, answers)
}

func (s *heldStore) ClaimHeat(x history.Session, since time.Time, allowed func([]history.Session, []history.Check) error) (int64, error) {
	s.hold("ClaimHeat")
	return s.st.ClaimHeat(x, since, allowed)
}

func (s *heldStore) Sessions(since time.Time) ([]history.Session, error) {
	s.hold("Sessions")
	return s.st.Sessions(since)
}

func (s *heldStore) Checks(since time.Time) ([]history.Check, error) {
	s.hold("Checks")
	return s.st.Checks(since)
}

func (s *heldStore) Precautions() (history.Precautions, error) {
	s.hold("Precautions")
	return s.st.Precautions()
}

func (s *heldStore) SaveClinicianCheck(id string, on, at time.Time) error {
	s.hold("SaveClinicianCheck")
	return s.st.SaveClinicianCheck(id, on, at)
}

func (s *heldStore) ClinicianChecks(now time.Time, rollover int) ([]history.ClinicianCheck, error) {
	s.hold("ClinicianChecks")
	return s.st.ClinicianChecks(now, rollover)
}

func (s *heldStore) Activities() ([]history.Activity, error) {
	s.hold("Activities")
	return s.st.Activities()
}

func (s *heldStore) Ratings() ([]history.Rating, error) {
	s.hold("Ratings")
	return s.st.Ratings()
}

func (s *heldStore) SaveRatings(at time.Time, answers []history.Rated) error {
	s.hold("SaveRatings")
	return s.st.SaveRatings(at, answers)
}

func (s *heldStore) DropActivity(id int64, at time.Time) error {
	s.hold("DropActivity")
	return s.st.DropActivity(id, at)
}

func (s *heldStore) Trials() ([]history.Trial, error) {
	s.hold("Trials")
	return s.st.Trials()
}

func (s *heldStore) SaveTrial(x history.Trial, running func(history.Trial) bool) (int64, error) {
	s.hold("SaveTrial")
	return s.st.SaveTrial(x, running)
}

func (s *heldStore) StopTrial(id int64, at time.Time) error {
	s.hold("StopTrial")
	return s.st.StopTrial(id, at)
}

// TestUpdateNeverWaitsOnTheStore: a history held locked by another window
// kept keys waiting for seconds (issue 21, item 5) while a save waited on
// SQLite's busy timeout under a lock the update loop needed. Now no key
// reaches the store inside Update: reads and saves go out as commands, for
// bubbletea to run off the update loop. Here every store call is held
// until the update loop has answered a message and drawn the screen
// meanwhile, and a call made inside Init, Update or View, on any key of
// the paths below, fails the test. The paths reach every method of Store
// and of the activities' and the trial's store: the first night from the
// disclaimer and the precautions through the check, the claim for the
// pad, the pad-off save and the finishing save at lights out; the
// precautions from the menu; a clinician's check; an activity rated and
// dropped; a heat trial started and stopped.
func TestUpdateNeverWaitsOnTheStore(t *testing.T) {
	st := newHeldStore(t)
	opts := testOptions(nil)
	opts.Settle = 2 * time.Minute

	// The first night, to lights out and the finishing save.
	d := newHeldDriver(t, st, opts)
	d.expect(ScreenHome)
	d.press("s")
	d.expect(ScreenAbout)
	d.press("enter")
	d.expect(ScreenPrecautions)
	d.press("n", "n", "n", "n", "n", "enter", "enter")
	d.expect(ScreenCheck)
	d.press("n")
	d.expect(ScreenCheckin)
	d.press("4")
	d.expect(ScreenPlayer)
	d.press("enter") // the pad goes on: the claim
	d.expectText("Heating")
	d.advance(30 * time.Second)
	d.press("n") // heat ends early: the pad-off gate
	d.press("enter")
	d.expectText("Knee to chest")
	d.press("n", "n", "n") // each stretch skipped
	d.expect(ScreenCheckin)
	d.press("2")
	d.expectText("Lights out")
	d.press("z") // any key in the dark ends the night
	if !d.quit {
		t.Fatalf("the night ended but the app stayed open: stage %v screen %s reached %v:\n%s", d.stage(), screenName(d.m.screen), st.reached, d.text())
	}

	// Home in a second run: the precautions from the menu, then a BOOK
	// check and a clinician's check of it.
	opts.Clock = routines.NewFakeClock(0)
	d = newHeldDriver(t, st, opts)
	d.press("p", "n", "n", "n", "n", "n", "enter", "enter")
	d.expect(ScreenHome)
	d.press("c")
	d.expect(ScreenCheck)
	d.press(toBook...)
	d.press("space", "finish")
	d.expect(ScreenOutcome)
	d.press("esc")
	d.expect(ScreenHome)
	d.press("d")
	d.expect(ScreenClinician)
	d.press("t")
	d.expectText("Kept: a clinician checked this")
	d.press("esc")
	d.expect(ScreenHome)

	// An activity named, rated and dropped; a heat trial started and
	// stopped.
	d.press("f")
	d.expect(ScreenActivities)
	d.typeText("Putting on socks")
	d.press("enter", "1", "0", "enter")
	d.expectText("Putting on socks: 10 on 24 Nov")
	d.press("d", "1")
	d.press("esc")
	d.expect(ScreenHome)
	d.press("e")
	d.expect(ScreenTrial)
	d.press("s", "y")
	d.expectText("The results stay hidden until the last pair is done")
	d.press("x", "y")
	d.expectText("Stopped on")

	// Every method was held at least once.
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, it := range []reflect.Type{reflect.TypeFor[Store](), reflect.TypeFor[measureStore]()} {
		for i := range it.NumMethod() {
			if m := it.Method(i).Name; st.reached[m] == 0 {
				t.Errorf("no path reached the store's %s: the test does not show that Update never waits on it", m)
			}
		}
	}
}

// Home read again (the history came back, a save answered) keeps what the
// person did on it: a ? pressed just before the history came back stayed
// pressed for a frame and then went (seen by e2e at no key delay).
func TestHomeReadAgainKeepsTheHelpAndTheCursor(t *testing.T) {
	d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
	d.expect(ScreenHome)
	d.press("down", "down", "?")
	if !strings.Contains(d.text(), "esc: back, never skips or starts") {
		t.Fatalf("? did not open the full help:\n%s", d.text())
	}
	d.send(historyMsg{})
	if !strings.Contains(d.text(), "esc: back, never skips or starts") {
		t.Errorf("the history read again closed the full help:\n%s", d.text())
	}
	if !strings.Contains(d.text(), "› t Sleep setup") {
		t.Errorf("the history read again moved the cursor:\n%s", d.text())
	}
}
