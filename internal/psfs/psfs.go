// Package psfs is the Patient-Specific Functional Scale: the person names
// up to three activities their back makes hard and rates each from 0
// (unable to do it) to 10 (as well as before the back trouble), once a
// week. It says when a rating is due, groups the ratings into sittings and
// works out the change; history stores them, the screens and the report
// show them.
//
// The scale is Stratford et al.'s (Source). CONTENT.md says nothing about
// it, so the package says only what the instrument's own form says: the
// scale's two ends, the average of the activities as the total, and the
// minimum detectable change printed on it. It draws no other conclusion.
//
// It imports no UI package.
package psfs

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// Name is the instrument's name as the report and `supine about` give it.
const Name = "Patient-Specific Functional Scale (PSFS)"

// Cited is the source in a few words, for the report.
const Cited = "Stratford et al., Physiotherapy Canada 1995;47(4):258-263"

// Source is where the scale comes from.
const Source = "Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients: a report of a patient specific measure. Physiotherapy Canada 1995;47(4):258-263."

// The change the scale's form gives as the least it can tell from noise
// (minimum detectable change, 90% confidence): 2 points for the average of
// the activities, 3 for a single activity. Smaller changes may be noise;
// the form does not say what a larger one means for a person, and neither
// does supine.
const (
	DetectableAverage = 2
	DetectableSingle  = 3
)

// Every is how many nights pass between two sittings: once a week.
const Every = 7

// The scale's two ends, in the person's words.
const (
	Low  = "0 = unable to do it"
	High = "10 = as well as before your back trouble"
)

// Question is what a sitting asks for each activity.
const Question = "How well can you do this today?"

// NamePrompt is what naming an activity asks.
const NamePrompt = "Name an activity your back makes hard, for example turning over in bed or putting on socks."

// Max is how many activities are rated at once.
const Max = history.MaxActivities

// Activity and Rating are the stored forms.
type (
	Activity = history.Activity
	Rating   = history.Rating
)

// Active returns the activities still rated, in the order named.
func Active(all []Activity) []Activity {
	var out []Activity
	for _, a := range all {
		if a.Active() {
			out = append(out, a)
		}
	}
	return out
}

// Status says whether a sitting is due tonight.
type Status struct {
	Named bool      // at least one activity is being rated
	Due   bool      // a sitting is due tonight
	Last  time.Time // the last sitting; zero when never
	Next  time.Time // the night the next sitting is due (when not Due)
}

// StatusAt says whether a sitting is due: it is when activities are named
// and none of them was rated in the last Every nights (nights as
// history.Night counts them, in now's zone). A person who has named
// nothing is never due: naming is offered, not pressed.
func StatusAt(all []Activity, ratings []Rating, now time.Time, rolloverHour int) Status {
	active := Active(all)
	st := Status{Named: len(active) > 0}
	if !st.Named {
		return st
	}
	ids := map[int64]bool{}
	for _, a := range active {
		ids[a.ID] = true
	}
	for _, r := range ratings {
		if ids[r.ActivityID] && !r.At.After(now) && r.At.After(st.Last) {
			st.Last = r.At
		}
	}
	if st.Last.IsZero() {
		st.Due = true
		return st
	}
	loc := now.Location()
	last := history.Night(st.Last.In(loc), rolloverHour)
	st.Next = time.Date(last.Year(), last.Month(), last.Day()+Every, 0, 0, 0, 0, loc)
	st.Due = !history.Night(now, rolloverHour).Before(st.Next)
	return st
}

// Sitting is every score given at one time.
type Sitting struct {
	At     time.Time
	Scores map[int64]int // by activity ID
}

// Average is the scale's total: the sum of the scores over the number of
// activities rated.
func (s Sitting) Average() float64 {
	if len(s.Scores) == 0 {
		return 0
	}
	sum := 0
	for _, v := range s.Scores {
		sum += v
	}
	return float64(sum) / float64(len(s.Scores))
}

// Sittings groups ratings by the moment they were saved, oldest first.
func Sittings(ratings []Rating) []Sitting {
	by := map[int64]*Sitting{}
	var order []int64
	for _, r := range ratings {
		ms := r.At.UnixMilli()
		s, ok := by[ms]
		if !ok {
			s = &Sitting{At: r.At, Scores: map[int64]int{}}
			by[ms] = s
			order = append(order, ms)
		}
		s.Scores[r.ActivityID] = r.Score
	}
	sort.Slice(order, func(i, j int) bool { return order[i] < order[j] })
	out := make([]Sitting, len(order))
	for i, ms := range order {
		out[i] = *by[ms]
	}
	return out
}

// Series is one activity's scores over time, oldest first.
type Series struct {
	Activity Activity
	Points   []Point
}

// Point is one score with its time.
type Point struct {
	At    time.Time
	Score int
}

// Change is the last score against the first; ok is false with fewer than
// two.
func (s Series) Change() (first, last Point, ok bool) {
	if len(s.Points) < 2 {
		return Point{}, Point{}, false
	}
	return s.Points[0], s.Points[len(s.Points)-1], true
}

