package model

import (
	"time"

	"github.com/supine-app/supine/history"
	"github.com/supine-app/supine/say"
	histscreen "github.com/supine-app/supine/screens/history"
	"github.com/supine-app/supine/screens/home"
)

// loadedHistory is what the model knows of the past: read once at start and
// again after each session, never inside Update.
type loadedHistory struct {
	loaded    bool
	sessions  []history.Session
	lastCheck time.Time
	checked   bool
	err       error
}

func (m Model) historyLoaded(msg historyMsg) Model {
	m.hist = loadedHistory{loaded: msg.err == nil, sessions: msg.sessions, lastCheck: msg.lastCheck, checked: msg.checked, err: msg.err}
	if m.screen == ScreenHome {
		m.home = home.New(*m.styles, m.homeData())
		m = m.resized()
	}
	if msg.open {
		return m.showHistory(msg)
	}
	return m
}

func (m Model) showHistory(msg historyMsg) Model {
	d := histscreen.Data{Sessions: m.hist.sessions, Now: m.now(), RolloverHour: m.rollover()}
	if n, ok := history.WeeksRule(m.hist.sessions, m.now()); ok {
		d.Nudge = &n
	}
	switch {
	case m.opts.Store == nil:
		d.Note = "History is off for this run: the database could not be opened."
	case msg.err != nil:
		d.Note = say.Sentence("The history could not be read", msg.err)
	}
	m.history = histscreen.New(*m.styles, d)
	return m.setScreen(ScreenHistory)
}

// nudge is the several-weeks rule's BOOK nudge, when the history asks for it.
func (m Model) nudge() history.Nudge {
	if !m.hist.loaded {
		return history.Nudge{}
	}
	n, _ := history.WeeksRule(m.hist.sessions, m.now())
	return n
}

func (m Model) rollover() int { return m.opts.RolloverHour }

// notice is the one line home shows: something that went wrong, or where a
// choice was kept.
func (m Model) notice() string {
	if m.saveErr != nil {
		return say.Sentence("Tonight's session could not be saved", m.saveErr)
	}
	if m.hist.err != nil {
		return say.Sentence("The history could not be read", m.hist.err)
	}
	if m.info != "" {
		return m.info
	}
	return m.opts.Notice
}
