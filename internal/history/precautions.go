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
	// ClearedHeat and ClearedStretches are what the person's clinician has
	// cleared them for despite a yes ("yes, and my clinician has cleared
	// me"), on the day ClearedOn (midnight, in the zone it is read in; zero
	// when nothing is cleared).
	ClearedHeat, ClearedStretches bool
	ClearedOn                     time.Time
}

// Cleared reports whether a clinician cleared anything of this yes.
func (p Precaution) Cleared() bool { return p.Yes && (p.ClearedHeat || p.ClearedStretches) }

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

// SavePrecautions keeps one yes or no answer of the precautions screen for
// each ID in answers, all at the time at (SavePrecautionAnswers).
func (s *Store) SavePrecautions(at time.Time, answers map[string]bool) error {
	all := make([]Precaution, 0, len(answers))
	for id, yes := range answers {
		all = append(all, Precaution{ID: id, Yes: yes})
	}
	return s.SavePrecautionAnswers(at, all)
}

// SavePrecautionAnswers keeps the answers of the precautions screen, each
// with what a clinician cleared, all at the time at (their At is ignored),
// in one transaction: a screen is saved whole or not at all. Unknown IDs
// are refused rather than kept under a name nobody reads, and so is a
// clearance without a yes, without a day, or dated after at.
func (s *Store) SavePrecautionAnswers(at time.Time, answers []Precaution) error {
	if at.IsZero() {
		return fmt.Errorf("the precautions could not be saved: they have no time")
	}
	if len(answers) == 0 {
		return fmt.Errorf("the precautions could not be saved: there are no answers")
	}
	answers = append([]Precaution(nil), answers...)
	for _, a := range answers {
		cleared := a.ClearedHeat || a.ClearedStretches
		switch {
		case !knownPrecaution(a.ID):
			return fmt.Errorf("the precautions could not be saved: %q is not one of %v", a.ID, PrecautionIDs)
		case cleared && !a.Yes:
			return fmt.Errorf("the precautions could not be saved: %s is cleared by a clinician but not answered yes", a.ID)
		case cleared && a.ClearedOn.IsZero():
			return fmt.Errorf("the precautions could not be saved: the clinician's clearance of %s has no date", a.ID)
		case cleared && dayOf(a.ClearedOn).daysUntil(dayOf(at)) < 0:
			return fmt.Errorf("the precautions could not be saved: the clearance of %s is dated %s, after today", a.ID, a.ClearedOn.Format(dateLayout))
		}
	}
	sort.Slice(answers, func(i, j int) bool { return answers[i].ID < answers[j].ID })
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("the precautions could not be saved to %s: %v", s.path, err)
	}
	defer tx.Rollback()
	for _, a := range answers {
		on := ""
		if a.ClearedHeat || a.ClearedStretches {
			on = a.ClearedOn.Format(dateLayout)
		}
		if _, err := tx.Exec(`INSERT INTO precautions (at_ms, id, yes, cleared_heat, cleared_stretches, cleared_on) VALUES (?, ?, ?, ?, ?, ?)`,
			at.UnixMilli(), a.ID, a.Yes, a.ClearedHeat, a.ClearedStretches, on); err != nil {
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
	return s.precautionHistory(true)
}

// precautionHistory reads every answer; withClearance is false for a
// history from before schema 7, which PeekPrecautions reads as it is.
func (s *Store) precautionHistory(withClearance bool) ([]Precaution, error) {
	q := `SELECT at_ms, id, yes, cleared_heat, cleared_stretches, cleared_on FROM precautions ORDER BY at_ms, rowid`
	if !withClearance {
		q = `SELECT at_ms, id, yes, 0, 0, '' FROM precautions ORDER BY at_ms, rowid`
	}
	rows, err := s.db.Query(q)
	if err != nil {
		return nil, fmt.Errorf("the precautions in %s could not be read: %v", s.path, err)
	}
	defer rows.Close()
	var out []Precaution
	for rows.Next() {
		var (
			p  Precaution
			ms int64
			on string
		)
		if err := rows.Scan(&ms, &p.ID, &p.Yes, &p.ClearedHeat, &p.ClearedStretches, &on); err != nil {
			return nil, fmt.Errorf("the precautions in %s could not be read: %v", s.path, err)
		}
		p.At = time.UnixMilli(ms)
		p.ID = textsafe.Clean(p.ID) // the file may have been written by something else
		if d, err := time.ParseInLocation(dateLayout, on, time.Local); err == nil {
			p.ClearedOn = d
		}
		if !p.Yes || p.ClearedOn.IsZero() {
			// A clearance needs a yes and a day; a row without them, or
			// with a day that is not a date (written by something else),
			// clears nothing: the precaution stands, the safe side.
			p.ClearedHeat, p.ClearedStretches, p.ClearedOn = false, false, time.Time{}
		}
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
	var cols int
	if err := db.QueryRow(`SELECT count(*) FROM pragma_table_info('precautions') WHERE name = 'cleared_on'`).Scan(&cols); err != nil {
		return Precautions{}, fmt.Errorf("the precautions in %s could not be read: %v", path, err)
	}
	st := &Store{db: db, path: path}
	all, err := st.precautionHistory(cols > 0)
	if err != nil {
		return Precautions{}, err
	}
	return LatestPrecautions(all), nil
}