// SeriesOf is each activity with its scores, in the order named; an
// activity never rated has no points. Only ratings at or after since count
// (a zero since counts all), so a report can look at its own weeks.
func SeriesOf(all []Activity, ratings []Rating, since time.Time) []Series {
	index := map[int64]int{}
	out := make([]Series, len(all))
	for i, a := range all {
		index[a.ID] = i
		out[i].Activity = a
	}
	for _, r := range ratings {
		i, ok := index[r.ActivityID]
		if !ok || r.At.Before(since) {
			continue
		}
		out[i].Points = append(out[i].Points, Point{At: r.At, Score: r.Score})
	}
	for i := range out {
		sort.SliceStable(out[i].Points, func(a, b int) bool { return out[i].Points[a].At.Before(out[i].Points[b].At) })
	}
	return out
}

// ChangeWords says one activity's change in figures, and whether it is at
// least what the form calls detectable for a single activity. It says
// nothing more: the form gives no threshold for what a change means.
func ChangeWords(s Series) string {
	first, last, ok := s.Change()
	if !ok {
		if len(s.Points) == 1 {
			return fmt.Sprintf("%d on %s; rated once so far.", s.Points[0].Score, s.Points[0].At.Format("2 Jan"))
		}
		return "not rated yet."
	}
	text := fmt.Sprintf("%d on %s, %d on %s", first.Score, first.At.Format("2 Jan"), last.Score, last.At.Format("2 Jan"))
	return text + ": " + singleChange(last.Score-first.Score)
}

// SeriesWords is every score of an activity with the change from the
// first to the last: "2, 4, 5 (3 Nov to 17 Nov): up 3, at least the
// detectable 3 points."
func SeriesWords(s Series) string {
	first, last, ok := s.Change()
	if !ok {
		return ChangeWords(s)
	}
	scores := make([]string, len(s.Points))
	for i, p := range s.Points {
		scores[i] = fmt.Sprint(p.Score)
	}
	return fmt.Sprintf("%s (%s to %s): %s", strings.Join(scores, ", "), first.At.Format("2 Jan"), last.At.Format("2 Jan"), singleChange(last.Score-first.Score))
}

// Detectable says once what the form gives as the least change it can tell
// from noise, for the changes that ChangeWords and AverageWords read
// against it.
func Detectable() string {
	return fmt.Sprintf("The scale's form gives %d points for the average and %d for one activity as the least change it can tell from noise (minimum detectable change).", DetectableAverage, DetectableSingle)
}

func singleChange(d int) string {
	switch {
	case d == 0:
		return "no change."
	case abs(d) >= DetectableSingle:
		return fmt.Sprintf("%s %d, at least the detectable %d points.", upDown(d), abs(d), DetectableSingle)
	}
	return fmt.Sprintf("%s %d, under the detectable %d points.", upDown(d), abs(d), DetectableSingle)
}

// upDown names a change on this scale, where higher is better.
func upDown(d int) string {
	if d > 0 {
		return "up"
	}
	return "down"
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// AverageChange is the first and the last sitting whose activities are the
// same, for the average's change; ok is false when there are not two such
// sittings (an average over other activities is another total).
func AverageChange(sittings []Sitting) (first, last Sitting, ok bool) {
	if len(sittings) < 2 {
		return Sitting{}, Sitting{}, false
	}
	last = sittings[len(sittings)-1]
	for _, s := range sittings[:len(sittings)-1] {
		if sameActivities(s, last) {
			return s, last, true
		}
	}
	return Sitting{}, Sitting{}, false
}

func sameActivities(a, b Sitting) bool {
	if len(a.Scores) != len(b.Scores) {
		return false
	}
	for id := range a.Scores {
		if _, ok := b.Scores[id]; !ok {
			return false
		}
	}
	return true
}

// AverageWords says the average's change, as ChangeWords does for one
// activity, against the form's 2 points.
func AverageWords(first, last Sitting) string {
	d := last.Average() - first.Average()
	text := fmt.Sprintf("Average %s on %s, %s on %s", trim(first.Average()), first.At.Format("2 Jan"), trim(last.Average()), last.At.Format("2 Jan"))
	switch {
	case d > -0.05 && d < 0.05:
		return text + ": no change."
	case d >= DetectableAverage || d <= -DetectableAverage:
		return fmt.Sprintf("%s: %s %s, at least the detectable %d points.", text, upDownF(d), trim(absF(d)), DetectableAverage)
	}
	return fmt.Sprintf("%s: %s %s, under the detectable %d points.", text, upDownF(d), trim(absF(d)), DetectableAverage)
}

func upDownF(d float64) string {
	if d > 0 {
		return "up"
	}
	return "down"
}

func absF(d float64) float64 {
	if d < 0 {
		return -d
	}
	return d
}

// trim is "4", "4.3": one decimal, none when it is whole.
func trim(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
