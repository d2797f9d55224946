package plain

import (
	"slices"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/say"
)

// maxWait caps one wait. Go's timers stop while the machine sleeps but the
// routine's clock does not (the pad keeps heating), so after a suspend a
// long timer would wake late; waking at least this often keeps every line
// within a few seconds of its moment at a cost of one wake-up per wait.
const maxWait = 5 * time.Second

// player is plain mode's front end of a night.Run: it waits for the next
// key or the run's next moment, hands keys to the run as commands and says
// what the run reports. What is allowed, when heat ends and when the
// pad-off reminder sounds are the run's to decide, never the player's.
type player struct {
	s   *session
	res *Result
	run *night.Run
	// marks are the time-left moments of the segment on show still to be
	// said, largest first: a rendering of State.Left.
	marks []time.Duration
	// asking: "Stop for tonight?" waits for y or n; the run goes on
	// meanwhile (the heat clock never waits). pausedToAsk: the question
	// paused a stretch, to resume on no.
	asking, pausedToAsk bool
	// guarded: the sleep guard is held (the pad went on, not yet off).
	guarded  bool
	pictured pictured // the pictures said this step (picture.go)
}

func newPlayer(s *session, p routines.Plan, res *Result) *player {
	pl := &player{s: s, res: res}
	var ev []night.Event
	pl.run, ev = night.New(p, s.clock.Now())
	if !pl.run.State(s.clock.Now()).Empty() {
		s.say(introLine(p, len(p.Steps())))
		s.say(keysLine(s.o.Keys))
	}
	pl.show(ev)
	return pl
}

// play runs the plan to its end, or until the person leaves.
func (pl *player) play() (reason string, err error) {
	if pl.run.State(pl.s.clock.Now()).Empty() {
		if len(pl.run.Plan().Routine.Steps) > 0 {
			pl.s.say("Nothing of this routine is left for tonight.")
		} else {
			pl.s.say("This routine has no steps.")
		}
		pl.fill()
		return Finished, nil
	}
	pl.save()
	for pl.catchUp() {
		now := pl.s.clock.Now()
		wait := time.Duration(-1) // nothing timed: wait for a key
		if at, ok := pl.run.Due(now); ok {
			wait = min(max(at-now, time.Millisecond), maxWait)
		}
		ev, got, werr := pl.s.next(wait)
		switch {
		case werr != nil:
			// Ctrl+C, ctx done, the output gone: leave now.
			err = werr
			pl.do(night.Leave)
		case got && pl.catchUp():
			// What came due while waiting is said before the key's answer.
			pl.handle(ev)
		}
	}
	pl.fill()
	pl.releaseGuard()
	return pl.reason(), err
}

// catchUp moves the run on to now and says what came due. It reports
// whether the run goes on.
func (pl *player) catchUp() bool {
	if pl.run.Mode() == night.Ended {
		return false
	}
	pl.show(pl.run.Tick(pl.s.clock.Now()))
	pl.announceMarks()
	return pl.run.Mode() != night.Ended
}

// do carries out a command now and says what came of it.
func (pl *player) do(c night.Command) {
	pl.show(pl.run.Do(c, pl.s.clock.Now()))
}

// show says the run's events as lines, and saves when a step ended.
func (pl *player) show(evs []night.Event) {
	cued := map[int]bool{} // segments whose cue says what they are
	for _, ev := range evs {
		if ev.Kind == night.Cue && ev.Words != "" {
			cued[ev.Seg] = true
		}
	}
	for _, ev := range evs {
		if ev.Kind == night.Cue {
			// The tone before the words, as in the full-screen app.
			pl.s.tone(ev)
		}
		switch ev.Kind {
		case night.Entered:
			pl.entered(ev.Seg, cued[ev.Seg])
		case night.HeatStarted:
			pl.s.say(ev.Words)
			pl.resetMarks()
		case night.Cue:
			// Every cue's words are said (and spoken, with a voice), the
			// get-ready and lights out by a key included. Leaving with the
			// pad on is said last of all, after the summary (see
			// session.run).
			if ev.Words == "" || ev.Words == night.LeftWithPadOn || (ev.Cue == cues.HeatDone && pl.run.Mode() == night.Ended) {
				continue
			}
			if ev.Cue == cues.HeatDone {
				pl.s.say(padOffLine(ev.Words))
				pl.marks = nil
			} else {
				pl.s.say(ev.Words)
			}
			pl.speak(ev)
		case night.Refused:
			pl.s.say(ev.Words)
		case night.StepEnded:
			pl.save()
		}
	}
	if pl.run.State(pl.s.clock.Now()).KeepAwake() {
		pl.holdGuard()
	} else {
		pl.releaseGuard()
	}
}

