package history

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// Exports of the precautions, in the style of the checks' exports: on their
// own, so that the top level of the sessions export stays the array scripts
// already read. Field order is the JSON key order and the CSV columns; new
// fields go at the end.

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
