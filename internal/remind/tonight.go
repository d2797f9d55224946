package remind

import (
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
)

// Reader is what the nudge reads from the history: *history.Store, opened
// read-only (history.OpenReadOnly).
type Reader interface {
	Sessions(since time.Time) ([]history.Session, error)
	Checks(since time.Time) ([]history.Check, error)
}

// ReadTonight is the one place the nudge reads the history. It reads
// tonight as the evening does: night.FromHistory over night.LookBack of
// sessions and checks, so that a void or a stop for pain of the evening
// before that still holds (night.VoidAtLeast) keeps the nudge silent, as
// it keeps the routine closed. started says a session began tonight; one
// dated after now (a clock stepped back) counts, as the evening takes it
// as now. st nil is an empty history.
func ReadTonight(st Reader, now time.Time, rollover int) (t night.Tonight, started bool, err error) {
	t = night.Tonight{Night: history.Night(now, rollover), Rollover: rollover}
	if st == nil {
		return t, false, nil
	}
	since := now.Add(-night.LookBack)
	sessions, err := st.Sessions(since)
	if err != nil {
		return t, false, err
	}
	checks, err := st.Checks(since)
	if err != nil {
		return t, false, err
	}
	t = night.FromHistory(sessions, checks, now, rollover)
	for _, s := range sessions {
		if !s.Start.Before(t.Start()) {
			started = true
		}
	}
	return t, started, nil
}
