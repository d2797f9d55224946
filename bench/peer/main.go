// Command peer is the countdown supine is compared with in bench/run: a
// bubbletea v2 timer at bubbletea's defaults (60 fps, GOMAXPROCS and GOGC
// untouched), the way caarlos0/timer and Bahaaio/pomo are built. It is its
// own module so that it uses bubbletea v2.1.1 as released, not supine's
// patched copy (third_party/bubbletea). Space pauses and shows PAUSED, so the
// probe can time keys on it as on supine.
package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// tickMsg is one second of the countdown; gen drops a tick from before a pause.
type tickMsg struct{ gen int }

type model struct {
	left   time.Duration
	paused bool
	gen    int
	w, h   int
}

func (m model) tick() tea.Cmd {
	gen := m.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{gen} })
}

func (m model) Init() tea.Cmd { return m.tick() }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tickMsg:
		if msg.gen != m.gen || m.paused {
			return m, nil
		}
		m.left -= time.Second
		if m.left <= 0 {
			return m, tea.Quit
		}
		return m, m.tick()
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "space":
			m.paused = !m.paused
			m.gen++
			if !m.paused {
				return m, m.tick()
			}
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	s := fmt.Sprintf("%d:%02d", int(m.left.Minutes()), int(m.left.Seconds())%60)
	if m.paused {
		s += "  PAUSED"
	}
	pad := strings.Repeat("\n", max(m.h/2-1, 0))
	v := tea.NewView(pad + strings.Repeat(" ", max((m.w-len(s))/2, 0)) + s + "\n\n  space pause · q quit")
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{left: 20 * time.Minute}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
