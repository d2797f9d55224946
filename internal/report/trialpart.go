package report

import (
	"strings"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/trial"
)

// TrialPart is the newest heat trial: where it stands, and its results
// once the last pair is done or it was stopped. Until then the report, like
// every other front end, shows no rating of it.
type TrialPart struct {
	Progress trial.Progress
	Result   *trial.Result
}

func trialPart(in Input, sessions []history.Session) *TrialPart {
	t, ok := trial.Latest(in.Trials)
	if !ok {
		return nil
	}
	p := &TrialPart{Progress: trial.ProgressOf(t, sessions, in.Checks, in.Now, in.RolloverHour)}
	if r, ok := trial.Results(t, sessions, in.Checks, in.Now, in.RolloverHour); ok {
		p.Result = &r
	}
	return p
}

func (r Report) trialSection() Section {
	p := r.Trial
	sec := Section{Title: trial.Title + " A trial of heat, pair by pair"}
	sec.Lines = trial.ProgressLines(p.Progress)
	if p.Result == nil {
		return sec
	}
	// With the results, where it stands is their head: the nights, and
	// which counted.
	sec.Lines = []string{trial.RangeLine(p.Progress.Trial) + " " + trial.CountLine(p.Progress), trial.Method()}
	sec.Lines = append(sec.Lines, trial.Summary(*p.Result)...)
	sec.table = [][]string{trial.PairHeader()}
	for _, pr := range p.Result.Pairs {
		if pr.Heat.Status == trial.NotReached && pr.Without.Status == trial.NotReached {
			continue
		}
		sec.Items = append(sec.Items, trial.PairLine(pr))
		sec.table = append(sec.table, trial.PairRow(pr))
	}
	sec.after = []string{strings.Join(trial.Limits(), " ")}
	return sec
}
