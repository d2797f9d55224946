package night

import (
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// TestVoidLastsTheNightAndAtLeast12Hours: an EMERGENCY or URGENT answer,
// and a stop for pain, close the routine for the rest of the night and in
// any case for 12 hours after the answer, counted between instants
// (CONTENT.md section 4, v3). The rollover hour, a change of setting or a
// change of time zone never shortens it.
func TestVoidLastsTheNightAndAtLeast12Hours(t *testing.T) {
	emergency := func(at time.Time) history.Check {
		return history.Check{At: at, Tier: history.TierEmergency, Yes: []string{"saddle"}, Full: true}
	}
	tokyo := time.FixedZone("JST", 9*3600)
	for _, tc := range []struct {
		name     string
		check    time.Time
		now      time.Time
		rollover int
		void     bool
		until    time.Time
	}{
		{"03:59, heat asked at 04:00", at(11, 3, 59), at(11, 4, 0), 4, true, at(11, 15, 59)},
		{"03:59, 15:58", at(11, 3, 59), at(11, 15, 58), 4, true, at(11, 15, 59)},
		{"03:59, 15:59", at(11, 3, 59), at(11, 15, 59), 4, false, time.Time{}},
		{"22:00, next morning 09:59", at(10, 22, 0), at(11, 9, 59), 4, true, at(11, 10, 0)},
		{"22:00, next morning 10:00", at(10, 22, 0), at(11, 10, 0), 4, false, time.Time{}},
		{"05:00 after the rollover: the rest of that night", at(11, 5, 0), at(11, 20, 0), 4, true, at(12, 4, 0)},
		{"rollover set to 0: still 12 hours", at(10, 23, 30), at(11, 0, 30), 0, true, at(11, 11, 30)},
		{"rollover set to 23: still 12 hours", at(10, 22, 0), at(10, 23, 30), 23, true, at(11, 10, 0)},
		{"a time zone 9 hours east: the same instants", at(10, 22, 0), at(11, 9, 59).In(tokyo), 4, true, at(11, 10, 0)},
		{"a future-dated answer is taken as now", at(12, 1, 0), at(11, 20, 0), 4, true, at(12, 8, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := FromHistory(nil, []history.Check{emergency(tc.check)}, tc.now, tc.rollover).Gate(tc.now)
			if g.IsVoid != tc.void {
				t.Fatalf("IsVoid %v, want %v (until %v)", g.IsVoid, tc.void, g.VoidUntil)
			}
			if tc.void && !g.VoidUntil.Equal(tc.until) {
				t.Errorf("VoidUntil %v, want %v", g.VoidUntil, tc.until)
			}
			if tc.void && g.Shortcut {
				t.Error("a void gate offers the shortcut")
			}
			// The same rule for a stop for pain.
			sess := []history.Session{{Start: tc.check.Add(-10 * time.Minute), End: tc.check, StoppedForPain: true, PainStep: "Pelvic tilts"}}
			p := FromHistory(sess, nil, tc.now, tc.rollover).Gate(tc.now)
			if p.PainToday != tc.void {
				t.Fatalf("PainToday %v, want %v", p.PainToday, tc.void)
			}
			if tc.void && !p.PainUntil.Equal(tc.until) {
				t.Errorf("PainUntil %v, want %v", p.PainUntil, tc.until)
			}
		})
	}
}

// TestASessionThatReachedAVoidIsDatedAtItsEnd: a session row that says
// EMERGENCY without its check record still closes the routine, from its
// last save (the later moment), never from its start.
func TestASessionThatReachedAVoidIsDatedAtItsEnd(t *testing.T) {
	sess := []history.Session{{Start: at(10, 21, 0), End: at(10, 21, 30), RedFlag: history.TierUrgent}}
	g := FromHistory(sess, nil, at(11, 9, 15), 4).Gate(at(11, 9, 15))
	if !g.IsVoid || g.Void.Tier != safety.Urgent || !g.VoidUntil.Equal(at(11, 9, 30)) {
		t.Fatalf("gate %+v, want URGENT until 09:30", g)
	}
}

func TestOpensAt(t *testing.T) {
	for _, tc := range []struct {
		until, from time.Time
		want        string
	}{
		{at(11, 11, 20), at(10, 23, 20), "11:20 tomorrow"},
		{at(11, 11, 20), at(11, 1, 0), "11:20 today"},
		{at(13, 4, 0), at(11, 5, 0), "04:00 on Friday 13 March"},
	} {
		if got := OpensAt(tc.until, tc.from); got != tc.want {
			t.Errorf("OpensAt(%v, %v) = %q, want %q", tc.until, tc.from, got, tc.want)
		}
	}
}

// TestAWakingYesAndSeverePainTonightShapeTheGate: a yes to "did back pain
// wake you?" stored with tonight's session is a yes tonight (no shortcut,
// CONTENT.md section 4), and a BOOK answer for severe pain during the
// exercises leaves the stretches out for the rest of the night.
func TestAWakingYesAndSeverePainTonightShapeTheGate(t *testing.T) {
	now := at(18, 22, 0)
	lastFull := []history.Check{{At: at(15, 22, 0), Tier: history.TierNone, Full: true}}
	woke := true
	sess := []history.Session{{Start: at(18, 21, 0), End: at(18, 21, 5), Woke: &woke}}
	if g := FromHistory(nil, lastFull, now, 4).Gate(now); !g.Shortcut {
		t.Fatal("a clear full check 3 days ago, nothing tonight: no shortcut")
	}
	if g := FromHistory(sess, lastFull, now, 4).Gate(now); g.Shortcut {
		t.Error("woken by back pain last night, said tonight: the shortcut was still offered")
	}
	severe := append(lastFull, history.Check{At: at(18, 21, 30), Tier: history.TierBook, Yes: []string{safety.ExercisePain}, Full: true})
	g := FromHistory(nil, severe, now, 4).Gate(now)
	r := builtin(t, "tonight")
	if !g.NoStretches || len(g.Kept(r)) == len(r.Steps) {
		t.Errorf("severe pain during the exercises tonight: NoStretches %v, kept %v of %d steps", g.NoStretches, g.Kept(r), len(r.Steps))
	}
	if g := FromHistory(nil, severe, at(19, 22, 0), 4).Gate(at(19, 22, 0)); g.NoStretches {
		t.Error("severe pain during the exercises last night still leaves them out tonight")
	}
}
