package plain

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
)

// ratingStore keeps activities and ratings in memory (a RatingStore).
type ratingStore struct {
	activities []history.Activity
	ratings    []history.Rating
	saved      [][]history.Rated
	saveErr    error
}

func (r *ratingStore) Activities() ([]history.Activity, error) { return r.activities, nil }
func (r *ratingStore) Ratings() ([]history.Rating, error)      { return r.ratings, nil }
func (r *ratingStore) SaveRatings(at time.Time, answers []history.Rated) error {
	if r.saveErr != nil {
		return r.saveErr
	}
	r.saved = append(r.saved, answers)
	return nil
}

// socks is one activity named three weeks ago, last rated days ago.
func socks(days int) *ratingStore {
	named := tonightAt.AddDate(0, 0, -21)
	return &ratingStore{
		activities: []history.Activity{{ID: 1, Name: "Putting on socks", Added: named}},
		ratings:    []history.Rating{{At: tonightAt.AddDate(0, 0, -days), ActivityID: 1, Score: 4}},
	}
}

// The weekly activity rating in the plain evening: asked once, with the
// "before" check-in and before the routine starts, only when it is due;
// naming is offered only on an evening that asks the precautions.
func TestTheWeeklyRatingInThePlainEvening(t *testing.T) {
	const ratingLine = "Your weekly activity rating, a minute. Press enter at the first question to skip it this week."
	const namingStart = "Activities your back makes hard: name up to 3"
	for _, tt := range []struct {
		name    string
		store   *ratingStore
		first   bool // a first night: the disclaimer and the precautions
		answers []typed
		asked   string // the line that opens it, or "" when not asked
		saved   []history.Rated
		says    string
		// whole: the first stretch is said whole, its countdown too: it
		// did not run while the rating waited for an answer.
		whole bool
	}{
		{name: "due: asked and kept", store: socks(8), answers: []typed{now("6\n")}, asked: ratingLine,
			saved: []history.Rated{{ID: 1, Name: "Putting on socks", Score: 6}}, says: "Kept. Your GP or physio can read them in supine report."},
		{name: "a slow answer: nothing runs meanwhile", store: socks(8), answers: []typed{{time.Minute, "6\n"}}, asked: ratingLine,
			saved: []history.Rated{{ID: 1, Name: "Putting on socks", Score: 6}}, whole: true},
		{name: "due, skipped with enter", store: socks(8), answers: []typed{now("\n")}, asked: ratingLine, says: "Skipped this week."},
		{name: "rated this week: not asked", store: socks(3)},
		{name: "nothing named: not asked on an ordinary night", store: &ratingStore{}},
		{name: "nothing named, the precautions asked: naming offered", store: &ratingStore{}, first: true,
			answers: []typed{now("Gardening\n"), now("\n"), now("5\n")}, asked: namingStart,
			saved: []history.Rated{{Name: "Gardening", Score: 5}}},
		{name: "a rating that cannot be kept says so", store: func() *ratingStore { r := socks(8); r.saveErr = errors.New("disk full"); return r }(),
			answers: []typed{now("6\n")}, asked: ratingLine, says: "Your activity rating could not be saved: disk full."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := evtest.Answered(answeredAt)
			var script []typed
			if tt.first {
				st = evtest.New()
				script = append(script, now("\n"), now("n\n"), now("n\n"), now("n\n"), now("n\n"), now("n\n"), now("\n"))
			}
			script = append(script, now(noneApply), now("4\n"), now("n\n"))
			script = append(script, tt.answers...)
			o := withCheckIns(Options{Evening: config(shortRoutine()), Ratings: tt.store})
			p := playIn(t, st, o, append(script, typed{3 * time.Minute, "\n"})...)
			if n := strings.Count(p.out, "Your weekly activity rating") + strings.Count(p.out, namingStart); (tt.asked != "") != (n == 1) || n > 1 {
				t.Fatalf("the rating opened %d times, want asked %v:\n%s", n, tt.asked != "", p.out)
			}
			if tt.asked != "" {
				rest := after(t, p.out, "Did back pain wake you last night? y or n")
				if len(rest) == 0 || !strings.HasPrefix(rest[0], tt.asked) {
					t.Errorf("the rating does not follow the before check-in:\n%s", p.out)
				}
				if !strings.Contains(strings.Join(rest, "\n"), "Step 1 of 4. Knee to chest") {
					t.Errorf("the routine did not start after the rating:\n%s", p.out)
				}
			}
			var want [][]history.Rated
			if tt.saved != nil {
				want = [][]history.Rated{tt.saved}
			}
			if !reflect.DeepEqual(tt.store.saved, want) {
				t.Errorf("kept %+v, want %+v", tt.store.saved, want)
			}
			if tt.says != "" && !has(p.out, tt.says) {
				t.Errorf("it did not say %q:\n%s", tt.says, p.out)
			}
			if rest := after(t, p.out, "Step 1 of 4. Knee to chest, left side. Hold 12 seconds."); tt.whole && (len(rest) == 0 || rest[0] != "10 seconds left.") {
				t.Errorf("the stretch ran while the rating waited:\n%s", p.out)
			}
			if p.res.Record.Before == nil || *p.res.Record.Before != 4 {
				t.Errorf("the before check-in was not kept: %+v", p.res.Record.Before)
			}
		})
	}
}
