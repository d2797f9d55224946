package model

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens/screentest"
)

// countingStore counts every call that reaches the store.
type countingStore struct {
	*fakeStore
	calls atomic.Int64
}

func (s *countingStore) Recent(a, b, c time.Time, r int) (history.Recent, error) {
	s.calls.Add(1)
	return s.fakeStore.Recent(a, b, c, r)
}

func (s *countingStore) Begin(x history.Session) (int64, error) {
	s.calls.Add(1)
	return s.fakeStore.Begin(x)
}

func (s *countingStore) Update(x history.Session) error {
	s.calls.Add(1)
	return s.fakeStore.Update(x)
}

func (s *countingStore) SaveCheck(x history.Check) error {
	s.calls.Add(1)
	return s.fakeStore.SaveCheck(x)
}

// TestUpdateNeverWaitsOnTheStore: a history held locked by another window
// kept keys waiting for seconds (issue 21, item 5) while a save waited on
// SQLite's busy timeout under a lock the update loop needed. Now no key
// reaches the store inside Update: the evening's reads and saves go out as
// commands, for bubbletea to run off the update loop. Each key below is
// answered with commands while the store has not been called.
func TestUpdateNeverWaitsOnTheStore(t *testing.T) {
	st := &countingStore{fakeStore: &fakeStore{}}
	m := New(testOptions(st))
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	for _, k := range []string{"s", "n", "n", "n", "n", "enter"} {
		before := st.calls.Load()
		var cmd tea.Cmd
		next, cmd = m.Update(screentest.Key(k))
		m = next.(Model)
		if st.calls.Load() != before {
			t.Fatalf("the key %q reached the store inside Update", k)
		}
		// As the program would, off the update loop: run what came back.
		d := &driver{t: t, m: m, store: st.fakeStore}
		d.run(cmd)
		m = d.m
	}
	if st.calls.Load() == 0 {
		t.Fatal("the store was never asked: the test proves nothing")
	}
}

// Home read again (the history came back, a save answered) keeps what the
// person did on it: a ? pressed just before the history came back stayed
// pressed for a frame and then went (seen by e2e at no key delay).
func TestHomeReadAgainKeepsTheHelpAndTheCursor(t *testing.T) {
	d := newDriver(t, testOptions(&fakeStore{}), 80, 24)
	d.expect(ScreenHome)
	d.press("down", "down", "?")
	if !strings.Contains(d.text(), "esc: back, never skips or starts") {
		t.Fatalf("? did not open the full help:\n%s", d.text())
	}
	d.send(historyMsg{})
	if !strings.Contains(d.text(), "esc: back, never skips or starts") {
		t.Errorf("the history read again closed the full help:\n%s", d.text())
	}
	if !strings.Contains(d.text(), "› t Sleep setup") {
		t.Errorf("the history read again moved the cursor:\n%s", d.text())
	}
}
