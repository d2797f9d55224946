// Command bare is the smallest bubbletea v2 program that walks the same
// path as `supine start heat` (a check, a check-in, a ready screen, then a
// countdown that space pauses), with no content behind it. bench/run
// measures it with the same probe as supine, as a baseline: what
// bubbletea itself costs at a frame rate, so supine's own cost shows.
// BARE_FPS sets the frame rate (bubbletea's default 60 when unset).
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

type stage int

const (
	stageCheck stage = iota
	stageCheckin
	stageReady
	stageCounting
)

// tickMsg carries the deadline it was scheduled for, so a stale tick (from
// before a pause) is dropped.
type tickMsg struct{ gen int }

type model struct {
	stage    stage
	deadline time.Time
	left     time.Duration // frozen while paused
	paused   bool
	gen      int
	w, h     int
}

func (m model) Init() tea.Cmd { return nil }

// tick fires when the shown second next changes.
func (m model) tick() tea.Cmd {
	d := time.Until(m.deadline) % time.Second
	if d <= 0 {
		d += time.Second
	}
	gen := m.gen
	return tea.Tick(d, func(time.Time) tea.Msg { return tickMsg{gen} })
}

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tickMsg:
		if msg.gen != m.gen || m.paused {
			return m, nil
		}
		return m, m.tick()
	case tea.KeyPressMsg:
		switch k := msg.String(); {
		case k == "ctrl+c" || k == "q":
			return m, tea.Quit
		case m.stage == stageCheck && k == "n", m.stage == stageCheckin && k == "s":
			m.stage++
		case m.stage == stageReady && k == "enter":
			m.stage = stageCounting
			m.deadline = time.Now().Add(15 * time.Minute)
			m.gen++
			return m, m.tick()
		case m.stage == stageCounting && k == "space":
			m.gen++
			if m.paused {
				m.paused = false
				m.deadline = time.Now().Add(m.left)
				return m, m.tick()
			}
			m.paused, m.left = true, time.Until(m.deadline)
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	var s string
	switch m.stage {
	case stageCheck:
		s = "Red-flag check\n\nn  none of these apply"
	case stageCheckin:
		s = "Before: how tight is your back?\n\ns  skip"
	case stageReady:
		s = "Heat, 15 minutes\n\nenter  start"
	default:
		left := m.left
		if !m.paused {
			left = time.Until(m.deadline)
		}
		secs := int((left + time.Second - 1) / time.Second)
		s = fmt.Sprintf("Heat\n\n%d:%02d", secs/60, secs%60)
		if m.paused {
			s += "\n\nPAUSED"
		}
	}
	s += "\n" + strings.Repeat("\n", max(m.h-8, 0)) + "space pause · q quit"
	v := tea.NewView(s)
	v.AltScreen = true
	return v
}

func main() {
	fps, _ := strconv.Atoi(os.Getenv("BARE_FPS"))
	if _, err := tea.NewProgram(model{}, tea.WithFPS(fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
