package history

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// Exports of the precautions, in the style of the checks' exports: on their
// own, so that the top level of the sessions export stays the array scripts
// already read. Field order is the JSON key order and the CSV columns; new
// fields go at the end.

type exportedPrecaution struct {
	At  string `json:"at"`
	ID  string `json:"id"`
	Yes bool   `json:"yes"`
	// What a clinician cleared despite the yes, and the day: only on a yes
	// answered "my clinician has cleared me".
	ClearedHeat      bool   `json:"cleared_heat,omitempty"`
	ClearedStretches bool   `json:"cleared_stretches,omitempty"`
	ClearedOn        string `json:"cleared_on,omitempty"`
}

var precautionsCSVHeader = []string{"at", "id", "yes", "cleared_heat", "cleared_stretches", "cleared_on"}

// clearedOn is the day a clinician cleared p, as stored; "" when nothing.
func clearedOn(p Precaution) string {
	if !p.Cleared() {
		return ""
	}
	return p.ClearedOn.Format(dateLayout)
}

// WritePrecautionsJSON writes precaution answers as an indented JSON array,
// in the order given (PrecautionHistory gives every answer, oldest first).
func WritePrecautionsJSON(w io.Writer, answers []Precaution) error {
	out := make([]exportedPrecaution, 0, len(answers))
	for _, p := range answers {
		out = append(out, exportedPrecaution{At: p.At.Format(time.RFC3339), ID: textsafe.Clean(p.ID), Yes: p.Yes,
			ClearedHeat: p.Cleared() && p.ClearedHeat, ClearedStretches: p.Cleared() && p.ClearedStretches, ClearedOn: clearedOn(p)})
	}
	return writeIndented(w, out)
}

// WritePrecautionsCSV writes a header row and one row per precaution answer.
func WritePrecautionsCSV(w io.Writer, answers []Precaution) error {
	rows := make([][]string, 0, len(answers))
	for _, p := range answers {
		rows = append(rows, []string{p.At.Format(time.RFC3339), textsafe.Clean(p.ID), strconv.FormatBool(p.Yes),
			strconv.FormatBool(p.Cleared() && p.ClearedHeat), strconv.FormatBool(p.Cleared() && p.ClearedStretches), clearedOn(p)})
	}
	return writeCSV(w, precautionsCSVHeader, rows)
}

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeCSV writes every CSV export. Every cell of every row passes here
// through textsafe.Clean and the formula guard, whatever its column: one
// place, so that no column added later can miss either.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			safe[i] = inert(textsafe.Clean(c))
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// inert keeps a cell from being run as a formula when the export is opened
// in a spreadsheet ("=HYPERLINK(...)" as a step title): as OWASP advises for
// CSV injection, a cell that starts with =, +, -, @, a tab or a carriage
// return gets a leading apostrophe, which spreadsheets show as text. The
// numbers and times supine writes never start that way; a negative number
// from a hand-edited database does, and is kept as text. Leading blanks are
// looked past: a spreadsheet may trim them on import.
func inert(cell string) string {
	if t := strings.TrimLeft(cell, " \t\r\n"); t != "" && strings.ContainsRune("=+-@", rune(t[0])) || cell != "" && strings.ContainsRune("\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
