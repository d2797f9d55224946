package plain

import (
	"strings"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
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

// handle turns one key or line into the run's command.
func (pl *player) handle(ev event) {
	cmd := commandOf(ev)
	if pl.asking {
		pl.answer(ev)
		return
	}
	switch cmd {
	case cmdEnd:
		// Nobody is left to press a key: leave now. With the pad on, the
		// last line says to switch it off.
		pl.do(night.Leave)
	case cmdEnter:
		switch pl.run.Mode() {
		case night.Ready:
			pl.do(night.StartHeat)
		case night.PadOff:
			pl.do(night.PadIsOff)
		case night.Settle:
			pl.do(night.Finish)
		}
	case cmdPause:
		was := pl.run.Mode()
		pl.do(night.TogglePause)
		switch now := pl.run.Mode(); {
		case was == night.Running && now == night.Paused:
			pl.s.say("Paused.")
		case was == night.Paused && now == night.Running:
			pl.s.say("Resumed.")
		}
	case cmdNext:
		pl.do(night.Skip)
	case cmdBack:
		pl.do(night.Back)
	case cmdPain:
		pl.do(night.StopForPain)
	case cmdQuit:
		pl.ask()
	case cmdMore:
		pl.changeHeat(night.HeatMore)
	case cmdLess:
		pl.changeHeat(night.HeatLess)
	case cmdHelp:
		pl.s.say(keysLine(pl.s.o.Keys))
	default:
		if ev.kind == evLine {
			// A typed line that means nothing: say what does.
			pl.s.say(keysLine(pl.s.o.Keys))
		}
	}
}

// ask asks before leaving. A stretch stands still while the question
// waits; heat does not (the pad keeps heating), and its lines and
// reminders go on being said.
func (pl *player) ask() {
	pl.asking = true
	if st := pl.run.State(pl.s.clock.Now()); st.Mode == night.Running && st.Segment.Kind != routines.SegHeat {
		pl.do(night.TogglePause)
		pl.pausedToAsk = pl.run.Mode() == night.Paused
	}
	pl.s.say("Stop for tonight? y or n")
}

// answer takes the answer to "Stop for tonight?".
func (pl *player) answer(ev event) {
	if ev.kind == evEOF {
		pl.do(night.Leave)
		return
	}
	yes, ok := yesOrNo(ev)
	switch {
	case !ok:
		if ev.kind == evLine {
			pl.s.say("Please type y or n.")
		}
		return
	case ev.kind == evKey:
		pl.s.out.put(string(ev.key) + "\n")
	}
	pl.asking = false
	if yes {
		pl.do(night.Leave)
		return
	}
	if pl.pausedToAsk && pl.run.Mode() == night.Paused {
		pl.do(night.TogglePause)
	}
	pl.pausedToAsk = false
	pl.s.say("Going on.")
}

// changeHeat asks the run for a minute more or less of heat, and says the
// minutes it set.
func (pl *player) changeHeat(c night.Command) {
	was := pl.run.Heat().Minutes
	pl.do(c)
	h := pl.run.Heat()
	if h.Minutes == was {
		return
	}
	pl.resetMarks()
	if !h.Started {
		pl.s.sayf("Heat set to %d minutes.", h.Minutes)
		return
	}
	pl.s.sayf("Heat set to %d minutes, %s left.", h.Minutes, speakDuration(pl.run.State(pl.s.clock.Now()).Left))
}
