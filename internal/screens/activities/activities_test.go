package activities

import (
	"reflect"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var now = time.Date(2026, 12, 10, 21, 30, 0, 0, time.UTC)

func two(due bool) Data {
	a := history.Activity{ID: 4, Name: "Turning over in bed"}
	b := history.Activity{ID: 7, Name: "Putting on socks"}
	d := Data{Now: now, Series: []psfs.Series{
		{Activity: a, Points: []psfs.Point{{At: now.AddDate(0, 0, -14), Score: 3}, {At: now.AddDate(0, 0, -7), Score: 5}}},
		{Activity: b, Points: []psfs.Point{{At: now.AddDate(0, 0, -7), Score: 6}}},
	}, Status: psfs.Status{Named: true, Due: due, Last: now.AddDate(0, 0, -7), Next: now.AddDate(0, 0, 1)}}
	return d
}

func press(m Model, keys ...string) (Model, screens.Action) {
	var act screens.Action
	for _, k := range keys {
		m, _, act = m.Update(screentest.Key(k))
	}
	return m, act
}

func typed(m Model, s string) Model {
	for _, r := range s {
		k := string(r)
		if r == ' ' {
			k = "space"
		}
		m, _ = press(m, k)
	}
	return m
}

func TestKeysReturnActions(t *testing.T) {
	st := style.New(style.Night())
	// Nothing named: the screen opens on naming, and a sitting follows.
	m := typed(New(st, Data{Now: now}), "Putting on socks")
	m, act := press(m, "enter", "7")
	if act != nil {
		t.Fatalf("a digit without enter kept %#v", act)
	}
	_, act = press(m, "enter")
	want := screens.RateActivities{Answers: []history.Rated{{Name: "Putting on socks", Score: 7}}}
	if !reflect.DeepEqual(act, want) {
		t.Fatalf("got %#v, want %#v", act, want)
	}

	// Due: a sitting of both; 1 then 0 is ten; a new digit replaces.
	_, act = press(New(st, two(true)), "1", "0", "enter", "3", "4", "enter")
	want = screens.RateActivities{Answers: []history.Rated{{ID: 4, Name: "Turning over in bed", Score: 10}, {ID: 7, Name: "Putting on socks", Score: 4}}}
	if !reflect.DeepEqual(act, want) {
		t.Fatalf("got %#v, want %#v", act, want)
	}

	for _, tt := range []struct {
		keys []string
		want screens.Action
	}{
		{[]string{"esc"}, screens.Back{}},
		{[]string{"q"}, screens.Quit{}},
		{[]string{"d", "2"}, screens.DropActivity{ID: 7}},
		{[]string{"d", "3"}, nil},
		{[]string{"d", "esc", "esc"}, screens.Back{}},
		{[]string{"r", "esc"}, nil}, // leaving a sitting keeps none of it
		{[]string{"a", "q"}, nil},   // q is a letter of a name
		{[]string{"a", "enter"}, nil},
	} {
		_, act := press(New(st, two(false)), tt.keys...)
		if !reflect.DeepEqual(act, tt.want) {
			t.Errorf("%v: got %#v, want %#v", tt.keys, act, tt.want)
		}
	}
	// With three named, none is added.
	d := two(false)
	d.Series = append(d.Series, psfs.Series{Activity: history.Activity{ID: 9, Name: "Gardening"}})
	if m, _ := press(New(st, d), "a"); m.mode != overview {
		t.Error("a fourth activity was offered")
	}
	// Adding one leads into a sitting of all three.
	m, _ = press(New(st, two(false)), "a")
	m = typed(m, "Gardening")
	_, act = press(m, "enter", "5", "enter", "5", "enter", "2", "enter")
	if r, ok := act.(screens.RateActivities); !ok || len(r.Answers) != 3 || r.Answers[2].Name != "Gardening" || r.Answers[2].ID != 0 {
		t.Errorf("adding an activity gave %#v, want a sitting of the two and the new one", act)
	}
}

var sizes = []struct {
	name string
	w, h int
}{{"40x12", 40, 12}, {"80x24", 80, 24}, {"120x40", 80, 40}}

func TestViewGolden(t *testing.T) {
	st := style.New(style.Night())
	naming := typed(New(st, Data{Now: now}), "Putting on socks")
	rating, _ := press(New(st, two(true)), "1")
	dropping, _ := press(New(st, two(false)), "d")
	for _, c := range []struct {
		name string
		m    Model
	}{
		{"overview", New(st, two(false))},
		{"naming", naming},
		{"rating", rating},
		{"dropping", dropping},
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
	long := two(true)
	long.Series[0].Activity.Name = "Getting up from the sofa after a film without holding on to anything at all"
	for _, m := range []Model{New(st, Data{Now: now}), New(st, long), New(st, two(false))} {
		for _, keys := range [][]string{nil, {"?"}, {"d"}} {
			mm, _ := press(m, keys...)
			for w := 40; w <= 80; w += 7 {
				for h := 12; h <= 30; h += 3 {
					screentest.RequireFits(t, mm.SetSize(w, h).View(), w, h)
				}
			}
		}
	}
}
