package heattrial

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
	"github.com/supine-app/supine/internal/trial"
)

var first = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

// nights is a history of n nights of the trial, each kept as drawn: after
// 3 with heat, 5 without.
func nights(tr trial.Trial, n int) []history.Session {
	var out []history.Session
	for _, sc := range trial.Schedule(tr)[:n] {
		start := sc.Night.Add(22 * time.Hour)
		s := history.Session{Start: start, End: start.Add(20 * time.Minute), Routine: "tonight",
			Completed: []string{"Knee rolls"}, Before: history.Score(6), After: history.Score(5), HeatKnown: true}
		if sc.Heat {
			s.HeatMinutes, s.HeatStart, s.HeatSeconds, s.After = 15, start, 900, history.Score(3)
		}
		out = append(out, s)
	}
	return out
}

func data(n int, stopped bool) Data {
	tr := trial.New(3, first.Add(-time.Hour), first)
	now := first.AddDate(0, 0, n).Add(21 * time.Hour)
	if stopped {
		tr.Stopped = now
	}
	s := nights(tr, n)
	p := trial.ProgressOf(tr, s, nil, now, 4)
	d := Data{Progress: &p, Running: trial.Running(tr, now, 4)}
	if r, ok := trial.Results(tr, s, nil, now, 4); ok {
		d.Result = &r
	}
	return d
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

func TestStartAndStopAskFirst(t *testing.T) {
	st := style.New(style.Night())
	for _, tt := range []struct {
		name string
		d    Data
		keys []string
		want screens.Action
	}{
		{"start, confirmed", Data{}, []string{"s", "y"}, screens.StartTrial{}},
		{"start, with enter", Data{}, []string{"s", "enter"}, screens.StartTrial{}},
		{"start, declined", Data{}, []string{"s", "n"}, nil},
		{"start, esc", Data{}, []string{"s", "esc"}, nil},
		{"no start while one runs", data(4, false), []string{"s", "y"}, nil},
		{"no start when refused", Data{Refusal: "Your routine has no heat step."}, []string{"s", "y"}, nil},
		{"stop, confirmed", data(4, false), []string{"x", "y"}, screens.StopTrial{}},
		{"stop, declined", data(4, false), []string{"x", "n", "esc"}, screens.Back{}},
		{"no stop when none runs", Data{}, []string{"x", "y"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, act := press(New(st, tt.d).SetSize(80, 24), tt.keys...)
			if !reflect.DeepEqual(act, tt.want) {
				t.Errorf("got %#v, want %#v", act, tt.want)
			}
		})
	}
}

func TestNoRatingBeforeTheResults(t *testing.T) {
	v := ansi.Strip(New(style.New(style.Night()), data(9, false)).SetSize(80, 40).View())
	if strings.Contains(v, "less tight") || strings.Contains(v, "with heat, 5") {
		t.Fatalf("the screen shows a result before the trial is done:\n%s", v)
	}
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "The results stay hidden until the last pair is done") {
		t.Errorf("the screen does not say the results are hidden:\n%s", v)
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	st := style.New(style.Night())
	confirm, _ := press(New(st, Data{}), "s")
	for _, c := range []struct {
		name string
		m    Model
	}{
		{"none", New(st, Data{})},
		{"confirm_start", confirm},
		{"running", New(st, data(5, false))},
		{"done", New(st, data(16, false))},
		{"stopped", New(st, data(6, true))},
	} {
		for _, s := range sizes {
			t.Run(c.name+"/"+s.name, func(t *testing.T) {
				screentest.Golden(t, c.m.SetSize(s.w, s.h).View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	st := style.New(style.Night())
	for _, d := range []Data{{}, data(5, false), data(16, false), {Refusal: "Your routine has no heat step, so there is nothing to compare."}} {
		for _, keys := range [][]string{nil, {"?"}, {"s"}, {"x"}} {
			m, _ := press(New(st, d), keys...)
			for w := 40; w <= 80; w += 7 {
				for h := 12; h <= 30; h += 3 {
					screentest.RequireFits(t, m.SetSize(w, h).View(), w, h)
				}
			}
		}
	}
}
