package model

import (
	"time"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
)

// session is tonight's run through a routine: what was picked, what the check
// said, the check-ins and how the player ended.
type session struct {
	active  bool // a routine was started (check passed) and has not ended
	routine routines.Routine
	plan    routines.Plan
	started time.Time
	ended   time.Time
	tier    safety.Tier
	checked bool // the red-flag check ran in this session
	before  *int
	woke    *bool // back pain woke them last night (asked with "before")
	// heatStart is when the pad went on, in wall time, once known.
	heatStart time.Time
	after     *int
	progress  screens.PlayerDone
	done      bool // the player reached its end or was stopped
	saving    bool // the session is being written to the store
	seq       int  // number of the last snapshot sent to the store
}

// stepTitles names the steps whose indexes are given.
func (s session) stepTitles(idx []int) []string {
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		if i >= 0 && i < len(s.routine.Steps) {
			out = append(out, s.routine.Steps[i].Title)
		}
	}
	return out
}
