// Package history is the history screen: recent sessions with their
// check-ins, a chart of tightness before and after over the last eight
// weeks, the nights in a row and the nights used (CONTENT.md section 7: a
// check-in, a check or a step done), this week against the first, the
// history's nudge when it asks for one, the precautions with what a
// clinician cleared, and the clinicians' checks that stand; d records one.
package history

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// chartWeeks is how far back the chart looks.
const chartWeeks = 8

// Data is what the root hands the screen.
type Data struct {
	Sessions     []hist.Session // newest first, as Store.Sessions returns them
	Checks       []hist.Check   // every red-flag check, for the nights used
	Now          time.Time
	RolloverHour int         // when a night ends; hist.DefaultRolloverHour
	Nudge        *hist.Nudge // the several-weeks rule, when it speaks
	Note         string      // optional line, e.g. why history is off this run
	// Precautions are the reason lines of the precautions answered yes,
	// with what a clinician cleared and when (safety.Adaptation.Reasons).
	Precautions []string
	// Clinician are the clinicians' checks that stand tonight, one line each.
	Clinician []string
	// Activities are the Patient-Specific Functional Scale's activities
	// still rated, with their scores (function.go); nil when none.
	Activities []psfs.Series
}

// usedNights is how far back the "used" line counts.
const usedNights = 28

// Model is the history screen. The figures are worked out once, in New;
// the text is laid out again only when the size, styles or help change.
type Model struct {
	st     *style.Styles // behind a pointer: the model is copied on every call
	data   Data
	weeks  []hist.Week
	streak int
	used   int // nights used of the last usedNights (hist.UsedIn)
	cmp    hist.Comparison
	cmpOK  bool
	vp     viewport.Model
	keys   keyMap
	help   style.Help
	w, h   int
	frame  string // the drawn view, redrawn only when something on it changes
}

// New builds the history screen. A session dated after d.Now (a clock
// stepped back) is shown as tonight's, not on a night still to come.
func New(st *style.Styles, d Data) Model {
	d.Sessions = hist.SessionsAsOf(d.Sessions, d.Now)
	// The nights used are worked out once for the streak and the count:
	// over ten years of nights each pass is a fifth of opening the screen.
	used := hist.UsedNights(d.Sessions, d.Checks, d.Now, d.RolloverHour)
	m := Model{
		data:   d,
		weeks:  hist.Weekly(d.Sessions, d.Now, chartWeeks, d.RolloverHour),
		streak: hist.StreakIn(used, d.Now, d.RolloverHour),
		used:   hist.UsedAmong(used, d.Now, d.RolloverHour, usedNights),
		keys:   newKeyMap(),
		vp:     viewport.New(),
	}
	m.cmp, m.cmpOK = hist.ThisWeekVsFirst(d.Sessions, d.Now, d.RolloverHour)
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

// Update answers key presses: esc goes back, q quits, the arrows and page
// keys scroll, ? shows every key.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Back):
		return m, nil, screens.Back{}
	case key.Matches(kp, k.Quit):
		return m, nil, screens.Quit{}
	case key.Matches(kp, k.Clinician):
		return m, nil, screens.OpenClinician{}
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m.layout(), nil, nil
	case k.Apply(&m.vp, kp):
	default:
		return m, nil, nil
	}
	m.frame = m.draw()
	return m, nil, nil
}
