package plain

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/psfs"
	"github.com/supine-app/supine/internal/say"
)

// asker is what the activity rating needs of a plain session: a line out,
// a line in (ok false when the input has ended). *session is one.
type asker interface {
	say(text string)
	readLine() (text string, ok bool, err error)
}

var _ asker = (*session)(nil)

// askActivities is the weekly rating of the Patient-Specific Functional
// Scale in plain lines (weeklyRating calls it when psfs.StatusAt says a
// rating is due, or to offer naming when nothing is named yet).
// series are the activities still rated (psfs.SeriesOf of psfs.Active).
//
// With nothing named it asks for up to psfs.Max names, one a line, an
// empty line to finish. Then each activity's score, 0 to 10. An empty line
// at the first question skips the whole rating; the answers are returned
// for the caller to keep (history.SaveRatings) only when every activity
// has a score, so that a sitting is kept whole or not at all. nil means
// skipped, or the input ended.
func askActivities(a asker, series []psfs.Series) ([]history.Rated, error) {
	var queue []history.Rated
	for _, s := range series {
		queue = append(queue, history.Rated{ID: s.Activity.ID, Name: s.Activity.Name})
	}
	if len(queue) == 0 {
		a.say(fmt.Sprintf("Activities your back makes hard: name up to %d, one a line, to rate once a week. For example: turning over in bed, putting on socks. Press enter on an empty line when done; enter now skips this.", psfs.Max))
		for len(queue) < psfs.Max {
			text, ok, err := a.readLine()
			if err != nil || !ok {
				return nil, err
			}
			name := strings.TrimSpace(text)
			if name == "" {
				break
			}
			queue = append(queue, history.Rated{Name: name})
		}
		if len(queue) == 0 {
			return nil, nil
		}
	} else {
		a.say("Your weekly activity rating, a minute. Press enter at the first question to skip it this week.")
	}
	a.say(fmt.Sprintf("%s %s; %s. Type a number and press enter.", psfs.Question, psfs.Low, psfs.High))
	for i := range queue {
		a.say(fmt.Sprintf("%d of %d. %s:", i+1, len(queue), queue[i].Name))
		for {
			text, ok, err := a.readLine()
			if err != nil || !ok {
				return nil, err
			}
			text = strings.TrimSpace(text)
			if text == "" && i == 0 {
				a.say("Skipped this week.")
				return nil, nil
			}
			if v, err := strconv.Atoi(text); err == nil && v >= 0 && v <= 10 {
				queue[i].Score = v
				break
			}
			a.say("Please type a whole number from 0 to 10:")
		}
	}
	return queue, nil
}

// RatingStore is what the weekly activity rating needs of the history;
// *history.Store is one.
type RatingStore interface {
	Activities() ([]history.Activity, error)
	Ratings() ([]history.Rating, error)
	SaveRatings(at time.Time, answers []history.Rated) error
}

// weeklyRating asks the activity rating, once an evening, when it is due
// (psfs.StatusAt); when no activity was ever named it offers naming them,
// but only on an evening that asked the precautions (the first night, then
// every few months), so that nobody is asked every night. The "before"
// check-in calls it before its answer reaches the evening, so that nothing
// runs while the person types. A history that cannot be read asks nothing:
// the rating can wait a night; one that cannot be written says so.
func (s *session) weeklyRating() error {
	if s.o.Ratings == nil || s.ratingAsked {
		return nil
	}
	s.ratingAsked = true
	all, err := s.o.Ratings.Activities()
	if err != nil {
		return nil
	}
	ratings, err := s.o.Ratings.Ratings()
	if err != nil {
		return nil
	}
	now := s.now()
	due := psfs.StatusAt(all, ratings, now, s.o.Evening.Rollover).Due
	if !due && (len(all) > 0 || !s.precautionsAsked) {
		return nil
	}
	answers, err := askActivities(s, psfs.SeriesOf(psfs.Active(all), ratings, time.Time{}))
	if err != nil || answers == nil {
		return err
	}
	if err := s.o.Ratings.SaveRatings(now, answers); err != nil {
		s.say(say.Sentence("Your activity rating could not be saved", err))
		return nil
	}
	s.say("Kept. Your GP or physio can read them in supine report.")
	return nil
}
