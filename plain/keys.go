package plain

import (
	"strings"
	"time"

	"github.com/supine-app/supine/routines"
	"github.com/supine-app/supine/safety"
)

// command is what a key or a line asks the player to do.
type command int

const (
	cmdUnknown command = iota
	cmdEnd             // the input ended
	cmdEnter
	cmdPause
	cmdNext
	cmdBack
	cmdPain
	cmdQuit
	cmdMore
	cmdLess
	cmdHelp
)

// keyCommands are the single keys, the same as the full-screen player's.
var keyCommands = map[byte]command{
	'\n': cmdEnter, ' ': cmdPause,
	'n': cmdNext, 'N': cmdNext, 'b': cmdBack, 'B': cmdBack,
	'x': cmdPain, 'X': cmdPain, 'q': cmdQuit, 'Q': cmdQuit,
	'+': cmdMore, '=': cmdMore, '-': cmdLess, '_': cmdLess,
	'?': cmdHelp, 'h': cmdHelp,
}

// lineCommands also take words, for a person typing lines.
var lineCommands = map[string]command{
	"p": cmdPause, "pause": cmdPause, "space": cmdPause, "resume": cmdPause,
	"n": cmdNext, "next": cmdNext, "b": cmdBack, "back": cmdBack,
	"x": cmdPain, "stop": cmdPain, "pain": cmdPain, "q": cmdQuit, "quit": cmdQuit,
	"+": cmdMore, "more": cmdMore, "-": cmdLess, "less": cmdLess,
	"?": cmdHelp, "h": cmdHelp, "help": cmdHelp,
}

func commandOf(ev event) command {
	switch ev.kind {
	case evEOF:
		return cmdEnd
	case evKey:
		return keyCommands[ev.key]
	case evLine:
		word := strings.ToLower(strings.TrimSpace(ev.line))
		if word == "" {
			if strings.Contains(ev.line, " ") {
				return cmdPause // a line of spaces: the space key, typed as a line
			}
			return cmdEnter
		}
		return lineCommands[word]
	}
	return cmdUnknown
}

// handle acts on one key or line. end is true when the routine stops here.
func (pl *player) handle(ev event) (reason string, end bool, err error) {
	now := pl.s.clock.Now()
	switch cmd := commandOf(ev); cmd {
	case cmdEnd:
		// due() carries on without input.
	case cmdEnter:
		switch pl.hold {
		case padOff:
			pl.padIsOff(now)
		case settling:
			pl.finishStep()
			pl.done = true
		}
	case cmdPause:
		if pl.hold != running {
			break
		}
		if pl.cd.Paused() {
			pl.cd = pl.cd.Resume(now)
			pl.s.say("Resumed.")
		} else {
			pl.cd = pl.cd.Pause(now)
			pl.s.say("Paused.")
		}
	case cmdNext:
		pl.skip(now)
	case cmdBack:
		pl.back(now)
	case cmdPain:
		pl.padWarning()
		a := safety.PainStop()
		pl.s.say(a.Headline)
		for _, l := range a.Lines {
			pl.s.say(l)
		}
		return Pain, true, nil
	case cmdQuit:
		return pl.askQuit(now)
	case cmdMore:
		pl.changeHeat(now, 1)
	case cmdLess:
		pl.changeHeat(now, -1)
	case cmdHelp:
		pl.s.say(keysLine(pl.s.o.Keys))
	default:
		if ev.kind == evLine {
			// A typed line that means nothing: say what does.
			pl.s.say(keysLine(pl.s.o.Keys))
		}
	}
	return "", false, nil
}

// skip leaves the current step for the next one. Leaving heat early still
// asks for the pad to be switched off first.
func (pl *player) skip(now time.Duration) {
	switch pl.hold {
	case padOff:
		return // only Enter says the pad is off
	case settling:
		pl.finishStep()
		pl.done = true
		return
	}
	step := pl.plan.Segments[pl.seg].Step
	if !pl.status[step] {
		pl.status[step] = false
	}
	_, last := pl.plan.StepRange(step)
	next := last + 1
	if pl.heatRunning() {
		pl.waitForPad(now, next)
		return
	}
	if next >= len(pl.plan.Segments) {
		pl.done = true
		return
	}
	pl.start(next, routines.StartCountdown(now, pl.plan.Segments[next].Duration))
}

// back starts the previous step again, or the current one when it is the
// first. Heat never starts a second time: 15 to 20 minutes is the limit
// for a night, so going back to it restarts the step after it instead.
func (pl *player) back(now time.Duration) {
	if pl.hold == padOff {
		return
	}
	cur := pl.plan.Segments[pl.seg].Step
	target := cur
	if pos := pl.position(cur); pos > 1 {
		target = pl.steps[pos-2]
	}
	if pl.plan.Routine.Steps[target].Kind == routines.KindHeat {
		if target == cur {
			pl.s.say("Heat does not start again: 15 to 20 minutes is the limit for a night.")
			return
		}
		target = cur
	}
	first, _ := pl.plan.StepRange(target)
	pl.start(first, routines.StartCountdown(now, pl.plan.Segments[first].Duration))
}

// askQuit asks before leaving mid-routine. The countdown stands still while
// the question waits.
func (pl *player) askQuit(now time.Duration) (string, bool, error) {
	wasPaused := pl.cd.Paused()
	pl.cd = pl.cd.Pause(now)
	yes, err := pl.s.yesNo("Stop for tonight? y or n")
	if err != nil {
		pl.padWarning()
		return Quit, true, err
	}
	if yes {
		pl.padWarning()
		return Quit, true, nil
	}
	if !wasPaused {
		pl.cd = pl.cd.Resume(pl.s.clock.Now())
	}
	if pl.hold == running {
		pl.s.say("Going on.")
	}
	return "", false, nil
}

// changeHeat moves tonight's heat by delta minutes while it runs, within
// 15 to 20.
func (pl *player) changeHeat(now time.Duration, delta int) {
	if !pl.heatRunning() {
		return
	}
	was := pl.plan.HeatMinutes()
	want := routines.ClampHeatMinutes(was + delta)
	if want == was {
		pl.s.sayf("Heat stays at %d minutes: it can be %d to %d.", was, routines.MinHeatMinutes, routines.MaxHeatMinutes)
		return
	}
	pl.plan = pl.plan.WithHeatMinutes(want)
	pl.cd = pl.cd.Add(now, time.Duration(want-was)*time.Minute)
	left := pl.cd.Left(now)
	pl.marks = marksFor(pl.plan.Segments[pl.seg], left)
	pl.s.sayf("Heat set to %d minutes, %s left.", want, speakDuration(left))
}
