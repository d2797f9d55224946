// Package report builds the visit report: what a person hands a GP or
// physiotherapist about their nights with supine. Build is a pure function
// of the history (and the routine in use); the Report it returns renders to
// Markdown, plain text and one self-contained HTML file. Card is the "take
// this with you" part alone: tonight's EMERGENCY or URGENT check.
//
// The report says only what the history holds and what the app itself said
// (CONTENT.md sections 4 to 7); it draws no conclusion of its own. Every
// string read from the history or a routine file passes textsafe.Clean.
package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/textsafe"
)

// DefaultWeeks is how far back a report looks unless told otherwise.
const DefaultWeeks = 6

// MaxWeeks bounds --weeks: a report is for one appointment, not a life.
const MaxWeeks = 52

// Input is everything a report is made from. Sessions and Checks are the
// whole history (the rules compare the last week with earlier ones); Build
// picks the nights in range itself.
type Input struct {
	Sessions        []history.Session
	Checks          []history.Check
	Precautions     []history.Precaution // every answer, oldest first (Store.PrecautionHistory)
	ClinicianChecks []history.ClinicianCheck

	// Routine is the routine in use as configured, before the precautions
	// adapt it; a zero Routine means none could be found.
	Routine routines.Routine
	Plan    routines.Options // the settings that shape it (heat minutes, osteoporosis)

	Now          time.Time
	Weeks        int // 0 means DefaultWeeks
	RolloverHour int // the hour one night becomes the next

	// Library is every routine known now, to describe the routines the
	// sessions in range used; Routine is shown only when none was used.
	Library []routines.Routine

	// Activities and Ratings are the Patient-Specific Functional Scale's
	// (Store.Activities, Store.Ratings); Trials every heat trial.
	Activities []history.Activity
	Ratings    []history.Rating
	Trials     []history.Trial

	// NotTonight are the moments the person said "not tonight" (issue 22's
	// skip); NotTonightKept says the history keeps them, so that the box
	// counts nights skipped on purpose apart from missed ones.
	NotTonight     []time.Time
	NotTonightKept bool
}

// Night is one night in range.
type Night struct {
	Date          time.Time // midnight of the evening the night began
	Used          bool      // a check-in, a check or a step done (history.UsedNights)
	Before, After *int      // first "before" and last "after" check-in of the night
}

// WeekMedian is the median tightness of seven nights.
type WeekMedian struct {
	From, To      time.Time
	Before, After Median
}

// Median is a median of nightly check-ins; N is how many nights had one.
type Median struct {
	Value float64
	N     int
}

// String is "4", "4.5" or "none".
func (m Median) String() string {
	if m.N == 0 {
		return "none"
	}
	return trimFloat(m.Value)
}

// Event is one dated line: a stop for pain, a waking night, a rise after
// the stretches.
type Event struct {
	At   time.Time
	Text string
}

// CheckRecord is one red-flag check as the report tells it.
type CheckRecord struct {
	At       time.Time
	Full     bool
	Tier     safety.Tier
	Reported []string // the questions answered yes, in words a nurse can read back
	Advice   string   // the headline the app showed
	Version  string   // the content version asked, when not today's
}

// Step is one step of the routine in use, with its dose.
type Step struct {
	Title, Dose string
}

// Section is one titled part of the report.
type Section struct {
	Title string
	Lines []string // paragraphs
	Items []string // a list after the paragraphs
	// Box marks the box at the top: framed, and across the page.
	Box bool
	// svg is a chart drawn after the lines in HTML only: the text formats
	// say its figures in the items.
	svg string
	// table, when set, is what HTML shows instead of the items, across the
	// page: a header row, then a row an item. The text formats keep the
	// items, which say the same in sentences.
	table [][]string
	// after are paragraphs after the items (or the table).
	after []string
}

