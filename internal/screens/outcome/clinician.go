package outcome

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// "A clinician has checked this" (CONTENT.md section 4, app policy): on an
// URGENT or BOOK outcome the person may record that a clinician assessed
// what they reported, and when. For 4 weeks from that day the check then
// shows a reminder under the question. Never for EMERGENCY questions, never
// on an EMERGENCY outcome, and never on tonight's void outcome shown again.
// Recording changes nothing tonight: the outcome on screen stands.

// clinicianDays is how long a clinician's check stands (history keeps the
// same 4 weeks).
const clinicianDays = 28

// clinicianStep is the small step that records it.
type clinicianStep struct {
	open   bool
	items  []safety.Question // the URGENT and BOOK questions answered yes
	picked []bool            // copied before each change, models are values
	cursor int
	typed  string // a date being typed, e.g. "2026-11-0"
	err    string // one sentence: why the date or the pick was refused
}

// stepKeys are the keys of the step.
type stepKeys struct {
	Up, Down, Pick        key.Binding
	Today, Yesterday, Set key.Binding
	Cancel, Quit, Help    key.Binding
}

func newStepKeys(many bool) stepKeys {
	k := stepKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Pick:      key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pick")),
		Today:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "today")),
		Yesterday: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yesterday")),
		Set:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save the date typed")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
	k.Pick.SetEnabled(many)
	return k
}

func (k stepKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Pick, k.Today, k.Yesterday, k.Set, k.Cancel, k.Help}
}

func (k stepKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Pick}, {k.Today, k.Yesterday, k.Set}, {k.Cancel, k.Quit, k.Help}}
}

// clinicianItems are the questions answered yes that a clinician's check
// may cover: URGENT and BOOK ones, on an URGENT or BOOK outcome that is not
// tonight's void outcome again. EMERGENCY questions are never among them.
func (m Model) clinicianItems() []safety.Question {
	if m.tonight || m.kind == kindPain || (m.tier != safety.Urgent && m.tier != safety.Book) {
		return nil
	}
	var out []safety.Question
	for _, id := range m.yes {
		q, ok := safety.QuestionByID(id)
		if ok && (q.Tier == safety.Urgent || q.Tier == safety.Book) {
			out = append(out, q)
		}
	}
	return out
}

// Recording reports whether the clinician step is open.
func (m Model) Recording() bool { return m.cl.open }

// openStep starts the step: one item is taken as picked; with more, the
// person picks each.
func (m Model) openStep() Model {
	items := m.clinicianItems()
	if len(items) == 0 {
		return m
	}
	m.cl = clinicianStep{open: true, items: items, picked: make([]bool, len(items))}
	if len(items) == 1 {
		m.cl.picked[0] = true
	}
	m.stepKeys = newStepKeys(len(items) > 1)
	return m.layout()
}

// stepUpdate answers a key inside the step.
func (m Model) stepUpdate(kp tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	k := m.stepKeys
	cl := m.cl
	cl.err = ""
	switch {
	case key.Matches(kp, k.Cancel):
		m.cl = clinicianStep{}
		return m.layout(), nil, nil
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(kp, k.Up) && len(cl.items) == 1:
		m.vp.ScrollUp(1) // nothing to pick: the arrows scroll a small window
	case key.Matches(kp, k.Down) && len(cl.items) == 1:
		m.vp.ScrollDown(1)
	case key.Matches(kp, k.Up):
		cl.cursor = max(cl.cursor-1, 0)
	case key.Matches(kp, k.Down):
		cl.cursor = min(cl.cursor+1, len(cl.items)-1)
	case key.Matches(kp, k.Pick):
		picked := slices.Clone(cl.picked)
		picked[cl.cursor] = !picked[cl.cursor]
		cl.picked = picked
	case cl.typed == "" && key.Matches(kp, k.Today, k.Yesterday):
		m.cl = cl
		return m.submit(kp.String())
	case key.Matches(kp, k.Set):
		m.cl = cl
		return m.submit(cl.typed)
	case kp.Code == tea.KeyBackspace:
		if n := len(cl.typed); n > 0 {
			cl.typed = cl.typed[:n-1]
		}
	case len(kp.Text) == 1 && strings.ContainsAny(kp.Text, "0123456789-") && len(cl.typed) < len("2006-01-02"):
		cl.typed += kp.Text
	}
	m.cl = cl
	return m.layout(), nil, nil
}

// submit records the picked items on the day input names, or says in one
// sentence why not.
func (m Model) submit(input string) (Model, tea.Cmd, screens.Action) {
	var ids []string
	for i, q := range m.cl.items {
		if m.cl.picked[i] {
			ids = append(ids, q.ID)
		}
	}
	if len(ids) == 0 {
		m.cl.err = "Pick what the clinician checked with space first."
		return m.layout(), nil, nil
	}
	on, err := parseCheckedOn(input, m.today())
	if err != nil {
		// The sentence names what was typed; the field starts afresh, so
		// that t and y work again at once.
		m.cl.err, m.cl.typed = err.Error(), ""
		return m.layout(), nil, nil
	}
	m.cl = clinicianStep{}
	return m.layout(), nil, screens.ClinicianChecked{IDs: ids, On: on}
}