// holdGuard keeps the machine awake while the pad is on, and says so when
// it cannot. It waits the moment the guard takes to start: the heat's
// clock runs on meanwhile, and keys typed then are read after.
func (pl *player) holdGuard() {
	g := pl.s.o.Guard
	if g == nil || pl.guarded {
		return
	}
	pl.guarded = true
	if err := g.Hold(night.AwakeReason); err != nil {
		pl.s.say(say.Sentence("", err))
	}
}

// releaseGuard lets the machine sleep again: the pad is off, or the run
// is over.
func (pl *player) releaseGuard() {
	if g := pl.s.o.Guard; g != nil && pl.guarded {
		g.Release()
	}
	pl.guarded = false
}

// speak says a cue's words with the voice, if there is one; after the
// lights-out line it goes quiet (once the line has had time to be said).
func (pl *player) speak(ev night.Event) {
	v := pl.s.o.Voice
	if v == nil {
		return
	}
	v.Say(ev.Cue, ev.Words)
	if ev.Words == night.LightsOutWords {
		time.AfterFunc(lightsOutLine, v.Quiet)
	}
}

// lightsOutLine is how long the lights-out line is given before the voice
// is quiet for good.
const lightsOutLine = 10 * time.Second

// entered says the lines of segment i as it comes on. Within a step, a
// hold or a switch whose cue comes with it is said by the cue's words
// alone, so the line and the voice say it once; a paced rep keeps its line
// ("Tilt, rep 2 of 10."), which counts the reps for a screen reader.
func (pl *player) entered(i int, cued bool) {
	p := pl.run.Plan()
	seg := p.Segments[i]
	if seg.Kind == routines.SegHeat && pl.run.Heat().Started {
		return // heat runs once a night: the run passes over it
	}
	defer pl.picture(i) // after the segment's lines: what its picture shows
	if cued && i > 0 && p.Segments[i-1].Step == seg.Step && (seg.Kind == routines.SegHold || seg.Kind == routines.SegSwitch) {
		pl.resetMarks()
		return
	}
	steps := p.Steps()
	pos := slices.Index(steps, seg.Step) + 1
	for _, l := range segmentLines(p, i, pos, len(steps), pl.s.o.Setup, pl.s.sounds()) {
		pl.s.say(l)
	}
	pl.resetMarks()
}

// resetMarks lists the time-left lines still to come on the segment on
// show.
func (pl *player) resetMarks() {
	st := pl.run.State(pl.s.clock.Now())
	pl.marks = nil
	if st.Seg >= 0 {
		pl.marks = marksFor(st.Segment, st.Left)
	}
}

// announceMarks says the latest time-left line that has come. After a
// suspend several may have come at once; only the last one is still true.
func (pl *player) announceMarks() {
	st := pl.run.State(pl.s.clock.Now())
	if st.Mode != night.Running {
		return
	}
	crossed := time.Duration(-1)
	for len(pl.marks) > 0 && pl.marks[0] >= st.Left {
		crossed, pl.marks = pl.marks[0], pl.marks[1:]
	}
	if crossed >= 0 {
		pl.s.say(markLine(st.Segment, crossed))
	}
}

// padOn reports whether the pad may still be on: it went on and nobody
// said it is off.
func (pl *player) padOn() bool { return pl.run != nil && pl.run.Heat().On() }

// reason is why the run ended, as Result.Reason. A stop for pain counts
// as one even when the person left before saying the pad is off.
func (pl *player) reason() string {
	st := pl.run.State(pl.s.clock.Now())
	switch {
	case st.PainAt >= 0:
		return Pain
	case st.Reason == night.Finished:
		return Finished
	}
	return Quit
}

// fill copies the run's progress into the result.
func (pl *player) fill() {
	now := pl.s.clock.Now()
	st := pl.run.State(now)
	pl.res.Completed, pl.res.Skipped = pl.s.stepIndexes(st.Completed), pl.s.stepIndexes(st.Skipped)
	pl.res.HeatMins = st.Heat.Minutes // 0 when the plan has no heat
	if h := st.Heat; h.Started {
		pl.res.HeatStart = pl.s.now().Add(h.StartedAt - now)
		pl.res.HeatSeconds = h.Seconds(now)
	}
	pl.res.PainStep = pl.run.PainStep()
}

// save stores the session as it stands, partial.
func (pl *player) save() {
	pl.fill()
	pl.res.Reason = Quit
	if pl.run.Mode() == night.Ended {
		pl.res.Reason = pl.reason()
	}
	pl.s.save(pl.res, false)
}
