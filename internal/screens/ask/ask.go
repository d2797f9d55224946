// Package ask is the screen of one question of the evening that needs a
// plain answer: tonight's heat question, the follow-up to being woken by
// back pain, and the two questions asked when tonight cannot be read
// (yes, no, or "not sure" where not being sure must count as the safe
// answer). The first night's disclaimer has its own screen (about).
// There is no default answer: enter answers nothing, so a stray key never
// says no.
package ask

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Answers says which answers a question takes.
type Answers int

const (
	YesNo       Answers = iota // y or n
	YesNoUnsure                // y, n or u ("not sure")
)

// Model is one question on screen.
type Model struct {
	st       *style.Styles
	title    string
	question string
	lines    []string // said under the question: why it is asked
	answers  Answers
	lead     string // a line above the title: what came just before
	keys     keyMap
	help     style.Help
	w, h     int
	offset   int // first line on show when the text is longer than the room
}

type keyMap struct {
	Yes, No, Unsure  key.Binding
	Up, Down         key.Binding
	Back, Quit, Help key.Binding
	answers          Answers
}

func newKeyMap(a Answers) keyMap {
	k := keyMap{
		Yes:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Unsure:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "not sure")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "scroll")),
		Down:    key.NewBinding(key.WithKeys("down", "j")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home")),
		Quit:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		answers: a,
	}
	k.Unsure.SetEnabled(a == YesNoUnsure)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.Unsure, k.Up, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Yes, k.No, k.Unsure}, {k.Up, k.Back, k.Quit}, {k.Help}}
}

// New builds the screen: a title, the question and the lines under it.
func New(st *style.Styles, title, question string, lines []string, a Answers) Model {
	m := Model{title: title, question: question, lines: lines, answers: a, keys: newKeyMap(a)}
	return m.SetStyles(st)
}

// Lead puts a line above the question, for what came just before it
// (the all-clear of the check).
func (m Model) Lead(line string) Model {
	m.lead = line
	return m
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m
}

// SetStyles changes the look.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m
}

// Update answers keys: y, n and u return screens.Answered, esc
// screens.Back and q screens.Quit.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Yes):
		return m, nil, screens.Answered{Answer: screens.AnswerYes}
	case key.Matches(kp, k.No):
		return m, nil, screens.Answered{Answer: screens.AnswerNo}
	case key.Matches(kp, k.Unsure):
		return m, nil, screens.Answered{Answer: screens.AnswerNotSure}
	case key.Matches(kp, k.Up):
		m.offset = max(m.offset-1, 0)
	case key.Matches(kp, k.Down):
		m.offset++
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	}
	return m, nil, nil
}

// View draws the title, the question and its lines, and the answers. The
// question is never cut: when the window is short the lead line goes
// first, then the lines under the question scroll (↑/↓); the answers and
// the help stay on screen.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, w := m.st, m.w
	var lead, fixed, more []string
	if m.lead != "" {
		for _, l := range style.Wrap(m.lead, w) {
			lead = append(lead, s.Muted.Render(l))
		}
		lead = append(lead, "")
	}
	if m.title != "" {
		fixed = append(fixed, style.Truncate(s.Title.Render(m.title), w), "")
	}
	for _, l := range style.Wrap(m.question, w) {
		fixed = append(fixed, s.Checkin.Question.Render(l))
	}
	for i, para := range m.lines {
		if i > 0 || m.question != "" {
			more = append(more, "")
		}
		for _, l := range style.Wrap(para, w) {
			more = append(more, s.Body.Render(l))
		}
	}
	foot := m.help.View(m.st.Help, m.keys, w)
	room := max(m.h-2-strings.Count(foot, "\n")-1, 1)
	body := append(append(append([]string{}, lead...), fixed...), more...)
	if len(body) > room {
		body = append(append([]string{}, fixed...), more...)
	}
	if len(body) > room {
		// The question stays; what is under it scrolls.
		keep := max(room-len(fixed), 0)
		off := min(m.offset, max(len(more)-keep, 0))
		body = append(append([]string{}, fixed...), more[off:min(off+keep, len(more))]...)
		body = body[:min(len(body), max(room, len(fixed)))]
	}
	return style.Page(w, m.h, strings.Join(append(body, "", m.answerLine()), "\n"), foot)
}

func (m Model) answerLine() string {
	s := m.st
	switch m.answers {
	case YesNoUnsure:
		return style.Truncate(s.Key.Render("y")+s.Muted.Render(" yes   ")+s.Key.Render("n")+s.Muted.Render(" no   ")+
			s.Key.Render("u")+s.Muted.Render(" not sure"), m.w)
	}
	return style.Truncate(s.Key.Render("y")+s.Muted.Render(" yes   ")+s.Key.Render("n")+s.Muted.Render(" no"), m.w)
}
