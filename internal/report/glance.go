package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/trial"
)

// The box at the top is what a clinician with nine minutes reads first: at
// most five lines, each one figure with its dates, and nothing that is not
// also said in full further down.

// glanceSerious is how many EMERGENCY or URGENT checks the box names; the
// rest are counted, and all are listed under the red-flag checks.
const glanceSerious = 3

// minWeekRatings is how many "before" ratings a week needs to be compared
// in the box: one or two nights are not a week.
const minWeekRatings = 3

// Change is tightness before the routine in the first and the last week
// of the report that hold enough ratings, by their medians.
type Change struct {
	First, Last WeekMedian
	OK          bool // two such weeks exist
}

// Points is the change in points, last minus first.
func (c Change) Points() float64 { return c.Last.Before.Value - c.First.Before.Value }

// Percent is the change as a share of the first week's median; 0 when the
// first week's median is 0.
func (c Change) Percent() float64 {
	if c.First.Before.Value == 0 {
		return 0
	}
	return 100 * c.Points() / c.First.Before.Value
}

// Real reports whether the change reaches the threshold usually taken for
// a real change: 2 points, or 30%.
func (c Change) Real() bool {
	p := c.Points()
	if p < 0 {
		p = -p
	}
	pc := c.Percent()
	if pc < 0 {
		pc = -pc
	}
	return p >= trial.Threshold || pc >= trial.ThresholdPercent
}

func tightnessChange(weeks []WeekMedian) Change {
	var c Change
	first, last := -1, -1
	for i, w := range weeks {
		if w.Before.N >= minWeekRatings {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || first == last {
		return c
	}
	return Change{First: weeks[first], Last: weeks[last], OK: true}
}

// glance is the box's lines, in the order a clinician needs them.
func (r *Report) glance(serious []CheckRecord, rules []history.Nudge, notTonightKept bool) []string {
	var out []string
	// 1. Anything serious, newest first, with what was reported.
	if len(serious) == 0 {
		out = append(out, fmt.Sprintf("No EMERGENCY or URGENT red-flag check in these %s.", plural(r.Weeks, "week")))
	} else {
		var parts []string
		for i, c := range serious {
			if i == glanceSerious {
				parts = append(parts, fmt.Sprintf("and %d earlier (see Red-flag checks)", len(serious)-glanceSerious))
				break
			}
			what := "the answers were not kept"
			if len(c.Reported) > 0 {
				what = strings.Join(c.Reported, "; ")
			}
			parts = append(parts, fmt.Sprintf("%s on %s: %s", safety.TierName(c.Tier), stamp(c.At), what))
		}
		out = append(out, strings.Join(parts, ". ")+".")
	}
	// 2. The change in tightness against the threshold.
	c := r.Change
	if !c.OK {
		out = append(out, fmt.Sprintf("Tightness before the routine: too few ratings to compare a first and a last week (each needs %d).", minWeekRatings))
	} else {
		line := fmt.Sprintf("Tightness before the routine (median, 0 to 10): %s in %s, %s in %s",
			c.First.Before, weekRange(c.First.From, c.First.To), c.Last.Before, weekRange(c.Last.From, c.Last.To))
		p := c.Points()
		switch {
		case p == 0:
			line += ": no change"
		case c.First.Before.Value == 0:
			line += fmt.Sprintf(": %s %s", upDown(p), points(abs(p)))
		default:
			line += fmt.Sprintf(": %s %s (%.0f%%)", upDown(p), points(abs(p)), math.Round(abs(c.Percent())))
		}
		if c.Real() {
			line += fmt.Sprintf(", at or beyond the %d points (or %d%%) usually taken as a real change.", trial.Threshold, trial.ThresholdPercent)
		} else {
			line += fmt.Sprintf(", under the %d points (or %d%%) usually taken as a real change.", trial.Threshold, trial.ThresholdPercent)
		}
		out = append(out, line)
	}
	// 3. Nights used, skipped on purpose, missed.
	nights := fmt.Sprintf("Used on %s of %d", plural(r.Used, "night"), len(r.Nights))
	if notTonightKept {
		nights += fmt.Sprintf("; skipped on purpose (\"not tonight\") on %d", r.SkippedOnPurpose)
	}
	out = append(out, nights+fmt.Sprintf("; missed on %d.", r.Missed))
	// 4. Stops for pain.
	if len(r.PainStops) == 0 {
		out = append(out, "No stop for pain.")
	} else {
		var days []string
		for _, e := range r.PainStops {
			days = append(days, shortDate(e.At))
		}
		out = append(out, fmt.Sprintf("Stopped for pain on %s (%s).", plural(len(r.PainStops), "night"), strings.Join(days, ", ")))
	}
	// 5. The history rules that fire.
	if len(rules) == 0 {
		out = append(out, "No history rule fires today.")
	} else {
		var names []string
		for _, nd := range rules {
			names = append(names, ruleShort(nd))
		}
		out = append(out, "History rules that fire today: "+strings.Join(names, "; ")+".")
	}
	return out
}

// ruleShort names a rule with its figures, in a few words.
func ruleShort(nd history.Nudge) string {
	switch nd.Rule {
	case history.RuleGettingWorse:
		return fmt.Sprintf("getting worse (average %.1f over the last 7 nights, %.1f in the best week)", nd.Last.Avg(), nd.First.Avg())
	case history.RuleWaking:
		return fmt.Sprintf("woken by back pain on %d of the last 7 nights", len(nd.Woken))
	case history.RuleNoBetter:
		return fmt.Sprintf("no better after several weeks (average %.1f in the first week, %.1f over the last 7 nights)", nd.First.Avg(), nd.Last.Avg())
	}
	return strings.ReplaceAll(string(nd.Rule), "_", " ")
}

// points is "1 point", "1.5 points".
func points(p float64) string {
	if p == 1 {
		return "1 point"
	}
	return trimFloat(p) + " points"
}

func upDown(p float64) string {
	if p > 0 {
		return "up"
	}
	return "down"
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// seriousNewestFirst is the EMERGENCY and URGENT checks, newest first.
func seriousNewestFirst(checks []CheckRecord) []CheckRecord {
	var out []CheckRecord
	for i := len(checks) - 1; i >= 0; i-- {
		if safety.EndsSession(checks[i].Tier) {
			out = append(out, checks[i])
		}
	}
	return out
}
