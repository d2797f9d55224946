package precautions

import (
	"maps"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/dateinput"
)

// "Yes, and my clinician has cleared me (on <date>)" (CONTENT.md section 6,
// v3): c on a question asks what was cleared, when the precaution takes away
// both heat and the stretches (h heat, s the stretches, b both), then the
// day (t, y, or a date and enter). It is kept as a yes with its clearance;
// only what was cleared comes back. esc drops it, and y or n later replace
// it.

// clearStep is the third answer while it is asked.
type clearStep struct {
	open  bool
	what  safety.Clearance // what was cleared; asked first when the precaution takes both
	asked bool             // what is known: the day is being asked
	date  dateinput.Field
	err   string
}

// openStep starts the third answer for the question under the cursor.
func (m Model) openStep() Model {
	takes := m.ps[m.cursor].Takes
	m.step = clearStep{open: true}
	if !(takes.Heat && takes.Stretches) {
		m.step.what, m.step.asked = takes, true
	}
	return m
}

// stepUpdate answers a key of the third answer.
func (m Model) stepUpdate(kp tea.KeyPressMsg) (Model, tea.Cmd, screens.Action) {
	st := m.step
	st.err = ""
	switch {
	case kp.Code == tea.KeyEscape:
		m.step = clearStep{}
		return m.scrolled(), nil, nil
	case kp.String() == "ctrl+c":
		return m, nil, screens.Quit{}
	case !st.asked:
		switch kp.String() {
		case "h":
			st.what, st.asked = safety.Clearance{Heat: true}, true
		case "s":
			st.what, st.asked = safety.Clearance{Stretches: true}, true
		case "b":
			st.what, st.asked = safety.Clearance{Heat: true, Stretches: true}, true
		}
	default:
		var submit string
		var done bool
		st.date, submit, done = st.date.Key(kp)
		if done {
			on, err := dateinput.Parse(submit, m.today())
			if err != nil {
				st.err = err.Error()
				break
			}
			m.step = clearStep{}
			return m.clearedOn(st.what, on).scrolled(), nil, nil
		}
	}
	m.step = st
	return m.scrolled(), nil, nil
}

// clearedOn keeps the question under the cursor as a yes that a clinician
// cleared of what on day on, and moves on as a yes or no does.
func (m Model) clearedOn(what safety.Clearance, on time.Time) Model {
	id := m.ps[m.cursor].ID
	m = m.answer(true)
	c := maps.Clone(m.cleared)
	c[id] = safety.Answer{Yes: true, Cleared: what, ClearedOn: on}
	m.cleared = c
	return m
}

// today is the day "t" names; tests pin it with SetToday.
func (m Model) today() time.Time {
	if !m.now.IsZero() {
		return m.now
	}
	return time.Now()
}

// SetToday pins the day t and y count from (tests; the root passes its
// clock).
func (m Model) SetToday(now time.Time) Model {
	m.now = now
	return m
}

// stepStatus is what the third answer asks, in one or two sentences, for
// the status line.
func (m Model) stepStatus() string {
	st := m.step
	if !st.asked {
		return "What did your clinician clear? Press h for heat, s for the stretches, or b for both (esc cancels)."
	}
	line := "Cleared " + st.what.Words() + ". When? Press t for today or y for yesterday, or type the date as " +
		m.today().Format(dateinput.Layout) + " and press enter."
	if t := st.date.Typed(); t != "" {
		line += " Date: " + t + "_"
	}
	if st.err != "" {
		line = st.err + " " + line
	}
	return line
}