// Report is the visit report, ready to render.
type Report struct {
	Now                time.Time
	From, To           time.Time // the first and the last night in range
	Weeks              int
	Nights             []Night
	Weekly             []WeekMedian
	Verdicts           []string
	Used, Missed       int
	HeatSeconds        int
	HeatNights         int
	HeatUntimed        int
	Skipped            []string // "Knee rolls: skipped on 3 nights"
	PainStops          []Event
	TighterAfter       []Event
	Woken              []Event
	WokenAsked         int
	Checks             []CheckRecord
	Clinician          []string
	Precautions        []string
	PrecautionsAsked   time.Time
	Routine            string // "Tonight (tonight)"
	RoutineSteps       []Step
	RoutineTotal       time.Duration
	Adapted            []string // why it differs from the routine as written
	Questions          []string
	Disclaimer         []string
	ContentVersion     string
	inflammatoryReport bool

	// Glance is the box at the top: at most five lines.
	Glance []string
	// Change is tightness before the routine, first week against last.
	Change Change
	// SkippedOnPurpose is how many nights the person said "not tonight".
	SkippedOnPurpose int
	notTonightKept   bool
	// Used routines, most nights first, from the sessions in range.
	RoutinesUsed []RoutineUse
	// Function is the Patient-Specific Functional Scale in range.
	Function Function
	// Trial is the newest heat trial; nil when there has been none.
	Trial *TrialPart
}

