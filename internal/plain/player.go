package plain

import (
	"slices"
	"time"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/say"
)

// maxWait caps one wait. Go's timers stop while the machine sleeps but the
// routine's clock does not (the pad keeps heating), so after a suspend a
// long timer would wake late; waking at least this often keeps every line
// within a few seconds of its moment at a cost of one wake-up per wait.
const maxWait = 5 * time.Second

// player is plain mode's front end of the evening's run: it waits for the
// next key or the run's next moment, hands keys to the evening as run
// commands and says what the run reports. What is allowed, when heat ends
// and when the pad-off reminder sounds are the run's to decide (and the
// pad going on the store's), never the player's.
type player struct {
	s *session
	// marks are the time-left moments of the segment on show still to be
	// said, largest first: a rendering of State.Left.
	marks []time.Duration
	// asking: "Stop for tonight?" waits for y or n; the evening pauses a
	// stretch meanwhile (the heat clock never waits).
	asking bool
	// guarded: the sleep guard is held (the pad went on, not yet off).
	guarded  bool
	pictured pictured // the pictures said this step (picture.go)
}

// run is the evening's run, read only.
func (pl *player) run() evening.RunView { return pl.s.ev.Run() }

func (pl *player) state() night.State { return pl.run().State(pl.s.clock.Now()) }

// playRun plays the run until the evening leaves it: the run's first lines
// (its events came with the reply that started it, before the player was
// there, so they are said again here from its state), then keys and
// ticks until the stage changes.
func (s *session) playRun() error {
	pl := &player{s: s}
	s.pl = pl
	defer func() { s.pl = nil }()
	p := pl.run().Plan()
	st := pl.state()
	if st.Empty() {
		if len(p.Routine.Steps) > 0 {
			s.say("Nothing of this routine is left for tonight.")
		} else {
			s.say("This routine has no steps.")
		}
	} else if !s.introduced {
		s.introduced = true
		for _, l := range s.ev.Adaptation().Reasons {
			s.say(l)
		}
		for _, l := range s.state().Reasons {
			s.say(l)
		}
		s.say(introLine(p, len(p.Steps())))
		s.say(keysLine(s.o.Keys))
	}
	// The run's first events came with the reply that started it, before
	// the player was there: they are said now, as they would have been.
	first := s.early
	s.early = nil
	pl.show(first)
	for s.state().Stage == evening.Running {
		wait := time.Duration(-1) // nothing timed: wait for a key
		if d, ok := s.ev.Due(s.moment()); ok {
			wait = min(max(d, time.Millisecond), maxWait)
		}
		ev, got, err := s.next(wait)
		if err != nil {
			// Ctrl+C, ctx done, the output gone: finish leaves the evening
			// and says the pad line last.
			return err
		}
		s.do(evening.Tick{})
		pl.announceMarks()
		if got && s.state().Stage == evening.Running {
			// What came due while waiting is said before the key's answer.
			pl.handle(ev)
		}
	}
	pl.releaseGuard()
	return nil
}

// do hands a command to the evening's run and says what came of it.
func (pl *player) do(c night.Command) {
	pl.s.do(evening.RunCommand{Command: c})
}

// show says the run's events as lines.
func (pl *player) show(evs []night.Event) {
	cued := map[int]bool{} // segments whose cue says what they are
	for _, ev := range evs {
		if ev.Kind == night.Cue && ev.Words != "" {
			cued[ev.Seg] = true
		}
	}
	ended := pl.state().Mode == night.Ended
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
			// pad on is said last of all (see session.finish).
			if ev.Words == "" || ev.Pad == night.PadLeft || (ev.Cue == cues.HeatDone && ended) {
				continue
			}
			if ev.Cue == cues.HeatDone {
				pl.s.say(padOffLine(ev.Words))
				if ev.Reminder && pl.s.state().Silent {
					pl.s.say("The reminder's sound failed, so it may not be heard: set another alarm if you may fall asleep.")
				}
				pl.marks = nil
			} else {
				pl.s.say(ev.Words)
			}
			pl.speak(ev)
		case night.Refused:
			pl.s.say(ev.Words)
		}
	}
	if pl.state().KeepAwake() {
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
	if ev.Cue == cues.Done && ev.Words == night.LightsOutWords {
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
	p := pl.run().Plan()
	seg := p.Segments[i]
	if seg.Kind == routines.SegHeat && pl.state().Heat.Started {
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
	st := pl.state()
	pl.marks = nil
	if st.Seg >= 0 {
		pl.marks = marksFor(st.Segment, st.Left)
	}
}

// announceMarks says the latest time-left line that has come. After a
// suspend several may have come at once; only the last one is still true.
func (pl *player) announceMarks() {
	st := pl.state()
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
