package screens_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/guide"
	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/about"
	"github.com/supine-app/supine/internal/screens/ask"
	"github.com/supine-app/supine/internal/screens/check"
	"github.com/supine-app/supine/internal/screens/checkin"
	"github.com/supine-app/supine/internal/screens/history"
	"github.com/supine-app/supine/internal/screens/home"
	"github.com/supine-app/supine/internal/screens/outcome"
	"github.com/supine-app/supine/internal/screens/player"
	"github.com/supine-app/supine/internal/screens/precautions"
	"github.com/supine-app/supine/internal/screens/recheck"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
	"github.com/supine-app/supine/internal/screens/summary"
	"github.com/supine-app/supine/internal/screens/tips"
	"github.com/supine-app/supine/internal/screens/why"
)

// screen is what every screen model has in common.
type screen[M any] interface {
	SetSize(w, h int) M
	View() string
	Update(tea.Msg) (M, tea.Cmd, screens.Action)
}

// everySize resizes m through every size of screentest.Sizes with the
// short help, and of screentest.HelpSizes with the full help ("?"), and
// draws it at each; a panic fails.
func everySize[M screen[M]](t *testing.T, name string, m M) {
	t.Run(name, func(t *testing.T) {
		t.Parallel()
		for _, help := range []bool{false, true} {
			sizes := screentest.Sizes()
			if help {
				m, _, _ = m.Update(screentest.Key("?"))
				sizes = screentest.HelpSizes()
			}
			for _, size := range sizes {
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("%s at %dx%d (full help %v) panicked: %v", name, size.W, size.H, help, r)
						}
					}()
					m = m.SetSize(size.W, size.H)
					_ = m.View()
				}()
			}
		}
	})
}

// TestEveryScreenDrawsAtEverySize drives each screen on its own, with data
// that fills it, at every size from 1x1 up: the root shows a one-line
// "enlarge the window" below 40x12, but the screens are still sized (and
// laid out) on every resize, and a screen must never rely on the root to
// keep it from a size it cannot draw in (the history screen panicked at
// 5x3: a negative repeat count).
func TestEveryScreenDrawsAtEverySize(t *testing.T) {
	st := style.New(style.Night())
	now := time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC)
	lib := routines.Load("")
	r, _ := lib.Find("tonight")
	plan := routines.Expand(r, routines.Options{GetReady: 3 * time.Second, Settle: 10 * time.Minute})
	var sessions []hist.Session
	for i := range 60 {
		start := now.Add(-time.Duration(i) * 24 * time.Hour)
		sessions = append(sessions, hist.Session{ID: int64(i + 1), Start: start, End: start.Add(17 * time.Minute),
			Routine: "tonight", Completed: []string{"Heat", "Knee to chest"}, Before: hist.Score(i % 11), After: hist.Score((i + 3) % 11), RedFlag: hist.TierNone})
	}
	var menu []home.Routine
	for _, x := range lib.Routines {
		menu = append(menu, home.Routine{Name: x.Name, Title: x.Title})
	}

	everySize(t, "home", home.New(st, home.Data{Routines: menu, Selected: "tonight", Nudge: "Book a visit.", Notice: "A notice."}))
	everySize(t, "check", check.New(st))
	everySize(t, "precautions", precautions.New(st))
	everySize(t, "recheck", recheck.New(st, now.Add(-50*time.Hour), now))
	everySize(t, "checkin", checkin.New(st, "How tight is your back?"))
	everySize(t, "checkin_before_woke", checkin.New(st, "Before").AskWoke().Note("No red flags reported. "+safety.SafetyNet))
	for _, tier := range []safety.Tier{safety.None, safety.Book, safety.Urgent, safety.Emergency} {
		everySize(t, fmt.Sprintf("outcome_%v", tier), outcome.ForCheck(st, screens.CheckDone{Tier: tier}, now))
	}
	// The evening's void: an EMERGENCY earlier tonight, with what was
	// reported and until when the routine stays closed.
	everySize(t, "outcome_void", outcome.ForTier(st, safety.Emergency).Reported(now.Add(-time.Hour), []string{"saddle-numbness", "chest-pain"}).
		Closed(now.Add(10*time.Hour)).Standalone())
	everySize(t, "outcome_pain", outcome.StoppedForPain(st))
	for _, p := range playerStates(t, st, plan) {
		everySize(t, "player_"+p.name, p.m)
	}
	// The evening's questions (screens/ask): the two of a night that
	// cannot be read, being woken, the heat question; the disclaimer (about).
	everySize(t, "ask_unknown", ask.New(st, "Tonight is not known", safety.UnknownHelpOrPain, []string{safety.UnknownWhy}, ask.YesNoUnsure).
		Lead("No red flags reported. "+safety.SafetyNet))
	everySize(t, "ask_eased", ask.New(st, "Woken by back pain", "Did anything ease it, such as moving or changing position?", nil, ask.YesNo))
	everySize(t, "ask_heat_question", ask.New(st, safety.HeatQuestionTitle, safety.HeatQuestion, []string{safety.HeatQuestionWhy}, ask.YesNoUnsure))
	everySize(t, "about", about.New(st))
	everySize(t, "summary", summary.New(st, summary.Data{Routine: "Tonight", Completed: []string{"Heat"}, Skipped: []string{"Knee rolls"},
		Heat: "7 of 15 minutes", Before: hist.Score(6), After: hist.Score(4), Streak: 3, Setup: guide.For(guide.Side), Nudge: "Book.", SaveProblem: "Not saved."}))
	everySize(t, "tips", tips.New(st, guide.Side))
	everySize(t, "why", why.New(st))
	for _, n := range []int{0, 1, 60} {
		everySize(t, fmt.Sprintf("history_%d_nights", n), history.New(st, history.Data{Sessions: sessions[:n], Now: now, RolloverHour: 4}))
	}
}

