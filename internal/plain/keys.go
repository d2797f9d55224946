package plain

import (
	"strings"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/night"
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
	cmdSkin
)

// keyCommands are the single keys, the same as the full-screen player's.
var keyCommands = map[byte]command{
	'\n': cmdEnter, ' ': cmdPause,
	'n': cmdNext, 'N': cmdNext, 'b': cmdBack, 'B': cmdBack,
	'x': cmdPain, 'X': cmdPain, 'q': cmdQuit, 'Q': cmdQuit,
	'+': cmdMore, '=': cmdMore, '-': cmdLess, '_': cmdLess,
	'?': cmdHelp, 'h': cmdHelp, 's': cmdSkin, 'S': cmdSkin,
}

// lineCommands also take words, for a person typing lines.
var lineCommands = map[string]command{
	"p": cmdPause, "pause": cmdPause, "space": cmdPause, "resume": cmdPause,
	"n": cmdNext, "next": cmdNext, "b": cmdBack, "back": cmdBack,
	"x": cmdPain, "stop": cmdPain, "pain": cmdPain, "q": cmdQuit, "quit": cmdQuit,
	"+": cmdMore, "more": cmdMore, "-": cmdLess, "less": cmdLess,
	"?": cmdHelp, "h": cmdHelp, "help": cmdHelp, "s": cmdSkin, "skin": cmdSkin,
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
	if pl.state().LightsOut && cmd != cmdEnd {
		// Someone is falling asleep: any key ends the night at once.
		pl.do(night.Finish)
		return
	}
	mode := pl.state().Mode
	switch cmd {
	case cmdEnd:
		// Nobody is left to press a key: leave now. With the pad on, the
		// last line says to switch it off.
		pl.s.do(evening.Leave{})
	case cmdEnter:
		switch mode {
		case night.Ready:
			pl.do(night.StartHeat)
		case night.PadOff:
			pl.do(night.PadIsOff)
		case night.Settle:
			pl.do(night.Finish)
		}
	case cmdPause:
		pl.do(night.TogglePause)
		switch now := pl.state().Mode; {
		case mode == night.Running && now == night.Paused:
			pl.s.say("Paused.")
		case mode == night.Paused && now == night.Running:
			pl.s.say("Resumed.")
		}
	case cmdNext:
		pl.do(night.Skip)
	case cmdBack:
		pl.do(night.Back)
	case cmdPain:
		pl.do(night.StopForPain)
	case cmdSkin:
		pl.do(night.SkinStop)
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

// ask asks before leaving. The evening pauses a stretch while the question
// waits; heat does not pause (the pad keeps heating), and its lines and
// reminders go on being said.
func (pl *player) ask() {
	pl.asking = true
	pl.s.do(evening.AskLeave{})
	pl.s.say("Stop for tonight? y or n")
}

// answer takes the answer to "Stop for tonight?".
func (pl *player) answer(ev event) {
	if ev.kind == evEOF {
		pl.s.do(evening.Leave{})
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
		pl.s.do(evening.Leave{})
		return
	}
	pl.s.do(evening.KeepGoing{})
	pl.s.say("Going on.")
}

// changeHeat asks the run for a minute more or less of heat, and says the
// minutes it set.
func (pl *player) changeHeat(c night.Command) {
	was := pl.state().Heat.Minutes
	pl.do(c)
	st := pl.state()
	h := st.Heat
	if h.Minutes == was {
		return
	}
	pl.resetMarks()
	if !h.Started {
		pl.s.sayf("Heat set to %d minutes.", h.Minutes)
		return
	}
	pl.s.sayf("Heat set to %d minutes, %s left.", h.Minutes, speakDuration(st.Left))
}
