// Package heattrial is the screen of "Does heat help me?" (package trial):
// what the trial is and a start that asks first; while it runs, where it
// stands and a stop that asks first; once done or stopped, the pairs
// against the threshold and what the comparison can and cannot say. It
// shows no rating before the results are due: it is handed none.
package heattrial

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/scroll"
	"github.com/supine-app/supine/internal/screens/style"
	"github.com/supine-app/supine/internal/trial"
)

// Data is what the root hands the screen.
type Data struct {
	// Progress is the newest trial's state; nil when there has been none.
	Progress *trial.Progress
	// Result is set only once the trial is done or stopped.
	Result *trial.Result
	// Running: a trial is under way and may be stopped.
	Running bool
	// Refusal says why a new trial cannot start; "" when it can.
	Refusal string
	// Note is one line from the root, e.g. that a save failed.
	Note string
}

type mode int

const (
	showing mode = iota
	confirmStart
	confirmStop
)

// Model is the trial screen.
type Model struct {
	st   *style.Styles // behind a pointer: the model is copied on every call
	data Data
	mode mode
	vp   viewport.Model
	keys keyMap
	help style.Help
	w, h int
}

// New builds the screen.
func New(st *style.Styles, d Data) Model {
	m := Model{data: d, vp: viewport.New(), keys: newKeyMap()}
	return m.SetStyles(st)
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m.layout()
}

// SetStyles changes the look.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m.layout()
}

// canStart: no trial runs and nothing stands in the way.
func (m Model) canStart() bool { return !m.data.Running && m.data.Refusal == "" }

// Update answers keys: s asks to start, x asks to stop, y or enter
// confirms, esc goes back a step.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m.layout(), nil, nil
	case m.mode != showing && key.Matches(kp, k.Yes):
		act := screens.Action(screens.StartTrial{})
		if m.mode == confirmStop {
			act = screens.StopTrial{}
		}
		m.mode = showing
		return m.layout(), nil, act
	case m.mode != showing && (key.Matches(kp, k.No) || key.Matches(kp, k.Back)):
		m.mode = showing
		return m.layout(), nil, nil
	case m.mode != showing:
		return m, nil, nil
	case key.Matches(kp, k.Start) && m.canStart():
		m.mode = confirmStart
		return m.layout(), nil, nil
	case key.Matches(kp, k.Stop) && m.data.Running:
		m.mode = confirmStop
		return m.layout(), nil, nil
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case k.Apply(&m.vp, kp):
	}
	return m, nil, nil
}

// layout fills the viewport with the mode's lines and sets the keys.
func (m Model) layout() Model {
	m.keys = m.keys.forMode(m.mode, m.canStart(), m.data.Running)
	if m.w <= 0 || m.h <= 0 {
		return m
	}
	for range 2 { // the scroll keys can change the help's height
		room := max(m.h-1-len(style.Lines(m.helpView())), 0)
		lines := m.content()
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(min(room, len(lines)))
		m.vp.SetContentLines(lines)
		m.keys.Keys = m.keys.Keys.Enabled(len(lines) > room)
	}
	if m.mode != showing {
		m.vp.GotoTop()
	}
	return m
}

func (m Model) helpView() string { return m.help.View(m.st.Help, m.keys, m.w) }

// View draws the title, the scrolled lines and the keys.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	top := style.Spread(m.st.Title.Render(trial.Title), m.st.Muted.Render(style.ScrollMark(m.vp.AtTop(), m.vp.AtBottom())), m.w)
	body := append([]string{top}, style.Lines(m.vp.View())...)
	return style.Page(m.w, m.h, strings.Join(body, "\n"), m.helpView())
}

// content is the mode's text, wrapped to the width.
func (m Model) content() []string {
	s, w := m.st, m.w
	var out []string
	para := func(text string, render func(...string) string) {
		for _, l := range style.Wrap(text, w) {
			out = append(out, render(l))
		}
	}
	item := func(text string) {
		out = append(out, style.Hang("• ", text, w, s.Body)...)
	}
	gap := func() {
		if m.h >= 16 && len(out) > 0 {
			out = append(out, "")
		}
	}
	if m.data.Note != "" {
		para(m.data.Note, s.Warn.Render)
		gap()
	}
	switch m.mode {
	case confirmStart:
		for _, l := range trial.About() {
			para(l, s.Body.Render)
		}
		gap()
		para("Start the trial? y or enter to start, n or esc to leave it.", s.Selected.Render)
		return out
	case confirmStop:
		para("Stop the trial now? It ends here and shows what it had; the nights so far stay in your history.", s.Body.Render)
		gap()
		para("y or enter to stop, n or esc to go on with it.", s.Selected.Render)
		return out
	}
	if m.data.Progress == nil {
		para("A fair test of heat, for you.", s.Body.Render)
		gap()
		for _, l := range trial.About() {
			para(l, s.Muted.Render)
		}
	} else {
		for _, l := range trial.ProgressLines(*m.data.Progress) {
			para(l, s.Body.Render)
		}
	}
	if r := m.data.Result; r != nil {
		gap()
		para(trial.Method(), s.Muted.Render)
		for _, l := range trial.Summary(*r) {
			para(l, s.Body.Render)
		}
		gap()
		for _, p := range r.Pairs {
			if p.Heat.Status == trial.NotReached && p.Without.Status == trial.NotReached {
				continue
			}
			item(trial.PairLine(p))
		}
		gap()
		for _, l := range trial.Limits() {
			para(l, s.Muted.Render)
		}
	}
	switch {
	case m.data.Running:
	case m.data.Refusal != "":
		gap()
		para(m.data.Refusal, s.Warn.Render)
	default:
		gap()
		para("Press s to start a trial.", s.Selected.Render)
	}
	return out
}

// keyMap is every key the screen answers to.
type keyMap struct {
	scroll.Keys
	Start, Stop, Yes, No key.Binding
	Back, Quit, Help     key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Keys:  scroll.NewKeys(),
		Start: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start a trial")),
		Stop:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop the trial")),
		Yes:   key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y", "yes")),
		No:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Back:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:  key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:  key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

func (k keyMap) forMode(m mode, canStart, running bool) keyMap {
	k.Start.SetEnabled(m == showing && canStart)
	k.Stop.SetEnabled(m == showing && running)
	k.Yes.SetEnabled(m != showing)
	k.No.SetEnabled(m != showing)
	k.Quit.SetEnabled(m == showing)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Start, k.Stop, k.Yes, k.No, k.Down, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Start, k.Stop, k.Yes, k.No}, {k.Up, k.Down, k.PageUp, k.PageDown}, {k.Top, k.Bottom}, {k.Back, k.Quit, k.Help}}
}