// Build makes the report. It reads nothing but in.
func Build(in Input) Report {
	weeks := in.Weeks
	if weeks <= 0 {
		weeks = DefaultWeeks
	}
	if weeks > MaxWeeks {
		weeks = MaxWeeks
	}
	loc := in.Now.Location()
	nightOf := func(t time.Time) time.Time { return history.Night(t.In(loc), in.RolloverHour) }
	tonight := nightOf(in.Now)
	from := addDays(tonight, -(7*weeks - 1))
	r := Report{Now: in.Now, From: from, To: tonight, Weeks: weeks,
		Disclaimer: safety.Disclaimer(), ContentVersion: safety.ContentVersion}

	// A row dated after now (a clock stepped back) is shown as now, never
	// at a time still to come nor left out: a heat or a stop for pain that
	// happened belongs in the report.
	sessions := history.SessionsAsOf(in.Sessions, in.Now)
	sort.SliceStable(sessions, func(i, j int) bool { return sessions[i].Start.Before(sessions[j].Start) })
	var inRange []history.Session
	var firstEver time.Time
	for _, s := range sessions {
		s = clean(s)
		n := nightOf(s.Start)
		if firstEver.IsZero() {
			firstEver = n
		}
		if !n.Before(from) {
			inRange = append(inRange, s)
		}
	}

	// Night by night.
	index := map[time.Time]int{}
	for d := from; !d.After(tonight); d = addDays(d, 1) {
		index[d] = len(r.Nights)
		r.Nights = append(r.Nights, Night{Date: d})
	}
	used := history.UsedNights(sessions, in.Checks, in.Now, in.RolloverHour)
	for i := range r.Nights {
		r.Nights[i].Used = used[r.Nights[i].Date]
	}
	for _, s := range inRange {
		n := &r.Nights[index[nightOf(s.Start)]]
		if s.Before != nil && n.Before == nil {
			n.Before = s.Before
		}
		if s.After != nil {
			n.After = s.After
		}
	}
	last := tonight
	if !r.Nights[len(r.Nights)-1].Used {
		last = addDays(tonight, -1) // tonight may be still to come
	}
	notTonight := map[time.Time]bool{}
	for _, t := range in.NotTonight {
		if !t.After(in.Now) {
			notTonight[nightOf(t)] = true
		}
	}
	for _, n := range r.Nights {
		switch {
		case n.Used:
			r.Used++
		case notTonight[n.Date]:
			r.SkippedOnPurpose++
		case !firstEver.IsZero() && !n.Date.Before(firstEver) && !n.Date.After(last):
			r.Missed++
		}
	}
	for w := 0; w < weeks; w++ {
		nights := r.Nights[7*w : 7*w+7]
		wm := WeekMedian{From: nights[0].Date, To: nights[6].Date}
		var before, after []int
		for _, n := range nights {
			if n.Before != nil {
				before = append(before, *n.Before)
			}
			if n.After != nil {
				after = append(after, *n.After)
			}
		}
		wm.Before, wm.After = median(before), median(after)
		r.Weekly = append(r.Weekly, wm)
	}

	r.Change = tightnessChange(r.Weekly)

	// What the history's rules say today, with their figures.
	rules := history.Rules(sessions, in.Now, in.RolloverHour)
	for _, nd := range rules {
		// The one-line form, with its figures: the box names the rules
		// too, and the full advice is the person's, not the clinician's.
		r.Verdicts = append(r.Verdicts, textsafe.Clean(nd.Short))
	}

	// Heat, skipped steps, stops for pain, tighter after, waking.
	skipped := map[string]map[time.Time]bool{}
	woken := map[time.Time]bool{}
	asked := map[time.Time]bool{}
	heatNights := map[time.Time]bool{}
	for _, s := range inRange {
		n := nightOf(s.Start)
		switch {
		case s.HeatKnown && s.HeatSeconds > 0:
			r.HeatSeconds += s.HeatSeconds
			heatNights[n] = true
		case !s.HeatKnown && s.HeatMinutes > 0:
			r.HeatUntimed++
		}
		for _, t := range s.Skipped {
			if skipped[t] == nil {
				skipped[t] = map[time.Time]bool{}
			}
			skipped[t][n] = true
		}
		if s.StoppedForPain {
			step := "the step was not recorded"
			if s.PainStep != "" {
				step = "during " + s.PainStep
			}
			r.PainStops = append(r.PainStops, Event{s.Start, fmt.Sprintf("%s: stopped for pain, %s.", stamp(s.Start.In(loc)), step)})
		}
		if s.Before != nil && s.After != nil && *s.After > *s.Before {
			text := fmt.Sprintf("%s: %d before the routine, %d after it.", dateOnly(n), *s.Before, *s.After)
			if _, ok := history.AfterStretches(s); ok {
				text += " The app said the stretches may not suit right now."
			}
			r.TighterAfter = append(r.TighterAfter, Event{s.Start, text})
		}
		if s.Woke != nil {
			asked[n] = true
			if *s.Woke && !woken[n] {
				woken[n] = true
				text := dateOnly(n) + ": back pain woke them the night before."
				if s.WokeNothingEases != nil && *s.WokeNothingEases {
					text = dateOnly(n) + ": back pain woke them the night before, and nothing eased it."
				}
				r.Woken = append(r.Woken, Event{s.Start, text})
			}
		}
	}
	r.HeatNights, r.WokenAsked = len(heatNights), len(asked)
	titles := make([]string, 0, len(skipped))
	for t := range skipped {
		titles = append(titles, t)
	}
	sort.Slice(titles, func(i, j int) bool {
		if len(skipped[titles[i]]) != len(skipped[titles[j]]) {
			return len(skipped[titles[i]]) > len(skipped[titles[j]])
		}
		return titles[i] < titles[j]
	})
	for _, t := range titles {
		r.Skipped = append(r.Skipped, fmt.Sprintf("%s: skipped on %s.", t, plural(len(skipped[t]), "night")))
	}

	// Red-flag checks.
	for _, c := range history.ChecksAsOf(in.Checks, in.Now) {
		if nightOf(c.At).Before(from) {
			continue
		}
		r.Checks = append(r.Checks, checkRecord(c, loc))
		for _, id := range c.Yes {
			if id == safety.InflammatoryPattern {
				r.inflammatoryReport = true
			}
		}
	}
	sort.SliceStable(r.Checks, func(i, j int) bool { return r.Checks[i].At.Before(r.Checks[j].At) })

	// A clinician has checked this.
	for _, c := range in.ClinicianChecks {
		what := textsafe.Clean(c.QuestionID)
		if q, ok := safety.QuestionByID(c.QuestionID); ok {
			what = q.Report
		}
		text := fmt.Sprintf("%s: a clinician checked %q (recorded %s", dateOnly(c.CheckedOn), what, dateOnly(c.At.In(loc)))
		if days := safety.ClinicianCheckDays(c.QuestionID); days > 0 {
			if until := c.CheckedOn.AddDate(0, 0, days); until.After(in.Now) {
				text += fmt.Sprintf("; until %s the check asks whether it is worse, or different, since then", dateOnly(until.AddDate(0, 0, -1)))
			}
		}
		r.Clinician = append(r.Clinician, text+").")
	}

	// Precautions, and the routine they shape.
	latest := history.LatestPrecautions(in.Precautions)
	if !latest.Asked.IsZero() {
		r.PrecautionsAsked = latest.Asked.In(loc)
	}
	answers := map[string]bool{}
	for _, p := range safety.Precautions() {
		if a, ok := latest.Latest[p.ID]; ok && a.Yes {
			answers[p.ID] = true
			line := fmt.Sprintf("%s (said on %s). The routine: %s", precautionLabel(p.ID), dateOnly(a.At.In(loc)), p.Does)
			if c := (safety.Clearance{Heat: a.ClearedHeat, Stretches: a.ClearedStretches}).Of(p.Takes); a.Cleared() && c.Any() {
				line += fmt.Sprintf(" Their clinician cleared %s on %s: that comes back.", c.Words(), dateOnly(a.ClearedOn))
			}
			r.Precautions = append(r.Precautions, line)
		}
	}
	adaptation := night.AdaptationFor(latest, false)
	r.RoutinesUsed = routinesUsed(inRange, in.Library, nightOf)
	if len(r.RoutinesUsed) == 0 {
		r.routine(in, adaptation)
	} else {
		r.Adapted = append(r.Adapted, adaptation.Reasons...)
	}

	r.Function = function(in, from, loc)
	r.Trial = trialPart(in, sessions)
	r.notTonightKept = in.NotTonightKept
	r.Glance = r.glance(seriousNewestFirst(r.Checks), rules, in.NotTonightKept)

	r.Questions = r.questionsToAsk(answers)
	return r
}

