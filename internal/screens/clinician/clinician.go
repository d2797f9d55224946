// Package clinician is the screen on which the person records that a
// clinician has checked a red-flag answer, and when (CONTENT.md section 4,
// app policy, v3). It is opened from the history screen or the home menu,
// never from the outcome that has just told the person to see someone. It
// offers only the answers a clinician's check may cover
// (safety.ClinicianCheckable) that were given in a check of the last 4
// weeks; for 7 days (pain that nothing eases) or 4 weeks (the others) the
// check then asks "A clinician checked this on 3 Nov. Is it worse, or
// different, since then?" in place of the question.
package clinician

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/dateinput"
	"github.com/supine-app/supine/internal/screens/style"
)

// Item is one answer that may be recorded as checked.
type Item struct {
	Question safety.Question
	Answered time.Time // when the check that answered it yes was taken
}

// Standing is a clinician's check that stands tonight.
type Standing struct {
	Question  safety.Question
	CheckedOn time.Time // the day of the assessment
}

// Data is what the root hands the screen.
type Data struct {
	Now      time.Time
	Items    []Item     // newest answer first, each question once
	Standing []Standing // the checks that stand tonight
	Note     string     // optional: e.g. why history is off for this run
}

// Model is the clinician's-check screen.
type Model struct {
	st     *style.Styles // behind a pointer: the model is copied on every call
	data   Data
	picked []bool // copied before each change, models are values
	cursor int
	date   dateinput.Field
	err    string // one sentence: why the date or the pick was refused
	note   string // what was kept, or why not
	noteOK bool
	vp     viewport.Model
	keys   keyMap
	help   style.Help
	w, h   int
}

// New builds the screen. With one item it is taken as picked.
func New(st *style.Styles, d Data) Model {
	m := Model{data: d, picked: make([]bool, len(d.Items)), keys: newKeyMap(len(d.Items)), vp: viewport.New()}
	if len(d.Items) == 1 {
		m.picked[0] = true
	}
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

// Update answers key presses: space picks, t, y or a typed date and enter
// record the picked answers as checked on that day (screens.ClinicianChecked),
// esc goes back and q quits.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	m.err = ""
	switch {
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case len(m.data.Items) == 0:
		k.Apply(&m.vp, kp)
		return m, nil, nil
	case key.Matches(kp, k.Up) && len(m.data.Items) > 1:
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(kp, k.Down) && len(m.data.Items) > 1:
		m.cursor = min(m.cursor+1, len(m.data.Items)-1)
	case key.Matches(kp, k.Pick):
		picked := slices.Clone(m.picked)
		picked[m.cursor] = !picked[m.cursor]
		m.picked = picked
	case dateinput.Takes(kp):
		var submit string
		var done bool
		m.date, submit, done = m.date.Key(kp)
		if done {
			return m.submit(submit)
		}
	default:
		k.Apply(&m.vp, kp)
		return m, nil, nil
	}
	return m.layout(), nil, nil
}

// submit records the picked items on the day input names, or says in one
// sentence why not.
func (m Model) submit(input string) (Model, tea.Cmd, screens.Action) {
	var ids []string
	var picked []safety.Question
	for i, it := range m.data.Items {
		if m.picked[i] {
			ids = append(ids, it.Question.ID)
			picked = append(picked, it.Question)
		}
	}
	if len(ids) == 0 {
		m.err = "Pick what the clinician checked with space first."
		return m.layout(), nil, nil
	}
	on, err := dateinput.Parse(input, m.data.Now)
	if err == nil {
		err = tooOld(picked, on, m.data.Now)
	}
	if err != nil {
		m.err = err.Error()
		return m.layout(), nil, nil
	}
	return m.layout(), nil, screens.ClinicianChecked{IDs: ids, On: on}
}

// tooOld refuses a day from which a picked answer's check would no longer
// stand tonight: 7 days for pain that nothing eases, 4 weeks for the others.
func tooOld(picked []safety.Question, on, now time.Time) error {
	for _, q := range picked {
		if !safety.ClinicianCheckStands(q.ID, on, now) {
			return dateinput.Sentence(on.Format("2 Jan 2006") + " is more than " + span(q.ID) +
				" ago, too long for the check to count on it: answer the questions as things are now.")
		}
	}
	return nil
}

// span is how long a clinician's check of id stands, in words.
func span(id string) string {
	d := safety.ClinicianCheckDays(id)
	if d > 7 && d%7 == 0 {
		return strconv.Itoa(d/7) + " weeks"
	}
	return strconv.Itoa(d) + " days"
}

// Kept says on the screen that the check was recorded as checked on on.
func (m Model) Kept(ids []string, on time.Time) Model {
	what := "this"
	if len(ids) > 1 {
		what = "these"
	}
	m.note = "Kept: a clinician checked " + what + " on " + on.Format("2 Jan") +
		". While it stands, the check asks whether it is worse, or different, since then; if it is, answer yes."
	m.noteOK = true
	m.picked = make([]bool, len(m.data.Items))
	if len(m.data.Items) == 1 {
		m.picked[0] = true
	}
	return m.layout()
}

// NotKept says on the screen why the clinician's check was not recorded.
func (m Model) NotKept(why string) Model {
	m.note, m.noteOK = why, false
	return m.layout()
}
