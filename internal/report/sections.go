package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/trial"
)

// document is what every format renders: a title, a few lines under it,
// and the sections; Chart marks where the night-by-night chart goes.
type document struct {
	Title    string
	Subtitle []string
	Sections []Section
	Chart    int // index of the section that holds the chart; -1 for none
	report   *Report
	// oneColumn keeps every section in one column (the card: its advice
	// is read top to bottom, never split across columns).
	oneColumn bool
}

const chartTitle = "Tightness night by night"

func (r Report) document() document {
	d := document{Title: "Back tightness at bedtime: a report for your GP or physiotherapist", report: &r, Chart: -1}
	d.Subtitle = []string{
		fmt.Sprintf("Nights of %s to %s (%s). Made by supine on %s.", dateOnly(r.From), dateOnly(r.To), plural(r.Weeks, "week"), stamp(r.Now)),
		"Everything below is what the person entered in supine, a self-care app for back tightness at bedtime; it is not a diagnosis.",
	}
	add := func(s Section) { d.Sections = append(d.Sections, s) }

	add(Section{Title: "At a glance", Items: r.Glance, Box: true})

	d.Chart = len(d.Sections)
	checked := 0
	for _, n := range r.Nights {
		if n.Before != nil || n.After != nil {
			checked++
		}
	}
	chart := Section{Title: chartTitle, Lines: []string{
		"Tightness from 0 (none) to 10 (the worst), as the person rated it before and after the routine.",
	}}
	if checked == 0 {
		chart.Lines = append(chart.Lines, "No tightness was rated on these nights.")
	}
	add(chart)

	if r.Function.Used() {
		fn := r.functionSection()
		fn.svg = r.functionSVG()
		add(fn)
	}
	if r.Trial != nil {
		add(r.trialSection())
	}

	weekly := Section{Title: "Weekly medians"}
	for _, w := range r.Weekly {
		weekly.Items = append(weekly.Items, fmt.Sprintf("%s: before %s, after %s.", weekRange(w.From, w.To), medianWords(w.Before), medianWords(w.After)))
	}
	add(weekly)

	rules := Section{Title: "What the app's history rules say today"}
	if len(r.Verdicts) == 0 {
		rules.Lines = []string{"None of them applies: no steady worsening, no pain still severe two weeks running, no lack of change after several weeks, and not woken by pain twice in the last 7 nights (each needs enough check-ins to say)."}
	}
	rules.Items = r.Verdicts
	add(rules)

	use := Section{Title: "Nights used, and heat"}
	use.Lines = append(use.Lines, fmt.Sprintf("Used on %s of %d (a night with a check-in, a check or a step done); missed on %s since the first night with supine.", plural(r.Used, "night"), len(r.Nights), plural(r.Missed, "night")))
	heat := fmt.Sprintf("Heating pad on for %s in all, on %s", minutes(r.HeatSeconds), plural(r.HeatNights, "night"))
	if r.HeatNights > 0 {
		heat += fmt.Sprintf(" (%s a night on average)", minutes(r.HeatSeconds/r.HeatNights))
	}
	heat += ", as timed from the pad going on to the person saying it was off."
	if r.HeatUntimed > 0 {
		heat += fmt.Sprintf(" %s set heat but did not time it (saved by an older supine).", plural(r.HeatUntimed, "session"))
	}
	use.Lines = append(use.Lines, heat)
	add(use)

	add(listOr("Steps skipped", r.Skipped, "No step was skipped."))
	add(listOr("Stops for pain", events(r.PainStops), "No stop for pain."))
	add(listOr("Nights tighter after the routine than before", events(r.TighterAfter), "None."))
	woke := listOr("Pain that woke them", events(r.Woken), "")
	switch {
	case r.WokenAsked == 0:
		woke.Lines = []string{"Not asked on these nights."}
	case len(r.Woken) == 0:
		woke.Lines = []string{fmt.Sprintf("Asked on %s; never woken by back pain.", plural(r.WokenAsked, "night"))}
	default:
		woke.Lines = []string{fmt.Sprintf("Asked on %s; woken on %d.", plural(r.WokenAsked, "night"), len(r.Woken))}
	}
	add(woke)

	add(r.checksSection())
	add(listOr("A clinician has checked this", r.Clinician, "No record that a clinician checked a red-flag answer."))

	prec := listOr("Precautions declared", r.Precautions, "")
	switch {
	case r.PrecautionsAsked.IsZero():
		prec.Lines = []string{"The precaution questions have not been answered."}
	case len(r.Precautions) == 0:
		prec.Lines = []string{fmt.Sprintf("None (last answered %s).", dateOnly(r.PrecautionsAsked))}
	default:
		prec.Lines = []string{fmt.Sprintf("Last answered %s.", dateOnly(r.PrecautionsAsked))}
	}
	add(prec)

	rt := Section{Title: "The routine in use"}
	switch {
	case len(r.RoutinesUsed) > 0:
		rt = r.usedSection()
	case r.Routine == "":
		rt.Lines = []string{"The routine in use could not be found."}
	default:
		rt.Title = "The routine set now (none was used on these nights)"
		line := fmt.Sprintf("%s, about %s.", r.Routine, lengthWords(r.RoutineTotal))
		if len(r.Adapted) == 0 {
			line += " Not adapted: it runs as written."
		} else {
			line += " Adapted: " + strings.Join(r.Adapted, " ")
		}
		rt.Lines = []string{line}
		for _, s := range r.RoutineSteps {
			rt.Items = append(rt.Items, fmt.Sprintf("%s: %s.", s.Title, s.Dose))
		}
	}
	add(rt)

	add(Section{Title: "Questions to ask", Items: r.Questions})

	about := Section{Title: "About this report", Lines: []string{strings.Join(r.Disclaimer, " ")}}
	about.Lines = append(about.Lines, fmt.Sprintf("Red-flag questions and advice: content version %s.", r.ContentVersion))
	about.Lines = append(about.Lines, fmt.Sprintf("The threshold for a real change in tightness (%d points, or %d%%) is the one usually taken for pain rated 0 to 10 (%s).", trial.Threshold, trial.ThresholdPercent, trial.ThresholdCited))
	add(about)
	return d
}

