package model

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/screentest"
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
	opts.Library = routines.Load("")
	opts.Clock = routines.NewFakeClock(0)
	opts.Now = func() time.Time { return time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC) }
	opts.CheckIns = false
	m := New(opts)
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	m, _ = m.handleAction(screens.StartRoutine{Name: "tonight"})
	m, _ = m.handleAction(screens.CheckDone{})
	if m.screen != ScreenPlayer {
		t.Fatalf("screen = %v, want the player", m.screen)
	}
	return m
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
	m := playerModel(t, Options{Notify: "auto", Env: ghostty})
	if pb := m.View().ProgressBar; pb != nil {
		t.Fatalf("progress %+v before the heat started, want none", pb)
	}
	next, _ := m.Update(screentest.Key("enter"))
	m = next.(Model)
	m.opts.Clock.(*routines.FakeClock).Advance(90 * time.Second)
	next, _ = m.Update(screentest.Key("space")) // pause: the view reads the clock as of now
	m = next.(Model)
	pb := m.View().ProgressBar
	if pb == nil || pb.State != tea.ProgressBarDefault || pb.Value != 10 {
		t.Fatalf("progress = %+v after 90 s of 15 min, want 10%%", pb)
	}

	m.opts.Notify = "off"
	if pb := m.View().ProgressBar; pb != nil {
		t.Fatalf("progress %+v with notify off, want none", pb)
	}
	kitty := playerModel(t, Options{Notify: "on", Env: []string{"TERM=xterm-kitty"}})
	next, _ = kitty.Update(screentest.Key("enter"))
	if pb := next.(Model).View().ProgressBar; pb != nil {
		t.Fatalf("progress %+v on kitty, which shows OSC 9;4 as a pop-up; want none", pb)
	}
}
