package night

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/supine-app/supine/internal/cues"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// The words of a run are decided here, once, so that the screen's status,
// plain mode's lines and a voice say the same thing: a listener hears
// "Switch sides: now your right side.", not a bare kind.

func itoa(n int) string { return strconv.Itoa(n) }

// seconds says a duration the way a voice would: "20 seconds", "1 minute".
func seconds(d time.Duration) string {
	s := routines.ShownSeconds(d)
	switch {
	case s%60 == 0 && s >= 60:
		if s == 60 {
			return "1 minute"
		}
		return itoa(s/60) + " minutes"
	case s == 1:
		return "1 second"
	}
	return itoa(s) + " seconds"
}

// sideWord is "left" or "right".
func sideWord(s routines.Side) string { return s.String() }

// phaseWord capitalises a paced phase's name: "tilt" -> "Tilt".
func phaseWord(name string) string {
	if name == "" {
		return ""
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// enterWords says what segment i asks of the person as it comes on.
func (r *Run) enterWords(i int) string {
	s := r.plan.Segments[i]
	st := r.plan.Routine.Steps[s.Step]
	first := i == 0 || r.plan.Segments[i-1].Step != s.Step
	lead := ""
	if first {
		lead = st.Title + ". "
	}
	switch s.Kind {
	case routines.SegReady:
		return r.readyWords(i)
	case routines.SegHeat:
		return lead + "Switch the pad on, then start the heat."
	case routines.SegSettle:
		return lead + "Settle into your sleep position."
	case routines.SegSwitch:
		return lead + r.switchWords(i)
	case routines.SegRest:
		return lead + "Rest for " + seconds(s.Duration) + "."
	case routines.SegPaced:
		return lead + phaseWord(s.Phase) + "."
	}
	// A hold.
	if s.Side != routines.NoSide {
		return lead + phaseWord(sideWord(s.Side)) + " side. Hold " + seconds(s.Duration) + "."
	}
	if s.Reps > 1 {
		return lead + "Hold " + itoa(s.Rep) + " of " + itoa(s.Reps) + ": " + seconds(s.Duration) + "."
	}
	return lead + "Hold " + seconds(s.Duration) + "."
}

// readyWords is the get-ready of segment i: the step and side, "Get ready:
// knee to chest, left side.", or for a paced step how its rhythm goes.
func (r *Run) readyWords(i int) string {
	s := r.plan.Segments[i]
	st := r.plan.Routine.Steps[s.Step]
	name := lowerFirst(strings.TrimRight(strings.TrimSpace(st.Title), "."))
	w := "Get ready"
	if name != "" {
		w += ": " + name
	}
	if s.Side != routines.NoSide {
		w += ", " + sideWord(s.Side) + " side"
	}
	w += "."
	if st.Kind == routines.KindPaced {
		if rh := rhythmWords(st.Phases); rh != "" {
			w += " " + rh
		}
	}
	return w
}

// rhythmWords says how a paced step goes, from its phases: "Tilt on each
// tone for a slow count of five, then relax until the next tone."
func rhythmWords(phases []routines.PacedPhase) string {
	if len(phases) == 0 {
		return ""
	}
	w := phaseWord(phases[0].Name) + " on each tone for a slow count of " + countWord(routines.ShownSeconds(phases[0].Duration))
	if len(phases) > 1 {
		var rest []string
		for _, ph := range phases[1:] {
			rest = append(rest, strings.ToLower(ph.Name))
		}
		w += ", then " + strings.Join(rest, ", then ") + " until the next tone"
	}
	return w + "."
}

// countWord says a small count as a word, "five"; larger ones as digits.
func countWord(n int) string {
	small := [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	if n >= 0 && n < len(small) {
		return small[n]
	}
	return itoa(n)
}

// lowerFirst lower-cases the first letter of a title, "Knee to chest" ->
// "knee to chest", but leaves an acronym ("TV stretch") as it is.
func lowerFirst(t string) string {
	r1, n := utf8.DecodeRuneInString(t)
	if r1 == utf8.RuneError {
		return t
	}
	if r2, _ := utf8.DecodeRuneInString(t[n:]); unicode.IsUpper(r2) {
		return t
	}
	return string(unicode.ToLower(r1)) + t[n:]
}

// holdWords is the cue at the start of a hold: "Hold 20 seconds.", or
// "Hold 2 of 3: 20 seconds." for the reps of a hold that is not per side.
func holdWords(s routines.Segment) string {
	if s.Side == routines.NoSide && s.Reps > 1 {
		return "Hold " + itoa(s.Rep) + " of " + itoa(s.Reps) + ": " + seconds(s.Duration) + "."
	}
	return "Hold " + seconds(s.Duration) + "."
}

// switchWords names the side that comes next.
func (r *Run) switchWords(i int) string {
	if i+1 < len(r.plan.Segments) {
		if n := r.plan.Segments[i+1]; n.Step == r.plan.Segments[i].Step && n.Side != routines.NoSide {
			return "Switch sides: now your " + sideWord(n.Side) + " side."
		}
	}
	return "Switch sides."
}

// cueWords is what the cue of kind k says on arriving at segment i.
func (r *Run) cueWords(k cues.Kind, i int) string {
	s := r.plan.Segments[i]
	switch k {
	case cues.NextStep:
		return r.enterWords(i)
	case cues.Phase:
		switch s.Kind {
		case routines.SegPaced:
			return phaseWord(s.Phase)
		case routines.SegHold:
			return holdWords(s)
		case routines.SegRest:
			return "Rest."
		}
	case cues.SwitchSides:
		if s.Kind == routines.SegSwitch {
			return r.switchWords(i)
		}
		return "Switch sides: now your " + sideWord(s.Side) + " side. Hold " + seconds(s.Duration) + "."
	case cues.Done:
		return "Stretches done. Settle into your sleep position."
	case cues.HeatDone:
		return r.padOffWords()
	}
	return r.enterWords(i)
}

// padOffWords is the line of the pad-off gate; it repeats until the pad is
// off.
func (r *Run) padOffWords() string { return PadOffLine(r.after.why) }

// What the pad-off gate says first when heat did not simply run out.
const (
	padOffForPain = "Switch the pad off now, take it out of the bed and look at your skin."
	padOffEarly   = "Heat ended early. Switch the pad off now and take it out of the bed."
	padOffSkin    = "Switch the pad off now and take it out of the bed, then look at your skin."
	padOffRefused = "No heat now: heat has run too recently, or tonight could not be read. If you switched the pad on, switch it off and take it out of the bed."
)

// PadOffLine is what the pad-off gate says for why the pad must come off.
func PadOffLine(why PadReason) string {
	switch why {
	case PadPain:
		return padOffForPain
	case PadEarly:
		return padOffEarly
	case PadSkin:
		return padOffSkin
	case PadRefused:
		return padOffRefused
	case PadLeft:
		return LeftWithPadOn
	}
	return safety.HeatDoneCue()
}

// PadOffWords is what the pad-off gate said as it came (PadOff mode), so
// that a screen showing the gate says what the voice said: after a stop
// for pain or a skin stop the skin comes first.
func (s State) PadOffWords() string { return PadOffLine(s.Pad) }

// PainStep names the step, with its side, during which the person stopped
// for pain: "Knee to chest (left)"; "" when they did not. History and the
// next night's gate read it, so every front end must name it alike.
func (r *Run) PainStep() string {
	if r.painAt < 0 || r.painAt >= len(r.plan.Segments) {
		return ""
	}
	seg := r.plan.Segments[r.painAt]
	name := r.plan.Routine.Steps[seg.Step].Title
	if seg.Side != routines.NoSide {
		name += " (" + sideWord(seg.Side) + ")"
	}
	return name
}
