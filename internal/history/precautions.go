package history

import (
	"database/sql"
	"fmt"
	"net/url"
	"sort"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// The precautions asked before the first night (CONTENT.md section 6). The
// IDs are stored and exported: they never change, whatever the screen says.
const (
	PrecautionOsteoporosis   = "osteoporosis"    // osteoporosis, or a spine fracture from it
	PrecautionHipReplacement = "hip_replacement" // a hip replacement in the last few months, or hip movement limits
	PrecautionBackSurgery    = "back_surgery"    // back surgery in the last few months
	PrecautionPregnant       = "pregnant"
	PrecautionHeatCaution    = "heat_caution" // diabetes, poor circulation or reduced feeling in the skin
)

// PrecautionIDs lists every precaution, in the order of CONTENT.md section 6.
var PrecautionIDs = []string{
	PrecautionOsteoporosis, PrecautionHipReplacement, PrecautionBackSurgery,
	PrecautionPregnant, PrecautionHeatCaution,
}

// PrecautionsEvery is how long the answers stand before the screen is asked
// again. CONTENT.md says "every few months": three months, because a
// pregnancy, a new hip or back surgery changes what is safe well within a
// year, and the menu can ask sooner.
const PrecautionsEvery = 90 * 24 * time.Hour

func knownPrecaution(id string) bool {
	for _, known := range PrecautionIDs {
		if id == known {
			return true
		}
	}
	return false
}

// Precaution is one answer of the precautions screen.
type Precaution struct {
	At  time.Time // when it was answered
	ID  string    // one of PrecautionIDs
	Yes bool
}

// Precautions is what the person last said about each precaution.
type Precautions struct {
	// Asked is when the screen was last answered; zero when never.
	Asked time.Time
	// Latest holds the newest answer for each ID ever answered.
	Latest map[string]Precaution
}

// Has reports whether the newest answer for id is yes. A precaution never
// answered is not assumed.
func (p Precautions) Has(id string) bool { return p.Latest[id].Yes }

// Due reports whether the screen should be asked (again): never answered,
// answered PrecautionsEvery ago or more, or answered "in the future" (the
// clock moved back, so the date cannot be trusted).
func (p Precautions) Due(now time.Time) bool {
	return p.Asked.IsZero() || p.Asked.After(now) || now.Sub(p.Asked) >= PrecautionsEvery
}

// SavePrecautions keeps one answer of the precautions screen for each ID in
// answers, all at the time at, in one transaction: a screen is saved whole or
// not at all. Unknown IDs are refused rather than kept under a name nobody
// reads.
func (s *Store) SavePrecautions(at time.Time, answers map[string]bool) error {
	if at.IsZero() {
		return fmt.Errorf("the precautions could not be saved: they have no time")
	}
	if len(answers) == 0 {
		return fmt.Errorf("the precautions could not be saved: there are no answers")
	}
	ids := make([]string, 0, len(answers))
	for id := range answers {
		if !knownPrecaution(id) {
			return fmt.Errorf("the precautions could not be saved: %q is not one of %v", id, PrecautionIDs)
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("the precautions could not be saved to %s: %v", s.path, err)
	}
	defer tx.Rollback()
	for _, id := range ids {
		if _, err := tx.Exec(`INSERT INTO precautions (at_ms, id, yes) VALUES (?, ?, ?)`,
			at.UnixMilli(), id, answers[id]); err != nil {
			return fmt.Errorf("the precautions could not be saved to %s: %v", s.path, err)
		}
	}
	err = tx.Commit()
	s.wrote()
	if err != nil {
		return fmt.Errorf("the precautions could not be saved to %s: %v", s.path, err)
	}
	return nil
}

// Precautions returns the newest answer for each precaution and when the
// screen was last answered.
func (s *Store) Precautions() (Precautions, error) {
	all, err := s.PrecautionHistory()
	if err != nil {
		return Precautions{}, err
	}
	return LatestPrecautions(all), nil
}

// LatestPrecautions is the newest answer for each precaution in all (oldest
// first, as PrecautionHistory returns them: later answers win) and when the
// newest was given.
func LatestPrecautions(all []Precaution) Precautions {
	p := Precautions{Latest: make(map[string]Precaution, len(PrecautionIDs))}
	for _, a := range all {
		p.Latest[a.ID] = a
		if a.At.After(p.Asked) {
			p.Asked = a.At
		}
	}
	return p
}

// PrecautionHistory returns every precaution answer ever given, oldest first,
// for exports and the visit report. Times come back in the local zone.
func (s *Store) PrecautionHistory() ([]Precaution, error) {
	rows, err := s.db.Query(`SELECT at_ms, id, yes FROM precautions ORDER BY at_ms, rowid`)
	if err != nil {
		return nil, fmt.Errorf("the precautions in %s could not be read: %v", s.path, err)
	}
	defer rows.Close()
	var out []Precaution
	for rows.Next() {
		var (
			p  Precaution
			ms int64
		)
		if err := rows.Scan(&ms, &p.ID, &p.Yes); err != nil {
			return nil, fmt.Errorf("the precautions in %s could not be read: %v", s.path, err)
		}
		p.At = time.UnixMilli(ms)
		p.ID = textsafe.Clean(p.ID) // the file may have been written by something else
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("the precautions in %s could not be read: %v", s.path, err)
	}
	return out, nil
}

// PeekPrecautions reads the newest precaution answers from the history at
// path without opening it as a Store: read-only, no checks, no migrations,
// no change to the file or its folder. Commands that only print a plan use
// it, so that they start fast and never touch a history they do not write.
// A history with no precautions yet (or from before they were kept) gives
// none and no error.
func PeekPrecautions(path string) (Precautions, error) {
	u := url.URL{Scheme: "file", Path: path}
	db, err := sql.Open("sqlite", u.String()+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return Precautions{}, fmt.Errorf("the precautions in %s could not be read: %v", path, err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'precautions'`).Scan(&n); err != nil {
		return Precautions{}, fmt.Errorf("the precautions in %s could not be read: %v", path, err)
	}
	if n == 0 {
		return Precautions{Latest: map[string]Precaution{}}, nil
	}
	st := &Store{db: db, path: path}
	return st.Precautions()
}