func listOr(title string, items []string, none string) Section {
	s := Section{Title: title, Items: items}
	if len(items) == 0 && none != "" {
		s.Lines = []string{none}
	}
	return s
}

func events(ev []Event) []string {
	out := make([]string, len(ev))
	for i, e := range ev {
		out[i] = e.Text
	}
	return out
}

func checkLine(c CheckRecord) string {
	kind := "full check"
	if !c.Full {
		kind = "short check (anything new?)"
	}
	s := fmt.Sprintf("%s, %s: %s.", stamp(c.At), kind, outcomeWords(c.Tier))
	if len(c.Reported) > 0 {
		s += " Answered yes: " + strings.Join(c.Reported, "; ") + "."
	}
	if c.Tier != safety.None {
		s += " The app advised: " + c.Advice
	}
	if c.Version != "" {
		s += fmt.Sprintf(" (Questions of content version %s.)", c.Version)
	}
	return s
}

func outcomeWords(t safety.Tier) string {
	if t == safety.None {
		return "no red flags reported"
	}
	return safety.TierName(t)
}

func medianWords(m Median) string {
	if m.N == 0 {
		return "no check-ins"
	}
	return fmt.Sprintf("%s (%s)", m, plural(m.N, "night"))
}

func weekRange(from, to time.Time) string {
	return shortDate(from) + " – " + shortDate(to)
}

func minutes(sec int) string {
	return plural((sec+30)/60, "minute")
}

func lengthWords(d time.Duration) string {
	m := int((d + 30*time.Second) / time.Minute)
	return plural(m, "minute")
}

// checksSection lists every check with a yes, newest first, each with what
// was answered and the advice; the checks with nothing reported are
// counted in one line, so that a serious one is never the thirtieth line.
func (r Report) checksSection() Section {
	sec := Section{Title: "Red-flag checks"}
	if len(r.Checks) == 0 {
		sec.Lines = []string{"No red-flag check on these nights."}
		return sec
	}
	var clear []CheckRecord
	for i := len(r.Checks) - 1; i >= 0; i-- {
		c := r.Checks[i]
		if c.Tier == safety.None && len(c.Reported) == 0 {
			clear = append(clear, c)
			continue
		}
		sec.Items = append(sec.Items, checkLine(c))
	}
	if len(clear) > 0 {
		full := 0
		for _, c := range clear {
			if c.Full {
				full++
			}
		}
		line := fmt.Sprintf("%s reported no red flags (%d full, %d short)", plural(len(clear), "check"), full, len(clear)-full)
		if len(clear) == 1 {
			line += fmt.Sprintf(", on %s.", stamp(clear[0].At))
		} else {
			line += fmt.Sprintf(", from %s to %s.", dateOnly(clear[len(clear)-1].At), dateOnly(clear[0].At))
		}
		if len(sec.Items) == 0 {
			sec.Lines = []string{line}
		} else {
			sec.Items = append(sec.Items, line)
		}
	}
	return sec
}
