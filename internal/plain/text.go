package plain

import (
	"fmt"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

// holdMarks are the time-left lines of a hold: enough to know where you
// are with the eyes closed, few enough not to talk over the stretch.
var holdMarks = []time.Duration{10 * time.Second, 3 * time.Second}

// marksFor lists the time-left moments of seg still to come when left is
// left, largest first: 10 and 3 seconds on a hold, every whole minute on
// heat, none on short segments (switch, rest, paced phases).
func marksFor(seg routines.Segment, left time.Duration) []time.Duration {
	var all []time.Duration
	switch seg.Kind {
	case routines.SegHold:
		all = holdMarks
	case routines.SegHeat:
		for m := int(seg.Duration/time.Minute) - 1; m >= 1; m-- {
			all = append(all, time.Duration(m)*time.Minute)
		}
	}
	var out []time.Duration
	for _, m := range all {
		if m < left {
			out = append(out, m)
		}
	}
	return out
}

// markLine is the line said when mark is what is left of seg.
func markLine(seg routines.Segment, mark time.Duration) string {
	if seg.Kind == routines.SegHeat {
		return speakDuration(mark) + " of heat left."
	}
	return speakDuration(mark) + " left."
}

// padOffLine is a pad-off line of the run (the end of heat, heat left
// early, a stop for pain) with what to press.
func padOffLine(words string) string {
	return words + " Press enter when it is off."
}

// heatLines are said on the heat step after its safety lines: how the
// reminder to switch the pad off will reach the person (a line of text
// alone says so plainly: silent cues must never pass for a reminder), and
// that the pad goes on before the countdown starts.
func heatLines(sounds bool) []string {
	reminder := "The reminder to switch the pad off is a line of text here, with no sound: if you may fall asleep, use a pad that switches itself off, or set another alarm."
	if sounds {
		reminder = "The end of the heat sounds, and the reminder to switch the pad off repeats until you say it is off. If you may fall asleep, use a pad that switches itself off as well."
	}
	return []string{reminder, "Switch the pad on, then press enter to start the heat."}
}

func introLine(p routines.Plan, steps int) string {
	name := p.Routine.Title
	if name == "" {
		name = p.Routine.Name
	}
	if p.Total == 0 {
		return fmt.Sprintf("%s: %s.", name, plural(steps, "step"))
	}
	return fmt.Sprintf("%s: %s, %s.", name, plural(steps, "step"), speakAbout(p.Total))
}

// keysLine names the run's keys; the skin stop only on a night with heat,
// where it has something to stop.
func keysLine(keys, heat bool) string {
	line := "Keys: space pauses, n next step, b back, x stop for pain, q quit."
	if heat {
		line = "Keys: space pauses, n next step, b back, x stop for pain, s skin stop while the pad is on, q quit."
	}
	if !keys {
		line += " Type the key, then press enter."
	}
	return line
}

// segmentLines is what is said when segment i begins: the step's heading,
// what to do and when to stop on its first segment, one short line on the
// others. pos of n is the step's place in the plan; sounds: the cues make
// a sound (see heatLines).
func segmentLines(p routines.Plan, i, pos, n int, setup guide.Setup, sounds bool) []string {
	seg := p.Segments[i]
	st := p.Step(i)
	first := i == 0 || p.Segments[i-1].Step != seg.Step
	if !first {
		switch seg.Kind {
		case routines.SegSwitch:
			return []string{switchLine(p, i)}
		case routines.SegHold:
			return []string{holdLine(seg)}
		case routines.SegRest:
			return []string{"Rest " + speakDuration(seg.Duration) + "."}
		}
		return []string{phaseLine(st, seg)}
	}
	head := fmt.Sprintf("Step %d of %d. %s", pos, n, strings.TrimSuffix(st.Title, "."))
	var lines []string
	switch seg.Kind {
	case routines.SegHeat:
		lines = append(lines, head+". "+speakDuration(seg.Duration)+".")
		lines = append(lines, safety.HeatSafety()...)
	case routines.SegSettle, routines.SegReady:
		// A get-ready's own words ("Get ready: ...") come with its cue.
		lines = append(lines, head+".")
	case routines.SegHold:
		lines = append(lines, head+sidePart(seg)+". Hold "+speakDuration(seg.Duration)+".")
	case routines.SegRest:
		lines = append(lines, head+". Rest "+speakDuration(seg.Duration)+".")
	default:
		lines = append(lines, head+". "+pacedPart(st)+".")
	}
	lines = append(lines, st.Cues...)
	for _, s := range st.StopIf {
		if st.StopsForSkin() {
			// The heat step's stop is the skin stop: s (keys.go).
			lines = append(lines, "Skin stop: press s if "+strings.TrimSuffix(strings.TrimSpace(s), ".")+".")
			continue
		}
		lines = append(lines, stopIfLine(s))
	}
	switch {
	case seg.Kind == routines.SegHeat:
		lines = append(lines, fmt.Sprintf("Press + or - to change the minutes, from %d to %d.", routines.MinHeatMinutes, routines.MaxHeatMinutes))
		lines = append(lines, heatLines(sounds)...)
	case seg.Kind == routines.SegSettle:
		lines = append(lines, setupLines(setup)...)
		if !p.Options.LightsOutAtOnce || seg.Duration <= 0 {
			// Lights out at once needs no key: its cue says it.
			lines = append(lines, "Press enter when you are settled.")
		}
	case st.Kind == routines.KindPaced && seg.Kind != routines.SegReady:
		lines = append(lines, phaseLine(st, seg))
	}
	return lines
}

// sidePart is ", left side, 1 of 3" for a hold's heading.
func sidePart(seg routines.Segment) string {
	var parts []string
	if seg.Side != routines.NoSide {
		parts = append(parts, seg.Side.String()+" side")
	}
	if seg.Reps > 1 {
		parts = append(parts, fmt.Sprintf("%d of %d", seg.Rep, seg.Reps))
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

// holdLine is a hold after the first of its step: "Right side, 1 of 3.
// Hold 20 seconds."
func holdLine(seg routines.Segment) string {
	switch {
	case seg.Side != routines.NoSide:
		return capitalize(strings.TrimPrefix(sidePart(seg), ", ")) + ". Hold " + speakDuration(seg.Duration) + "."
	case seg.Reps > 1:
		return fmt.Sprintf("Rep %d of %d. Hold %s.", seg.Rep, seg.Reps, speakDuration(seg.Duration))
	}
	return "Hold " + speakDuration(seg.Duration) + "."
}

// switchLine names the side to switch to when the plan says it.
func switchLine(p routines.Plan, i int) string {
	line := "Switch sides."
	if i+1 < len(p.Segments) && p.Segments[i+1].Side != routines.NoSide {
		line = "Switch to your " + p.Segments[i+1].Side.String() + " side."
	}
	return line + " " + capitalize(speakDuration(p.Segments[i].Duration)) + "."
}

// pacedPart describes a paced step's rhythm: "10 reps: tilt 5 seconds,
// relax 5 seconds".
func pacedPart(st routines.Step) string {
	var beats []string
	for _, ph := range st.Phases {
		beats = append(beats, ph.Name+" "+speakDuration(ph.Duration))
	}
	return plural(max(st.Reps, 1), "rep") + ": " + strings.Join(beats, ", ")
}

// phaseLine is one beat of a paced step: "Tilt, rep 4 of 10." on the first
// phase of a rep, "Relax." on the others, with the phase's own cue on the
// first rep only, so the rhythm stays short to hear.
func phaseLine(st routines.Step, seg routines.Segment) string {
	line := capitalize(seg.Phase)
	var cue string
	for j, ph := range st.Phases {
		if ph.Name != seg.Phase {
			continue
		}
		if j == 0 && seg.Reps > 1 {
			line += fmt.Sprintf(", rep %d of %d", seg.Rep, seg.Reps)
		}
		if seg.Rep <= 1 {
			cue = ph.Cue
		}
		break
	}
	line += "."
	if cue != "" {
		line += " " + cue
	}
	return line
}

// stopIfLine turns a routine file's "stop if" item into a sentence.
func stopIfLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(strings.ToLower(s), "stop") {
		s = "Stop if " + s
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// setupLines reads out the pillow set-up.
func setupLines(s guide.Setup) []string {
	if s.Title == "" {
		return nil
	}
	lines := []string{"Sleeping " + strings.ToLower(s.Title[:1]) + s.Title[1:] + ":"}
	for _, l := range append([]string{s.Head, s.Body}, s.Extra...) {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// summary is the closing line: what was done, the heat used, and the
// check-ins, from the record the evening keeps.
func summary(rec history.Session, steps int, end evening.End) string {
	var b strings.Builder
	switch end {
	case evening.Finished:
		b.WriteString("Routine done: ")
	default:
		b.WriteString("Stopped for tonight: ")
	}
	fmt.Fprintf(&b, "%d of %s done", len(rec.Completed), plural(steps, "step"))
	if n := len(rec.Skipped); n > 0 {
		fmt.Fprintf(&b, ", %d skipped", n)
	}
	b.WriteString(".")
	if heat := evening.HeatUsed(rec); heat != "" {
		b.WriteString(" Heat: " + heat + ".")
	}
	switch {
	case rec.Before != nil && rec.After != nil:
		fmt.Fprintf(&b, " Tightness %d before, %d after.", *rec.Before, *rec.After)
	case rec.Before != nil:
		fmt.Fprintf(&b, " Tightness %d before.", *rec.Before)
	}
	return b.String()
}

// speakDuration says a duration as a person would: "20 seconds",
// "1 minute", "2 minutes and 30 seconds". Seconds round up, as the
// countdown shows them.
func speakDuration(d time.Duration) string {
	s := routines.ShownSeconds(d)
	m, sec := s/60, s%60
	switch {
	case m == 0:
		return plural(sec, "second")
	case sec == 0:
		return plural(m, "minute")
	}
	return plural(m, "minute") + " and " + plural(sec, "second")
}

// speakAbout says a routine's length roughly: "about 24 minutes".
func speakAbout(d time.Duration) string {
	if d < 90*time.Second {
		return speakDuration(d)
	}
	return "about " + plural(int((d+30*time.Second)/time.Minute), "minute")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
