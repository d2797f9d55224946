package model

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/screens"
)

// quit ends the app. An evening still on is left through the evening, so
// that what was done is kept (the CLI saves the final model's evening).
func (m Model) quit() (Model, tea.Cmd) {
	m = m.Closed()
	m.quitting = true
	m.confirmQuit = false
	return m, tea.Quit
}

// askQuit answers q: mid-routine it asks first ("Stop for tonight?", with
// a stretch paused while it waits, as the evening decides); elsewhere it
// quits.
func (m Model) askQuit(screens.Quit) (Model, tea.Cmd) {
	if m.screen == ScreenPlayer && m.player.Running() {
		m.confirmQuit = true
		return m.evDo(evening.AskLeave{})
	}
	return m.quit()
}

// Closed is the model as the app closes, however it closes (q, Ctrl+C, a
// hang-up, or a SIGTERM that bubbletea answers without asking the model):
// the evening is left, so that what was done is kept and PadMayBeOn says
// whether the pad-off line must be printed. The CLI calls it on the final
// model.
func (m Model) Closed() Model {
	if m.ev == nil {
		return m
	}
	if m.ev.State(m.moment()).Stage != evening.Closed {
		// On a copy: the model asked may still be in use (a test, a frame).
		// Only the state matters now: the CLI saves the record itself.
		m.ev = m.ev.Clone()
		m.ev.Do(evening.Leave{}, m.moment())
	}
	return m
}

// PadMayBeOn reports whether the app closed while the heating pad was on
// and nobody had said it was off: the CLI then prints night.LeftWithPadOn
// once the screen is restored.
func (m Model) PadMayBeOn() bool {
	if m.ev == nil {
		return false
	}
	st := m.ev.State(m.moment())
	return st.PadLine || st.Stage == evening.Running && st.Run.Heat.On()
}

// answerQuit handles the keys of the "Stop for tonight?" overlay: only y
// (or q again) stops; n or esc keeps going. Enter answers nothing here:
// at the pad-off gate enter means "the pad is off", and a half-asleep q,
// enter must not quit without that answer.
func (m Model) answerQuit(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "y", "Y", "q":
		return m.quit()
	case "n", "N", "esc":
		m.confirmQuit = false
		return m.evDo(evening.KeepGoing{})
	}
	return m, nil
}

// overlayQuit draws the confirmation on top of the screen, which stays
// visible (and keeps counting) underneath.
func (m Model) overlayQuit(base string) string {
	pad := ""
	if m.PadMayBeOn() {
		pad = m.styles.Warn.Render("The pad may be on: switch it off and") + "\n" +
			m.styles.Warn.Render("take it out of the bed first.") + "\n"
	}
	text := m.styles.Title.Render("Stop for tonight?") + "\n" + pad +
		m.styles.Body.Render("What you have done is kept.") + "\n\n" +
		m.styles.Key.Render("y") + m.styles.Muted.Render(" stop  ") +
		m.styles.Key.Render("n") + m.styles.Muted.Render(" keep going")
	box := m.styles.Dialog.Render(text)
	if lipgloss.Width(box) > m.width {
		// The pad's two lines make the box 44 cells wide: in a narrower
		// window (the smallest is 40) it keeps one blank column each side
		// instead of three, and wraps inside the window if even that is
		// too wide, rather than run off its edge.
		box = m.styles.Dialog.PaddingLeft(1).PaddingRight(1).Width(m.width).Render(text)
	}
	x := max(0, (m.width-lipgloss.Width(box))/2)
	y := max(0, (m.height-lipgloss.Height(box))/2)
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(base),
		lipgloss.NewLayer(box).X(x).Y(y).Z(1),
	).Render()
}

// fitLine cuts a line to w cells.
func fitLine(s string, w int) string {
	return ansi.Truncate(s, w, "…")
}

// overlayWarning puts the warning on the top line, over the screen. It
// replaces that line outright: a warning can stay up for the whole heat
// countdown, and composing layers on every frame cost more than the rest
// of the frame together.
func (m Model) overlayWarning(base string) string {
	line := m.styles.Warn.Render(fitLine("! "+m.warning, m.width))
	if i := strings.IndexByte(base, '\n'); i >= 0 {
		return line + base[i:]
	}
	return line
}

// tooSmall is the single line shown below 40x12: short enough to fit
// almost any window, cut when it does not.
func (m Model) tooSmall() string {
	return m.styles.Muted.Render(fitLine("Enlarge the window to 40×12.", m.width))
}

// centre places a screen, at most w cells wide, in the middle of a
// width x height window, its lines moving as one block. lipgloss.Place
// centres line by line and styles every run of whitespace it adds, which
// made it most of the cost of a frame (about 200 µs of a 270 µs View at
// 120x40); plain spaces do the same job here.
func centre(s string, w, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	margin := strings.Repeat(" ", max(0, (width-w)/2))
	top := max(0, (height-len(lines))/2)
	// Grown to the frame's exact size: a frame allocated per second is
	// what the countdown leaves for the garbage collector.
	n := top + len(lines) - 1 + len(lines)*len(margin)
	for _, l := range lines {
		n += len(l)
	}
	var b strings.Builder
	b.Grow(n)
	for i := 0; i < top; i++ {
		b.WriteByte('\n')
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(margin)
		b.WriteString(l)
	}
	return b.String()
}
