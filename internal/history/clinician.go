package history

import (
	"fmt"
	"sort"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// clinicianCheckNights is how long "a clinician has checked this" stands
// (CONTENT.md section 4): 4 weeks.
const clinicianCheckNights = 28

// dateLayout is how a clinician's check date is stored.
const dateLayout = "2006-01-02"

// ClinicianCheck is the person's word that a clinician assessed what one
// red-flag question asks about.
type ClinicianCheck struct {
	QuestionID string
	// CheckedOn is the day the person says the clinician assessed it, as
	// midnight in the zone it is read in.
	CheckedOn time.Time
	// Until is the first day it no longer stands: CheckedOn plus 4 weeks.
	Until time.Time
	// At is when the person recorded it.
	At time.Time
}

// SaveClinicianCheck records that a clinician assessed questionID on the
// calendar day of checkedOn (in checkedOn's zone), as told at time at.
//
// The 4 weeks run from checkedOn, not from the recording: the assessment is
// what vouches for the answer, and it grows stale from the day it happened,
// however late the person tells the app. A day after at is refused, since an
// assessment cannot be vouched for before it happened.
//
// history does not know the tiers of questions: the caller must offer this
// for URGENT and BOOK questions only, never for EMERGENCY ones.
func (s *Store) SaveClinicianCheck(questionID string, checkedOn, at time.Time) error {
	switch {
	case questionID == "":
		return fmt.Errorf("the clinician's check could not be saved: it names no question")
	case checkedOn.IsZero() || at.IsZero():
		return fmt.Errorf("the clinician's check could not be saved: it has no date")
	case dayOf(checkedOn).daysUntil(dayOf(at)) < 0:
		return fmt.Errorf("the clinician's check could not be saved: %s is after today", checkedOn.Format(dateLayout))
	}
	if _, err := s.db.Exec(`INSERT INTO clinician_checked (at_ms, question_id, checked_on) VALUES (?, ?, ?)`,
		at.UnixMilli(), questionID, checkedOn.Format(dateLayout)); err != nil {
		return fmt.Errorf("the clinician's check could not be saved to %s: %v", s.path, err)
	}
	s.wrote()
	return nil
}

// ClinicianChecks returns the checks that stand tonight, one per question
// (its latest assessment), the oldest assessment first. A check stands from its day until 4
// weeks later; "tonight" is the night of now (Night with the person's
// rollover hour), so a check does not lapse at midnight in the middle of a
// night.
// A check dated after tonight (the clock moved back) does not stand: a
// question it would soften is asked in full instead.
func (s *Store) ClinicianChecks(now time.Time, rolloverHour int) ([]ClinicianCheck, error) {
	all, err := s.clinicianChecks(now.Location())
	if err != nil {
		return nil, err
	}
	tonight := nightOf(now, now, rolloverHour)
	latest := map[string]int{}
	var order []string
	for i, c := range all {
		on := dayOf(c.CheckedOn)
		if on.daysUntil(tonight) < 0 || on.daysUntil(tonight) >= clinicianCheckNights {
			continue
		}
		j, seen := latest[c.QuestionID]
		if !seen {
			order = append(order, c.QuestionID)
		}
		if !seen || !all[j].CheckedOn.After(c.CheckedOn) {
			latest[c.QuestionID] = i
		}
	}
	out := make([]ClinicianCheck, 0, len(order))
	for _, q := range order {
		out = append(out, all[latest[q]])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].CheckedOn.Equal(out[j].CheckedOn) {
			return out[i].CheckedOn.Before(out[j].CheckedOn)
		}
		return out[i].QuestionID < out[j].QuestionID
	})
	return out, nil
}

// ClinicianCheckHistory returns every clinician's check ever recorded, in
// the order recorded, for exports and the visit report. Dates are read in the
// local zone.
func (s *Store) ClinicianCheckHistory() ([]ClinicianCheck, error) {
	return s.clinicianChecks(time.Local)
}

func (s *Store) clinicianChecks(loc *time.Location) ([]ClinicianCheck, error) {
	rows, err := s.db.Query(`SELECT at_ms, question_id, checked_on FROM clinician_checked ORDER BY at_ms, rowid`)
	if err != nil {
		return nil, fmt.Errorf("the clinician's checks in %s could not be read: %v", s.path, err)
	}
	defer rows.Close()
	var out []ClinicianCheck
	for rows.Next() {
		var (
			c  ClinicianCheck
			ms int64
			on string
		)
		if err := rows.Scan(&ms, &c.QuestionID, &on); err != nil {
			return nil, fmt.Errorf("the clinician's checks in %s could not be read: %v", s.path, err)
		}
		d, err := time.ParseInLocation(dateLayout, on, loc)
		if err != nil {
			return nil, fmt.Errorf("the clinician's checks in %s could not be read: date %q: %v", s.path, on, err)
		}
		c.QuestionID = textsafe.Clean(c.QuestionID) // the file may have been written by something else
		c.At, c.CheckedOn = time.UnixMilli(ms).In(loc), d
		c.Until = time.Date(d.Year(), d.Month(), d.Day()+clinicianCheckNights, 0, 0, 0, 0, loc)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("the clinician's checks in %s could not be read: %v", s.path, err)
	}
	return out, nil
}
