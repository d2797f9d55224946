package history

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// Trial is an n-of-1 comparison as stored: which nights have heat is fixed
// when it starts (package trial draws it and reads it), never after.
type Trial struct {
	ID      int64
	Kind    string    // what is compared: "heat"
	Started time.Time // when the person started it
	// FirstNight is the first night of the trial (as Night returns it:
	// midnight of that evening, in the zone it is read in).
	FirstNight time.Time
	Seed       int64
	// HeatFirst holds one answer a pair: whether the pair's first night
	// has heat (its second night then has none).
	HeatFirst []bool
	// Outcome names what is compared, fixed before the first night.
	Outcome string
	Stopped time.Time // zero unless the person stopped it early
}

// SaveTrial keeps a new trial and returns its ID. running is asked, inside
// the transaction, about every trial already kept: when it says one still
// runs, nothing is saved, so that two windows never start two trials.
func (s *Store) SaveTrial(t Trial, running func(Trial) bool) (int64, error) {
	switch {
	case t.Kind == "" || t.Outcome == "":
		return 0, fmt.Errorf("the trial could not be saved: it names no kind or outcome")
	case t.Started.IsZero() || t.FirstNight.IsZero():
		return 0, fmt.Errorf("the trial could not be saved: it has no start")
	case len(t.HeatFirst) == 0:
		return 0, fmt.Errorf("the trial could not be saved: it has no nights")
	}
	tx, err := s.db.Begin()
	if err != nil {
		return 0, fmt.Errorf("the trial could not be saved to %s: %v", s.path, err)
	}
	defer tx.Rollback()
	kept, err := readTrials(tx, time.Local)
	if err != nil {
		return 0, fmt.Errorf("the trial could not be saved to %s: %v", s.path, err)
	}
	for _, k := range kept {
		if running != nil && running(k) {
			return 0, fmt.Errorf("a %s trial is already running (started %s); stop it first with supine trial stop", k.Kind, k.Started.Format("2 Jan"))
		}
	}
	res, err := tx.Exec(`INSERT INTO trials (kind, started_ms, first_night, seed, heat_first, outcome) VALUES (?, ?, ?, ?, ?, ?)`,
		t.Kind, t.Started.UnixMilli(), t.FirstNight.Format(dateLayout), t.Seed, encodeOrder(t.HeatFirst), t.Outcome)
	if err != nil {
		return 0, fmt.Errorf("the trial could not be saved to %s: %v", s.path, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("the trial could not be saved to %s: %v", s.path, err)
	}
	s.wrote() // the evening reads the newest trial through Recent
	return id, nil
}

// StopTrial marks a trial stopped at at. Stopping one already stopped
// changes nothing.
func (s *Store) StopTrial(id int64, at time.Time) error {
	res, err := s.db.Exec(`UPDATE trials SET stopped_ms = ? WHERE id = ? AND stopped_ms IS NULL`, at.UnixMilli(), id)
	if err != nil {
		return fmt.Errorf("the trial could not be stopped in %s: %v", s.path, err)
	}
	s.wrote()
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("there is no running trial %d to stop", id)
	}
	return nil
}

// Trials returns every trial, oldest first, with dates in the local zone.
func (s *Store) Trials() ([]Trial, error) {
	out, err := readTrials(s.db, time.Local)
	if err != nil {
		return nil, fmt.Errorf("the trials in %s could not be read: %v", s.path, err)
	}
	return out, nil
}

type rowQuerier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

const trialColumns = `SELECT id, kind, started_ms, first_night, seed, heat_first, outcome, stopped_ms FROM trials`

func readTrials(q rowQuerier, loc *time.Location) ([]Trial, error) {
	return queryTrials(q, loc, trialColumns+` ORDER BY id`)
}

// latestTrial is the newest trial (as trial.Latest picks it: the latest
// start, then the highest id), or nil when there is none.
func latestTrial(q rowQuerier, loc *time.Location) (*Trial, error) {
	ts, err := queryTrials(q, loc, trialColumns+` ORDER BY started_ms DESC, id DESC LIMIT 1`)
	if err != nil || len(ts) == 0 {
		return nil, err
	}
	return &ts[0], nil
}

func queryTrials(q rowQuerier, loc *time.Location, query string) ([]Trial, error) {
	rows, err := q.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Trial
	for rows.Next() {
		var (
			t             Trial
			started       int64
			first, order  string
			stopped       sql.NullInt64
			kind, outcome string
		)
		if err := rows.Scan(&t.ID, &kind, &started, &first, &t.Seed, &order, &outcome, &stopped); err != nil {
			return nil, err
		}
		d, err := time.ParseInLocation(dateLayout, first, loc)
		if err != nil {
			return nil, fmt.Errorf("trial %d: first night %q: %v", t.ID, textsafe.Clean(first), err)
		}
		if t.HeatFirst, err = decodeOrder(order); err != nil {
			return nil, fmt.Errorf("trial %d: %v", t.ID, err)
		}
		t.Kind, t.Outcome = textsafe.Clean(kind), textsafe.Clean(outcome)
		t.Started, t.FirstNight = time.UnixMilli(started).In(loc), d
		if stopped.Valid {
			t.Stopped = time.UnixMilli(stopped.Int64).In(loc)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// encodeOrder is the order in its stored form: "H" for a pair whose first
// night has heat, "N" for one whose first night has none; "HNNH…".
func encodeOrder(heatFirst []bool) string {
	var b strings.Builder
	for _, h := range heatFirst {
		if h {
			b.WriteByte('H')
		} else {
			b.WriteByte('N')
		}
	}
	return b.String()
}

func decodeOrder(s string) ([]bool, error) {
	out := make([]bool, 0, len(s))
	for _, c := range s {
		switch c {
		case 'H':
			out = append(out, true)
		case 'N':
			out = append(out, false)
		default:
			return nil, fmt.Errorf("the order %q is not made of H and N", textsafe.Clean(s))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the order is empty")
	}
	return out, nil
}
