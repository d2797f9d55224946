package model

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
)

// runRaw runs a command and collects the raw escape sequences it would
// write, following batches.
func runRaw(cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.RawMsg:
		return []string{msg.Msg.(string)}
	case tea.BatchMsg:
		var out []string
		for _, c := range msg {
			out = append(out, runRaw(c)...)
		}
		return out
	}
	return nil
}

func playerModel(t *testing.T, opts Options) Model {
	t.Helper()
	return playerDriver(t, opts).m
}

// playerDriver is playerModel's driver, for tests that press keys whose
// answers come from the store (the pad's claim).
func playerDriver(t *testing.T, opts Options) *driver {
	t.Helper()
	opts.Library = routines.Load("")
	opts.Clock = routines.NewFakeClock(0)
	opts.Now = func() time.Time { return time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC) }
	opts.CheckIns = false
	opts.Store = &fakeStore{}
	d := newDriver(t, opts, 80, 24)
	d.press("s", "n")
	if d.m.screen != ScreenPlayer {
		t.Fatalf("screen = %v, want the player", screenName(d.m.screen))
	}
	return d
}

// TestNotificationSequences: heat done and routine done send a desktop
// notification when the terminal is not in front (auto), always (on), and
// never (off); other cues never do.
func TestNotificationSequences(t *testing.T) {
	kitty := []string{"TERM=xterm-kitty"}
	iterm := []string{"TERM_PROGRAM=iTerm.app", "TERM=xterm-256color"}
	tests := []struct {
		name    string
		notify  string
		env     []string
		focused bool
		cue     screens.CueKind
		want    string // a part of the sequence; "" = no notification
	}{
		{"auto, hidden, kitty", "auto", kitty, false, screens.CueHeatDone, "\x1b]99;i=supine:d=0;supine\x07"},
		{"auto, hidden, iTerm2", "auto", iterm, false, screens.CueHeatDone, "\x1b]9;supine: Heat done"},
		{"auto, in front", "auto", iterm, true, screens.CueHeatDone, ""},
		{"on, in front", "on", iterm, true, screens.CueDone, "\x1b]9;supine: Routine done"},
		{"off, hidden", "off", iterm, false, screens.CueHeatDone, ""},
		{"a step change never notifies", "on", iterm, false, screens.CueNextStep, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := playerModel(t, Options{Notify: tt.notify, Env: tt.env})
			focus := tea.Msg(tea.FocusMsg{})
			if !tt.focused {
				focus = tea.BlurMsg{}
			}
			next, _ := m.Update(focus)
			m = next.(Model)
			var notes []string
			for _, seq := range runRaw(m.cue(screens.CueMsg{Kind: tt.cue})) {
				if seq != bell {
					notes = append(notes, seq)
				}
			}
			got := strings.Join(notes, "")
			if tt.want == "" && got != "" {
				t.Fatalf("sent %q, want no notification", got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Fatalf("sent %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

// TestNativeProgressBar: while heat counts down, the view asks the terminal
// for its own progress indicator; never before heat starts, never after,
// and never with notify = "off" or on a terminal that would print it.
func TestNativeProgressBar(t *testing.T) {
	ghostty := []string{"TERM_PROGRAM=ghostty", "TERM_PROGRAM_VERSION=1.2.0", "TERM=xterm-ghostty"}
	d := playerDriver(t, Options{Notify: "auto", Env: ghostty})
	if pb := d.m.View().ProgressBar; pb != nil {
		t.Fatalf("progress %+v before the heat started, want none", pb)
	}
	d.press("enter")
	d.clock.Advance(90 * time.Second)
	d.press("space") // refused on heat: the view reads the clock as of now
	m := d.m
	pb := m.View().ProgressBar
	if pb == nil || pb.State != tea.ProgressBarDefault || pb.Value != 10 {
		t.Fatalf("progress = %+v after 90 s of 15 min, want 10%%", pb)
	}

	m.opts.Notify = "off"
	if pb := m.View().ProgressBar; pb != nil {
		t.Fatalf("progress %+v with notify off, want none", pb)
	}
	kitty := playerDriver(t, Options{Notify: "on", Env: []string{"TERM=xterm-kitty"}})
	kitty.press("enter")
	if pb := kitty.m.View().ProgressBar; pb != nil {
		t.Fatalf("progress %+v on kitty, which shows OSC 9;4 as a pop-up; want none", pb)
	}
}
