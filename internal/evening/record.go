package evening

import (
	"strconv"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// Record is the evening as the store keeps it, at now: the one builder of
// the saved record, for every front end. Heat is stored only when the pad
// went on, with the seconds it was really on: to the pad-off answer, or to
// now while nobody has said it is off.
func (e *Evening) Record(now Moment) history.Session {
	rec := history.Session{
		Start:        e.begun.Truncate(time.Millisecond),
		End:          now.Wall,
		Routine:      e.cfg.Routine.Name,
		Before:       e.before,
		After:        e.after,
		RedFlag:      safety.TierName(e.tier),
		Woke:         e.woke,
		HeatKnown:    true,
		HeatQuestion: e.heatAnswer.Stored(),
		PainStep:     e.painStep,
		Partial:      !e.final,
	}
	if !e.ended.IsZero() {
		rec.End = e.ended
	}
	if e.woke != nil && *e.woke && e.eased != nil {
		nothing := !*e.eased
		rec.WokeNothingEases = &nothing
	}
	rec.StoppedForPain = e.reason == Pain || e.painStep != ""
	if !e.skinAt.IsZero() {
		rec.SkinStop = e.skinAt
	}
	if e.run == nil {
		return rec
	}
	clock := now.Clock
	st := e.run.State(clock)
	rt := e.run.Plan().Routine
	for _, i := range st.Completed {
		rec.Completed = append(rec.Completed, rt.Steps[i].Title)
	}
	for _, i := range st.Skipped {
		rec.Skipped = append(rec.Skipped, rt.Steps[i].Title)
	}
	if h := st.Heat; h.Started {
		rec.HeatStart = e.heatStart
		rec.HeatSeconds = h.Seconds(clock)
		if !h.Ended && !h.Refused {
			// While heat counts down the pad is on until at least its
			// deadline: a crash now leaves it on, and a second process
			// must count the heat whole.
			rec.HeatSeconds = max(rec.HeatSeconds, h.Minutes*60)
		}
		if !h.Refused {
			rec.HeatMinutes = h.Minutes // the minutes set, only when the pad went on
		}
	}
	return rec
}

// save sends the record as it stands to the store; final marks it
// complete. Before the first check there is no session to keep.
func (e *Evening) save(now Moment, final bool, r *Reply) {
	if !e.checked || e.final {
		return
	}
	if final {
		e.final = true
	}
	e.seq++
	rec := e.Record(now)
	rec.Partial = !final
	r.effect(SaveSession{Session: rec, Final: final, Seq: e.seq})
}

// saved takes the store's answer to a save. The newest answer stands: a
// later save that works clears an earlier failure.
func (e *Evening) saved(in Saved, r *Reply) {
	if in.Seq < e.savedSeq {
		return
	}
	e.savedSeq = in.Seq
	if in.Err != nil && e.saveErr == nil {
		r.note(Note{Kind: SaveFailed, Words: in.Err.Error()})
	}
	e.saveErr = in.Err
}

// State is what a front end draws: the evening at now.
type State struct {
	Stage Stage
	Entry Entry
	// Check is this evening's last check (Outcome); CheckAt its time.
	Check night.Check
	// Void is the gate that closed tonight (Void): Void.Void the check
	// with what was reported, Void.VoidUntil when the routine opens again.
	Void night.Gate
	// Since is when the last full check was (Shortcut).
	Since time.Time
	// ShortcutQuestions are the questions the shortcut asks (Shortcut),
	// in order: safety.Shortcut's, without the waking question when it
	// was answered tonight (in another window, mode or earlier session).
	ShortcutQuestions []safety.ShortcutQuestion
	// AskWoke: Before asks the waking question too.
	AskWoke bool
	// AllClear: the check just reported no red flags (Before shows the
	// safety net with it).
	AllClear bool
	// Reasons say what tonight leaves out of the routine, and why.
	Reasons []string
	// HeatLeftOut is why heat is out tonight when the routine had it.
	HeatLeftOut string
	// Gate is what tonight allows now (with failing closed applied).
	Gate night.Gate
	// Run is the run (Running, After), when it has started.
	Run     night.State
	HasRun  bool
	PainAt  string // the step of a stop for pain
	Asking  bool   // "Stop for tonight?" is open
	Silent  bool   // the heat-done reminder's player failed
	Claimed bool   // a claim for the pad is on its way to the store
	// Before and After are the check-ins given.
	Before, After *int
	// AfterLeft is how long the "after" check-in waits before lights out
	// comes by itself.
	AfterLeft time.Duration
	End       End
	// Dark: the night ended in the dark (lights out): nothing lights the
	// screen again.
	Dark bool
	// PadLine: the evening closed with the pad maybe on; the front end
	// says night.LeftWithPadOn as its last word, on every way out.
	PadLine bool
	// SaveErr is why the newest save failed; nil once one works.
	SaveErr error
	// Stored: a session was begun (a check was answered).
	Stored bool
	// Unknown: tonight could not be read (the store failed).
	Unknown bool
	// SkinStop: heat ended for the skin tonight.
	SkinStop bool
}

// State is the evening at now.
func (e *Evening) State(now Moment) State {
	s := State{
		Stage: e.stage, Entry: e.cfg.Entry, Check: e.check, Void: e.void,
		Asking: e.asking, Silent: e.silent, Claimed: e.claiming,
		Before: e.before, After: e.after, End: e.reason, Dark: e.dark, PadLine: e.padLine,
		SaveErr: e.saveErr, Stored: e.checked, Unknown: e.read && e.readErr != nil,
		HeatLeftOut: e.heatLeftOut, PainAt: e.painStep, SkinStop: !e.skinAt.IsZero(),
	}
	switch e.stage {
	case Shortcut:
		s.Since = e.tonight(now.Wall).LastFull.At
		s.ShortcutQuestions = e.shortcutQuestions()
	case Before:
		s.AskWoke = !e.wokeAsked
		s.AllClear = e.check.Tier == safety.None
	case After:
		s.AfterLeft = max(e.afterSince.Add(e.cfg.AfterWait).Sub(now.Wall), 0)
	}
	s.Reasons = e.reasons
	if e.stage != Running && e.stage != After && e.stage != Closed {
		// Not while the run counts down: State is drawn every second.
		g := e.gate(now.Wall)
		s.Gate = g
		s.Reasons = e.reasonsFor(g)
	}
	if e.run != nil {
		s.Run, s.HasRun = e.run.State(now.Clock), true
	}
	return s
}

// Run is the run, for a front end to read (State, Due, Plan, PainStep);
// nil before it starts. Only the evening changes it: a front end sends
// RunCommand.
func (e *Evening) Run() RunView {
	if e.run == nil {
		return nil
	}
	return e.run
}

// RunView is what a front end may read of the run.
type RunView interface {
	State(now time.Duration) night.State
	Due(now time.Duration) (time.Duration, bool)
	Plan() routines.Plan
	PainStep() string
}

// Routine is tonight's routine once decided: adapted to the precautions
// and to tonight's rules; before that, the routine adapted to the
// precautions as they stand.
func (e *Evening) Routine() routines.Routine {
	if e.routine.Name != "" || len(e.routine.Steps) > 0 {
		return e.routine
	}
	return night.Adapt(e.cfg.Routine, night.AdaptationFor(e.Precautions(), e.cfg.Osteoporosis))
}

// Recent is what the store said at the last read (empty when it could not
// be read).
func (e *Evening) Recent() history.Recent { return e.recent }

// HeatUsed is the heat of a record in words, for every summary: the
// minutes the pad was really on (HeatSeconds, to the nearest minute) and,
// when heat ended before its time (the skin stop, a stop for pain, n,
// leaving), the minutes set: "15 minutes", "7 of 15 minutes", "less than a
// minute of 15". It is "" when the pad never went on.
func HeatUsed(rec history.Session) string {
	set := rec.HeatMinutes
	if set <= 0 {
		return ""
	}
	used := (max(rec.HeatSeconds, 0) + 30) / 60
	switch {
	case used >= set:
		return minutes(used)
	case used == 0:
		return "less than a minute of " + strconv.Itoa(set)
	}
	return strconv.Itoa(used) + " of " + minutes(set)
}