// today is the day the check was answered on (the screen's clock): "today"
// and "yesterday" count from it.
func (m Model) today() time.Time {
	if m.reportedAt.IsZero() {
		return time.Now()
	}
	return m.reportedAt
}

// parseCheckedOn reads when a clinician checked it: "t" or "today", "y" or
// "yesterday", or a date as 2026-11-03, as midnight in now's zone. A day
// after now, or more than 4 weeks before it (a check that would no longer
// stand), is refused with one sentence.
func parseCheckedOn(input string, now time.Time) (time.Time, error) {
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	var on time.Time
	switch s := strings.ToLower(strings.TrimSpace(input)); s {
	case "t", "today":
		on = today
	case "y", "yesterday":
		on = today.AddDate(0, 0, -1)
	case "":
		return time.Time{}, sentence("Press t for today or y for yesterday, or type the date and press enter.")
	default:
		var err error
		on, err = time.ParseInLocation("2006-01-02", s, now.Location())
		if err != nil {
			return time.Time{}, sentence("Type the date as year-month-day, for example " + today.Format("2006-01-02") + ".")
		}
	}
	switch {
	case on.After(today):
		return time.Time{}, sentence(on.Format("2 Jan 2006") + " is after today: give the day the clinician checked it.")
	case on.Before(today.AddDate(0, 0, -(clinicianDays - 1))):
		return time.Time{}, sentence(on.Format("2 Jan 2006") + " is more than 4 weeks ago, too long for the check to count on it: answer the questions as things are now.")
	}
	return on, nil
}

// Kept says on the screen that the check was recorded as checked on on.
func (m Model) Kept(ids []string, on time.Time) Model {
	what := "this"
	if len(ids) > 1 {
		what = "these"
	}
	m.note = "Kept: a clinician checked " + what + " on " + on.Format("2 Jan") +
		". For 4 weeks the check will remind you instead of stopping; if it has changed, answer yes."
	m.noteErr = false
	return m.layout()
}

// NotKept says on the screen why the clinician's check was not recorded.
func (m Model) NotKept(why string) Model {
	m.note = why
	m.noteErr = true
	return m.layout()
}

// stepLines are the step's scrolling part, and the lines of the item under
// the cursor.
func (m Model) stepLines(room int) ([]string, style.Span) {
	s, w := m.st, m.w
	cl := m.cl
	var out []string
	if room >= 8 {
		out = append(out, "")
	}
	out = append(out, style.Paras("A clinician has checked this", w, s.Outcome.Headline)...)
	many := len(cl.items) > 1
	intro := "What a clinician assessed:"
	if many {
		intro = "Which of these did a clinician assess? Press space to pick each."
	}
	out = append(out, style.Paras(intro, w, s.Outcome.Line)...)
	var cur style.Span
	for i, q := range cl.items {
		prefix := s.Outcome.Bullet.Render("-") + " "
		text := s.Outcome.Line
		if many {
			box := s.Check.Box.Render("[ ]")
			if cl.picked[i] {
				box = s.Check.Checked.Render("[x]")
			}
			pointer := "  "
			if i == cl.cursor {
				pointer, text = s.Selected.Render(style.Pointer)+" ", s.Selected
			}
			prefix = pointer + box + " "
		}
		top := len(out)
		out = append(out, style.Hang(prefix, q.Report, w, text)...)
		if i == cl.cursor {
			cur = style.Span{Top: top, Bottom: len(out)}
		}
	}
	if room >= 8 {
		out = append(out, "")
	}
	for _, text := range []string{"When? Press t for today or y for yesterday.",
		"Or type the date as " + m.today().Format("2006-01-02") + " and press enter."} {
		out = append(out, style.Paras(text, w, s.Outcome.Line)...)
	}
	out = append(out, style.Paras("It stands for 4 weeks from that day, and it does not change tonight's advice.", w, s.Muted)...)
	return out, cur
}

// pinned is what stays above the keys: the date being typed and a
// refusal in the step; otherwise BOOK's question and what was kept.
func (m Model) pinned() []string {
	s, w := m.st, m.w
	if m.cl.open {
		var out []string
		if m.cl.typed != "" {
			out = append(out, style.Truncate(s.Outcome.Line.Render("Date: "+m.cl.typed+"_"), w))
		}
		out = append(out, style.Paras(m.cl.err, w, s.Warn)...)
		return out
	}
	var out []string
	if m.note != "" {
		st := s.Calm
		if m.noteErr {
			st = s.Warn
		}
		if m.h >= 16 {
			out = append(out, "")
		}
		out = append(out, style.Paras(m.note, w, st)...)
	}
	return append(out, m.question()...)
}

// sentence is an error shown to the person as it is: a whole sentence,
// capital and full stop included, which Go's error style would not allow.
type sentence string

func (s sentence) Error() string { return string(s) }
