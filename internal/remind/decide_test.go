package remind

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
)

// history is a store as the nudge reads it.
type fakeStore struct {
	sessions []history.Session
	checks   []history.Check
}

func (f fakeStore) Sessions(since time.Time) ([]history.Session, error) {
	var out []history.Session
	for _, s := range f.sessions {
		if !s.Start.Before(since) {
			out = append(out, s)
		}
	}
	return out, nil
}

func (f fakeStore) Checks(since time.Time) ([]history.Check, error) {
	var out []history.Check
	for _, c := range f.checks {
		if !c.At.Before(since) {
			out = append(out, c)
		}
	}
	return out, nil
}

// TestWhenTheNudgeSpeaks is the table of nights: what happened (in the
// history and the state file), when the nudge runs, and whether it speaks.
// Each night is read as the nudge reads it (ReadTonight over a store),
// then decided (Decide).
func TestWhenTheNudgeSpeaks(t *testing.T) {
	ldn, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, ldn) }
	at := Clock{22, 30}
	tonight := history.Night(day(23, 22, 30), history.DefaultRolloverHour)
	session := func(start time.Time, mod func(*history.Session)) history.Session {
		s := history.Session{Start: start, Routine: "quick"}
		if mod != nil {
			mod(&s)
		}
		return s
	}
	check := func(at time.Time, tier string) history.Check {
		return history.Check{At: at, Tier: tier, Full: true}
	}
	tests := []struct {
		name  string
		now   time.Time
		at    Clock
		store fakeStore
		state State
		speak bool
		why   string // a word of the reason it is silent
	}{
		{name: "an ordinary night, on time", now: day(23, 22, 30), speak: true},
		{name: "the timer fired a minute late", now: day(23, 22, 31), speak: true},
		{name: "89 minutes late (the laptop woke at midnight)", now: day(23, 23, 59), speak: true},
		{name: "91 minutes late", now: day(24, 0, 1), why: "late"},
		{name: "a laptop that slept through wakes at 07:00", now: day(24, 7, 0), why: "late"},
		{name: "run by hand before the time: yesterday's time is long past", now: day(23, 20, 0), why: "late"},
		{name: "a reminder after midnight, before the roll-over", now: day(24, 0, 45), at: Clock{0, 30}, speak: true},
		{name: "a nudge spoke tonight already", now: day(23, 22, 30), state: State{Nudged: tonight.Format(dateFormat)}, why: "already"},
		{name: "the nudge of last night does not silence tonight's", now: day(23, 22, 30), state: State{Nudged: "2026-11-22"}, speak: true},
		{name: "not tonight", now: day(23, 22, 30), state: State{Skipped: tonight.Format(dateFormat)}, why: "not tonight"},
		{name: "not tonight was said last night", now: day(23, 22, 30), state: State{Skipped: "2026-11-22"}, speak: true},
		{name: "tonight's routine is done", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(23, 21, 0), func(s *history.Session) { s.End = day(23, 21, 20) })}}, why: "done or under way"},
		{name: "tonight's routine started and is under way", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(23, 22, 25), func(s *history.Session) { s.Partial = true })}}, why: "done or under way"},
		{name: "a check tonight, no session saved", now: day(23, 22, 30),
			store: fakeStore{checks: []history.Check{check(day(23, 22, 20), history.TierNone)}}, why: "done or under way"},
		{name: "an EMERGENCY check tonight voids the night", now: day(23, 22, 30),
			store: fakeStore{checks: []history.Check{check(day(23, 21, 0), history.TierEmergency)}}, why: "ended the routine"},
		{name: "an URGENT answer kept only on its session voids the night", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(23, 21, 0), func(s *history.Session) { s.RedFlag = history.TierUrgent })}}, why: "ended the routine"},
		{name: "a stop for pain tonight", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(23, 21, 0), func(s *history.Session) { s.StoppedForPain = true; s.End = day(23, 21, 10) })}}, why: "pain"},
		{name: "a session at 23:00 still silences a 01:30 reminder: the same night", now: day(24, 1, 30), at: Clock{1, 30},
			store: fakeStore{sessions: []history.Session{session(day(23, 23, 0), func(s *history.Session) {
				s.HeatStart, s.HeatSeconds, s.HeatKnown, s.HeatMinutes = day(23, 23, 5), 15*60, true, 15
			})}}, why: "done or under way"},
		{name: "a session of last night, after midnight, does not silence tonight", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(23, 3, 0), nil)}}, speak: true},
		{name: "heat before the roll-over, ended 1h40 ago", now: day(23, 5, 40), at: Clock{5, 30},
			store: fakeStore{sessions: []history.Session{session(day(23, 3, 30), func(s *history.Session) {
				s.HeatStart, s.HeatSeconds, s.HeatKnown, s.HeatMinutes = day(23, 3, 45), 15*60, true, 15
			})}}, why: "2 hours"},
		{name: "heat before the roll-over, ended 2h10 ago", now: day(23, 6, 10), at: Clock{6, 0},
			store: fakeStore{sessions: []history.Session{session(day(23, 3, 30), func(s *history.Session) {
				s.HeatStart, s.HeatSeconds, s.HeatKnown, s.HeatMinutes = day(23, 3, 45), 15*60, true, 15
			})}}, speak: true},
		{name: "last night's EMERGENCY does not silence tonight", now: day(23, 22, 30),
			store: fakeStore{checks: []history.Check{check(day(22, 22, 0), history.TierEmergency)}}, speak: true},
		{name: "a session last night does not silence tonight", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(22, 22, 0), nil)}}, speak: true},
		// A void and a stop for pain hold for the rest of their night and
		// at least 12 hours (night.VoidAtLeast), across the roll-over: the
		// nudge reads back as far as the evening does (night.LookBack).
		{name: "an EMERGENCY the evening before still holds at a 05:30 reminder", now: day(23, 5, 30), at: Clock{5, 30},
			store: fakeStore{checks: []history.Check{check(day(22, 22, 0), history.TierEmergency)}}, why: "ended the routine until 10:00 today"},
		{name: "an URGENT answer kept only on a session of the evening before still holds", now: day(23, 5, 30), at: Clock{5, 30},
			store: fakeStore{sessions: []history.Session{session(day(22, 21, 50), func(s *history.Session) {
				s.RedFlag, s.End = history.TierUrgent, day(22, 22, 0)
			})}}, why: "ended the routine until 10:00 today"},
		{name: "the void of the evening before has ended 12 hours on", now: day(23, 10, 0), at: Clock{10, 0},
			store: fakeStore{checks: []history.Check{check(day(22, 22, 0), history.TierEmergency)}}, speak: true},
		{name: "a stop for pain 11 hours ago, the evening before", now: day(23, 5, 30), at: Clock{5, 30},
			store: fakeStore{sessions: []history.Session{session(day(22, 18, 20), func(s *history.Session) {
				s.StoppedForPain, s.End = true, day(22, 18, 30)
			})}}, why: "pain; the routine is the sleep set-up only until 06:30 today"},
		{name: "a stop for pain 13 hours ago, the evening before, has ended", now: day(23, 7, 30), at: Clock{7, 30},
			store: fakeStore{sessions: []history.Session{session(day(22, 18, 20), func(s *history.Session) {
				s.StoppedForPain, s.End = true, day(22, 18, 30)
			})}}, speak: true},
		{name: "a stop for pain 11 hours ago, tonight", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(23, 11, 20), func(s *history.Session) {
				s.StoppedForPain, s.End = true, day(23, 11, 30)
			})}}, why: "pain"},
		{name: "a session dated after now (a clock stepped back) is under way", now: day(23, 22, 30),
			store: fakeStore{sessions: []history.Session{session(day(23, 23, 30), nil)}}, why: "done or under way"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := at
			if tc.at != (Clock{}) {
				c = tc.at
			}
			tn, started, err := ReadTonight(tc.store, tc.now, history.DefaultRolloverHour)
			if err != nil {
				t.Fatal(err)
			}
			f := Facts{Now: tc.now, At: c, Tonight: tn, Gate: tn.Gate(tc.now), Started: started,
				Skipped: tc.state.Skips(tn.Night), Nudged: tc.state.NudgedOn(tn.Night)}
			v := Decide(f)
			if v.Speak != tc.speak {
				t.Fatalf("speak = %v (%s), want %v", v.Speak, v.Why, tc.speak)
			}
			if !tc.speak && !strings.Contains(v.Why, tc.why) {
				t.Errorf("silent because %q, want a reason with %q", v.Why, tc.why)
			}
		})
	}
}

