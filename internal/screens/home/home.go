// Package home is the first screen: tonight's routine and its length, and a
// menu of everything else the app does.
package home

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// Routine is one routine the person can pick for tonight.
type Routine struct {
	Name  string        // what StartRoutine carries
	Title string        // what the person reads
	Total time.Duration // the whole routine's length
	Note  string        // optional: e.g. that a user file overrides a built-in
}

// Data is what the root knows and home shows.
type Data struct {
	Routines []Routine
	Selected string // name of tonight's routine; the first one when unknown
	Skipped  int    // routine files that could not be loaded
	Nudge    string // optional calm BOOK line from the history
	Notice   string // optional one-line notice, e.g. a database moved aside
	// Adapted says why tonight's routine is adapted to the precautions,
	// one line each (safety.Adaptation.Reasons); empty when it is not.
	Adapted []string
	// Measures are optional lines about the weekly activity rating and the
	// heat trial ("A rating of your activities is due: press f.").
	Measures []string
	// Reminder is the bedtime reminder's time ("22:30"), "" when none is
	// set: with one, the menu offers "not tonight".
	Reminder string
}

// entry is one line of the menu.
type entry struct {
	letter string
	label  string
}

// The menu, in the order shown. Each letter matches a binding in keyMap.
const (
	itemStart = iota
	itemCheck
	itemTips
	itemWhy
	itemHistory
	itemClinician
	itemPrecautions
	itemActivities
	itemTrial
	itemSkip
	itemAbout
	itemQuit
)

var menu = []entry{
	itemStart:       {"s", "Start tonight's routine"},
	itemCheck:       {"c", "Red-flag check"},
	itemTips:        {"t", "Sleep setup"},
	itemWhy:         {"w", "Why it's tight"},
	itemHistory:     {"h", "History"},
	itemClinician:   {"d", "A clinician checked an answer"},
	itemPrecautions: {"p", "Precautions"},
	itemActivities:  {"f", "Rate your activities"},
	itemTrial:       {"e", "Does heat help me?"},
	itemSkip:        {"n", "Not tonight: no reminder"},
	itemAbout:       {"a", "About: not a diagnosis"},
	itemQuit:        {"q", "Quit"},
}

// extra reports whether a menu item gives way when the window is too small
// for the whole menu; its key still works, and the full help names it.
func extra(item int) bool { return item == itemActivities || item == itemTrial }

// Model is the home screen.
type Model struct {
	st      *style.Styles // behind a pointer: the model is copied on every call
	data    Data
	routine int // index into data.Routines
	cursor  int // index into menu
	keys    keyMap
	help    style.Help
	w, h    int
}

// New builds the home screen.
func New(st *style.Styles, d Data) Model {
	m := Model{}
	return m.SetStyles(st).SetData(d)
}

// SetData shows new data (the history read again, a save's answer) and
// keeps what the person did on the screen: the cursor and the full help.
// Rebuilding the screen instead lost a ? pressed just before the history
// came back.
func (m Model) SetData(d Data) Model {
	m.data = d
	m.keys = newKeyMap().withRoutines(len(d.Routines)).withReminder(d.Reminder != "")
	m.routine = 0
	for i, r := range d.Routines {
		if r.Name == d.Selected {
			m.routine = i
		}
	}
	if !m.offered(m.cursor) {
		m.cursor = itemStart
	}
	return m
}

// SetSize gives the screen its room.
func (m Model) SetSize(w, h int) Model {
	m.w, m.h = w, h
	return m
}

// SetStyles changes the look, e.g. when the terminal turns out to be light.
func (m Model) SetStyles(st *style.Styles) Model {
	m.st = st
	return m
}

// Selected is the name of the routine picked for tonight, so the root can
// remember it across screens; empty when there are no routines.
func (m Model) Selected() string {
	if len(m.data.Routines) == 0 {
		return ""
	}
	return m.data.Routines[m.routine].Name
}

// Update answers key presses; the action says what the person chose.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, screens.Action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil, nil
	}
	k := m.keys
	switch {
	case key.Matches(kp, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(kp, k.Up):
		m.cursor = m.step(-1)
	case key.Matches(kp, k.Down):
		m.cursor = m.step(+1)
	case key.Matches(kp, k.NextRoutine):
		m = m.cycle(1)
	case key.Matches(kp, k.PrevRoutine):
		m = m.cycle(-1)
	case key.Matches(kp, k.Choose):
		return m, nil, m.choose(m.cursor)
	case key.Matches(kp, k.Start):
		return m.pick(itemStart)
	case key.Matches(kp, k.Check):
		return m.pick(itemCheck)
	case key.Matches(kp, k.Tips):
		return m.pick(itemTips)
	case key.Matches(kp, k.Why):
		return m.pick(itemWhy)
	case key.Matches(kp, k.History):
		return m.pick(itemHistory)
	case key.Matches(kp, k.Precautions):
		return m.pick(itemPrecautions)
	case key.Matches(kp, k.Clinician):
		return m.pick(itemClinician)
	case key.Matches(kp, k.About):
		return m.pick(itemAbout)
	case key.Matches(kp, k.Activities):
		return m.pick(itemActivities)
	case key.Matches(kp, k.Trial):
		return m.pick(itemTrial)
	case key.Matches(kp, k.Skip):
		return m.pick(itemSkip)
	case key.Matches(kp, k.Quit):
		return m.pick(itemQuit)
	}
	return m, nil, nil
}

// pick is a letter shortcut: the cursor moves there too, so that coming
// back shows where the person went.
func (m Model) pick(item int) (Model, tea.Cmd, screens.Action) {
	m.cursor = item
	return m, nil, m.choose(item)
}

func (m Model) choose(item int) screens.Action {
	switch item {
	case itemStart:
		if len(m.data.Routines) == 0 {
			return nil
		}
		return screens.StartRoutine{Name: m.Selected()}
	case itemCheck:
		return screens.OpenCheck{}
	case itemTips:
		return screens.OpenTips{}
	case itemWhy:
		return screens.OpenWhy{}
	case itemHistory:
		return screens.OpenHistory{}
	case itemPrecautions:
		return screens.OpenPrecautions{}
	case itemClinician:
		return screens.OpenClinician{}
	case itemAbout:
		return screens.OpenAbout{}
	case itemActivities:
		return screens.OpenActivities{}
	case itemTrial:
		return screens.OpenTrial{}
	case itemSkip:
		if m.data.Reminder == "" {
			return nil
		}
		return screens.SkipTonight{}
	case itemQuit:
		return screens.Quit{}
	}
	return nil
}

// offered reports whether a menu item is on the menu at all: "not
// tonight" only when there is a reminder to keep quiet.
func (m Model) offered(item int) bool {
	return item != itemSkip || m.data.Reminder != ""
}

func (m Model) cycle(step int) Model {
	n := len(m.data.Routines)
	if n > 1 {
		m.routine = (m.routine + step + n) % n
	}
	return m
}

// step moves the cursor by one among the items on show, wrapping.
func (m Model) step(by int) int {
	extras := m.fit().extras
	c := m.cursor
	for range menu {
		c = (c + by + len(menu)) % len(menu)
		if m.offered(c) && (extras || !extra(c)) {
			return c
		}
	}
	return m.cursor
}
