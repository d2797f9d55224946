package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/textsafe"
)

// A report describes the routine the person did on the nights it covers,
// as the sessions recorded it (which routine, which steps done or
// skipped), not the routine the settings name today: they may have
// switched since, and a clinician reads what was done.

// RoutineUse is one routine as the sessions in range used it.
type RoutineUse struct {
	Name   string
	Title  string // from the library; the name when it is no longer found
	Found  bool   // still in the library now
	Nights int    // nights with at least one step done or the routine finished
	Steps  []StepUse
}

// StepUse is one step of a used routine: its dose as the routine file
// gives it now (empty when the step is no longer in it), and on how many
// nights it was done and skipped.
type StepUse struct {
	Title         string
	Dose          string
	Done, Skipped int
}

func routinesUsed(sessions []history.Session, library []routines.Routine, nightOf func(time.Time) time.Time) []RoutineUse {
	type acc struct {
		nights        map[time.Time]bool
		done, skipped map[string]map[time.Time]bool
		heatSeconds   int
		heatNights    map[time.Time]bool
	}
	by := map[string]*acc{}
	for _, s := range sessions {
		if s.Partial && len(s.Completed) == 0 {
			continue
		}
		a := by[s.Routine]
		if a == nil {
			a = &acc{nights: map[time.Time]bool{}, done: map[string]map[time.Time]bool{}, skipped: map[string]map[time.Time]bool{}, heatNights: map[time.Time]bool{}}
			by[s.Routine] = a
		}
		n := nightOf(s.Start)
		a.nights[n] = true
		mark := func(m map[string]map[time.Time]bool, titles []string) {
			for _, t := range titles {
				if m[t] == nil {
					m[t] = map[time.Time]bool{}
				}
				m[t][n] = true
			}
		}
		mark(a.done, s.Completed)
		mark(a.skipped, s.Skipped)
		if s.HeatKnown && s.HeatSeconds > 0 {
			a.heatSeconds += s.HeatSeconds
			a.heatNights[n] = true
		}
	}
	var out []RoutineUse
	for name, a := range by {
		u := RoutineUse{Name: textsafe.Clean(name), Title: textsafe.Clean(name), Nights: len(a.nights)}
		var def routines.Routine
		for _, r := range library {
			if strings.EqualFold(r.Name, name) {
				def, u.Found = r, true
				u.Title = textsafe.Clean(r.Title)
				break
			}
		}
		seen := map[string]bool{}
		add := func(title, dose string) {
			seen[title] = true
			u.Steps = append(u.Steps, StepUse{Title: textsafe.Clean(title), Dose: dose, Done: len(a.done[title]), Skipped: len(a.skipped[title])})
		}
		for _, st := range def.Steps {
			if len(a.done[st.Title]) == 0 && len(a.skipped[st.Title]) == 0 {
				continue // left out on every night (an adaptation, the gate)
			}
			d := dose(st, routines.Options{})
			if st.Kind == routines.KindHeat {
				d = "heating pad"
				if n := len(a.heatNights); n > 0 {
					d += fmt.Sprintf(", on for %s a night on average", minutes(a.heatSeconds/n))
				}
			}
			add(st.Title, d)
		}
		var other []string
		for t := range a.done {
			if !seen[t] {
				other = append(other, t)
			}
		}
		for t := range a.skipped {
			if !seen[t] && a.done[t] == nil {
				other = append(other, t)
			}
		}
		sort.Strings(other)
		for _, t := range other {
			add(t, "")
		}
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Nights != out[j].Nights {
			return out[i].Nights > out[j].Nights
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// usedSection is the routines used, and the steps of the one used most.
func (r Report) usedSection() Section {
	sec := Section{Title: "The routine on these nights"}
	var names []string
	for _, u := range r.RoutinesUsed {
		n := fmt.Sprintf("%s (%s) on %s", u.Title, u.Name, plural(u.Nights, "night"))
		if !u.Found {
			n += ", a routine no longer found"
		}
		names = append(names, n)
	}
	line := "From the sessions: " + strings.Join(names, "; ") + "."
	if len(r.Adapted) > 0 {
		line += " " + strings.Join(r.Adapted, " ")
	}
	sec.Lines = []string{line}
	main := r.RoutinesUsed[0]
	for _, st := range main.Steps {
		item := st.Title
		if st.Dose != "" {
			item += ": " + st.Dose
		}
		item += fmt.Sprintf("; done on %s", plural(st.Done, "night"))
		if st.Skipped > 0 {
			item += fmt.Sprintf(", skipped on %d", st.Skipped)
		}
		sec.Items = append(sec.Items, item+".")
	}
	if len(r.RoutinesUsed) > 1 {
		sec.Items = append(sec.Items, fmt.Sprintf("The steps above are %s's; the other routines are in supine history --csv.", main.Title))
	}
	return sec
}