// TestTheMessageHasNoHealthDetail: the notification is an invitation, the
// same every night, whatever tonight holds.
func TestTheMessageHasNoHealthDetail(t *testing.T) {
	for _, w := range []string{"pain", "back pain", "heat", "pad", "check", "emergency", "urgent", "tight"} {
		if strings.Contains(strings.ToLower(Message), w) && w != "back" {
			t.Errorf("the notification says %q: %s", w, Message)
		}
	}
	if Message != "Time for your back routine? Type supine." {
		t.Errorf("the notification is %q", Message)
	}
}

func TestDecideIgnoresTheGateOnlyWhenItAllows(t *testing.T) {
	// A gate the lead's store-backed read may fill in (failing closed)
	// decides alone, with no history behind it.
	now := time.Date(2026, 11, 23, 22, 30, 0, 0, time.UTC)
	tn := night.Tonight{Night: history.Night(now, 4), Rollover: 4}
	if v := Decide(Facts{Now: now, At: Clock{22, 30}, Tonight: tn, Gate: night.Gate{IsVoid: true}}); v.Speak {
		t.Errorf("a void gate spoke")
	}
	if v := Decide(Facts{Now: now, At: Clock{22, 30}, Tonight: tn, Gate: night.Gate{PainToday: true}}); v.Speak {
		t.Errorf("a pain stop spoke")
	}
	if v := Decide(Facts{Now: now, At: Clock{22, 30}, Tonight: tn, Gate: tn.Gate(now)}); !v.Speak {
		t.Errorf("an empty night was silent: %s", v.Why)
	}
}
