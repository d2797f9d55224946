package trial

import (
	"fmt"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// Title is the trial's name on home, the screen and the report.
const Title = "Does heat help me?"

// About is what the trial is, said before it starts.
func About() []string {
	return []string{
		fmt.Sprintf("For %d nights (%d pairs), one night of each pair has heat and the other has none. Which comes first is drawn at random for each pair, and kept.", 2*Pairs, Pairs),
		"Everything else in the routine stays the same. On a night with heat the usual rules still decide whether the pad may go on: the trial never adds heat.",
		"Rate your tightness before and after the routine each night. Fixed now, before the first night: the trial compares " + Outcome + ".",
		"The results stay hidden until the last pair is done. A night with an EMERGENCY or URGENT check, a stop for pain, or no routine does not count, and the trial says so.",
		"You can stop it at any time, and it shows what it had.",
	}
}

// Refusal says why a trial cannot start, or "" when it can. hasHeat: the
// routine in use has a heat step; heatAllowed: the precautions leave heat
// in; checkIns: the tightness check-ins are on; running: a trial runs.
func Refusal(hasHeat, heatAllowed, checkIns bool, running *Trial) string {
	switch {
	case running != nil:
		return fmt.Sprintf("A heat trial is already running (started %s); see it with supine trial, or stop it with supine trial stop.", running.Started.Format("Mon 2 Jan"))
	case !hasHeat:
		return "Your routine has no heat step, so there is nothing to compare; pick a routine with heat first (supine routines lists them)."
	case !heatAllowed:
		return "Your precautions leave heat out of the routine, and a trial never adds heat; ask your clinician about heat first."
	case !checkIns:
		return "The trial compares your tightness ratings, and the check-ins are off; turn them on (checkins = true in config.toml) first."
	}
	return ""
}

// Why says what became of a night, in a few words.
func Why(s Status) string {
	switch s {
	case Counted:
		return "counts"
	case Coming:
		return "still to come"
	case NotReached:
		return "not reached: the trial was stopped"
	case Skipped:
		return "does not count: no routine that night"
	case Void:
		return "does not count: an EMERGENCY or URGENT check closed the routine"
	case PainStop:
		return "does not count: stopped for pain"
	case StretchesOut:
		return "does not count: the stretches were left out after severe pain during them"
	case HeatNotGiven:
		return "does not count: a night with heat, but the pad did not go on"
	case HeatGiven:
		return "does not count: a night without heat, but the pad went on"
	case NoAfter:
		return "does not count: no \"after\" rating"
	}
	return ""
}

// Label is a night and its arm: "Mon 2 Nov, with heat".
func Label(n Scheduled) string {
	if n.Heat {
		return n.Night.Format("Mon 2 Jan") + ", with heat"
	}
	return n.Night.Format("Mon 2 Jan") + ", without heat"
}

// TonightLine says what tonight is in the trial, or "" when it is not a
// trial night.
func TonightLine(n Scheduled) string {
	if n.Heat {
		return fmt.Sprintf("Heat trial, night %d of %d: a night with heat. The routine is as usual.", n.N, 2*Pairs)
	}
	return fmt.Sprintf("Heat trial, night %d of %d: a night without heat. The heat step is left out tonight; everything else is as usual.", n.N, 2*Pairs)
}

// ProgressLines is where a trial stands, with no rating in it.
func ProgressLines(p Progress) []string {
	t := p.Trial
	last := LastNight(t)
	out := []string{RangeLine(t)}
	switch {
	case p.Stopped:
		out = append(out, fmt.Sprintf("Stopped on %s.", t.Stopped.Format("Mon 2 Jan, 15:04")))
	case p.Done:
		out = append(out, "The last pair is done: the results are ready.")
	case p.Tonight != nil:
		out = append(out, TonightLine(*p.Tonight))
	default:
		if next := nextNight(p); next != nil {
			out = append(out, fmt.Sprintf("Next: %s.", Label(*next)))
		}
	}
	out = append(out, CountLine(p))
	if !p.Done && !p.Stopped {
		out = append(out, fmt.Sprintf("The results stay hidden until the last pair is done, after %s.", last.Format("Mon 2 Jan")))
	}
	return out
}

// RangeLine is the trial's nights and when it was started.
func RangeLine(t Trial) string {
	return fmt.Sprintf("%d pairs of nights, %s to %s; started %s.", len(t.HeatFirst), t.FirstNight.Format("Mon 2 Jan"), LastNight(t).Format("Mon 2 Jan"), t.Started.Format("Mon 2 Jan"))
}

// CountLine is how many nights count, and which do not and why.
func CountLine(p Progress) string {
	var not []string
	for _, n := range p.Nights {
		switch n.Status {
		case Counted, Coming, NotReached:
		default:
			not = append(not, fmt.Sprintf("%s (%s)", n.Night.Format("Mon 2 Jan"), strings.TrimPrefix(Why(n.Status), "does not count: ")))
		}
	}
	counted := plural(p.Counted, "night counts", "nights count") + " so far"
	if p.Done || p.Stopped {
		counted = fmt.Sprintf("%d of %d nights count", p.Counted, len(p.Nights))
	}
	if len(not) == 0 {
		return counted + "."
	}
	return fmt.Sprintf("%s; %s not: %s.", counted, plural(len(not), "does", "do"), strings.Join(not, "; "))
}

func nextNight(p Progress) *Scheduled {
	for _, n := range p.Nights {
		if n.Status == Coming {
			s := n.Scheduled
			return &s
		}
	}
	return nil
}

// Method is the outcome and the threshold, said with the results.
func Method() string {
	return fmt.Sprintf("Fixed before the first night: %s. Each pair is read against %d points, the threshold usually taken for a real change on a 0 to 10 pain scale (or %d%%); tightness is rated the same way.", Outcome, Threshold, ThresholdPercent)
}

// PairLine is one pair against the threshold, or why it does not count.
func PairLine(p Pair) string {
	a, b := p.Heat, p.Without
	if !p.HeatFirstNight {
		a, b = p.Without, p.Heat
	}
	head := fmt.Sprintf("Pair %d (%s; %s)", p.N, Label(a.Scheduled), Label(b.Scheduled))
	if !p.Counts {
		var why []string
		for _, n := range []Night{a, b} {
			if n.Status != Counted {
				why = append(why, fmt.Sprintf("%s %s", n.Night.Format("Mon 2 Jan"), Why(n.Status)))
			}
		}
		return head + ": does not count. " + capital(strings.Join(why, "; ")) + "."
	}
	text := fmt.Sprintf("%s: after the routine %d with heat, %d without: %s.", head, *p.Heat.After, *p.Without.After, against(p.Diff))
	if p.NextDiff != nil {
		text += fmt.Sprintf(" Before the routine the next evening: %d after heat, %d after none.", *p.Heat.NextBefore, *p.Without.NextBefore)
	}
	return text
}

// against reads a difference (without minus with heat) against the
// threshold.
func against(d int) string {
	switch {
	case d >= Threshold:
		return fmt.Sprintf("%s less tight with heat, at least the %d-point threshold", plural(d, "point", "points"), Threshold)
	case d <= -Threshold:
		return fmt.Sprintf("%s less tight without heat, at least the %d-point threshold", plural(-d, "point", "points"), Threshold)
	case d == 0:
		return "the same"
	case d > 0:
		return fmt.Sprintf("%s less tight with heat, under the %d-point threshold", plural(d, "point", "points"), Threshold)
	}
	return fmt.Sprintf("%s less tight without heat, under the %d-point threshold", plural(-d, "point", "points"), Threshold)
}

// Summary is the counted pairs in one or two sentences.
func Summary(r Result) []string {
	var out []string
	t := r.Progress.Trial
	if r.Progress.Stopped {
		done := 0
		for _, p := range r.Pairs {
			if p.Heat.Status != NotReached && p.Without.Status != NotReached {
				done++
			}
		}
		out = append(out, fmt.Sprintf("The trial was stopped on %s, after %s of %d; this is what it had.", t.Stopped.Format("Mon 2 Jan"), plural(done, "pair", "pairs"), len(t.HeatFirst)))
	}
	n := r.PairsCounted()
	if n == 0 {
		return append(out, "No pair counts, so the trial cannot compare nights with heat and without.")
	}
	out = append(out, fmt.Sprintf("%d of %d pairs count. In %d the night with heat ended %d or more points less tight; in %d the night without heat did; in %d the two were within %d points.",
		n, len(t.HeatFirst), r.HeatBetter, Threshold, r.WithoutBetter, r.Within, Threshold))
	switch {
	case r.MeanDiff > 0.05:
		out = append(out, fmt.Sprintf("On average the night with heat ended %s less tight.", points(r.MeanDiff)))
	case r.MeanDiff < -0.05:
		out = append(out, fmt.Sprintf("On average the night without heat ended %s less tight.", points(-r.MeanDiff)))
	default:
		out = append(out, "On average the nights with heat and without ended the same.")
	}
	return out
}

// Limits is what the comparison can and cannot say.
func Limits() []string {
	return []string{
		"What it can say: how tight your back felt after nights with heat and nights without, on these nights, for you.",
		fmt.Sprintf("What it cannot say: it is one person over a few nights. A small effect can hide in the noise from night to night, and a difference under %d points may be no real difference. You knew which nights had heat, and that can colour a rating.", Threshold),
		"It does not show that heat, or the routine, is safe for you: the heat safety rules and the red-flag check still apply, and a clinician is the one to ask.",
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// points is "1 point", "1.5 points".
func points(f float64) string {
	if s := trimFloat(f); s != "1" {
		return s + " points"
	}
	return "1 point"
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// StartedLines is what is said once a trial is started: when it begins and
// what tonight is.
func StartedLines(t Trial, now time.Time, rolloverHour int) []string {
	tonight := history.Night(now, rolloverHour)
	if daysBetween(t.FirstNight, tonight) != 0 {
		return []string{"The trial starts tomorrow, " + t.FirstNight.Format("Mon 2 Jan") + ": tonight's routine has already begun."}
	}
	heat, _ := Tonight(t, tonight)
	return []string{"The trial starts tonight.", TonightLine(Scheduled{Night: tonight, N: 1, Pair: 1, Heat: heat})}
}

// PairHeader names the columns of PairRow.
func PairHeader() []string {
	return []string{"Pair", "Nights", "After: with heat", "without", fmt.Sprintf("Difference (threshold %d)", Threshold), "Next evening: after heat, after none"}
}

// PairRow is one pair as a table's cells, for a page with room for a
// table; PairLine says the same in a sentence.
func PairRow(p Pair) []string {
	a, b := p.Heat, p.Without
	if !p.HeatFirstNight {
		a, b = p.Without, p.Heat
	}
	short := func(n Night) string {
		if n.Heat {
			return n.Night.Format("2 Jan") + " with"
		}
		return n.Night.Format("2 Jan") + " without"
	}
	nights := short(a) + ", " + short(b)
	if !p.Counts {
		var why []string
		for _, n := range []Night{a, b} {
			if n.Status != Counted {
				why = append(why, fmt.Sprintf("%s %s", n.Night.Format("Mon 2 Jan"), Why(n.Status)))
			}
		}
		return []string{fmt.Sprint(p.N), nights, "Does not count. " + capital(strings.Join(why, "; ")) + ".", "", "", ""}
	}
	next := ""
	if p.NextDiff != nil {
		next = fmt.Sprintf("%d, %d", *p.Heat.NextBefore, *p.Without.NextBefore)
	}
	return []string{fmt.Sprint(p.N), nights, fmt.Sprint(*p.Heat.After), fmt.Sprint(*p.Without.After), briefly(p.Diff), next}
}

// briefly is a difference against the threshold in a table's few words.
func briefly(d int) string {
	reach := "under"
	if d >= Threshold || d <= -Threshold {
		reach = "at or over"
	}
	switch {
	case d == 0:
		return "none"
	case d > 0:
		return fmt.Sprintf("%s less tight with heat; %s %d", plural(d, "point", "points"), reach, Threshold)
	}
	return fmt.Sprintf("%s less tight without; %s %d", plural(-d, "point", "points"), reach, Threshold)
}
