package history

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// MaxActivities is how many activities the person rates at once: the
// Patient-Specific Functional Scale asks for up to three (package psfs).
const MaxActivities = 3

// maxActivityName bounds a name: an activity is a few words.
const maxActivityName = 80

// Activity is one thing the person's back makes hard ("putting on socks"),
// as they named it for the Patient-Specific Functional Scale.
type Activity struct {
	ID      int64
	Name    string
	Added   time.Time
	Dropped time.Time // zero while it is still rated
}

// Active reports whether the activity is still rated.
func (a Activity) Active() bool { return a.Dropped.IsZero() }

// Rating is one activity's score at one sitting: 0 (unable to do it) to 10
// (as well as before the back trouble).
type Rating struct {
	At         time.Time
	ActivityID int64
	Score      int
}

// Rated is one answer of a sitting: an activity already named (ID) or a new
// one (ID 0 and its Name), with its score.
type Rated struct {
	ID    int64
	Name  string
	Score int
}

// SaveRatings keeps one sitting: new activities are named, and every score
// is written, in one transaction, so a sitting is never half kept. It
// refuses a score outside 0 to 10, an empty or over-long name, an unknown
// or dropped activity, and more than MaxActivities active at once.
func (s *Store) SaveRatings(at time.Time, answers []Rated) error {
	if at.IsZero() {
		return fmt.Errorf("the activity ratings could not be saved: they have no time")
	}
	for _, a := range answers {
		if a.Score < 0 || a.Score > 10 {
			return fmt.Errorf("the activity ratings could not be saved: %d is outside 0 to 10", a.Score)
		}
		if a.ID == 0 {
			if err := checkActivityName(a.Name); err != nil {
				return fmt.Errorf("the activity ratings could not be saved: %v", err)
			}
		}
	}
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("the activity ratings could not be saved to %s: %v", s.path, err)
	}
	defer tx.Rollback()
	active, err := activeIDs(tx)
	if err != nil {
		return fmt.Errorf("the activity ratings could not be saved to %s: %v", s.path, err)
	}
	for _, a := range answers {
		id := a.ID
		if id == 0 {
			if len(active) >= MaxActivities {
				return fmt.Errorf("the activity ratings could not be saved: %d activities are rated already; drop one first", MaxActivities)
			}
			res, err := tx.Exec(`INSERT INTO function_activities (name, added_ms) VALUES (?, ?)`, strings.TrimSpace(a.Name), at.UnixMilli())
			if err != nil {
				return fmt.Errorf("the activity ratings could not be saved to %s: %v", s.path, err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			active[id] = true
		} else if !active[id] {
			return fmt.Errorf("the activity ratings could not be saved: activity %d is not one being rated", id)
		}
		if _, err := tx.Exec(`INSERT INTO function_ratings (at_ms, activity_id, score) VALUES (?, ?, ?)`,
			at.UnixMilli(), id, a.Score); err != nil {
			return fmt.Errorf("the activity ratings could not be saved to %s: %v", s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("the activity ratings could not be saved to %s: %v", s.path, err)
	}
	return nil
}

func checkActivityName(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return fmt.Errorf("an activity has no name")
	case len([]rune(name)) > maxActivityName:
		return fmt.Errorf("an activity's name is longer than %d characters", maxActivityName)
	case !textsafe.Safe(name):
		return fmt.Errorf("an activity's name holds control characters")
	}
	return nil
}

func activeIDs(tx *sql.Tx) (map[int64]bool, error) {
	rows, err := tx.Query(`SELECT id FROM function_activities WHERE dropped_ms IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// DropActivity stops rating an activity; its past ratings stay.
func (s *Store) DropActivity(id int64, at time.Time) error {
	res, err := s.db.Exec(`UPDATE function_activities SET dropped_ms = ? WHERE id = ? AND dropped_ms IS NULL`, at.UnixMilli(), id)
	if err != nil {
		return fmt.Errorf("the activity could not be dropped in %s: %v", s.path, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("the activity could not be dropped: activity %d is not one being rated", id)
	}
	return nil
}

// Activities returns every activity ever named, dropped ones too, in the
// order named. Names are cleaned: the file may have been written by
// something else.
func (s *Store) Activities() ([]Activity, error) {
	rows, err := s.db.Query(`SELECT id, name, added_ms, dropped_ms FROM function_activities ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("the activities in %s could not be read: %v", s.path, err)
	}
	defer rows.Close()
	var out []Activity
	for rows.Next() {
		var (
			a       Activity
			added   int64
			dropped sql.NullInt64
		)
		if err := rows.Scan(&a.ID, &a.Name, &added, &dropped); err != nil {
			return nil, fmt.Errorf("the activities in %s could not be read: %v", s.path, err)
		}
		a.Name, a.Added = textsafe.Clean(a.Name), time.UnixMilli(added)
		if dropped.Valid {
			a.Dropped = time.UnixMilli(dropped.Int64)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("the activities in %s could not be read: %v", s.path, err)
	}
	return out, nil
}

// Ratings returns every rating, oldest first.
func (s *Store) Ratings() ([]Rating, error) {
	rows, err := s.db.Query(`SELECT at_ms, activity_id, score FROM function_ratings ORDER BY at_ms, id`)
	if err != nil {
		return nil, fmt.Errorf("the activity ratings in %s could not be read: %v", s.path, err)
	}
	defer rows.Close()
	var out []Rating
	for rows.Next() {
		var (
			r  Rating
			ms int64
		)
		if err := rows.Scan(&ms, &r.ActivityID, &r.Score); err != nil {
			return nil, fmt.Errorf("the activity ratings in %s could not be read: %v", s.path, err)
		}
		r.At = time.UnixMilli(ms)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("the activity ratings in %s could not be read: %v", s.path, err)
	}
	return out, nil
}
