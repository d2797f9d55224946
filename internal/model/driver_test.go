package model

import (
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// tonightAt is the fixed "now" of every test: 22:00 on a Tuesday, in UTC so
// that no test depends on the zone of the machine it runs on.
var tonightAt = time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return tonightAt }

// testOptions are the options of a plain run: the built-in routines, a fake
// clock, a fixed now, check-ins on and the night palette.
func testOptions(st Store) Options {
	return Options{
		Library:      routines.Load(""),
		Routine:      "tonight",
		Position:     guide.Side,
		Bell:         true,
		Palette:      "night",
		Notify:       "off",
		CheckIns:     true,
		RolloverHour: 4,
		Store:        st,
		Clock:        routines.NewFakeClock(0),
		Now:          fixedNow,
	}
}

// driver plays the tea.Program's part: it sends messages into the root
// model, runs the commands that come back and sends their messages in too.
// Timers (tea.Tick, tea.Every) are never run, so nothing waits on the wall
// clock; time moves only through the fake clock.
type driver struct {
	t     testing.TB
	m     Model
	clock *routines.FakeClock
	store *fakeStore

	quit    bool     // a tea.Quit came back
	askHeat bool     // the test answers tonight's heat question itself
	raw     []string // what tea.Raw would have written (bells, notifications)
	timers  int      // timer commands left unrun

	// exec runs one command and returns its message; nil runs it here
	// and now (see heldStore for one that runs it as bubbletea does).
	exec func(tea.Cmd) tea.Msg
}

// newDriver builds the model from opts (a nil Clock becomes a fake one),
// runs Init and gives it a w x h window.
func newDriver(t testing.TB, opts Options, w, h int) *driver {
	t.Helper()
	clock, ok := opts.Clock.(*routines.FakeClock)
	if !ok {
		clock = routines.NewFakeClock(0)
		opts.Clock = clock
	}
	st, _ := opts.Store.(*fakeStore)
	d := &driver{t: t, m: New(opts), clock: clock, store: st}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// send delivers one message and everything its commands lead to.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	d.run(cmd)
}

// press types keys, by their screentest names.
//
// "n" on the red-flag check or on "anything new?" stands for the whole
// answer "none" as a person gives it there: n on every page (or question)
// until the screen moves on, and enter on the check's confirm page. Tests
// of the pages themselves live in screens/check and screens/recheck.
func (d *driver) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		if k == "n" && (d.m.screen == ScreenCheck || d.m.screen == ScreenRecheck) {
			d.noneOfThese()
			d.passHeatQuestion()
			continue
		}
		if k == "page" { // the check: on to the next page, however small the window
			d.nextPage()
			continue
		}
		if len(k) == 1 && k[0] >= '0' && k[0] <= '9' && d.m.screen == ScreenCheckin {
			// A digit on a check-in, as tests write it, is the whole answer:
			// the number, enter to keep it, and no answer to "did back pain
			// wake you?"; then tonight's heat question answered no, when it
			// comes. TestTheWakingQuestionIsStored and the heat question's
			// own tests ask them for real.
			before := d.stage() == evening.Before
			d.send(screentest.Key(k))
			d.send(screentest.Key("enter"))
			if before && d.m.screen == ScreenCheckin {
				d.send(screentest.Key("s"))
			}
			d.passHeatQuestion()
			continue
		}
		if k == "finish" { // the check: enter through the pages and the confirm page
			for i := 0; d.m.screen == ScreenCheck && i < 10; i++ {
				d.send(screentest.Key("enter"))
			}
			d.passHeatQuestion()
			continue
		}
		d.send(screentest.Key(k))
		d.passHeatQuestion()
	}
}

// passHeatQuestion answers tonight's heat question no when it comes, as
// tests of a plain evening write it; tests of the question itself set
// askHeat and answer it themselves.
func (d *driver) passHeatQuestion() {
	d.t.Helper()
	if !d.askHeat && d.m.screen == ScreenAsk && d.stage() == evening.HeatQuestion {
		d.send(screentest.Key("n"))
	}
}

