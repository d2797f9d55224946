package history

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// Exports of the precautions and of the clinician's checks, in the style of
// the checks' exports: each on its own, so that the top level of the sessions
// export stays the array scripts already read. Field order is the JSON key
// order and the CSV columns; new fields go at the end.

type exportedPrecaution struct {
	At  string `json:"at"`
	ID  string `json:"id"`
	Yes bool   `json:"yes"`
}

var precautionsCSVHeader = []string{"at", "id", "yes"}

// WritePrecautionsJSON writes precaution answers as an indented JSON array,
// in the order given (PrecautionHistory gives every answer, oldest first).
func WritePrecautionsJSON(w io.Writer, answers []Precaution) error {
	out := make([]exportedPrecaution, 0, len(answers))
	for _, p := range answers {
		out = append(out, exportedPrecaution{At: p.At.Format(time.RFC3339), ID: p.ID, Yes: p.Yes})
	}
	return writeIndented(w, out)
}

// WritePrecautionsCSV writes a header row and one row per precaution answer.
func WritePrecautionsCSV(w io.Writer, answers []Precaution) error {
	rows := make([][]string, 0, len(answers))
	for _, p := range answers {
		rows = append(rows, []string{p.At.Format(time.RFC3339), p.ID, strconv.FormatBool(p.Yes)})
	}
	return writeCSV(w, precautionsCSVHeader, rows)
}

type exportedClinicianCheck struct {
	At         string `json:"at"`
	QuestionID string `json:"question_id"`
	CheckedOn  string `json:"checked_on"` // a date, YYYY-MM-DD
	Until      string `json:"until"`      // the first date it no longer stands
}

var clinicianCSVHeader = []string{"at", "question_id", "checked_on", "until"}

func exportClinicianCheck(c ClinicianCheck) exportedClinicianCheck {
	return exportedClinicianCheck{At: c.At.Format(time.RFC3339), QuestionID: c.QuestionID,
		CheckedOn: c.CheckedOn.Format(dateLayout), Until: c.Until.Format(dateLayout)}
}

// WriteClinicianChecksJSON writes clinician's checks as an indented JSON
// array, in the order given.
func WriteClinicianChecksJSON(w io.Writer, checks []ClinicianCheck) error {
	out := make([]exportedClinicianCheck, 0, len(checks))
	for _, c := range checks {
		out = append(out, exportClinicianCheck(c))
	}
	return writeIndented(w, out)
}

// WriteClinicianChecksCSV writes a header row and one row per clinician's
// check.
func WriteClinicianChecksCSV(w io.Writer, checks []ClinicianCheck) error {
	rows := make([][]string, 0, len(checks))
	for _, c := range checks {
		e := exportClinicianCheck(c)
		rows = append(rows, []string{e.At, e.QuestionID, e.CheckedOn, e.Until})
	}
	return writeCSV(w, clinicianCSVHeader, rows)
}

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
