package routines

import (
	"fmt"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/routines/tomlpos"
)

// starterHeader explains the file format to the person who opens a new
// routine file. Every line is a comment, so Parse ignores it.
const starterHeader = `# A supine routine. Save it in supine's routines folder as NAME.toml; the file
# name (without .toml) is the routine's name: ` + "`supine start NAME`" + ` runs it. A file
# named like a built-in (tonight, quick, heat) replaces that built-in.
# Check it with ` + "`supine routines validate`" + `; see its timeline with
# ` + "`supine routines show NAME`" + `.
#
# At the top: title (shown on the home screen) and an optional description.
# Then one [[steps]] block per step, in order. Every step has:
#   kind     heat, hold, paced, rest or settle (see below)
#   title    a short name, one line
#   cues     optional: what to do, a list of short lines
#   why      optional: one line on what the step does
#   stop_if  optional: lines shown as "Stop if ..."
#   skip_with_osteoporosis = true   leaves the step out for people who say
#            they have osteoporosis (as knee-to-chest is)
#   move     optional: which stretch this is, so the precautions can
#            change it: "knee-to-chest", "knee-rolls" or "pelvic-tilt"
#
# The kinds, and the keys each one adds:
#   heat    minutes = 15        15 to 20; never more, as longer heat risks burns
#   hold    hold = "20s"        one hold, at most "5m"
#           reps = 3            1 to 50; per side when per_side = true
#           per_side = true     left, switch, right, switch, left ...
#           switch = "5s"       the pause to change sides (per-side holds only)
#           rest = "10s"        a pause between reps (holds that are not per side)
#   paced   reps = 10, and the rhythm of one rep:
#           phases = [{ name = "tilt", time = "5s", cue = "..." }, { name = "relax", time = "5s" }]
#           rest = "10s"        optional pause between reps
#   rest    time = "30s"        a plain pause, at most "30m"
#   settle  no timer: it waits for you (getting into your sleep position)
#
# Times are written like "20s", "1m30s" or "2m", at least "1s".
`

// Starter writes a routine as a commented TOML file that Parse reads back
// into the same routine: the file "supine routines new" creates. The round
// trip holds for any routine Parse accepted.
func Starter(r Routine) []byte {
	var b strings.Builder
	b.WriteString(starterHeader)
	b.WriteString("\n")
	fmt.Fprintf(&b, "title = %s\n", tomlString(r.Title))
	if r.Description != "" {
		fmt.Fprintf(&b, "description = %s\n", tomlString(r.Description))
	}
	for _, st := range r.Steps {
		b.WriteString("\n[[steps]]\n")
		fmt.Fprintf(&b, "kind = %s\n", tomlString(string(st.Kind)))
		fmt.Fprintf(&b, "title = %s\n", tomlString(st.Title))
		switch st.Kind {
		case KindHeat:
			if st.Minutes != 0 {
				fmt.Fprintf(&b, "minutes = %d\n", st.Minutes)
			}
		case KindHold:
			fmt.Fprintf(&b, "hold = %s\n", tomlString(tomlpos.FormatDuration(st.Hold)))
			writeReps(&b, st.Reps)
			if st.PerSide {
				b.WriteString("per_side = true\n")
				writeDuration(&b, "switch", st.Switch)
			} else {
				writeDuration(&b, "rest", st.Rest)
			}
		case KindPaced:
			writeReps(&b, st.Reps)
			writeDuration(&b, "rest", st.Rest)
			b.WriteString("phases = [\n")
			for _, ph := range st.Phases {
				fmt.Fprintf(&b, "  { name = %s, time = %s", tomlString(ph.Name), tomlString(tomlpos.FormatDuration(ph.Duration)))
				if ph.Cue != "" {
					fmt.Fprintf(&b, ", cue = %s", tomlString(ph.Cue))
				}
				b.WriteString(" },\n")
			}
			b.WriteString("]\n")
		case KindRest:
			fmt.Fprintf(&b, "time = %s\n", tomlString(tomlpos.FormatDuration(st.Duration)))
		}
		if st.SkipWithOsteoporosis {
			b.WriteString("skip_with_osteoporosis = true\n")
		}
		if st.Move != MoveNone {
			fmt.Fprintf(&b, "move = %s\n", tomlString(string(st.Move)))
		}
		writeLines(&b, "cues", st.Cues)
		if st.Why != "" {
			fmt.Fprintf(&b, "why = %s\n", tomlString(st.Why))
		}
		writeLines(&b, "stop_if", st.StopIf)
	}
	return []byte(b.String())
}

func writeReps(b *strings.Builder, reps int) {
	if reps > 0 {
		fmt.Fprintf(b, "reps = %d\n", reps)
	}
}

func writeDuration(b *strings.Builder, key string, d time.Duration) {
	if d > 0 {
		fmt.Fprintf(b, "%s = %s\n", key, tomlString(tomlpos.FormatDuration(d)))
	}
}

func writeLines(b *strings.Builder, key string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(b, "%s = [\n", key)
	for _, l := range lines {
		fmt.Fprintf(b, "  %s,\n", tomlString(l))
	}
	b.WriteString("]\n")
}

// tomlString writes s as a TOML basic string. Go's strconv.Quote is not
// used because its \x escapes are not TOML.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