func (r *Report) routine(in Input, a safety.Adaptation) {
	if len(in.Routine.Steps) == 0 {
		return
	}
	r.Routine = fmt.Sprintf("%s (%s)", textsafe.Clean(in.Routine.Title), textsafe.Clean(in.Routine.Name))
	adapted := night.Adapt(in.Routine, a)
	kept := map[string]bool{}
	for _, st := range adapted.Steps {
		if in.Plan.Osteoporosis && st.SkipWithOsteoporosis {
			continue
		}
		kept[st.Title] = true
		r.RoutineSteps = append(r.RoutineSteps, Step{Title: textsafe.Clean(st.Title), Dose: dose(st, in.Plan)})
	}
	r.RoutineTotal = routines.Expand(adapted, in.Plan).Total
	r.Adapted = append(r.Adapted, a.Reasons...)
	if in.Plan.Osteoporosis && !a.NoKneeToChest {
		r.Adapted = append(r.Adapted, "The osteoporosis setting leaves knee-to-chest out.")
	}
	var left []string
	for _, st := range in.Routine.Steps {
		if !kept[st.Title] {
			left = append(left, textsafe.Clean(st.Title))
		}
	}
	if len(left) > 0 {
		r.Adapted = append(r.Adapted, "Left out of the routine as written: "+strings.Join(left, ", ")+".")
	}
}

// dose is a step's amount in words: "15 minutes", "held 20 s, 3 times each side".
func dose(st routines.Step, o routines.Options) string {
	switch st.Kind {
	case routines.KindHeat:
		return fmt.Sprintf("heating pad, %d minutes", routines.HeatMinutes(st, o))
	case routines.KindHold:
		times := plural(st.Reps, "time")
		if st.PerSide {
			times += " each side"
		}
		return fmt.Sprintf("held %s, %s", seconds(st.Hold), times)
	case routines.KindPaced:
		var one time.Duration
		var phases []string
		for _, p := range st.Phases {
			one += p.Duration
			phases = append(phases, fmt.Sprintf("%s %s", textsafe.Clean(p.Name), seconds(p.Duration)))
		}
		return fmt.Sprintf("%s of %s (%s)", plural(st.Reps, "rep"), seconds(one), strings.Join(phases, ", "))
	case routines.KindRest:
		return "rest, " + seconds(st.Duration)
	case routines.KindSettle:
		return "sleep set-up, then lights out"
	}
	return ""
}

