package home

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
	"github.com/supine-app/supine/internal/screens/style"
)

func withReminder() Data {
	d := data()
	d.Reminder = "22:30"
	return d
}

// TestNotTonightWithAReminder: with a reminder set, "not tonight" is on the
// menu and n (or the cursor on it) asks the root to keep tonight quiet;
// without one it is neither shown nor answered, and the cursor never
// stops on it.
func TestNotTonightWithAReminder(t *testing.T) {
	tests := []struct {
		d    Data
		keys []string
		want screens.Action
	}{
		{withReminder(), []string{"n"}, screens.SkipTonight{}},
		{withReminder(), []string{"up", "up", "up", "enter"}, screens.SkipTonight{}},
		{withReminder(), []string{"up", "enter"}, screens.Quit{}},
		{withReminder(), []string{"k", "k", "k", "k", "k", "k", "enter"}, screens.OpenPrecautions{}},
		{withReminder(), []string{"e", "down", "enter"}, screens.SkipTonight{}},
		{data(), []string{"n"}, nil},
		{data(), []string{"up", "up", "up", "up", "up", "enter"}, screens.OpenPrecautions{}},
		{data(), []string{"e", "down", "enter"}, screens.OpenAbout{}},
	}
	for _, tt := range tests {
		t.Run(tt.d.Reminder+":"+strings.Join(tt.keys, ","), func(t *testing.T) {
			_, got := press(New(style.New(style.Night()), tt.d), tt.keys...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
	on := ansi.Strip(New(style.New(style.Night()), withReminder()).SetSize(80, 24).View())
	if !strings.Contains(on, "n  Not tonight: no reminder at 22:30") {
		t.Errorf("the menu does not offer not tonight:\n%s", on)
	}
	off := ansi.Strip(New(style.New(style.Night()), data()).SetSize(80, 24).View())
	if strings.Contains(off, "Not tonight") {
		t.Errorf("not tonight is offered with no reminder:\n%s", off)
	}
}

func TestNotTonightGolden(t *testing.T) {
	m := New(style.New(style.Night()), withReminder())
	for _, s := range sizes {
		t.Run(s.name, func(t *testing.T) {
			screentest.Golden(t, m.SetSize(s.w, s.h).View())
		})
	}
}
