package clinician

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

var (
	st      = style.New(style.Night())
	bedtime = time.Date(2026, 11, 26, 22, 15, 0, 0, time.UTC)
)

func q(id string) safety.Question {
	qq, ok := safety.QuestionByID(id)
	if !ok {
		panic(id)
	}
	return qq
}

func data(ids ...string) Data {
	d := Data{Now: bedtime}
	for i, id := range ids {
		d.Items = append(d.Items, Item{Question: q(id), Answered: bedtime.AddDate(0, 0, -i-1)})
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

func words(v string) string { return strings.Join(strings.Fields(ansi.Strip(v)), " ") }

func TestRecordsThePickedAnswersOnTheDayGiven(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		d    Data
		keys []string
		want screens.Action
	}{
		{"one item, today", data("no-better"), []string{"t"}, screens.ClinicianChecked{IDs: []string{"no-better"}, On: day(26)}},
		{"one item, yesterday", data("pain-constant"), []string{"y"}, screens.ClinicianChecked{IDs: []string{"pain-constant"}, On: day(25)}},
		{"two items, the second picked, a date typed", data("upper-back", "no-better"),
			[]string{"down", "space", "2", "0", "2", "6", "-", "1", "1", "-", "0", "3", "enter"},
			screens.ClinicianChecked{IDs: []string{"no-better"}, On: day(3)}},
		{"two items, nothing picked", data("upper-back", "no-better"), []string{"t"}, nil},
		{"pain nothing eases, 8 days ago: too old", data("pain-constant"), []string{"2", "0", "2", "6", "-", "1", "1", "-", "1", "8", "enter"}, nil},
		{"pain nothing eases, 7 days ago: the oldest that stands", data("pain-constant"), []string{"2", "0", "2", "6", "-", "1", "1", "-", "2", "0", "enter"},
			screens.ClinicianChecked{IDs: []string{"pain-constant"}, On: day(20)}},
		{"no better, 28 days ago: too old", data("no-better"), []string{"2", "0", "2", "6", "-", "1", "0", "-", "2", "9", "enter"}, nil},
		{"a day after today", data("no-better"), []string{"2", "0", "2", "6", "-", "1", "1", "-", "2", "7", "enter"}, nil},
		{"nothing to record: keys do nothing", Data{Now: bedtime}, []string{"t", "y", "enter", "space"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, act := press(New(st, tt.d).SetSize(80, 24), tt.keys...)
			if tt.want == nil {
				if act != nil {
					t.Fatalf("got %#v, want nothing", act)
				}
				return
			}
			got, ok := act.(screens.ClinicianChecked)
			w := tt.want.(screens.ClinicianChecked)
			if !ok || strings.Join(got.IDs, ",") != strings.Join(w.IDs, ",") || !got.On.Equal(w.On) {
				t.Fatalf("got %#v, want %#v\n%s", act, tt.want, words(m.View()))
			}
		})
	}
}

func TestRefusalsAreOneSentence(t *testing.T) {
	m, _ := press(New(st, data("pain-constant")).SetSize(80, 24), "2", "0", "2", "6", "-", "1", "1", "-", "0", "1", "enter")
	if v := words(m.View()); !strings.Contains(v, "1 Nov 2026 is more than 7 days ago, too long for the check to count on it") {
		t.Errorf("no refusal:\n%s", v)
	}
	m, _ = press(New(st, data("upper-back", "no-better")).SetSize(80, 24), "t")
	if v := words(m.View()); !strings.Contains(v, "Pick what the clinician checked with space first.") {
		t.Errorf("no refusal:\n%s", v)
	}
}

func TestEscAndQ(t *testing.T) {
	if _, act := press(New(st, data("no-better")).SetSize(80, 24), "esc"); act != (screens.Back{}) {
		t.Errorf("esc: %#v", act)
	}
	if _, act := press(New(st, data("no-better")).SetSize(80, 24), "q"); act != (screens.Quit{}) {
		t.Errorf("q: %#v", act)
	}
}

type named struct {
	name string
	m    Model
}

func screensToDraw() []named {
	standing := data("upper-back", "no-better", "pain-constant")
	standing.Standing = []Standing{{Question: q("pain-constant"), CheckedOn: bedtime.AddDate(0, 0, -2)}}
	kept, _ := press(New(st, data("no-better")), "t")
	return []named{
		{"one", New(st, data("no-better"))},
		{"many", New(st, standing)},
		{"nothing", New(st, Data{Now: bedtime})},
		{"refused", func() Model {
			m, _ := press(New(st, data("pain-constant")).SetSize(80, 24), "2", "0", "2", "6", "-", "1", "1", "-", "0", "1", "enter")
			return m
		}()},
		{"kept", kept.Kept([]string{"no-better"}, bedtime)},
	}
}

func TestViewGolden(t *testing.T) {
	for _, n := range screensToDraw() {
		for _, s := range [][2]int{{80, 24}, {40, 12}} {
			t.Run(n.name+"/"+strings.Join([]string{itoa(s[0]), itoa(s[1])}, "x"), func(t *testing.T) {
				screentest.Golden(t, n.m.SetSize(s[0], s[1]).View())
			})
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, n := range screensToDraw() {
		for _, keys := range [][]string{nil, {"?"}, {"pgdown"}} {
			for _, w := range []int{40, 45, 57, 66, 80} {
				for _, h := range []int{12, 13, 15, 17, 20, 24, 40} {
					m, _ := press(n.m.SetSize(w, h), keys...)
					screentest.RequireFits(t, m.View(), w, h)
				}
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