func (r *Report) questionsToAsk(precautions map[string]bool) []string {
	q := []string{
		"Which of my muscles are tight, and which are weak? What plan would suit me?",
		"Which of these stretches suit me, and should I change or leave out any of them?",
	}
	var what []string
	if n := len(r.PainStops); n > 0 {
		what = append(what, "stopped for pain on "+plural(n, "night"))
	}
	if n := len(r.TighterAfter); n > 0 {
		what = append(what, "was tighter after the routine than before on "+plural(n, "night"))
	}
	if len(what) > 0 {
		q[1] = "I " + strings.Join(what, " and ") + ": which of these stretches suit me, and should I change or leave out any of them?"
	}
	switch {
	case precautions[safety.HeatCaution]:
		q = append(q, "I have diabetes, poor circulation or reduced feeling in my skin: is a heating pad safe for me?")
	case precautions[safety.Pregnant]:
		q = append(q, "I am pregnant: may I use a heating pad, and which positions and stretches are safe for me?")
	default:
		q = append(q, "Is a heating pad at bedtime a good idea for me?")
	}
	if precautions[safety.HipReplacement] || precautions[safety.BackSurgery] {
		q = append(q, "After my operation, when may I go back to the stretches the app leaves out for now?")
	}
	if len(r.Woken) > 0 {
		q = append(q, fmt.Sprintf("Back pain woke me on %s: does that need looking into?", plural(len(r.Woken), "night")))
	}
	if r.inflammatoryReport {
		q = append(q, "Could my pattern of pain and morning stiffness be an inflammatory back condition?")
	}
	return q
}

func checkRecord(c history.Check, loc *time.Location) CheckRecord {
	t := night.ParseTier(c.Tier)
	cr := CheckRecord{At: c.At.In(loc), Full: c.Full, Tier: t}
	var ids []string
	for _, id := range c.Yes {
		id = textsafe.Clean(id)
		ids = append(ids, id)
		if _, ok := safety.QuestionByID(id); !ok {
			cr.Reported = append(cr.Reported, fmt.Sprintf("an answer this version of supine does not know (%q)", id))
			continue
		}
		cr.Reported = append(cr.Reported, safety.Reported([]string{id})...)
	}
	cr.Advice = safety.AdviceIn(t, safety.Situation{At: cr.At, Yes: ids, Standalone: true}).Headline
	if v := textsafe.Clean(c.Version); v != "" && v != safety.ContentVersion {
		cr.Version = v
	}
	return cr
}

// precautionLabel names a precaution in the third person, for a clinician.
func precautionLabel(id string) string {
	switch id {
	case safety.Osteoporosis:
		return "Osteoporosis, or a spine fracture from it"
	case safety.HipReplacement:
		return "A hip replacement in the last few months, or hip movement limits from a surgeon"
	case safety.BackSurgery:
		return "Back surgery in the last few months"
	case safety.Pregnant:
		return "Pregnant"
	case safety.HeatCaution:
		return "Diabetes, poor circulation or reduced feeling in the skin"
	}
	return textsafe.Clean(id)
}

func clean(s history.Session) history.Session {
	s.Routine = textsafe.Clean(s.Routine)
	s.PainStep = textsafe.Clean(s.PainStep)
	s.RedFlag = textsafe.Clean(s.RedFlag)
	s.Skipped = cleanAll(s.Skipped)
	s.Completed = cleanAll(s.Completed)
	return s
}

func cleanAll(in []string) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = textsafe.Clean(v)
	}
	return out
}

func median(v []int) Median {
	if len(v) == 0 {
		return Median{}
	}
	s := append([]int(nil), v...)
	sort.Ints(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return Median{float64(s[m]), len(s)}
	}
	return Median{float64(s[m-1]+s[m]) / 2, len(s)}
}

func addDays(t time.Time, n int) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day()+n, 0, 0, 0, 0, t.Location())
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func seconds(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d min", int(d/time.Minute))
	}
	return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
}

func dateOnly(t time.Time) string { return t.Format("Mon 2 Jan 2006") }
func stamp(t time.Time) string    { return t.Format("Mon 2 Jan 2006, 15:04") }
func shortDate(t time.Time) string {
	return t.Format("2 Jan")
}