// noneOfThese answers the check or the shortcut with no on every page.
func (d *driver) noneOfThese() {
	d.t.Helper()
	start := d.m.screen
	for i := 0; d.m.screen == start && i < 20; i++ {
		if strings.Contains(d.text(), "Is this what you marked") {
			d.send(screentest.Key("enter")) // the confirm page
			continue
		}
		d.send(screentest.Key("n"))
	}
	if d.m.screen == start {
		d.t.Fatalf("the %s screen did not move on after none on every page:\n%s", screenName(start), d.text())
	}
}

// run runs a command the way the program would, batches and sequences
// included, and sends the resulting messages back in.
func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	if cmd == nil {
		return
	}
	if isTimer(cmd) {
		d.timers++
		return
	}
	exec := d.exec
	if exec == nil {
		exec = func(c tea.Cmd) tea.Msg { return c() }
	}
	switch msg := exec(cmd).(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	case tea.RawMsg:
		d.raw = append(d.raw, msg.Msg.(string))
	default:
		if cmds, ok := sequence(msg); ok {
			for _, c := range cmds {
				d.run(c)
			}
			return
		}
		d.send(msg)
	}
}

// isTimer tells the commands that wait on the wall clock.
func isTimer(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	return strings.HasPrefix(name, "charm.land/bubbletea/v2.Tick.") ||
		strings.HasPrefix(name, "charm.land/bubbletea/v2.Every.")
}

// sequence unpacks tea.Sequence's message, whose type is not exported.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// advance moves the fake clock and lets the player read it, with a key the
// player does not answer: a tick would do the same, but ticks wait on the
// wall clock. Time passes in steps of at most 10 seconds, as the ticks of
// a running program come (a longer gap with the pad on is a machine that
// slept: suspend tests jump the clock themselves).
func (d *driver) advance(by time.Duration) {
	d.t.Helper()
	for by > 0 {
		step := min(by, 10*time.Second)
		d.clock.Advance(step)
		by -= step
		d.press("z")
	}
}

// stage is the evening's stage, or Closed when none is on.
func (d *driver) stage() evening.Stage {
	if d.m.ev == nil {
		return evening.Closed
	}
	return d.m.ev.State(d.m.moment()).Stage
}

// view is the frame as the terminal gets it.
func (d *driver) view() string { return d.m.View().Content }

// text is the frame without colour, with every run of spaces and line
// breaks made one space, so that wrapped sentences can be searched.
func (d *driver) text() string { return flatten(d.view()) }

func flatten(view string) string { return strings.Join(strings.Fields(ansi.Strip(view)), " ") }

// expect fails the test unless the screen is want.
func (d *driver) expect(want Screen) {
	d.t.Helper()
	if d.m.screen != want {
		d.t.Fatalf("screen = %s, want %s; on screen:\n%s", screenName(d.m.screen), screenName(want), ansi.Strip(d.view()))
	}
}

// expectText fails the test unless the frame holds every one of want.
func (d *driver) expectText(want ...string) {
	d.t.Helper()
	got := d.text()
	for _, w := range want {
		if !strings.Contains(got, w) {
			d.t.Fatalf("the %s screen lacks %q:\n%s", screenName(d.m.screen), w, ansi.Strip(d.view()))
		}
	}
}

func screenName(s Screen) string {
	names := map[Screen]string{
		ScreenHome: "home", ScreenCheck: "check", ScreenOutcome: "outcome",
		ScreenCheckin: "check-in", ScreenPlayer: "player", ScreenAsk: "question", ScreenReading: "reading",
		ScreenSummary: "summary", ScreenTips: "tips", ScreenWhy: "why", ScreenHistory: "history",
		ScreenRecheck: "recheck", ScreenPrecautions: "precautions",
	}
	if n, ok := names[s]; ok {
		return n
	}
	return fmt.Sprintf("screen %d", int(s))
}

// checkPage is the check's page number as its header shows it.
var checkPage = regexp.MustCompile(`(?:page )?(\d+)(?:/| of )\d+`)

// nextPage presses enter until the check shows its next page: in a small
// window the first presses scroll to the end of the page.
func (d *driver) nextPage() {
	d.t.Helper()
	page := checkPage.FindString(d.text())
	for i := 0; i < 20; i++ {
		d.send(screentest.Key("enter"))
		if d.m.screen != ScreenCheck || checkPage.FindString(d.text()) != page {
			return
		}
	}
	d.t.Fatalf("the check did not turn its page:\n%s", d.text())
}
