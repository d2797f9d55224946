package screens_test

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/guide"
	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
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

// everySize resizes m through every size from 1x1 to 45x15, with the short
// help and then the full help ("?"), and draws it at each; a panic fails.
func everySize[M screen[M]](t *testing.T, name string, m M) {
	t.Run(name, func(t *testing.T) {
		t.Parallel()
		for _, help := range []bool{false, true} {
			if help {
				m, _, _ = m.Update(screentest.Key("?"))
			}
			for w := 1; w <= 45; w++ {
				for h := 1; h <= 15; h++ {
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Fatalf("%s at %dx%d (full help %v) panicked: %v", name, w, h, help, r)
							}
						}()
						m = m.SetSize(w, h)
						_ = m.View()
					}()
				}
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
	plan := routines.Expand(r, routines.Options{GetReady: 3 * time.Second})
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
	for _, tier := range []safety.Tier{safety.None, safety.Book, safety.Urgent, safety.Emergency} {
		everySize(t, fmt.Sprintf("outcome_%v", tier), outcome.ForCheck(st, screens.CheckDone{Tier: tier}, now))
	}
	everySize(t, "outcome_pain", outcome.StoppedForPain(st))
	run, first := night.New(plan, 0)
	everySize(t, "player", player.New(st, run, routines.NewFakeClock(0), guide.For(guide.Side), first))
	everySize(t, "summary", summary.New(st, summary.Data{Routine: "Tonight", Completed: []string{"Heat"}, Skipped: []string{"Knee rolls"},
		HeatMinutes: 15, Before: hist.Score(6), After: hist.Score(4), Streak: 3, Setup: guide.For(guide.Side), Nudge: "Book.", SaveProblem: "Not saved."}))
	everySize(t, "tips", tips.New(st, guide.Side))
	everySize(t, "why", why.New(st))
	for _, n := range []int{0, 1, 60} {
		everySize(t, fmt.Sprintf("history_%d_nights", n), history.New(st, history.Data{Sessions: sessions[:n], Now: now, RolloverHour: 4}))
	}
}
