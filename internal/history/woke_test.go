package history

import (
	"strings"
	"testing"
	"time"
)

// The waking answers follow a session through Begin, Update and Finish:
// not asked (nil) is kept apart from no.
func TestWokeThroughASession(t *testing.T) {
	st, _ := openTemp(t)
	start := time.Date(2026, 11, 24, 22, 0, 0, 0, time.Local)
	s := Session{Start: start, Routine: "tonight"}
	id, err := st.Begin(s)
	if err != nil {
		t.Fatal(err)
	}
	s.ID = id
	read := func() Session {
		t.Helper()
		got, err := st.Sessions(time.Time{})
		if err != nil || len(got) != 1 {
			t.Fatalf("sessions %+v, %v", got, err)
		}
		return got[0]
	}
	if got := read(); got.Woke != nil || got.WokeNothingEases != nil {
		t.Errorf("not asked read back as %v, %v", got.Woke, got.WokeNothingEases)
	}
	for _, tc := range []struct{ woke, nothing *bool }{
		{Answer(false), nil},
		{Answer(true), Answer(false)},
		{Answer(true), Answer(true)},
		{Answer(true), nil},
	} {
		s.Woke, s.WokeNothingEases, s.Before = tc.woke, tc.nothing, Score(5)
		if err := st.Update(s); err != nil {
			t.Fatal(err)
		}
		got := read()
		if !sameAnswer(got.Woke, tc.woke) || !sameAnswer(got.WokeNothingEases, tc.nothing) {
			t.Errorf("saved %v/%v, read back %v/%v", show(tc.woke), show(tc.nothing), show(got.Woke), show(got.WokeNothingEases))
		}
	}
	s.Woke, s.WokeNothingEases = Answer(true), Answer(false)
	if err := st.Finish(s); err != nil {
		t.Fatal(err)
	}
	if got := read(); got.Partial || !*got.Woke || *got.WokeNothingEases {
		t.Errorf("finished: %+v", got)
	}
	// "Nothing eases it" without a yes to waking would invent an answer.
	for _, w := range []*bool{nil, Answer(false)} {
		bad := Session{Start: start, Routine: "tonight", Woke: w, WokeNothingEases: Answer(true)}
		if _, err := st.Begin(bad); err == nil || !strings.Contains(err.Error(), "without a yes to being woken") {
			t.Errorf("woke %v: error %v", show(w), err)
		}
	}
}

func sameAnswer(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func show(v *bool) string {
	if v == nil {
		return "nil"
	}
	if *v {
		return "yes"
	}
	return "no"
}
