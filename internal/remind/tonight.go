package remind

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
)

// Reader is what the nudge reads from the history: *history.Store.
type Reader interface {
	Sessions(since time.Time) ([]history.Session, error)
	Checks(since time.Time) ([]history.Check, error)
}

// lookBack is how far before now the nudge reads sessions: far enough for
// heat that ended within PadGap (the longest heat is 20 minutes, and it
// starts a few minutes into a session).
const lookBack = PadGap + time.Hour

// ReadTonight is the one place the nudge reads the history: tonight
// (night.FromHistory over the sessions and checks it needs), and whether a
// session began tonight. st nil is an empty history.
func ReadTonight(st Reader, now time.Time, rollover int) (night.Tonight, bool, error) {
	t := night.Tonight{Night: history.Night(now, rollover), Rollover: rollover}
	if st == nil {
		return t, false, nil
	}
	start := t.Start()
	since := start
	if now.Add(-lookBack).Before(start) {
		since = now.Add(-lookBack)
	}
	sessions, err := st.Sessions(since)
	if err != nil {
		return t, false, err
	}
	checks, err := st.Checks(start)
	if err != nil {
		return t, false, err
	}
	t = night.FromHistory(sessions, checks, now, rollover)
	started := false
	for _, s := range sessions {
		if !s.Start.Before(start) && !s.Start.After(now) {
			started = true
		}
	}
	return t, started, nil
}