type playerState struct {
	name string
	m    player.Model
}

// playerStates are the player's views of one run, each on a run of its
// own (the player reads its run): the heat waiting for the pad, counting
// down, the pad-off gate, a hold, a hold paused, the sleep set-up and
// lights out. The run is driven as the evening drives it: its commands,
// its ticks, and what they did shown on the player.
func playerStates(t *testing.T, st *style.Styles, plan routines.Plan) []playerState {
	const (
		heatRunning = iota
		padOff
		hold
		paused
		settle
		lightsOut
	)
	build := func(upTo int) player.Model {
		clock := routines.NewFakeClock(0)
		run, first := night.New(plan, 0)
		m := player.New(st, run, clock, guide.For(guide.Side), first)
		do := func(c night.Command) { m, _ = m.Show(run.Do(c, clock.Now())) }
		wait := func(d time.Duration) { clock.Advance(d); m, _ = m.Show(run.Tick(clock.Now())) }
		steps := []func(){
			heatRunning: func() { do(night.StartHeat); wait(61 * time.Second) },
			padOff:      func() { do(night.Skip) },
			hold:        func() { do(night.PadIsOff); wait(7 * time.Second) },
			paused:      func() { do(night.TogglePause) },
			settle: func() {
				do(night.TogglePause)
				for i := 0; run.Mode() != night.Settle; i++ {
					if i > 50 {
						t.Fatalf("the run never reached the sleep set-up: mode %v", run.Mode())
					}
					do(night.Skip)
				}
			},
			lightsOut: func() { do(night.StartSettle); wait(time.Second) },
		}
		for i := 0; i <= upTo; i++ {
			steps[i]()
		}
		return m
	}
	states := []playerState{
		{"heat_ready", build(-1)}, {"heat_running", build(heatRunning)}, {"pad_off", build(padOff)},
		{"hold", build(hold)}, {"hold_paused", build(paused)}, {"settle", build(settle)}, {"lights_out", build(lightsOut)},
	}
	// Each is what its name says, at a size where every view draws whole.
	shows := map[string]string{"heat_ready": "Ready", "heat_running": "Heating", "pad_off": "pad off",
		"hold": "Knee to chest", "hold_paused": "PAUSED", "settle": "Settle in", "lights_out": "Lights out"}
	for _, p := range states {
		if v := ansi.Strip(p.m.SetSize(80, 24).View()); !strings.Contains(v, shows[p.name]) {
			t.Errorf("player %s does not show %q:\n%s", p.name, shows[p.name], v)
		}
	}
	return states
}
