package history

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"
)

// exported is a session in its export form. The field order here is the
// JSON key order and matches the CSV columns; keep both stable, people script
// against them.
type exported struct {
	ID             int64    `json:"id"`
	Start          string   `json:"start"`
	End            *string  `json:"end"`
	Routine        string   `json:"routine"`
	Completed      []string `json:"completed"`
	Skipped        []string `json:"skipped"`
	HeatMinutes    int      `json:"heat_minutes"`
	Before         *int     `json:"before"`
	After          *int     `json:"after"`
	RedFlag        string   `json:"red_flag"`
	StoppedForPain bool     `json:"stopped_for_pain"`
	Partial        bool     `json:"partial"`
}

var csvHeader = []string{"id", "start", "end", "routine", "completed", "skipped", "heat_minutes",
	"before", "after", "red_flag", "stopped_for_pain", "partial"}

func export(s Session) exported {
	e := exported{
		ID: s.ID, Start: s.Start.Format(time.RFC3339), Routine: s.Routine,
		Completed: s.Completed, Skipped: s.Skipped, HeatMinutes: s.HeatMinutes,
		Before: s.Before, After: s.After, RedFlag: s.RedFlag,
		StoppedForPain: s.StoppedForPain, Partial: s.Partial,
	}
	if !s.End.IsZero() {
		end := s.End.Format(time.RFC3339)
		e.End = &end
	}
	if e.Completed == nil {
		e.Completed = []string{}
	}
	if e.Skipped == nil {
		e.Skipped = []string{}
	}
	if e.RedFlag == "" {
		e.RedFlag = TierNone
	}
	return e
}

// WriteJSON writes the sessions as an indented JSON array (an empty one for
// no sessions). Times are RFC 3339 in the zone they carry; a missing end or
// skipped check-in is null.
func WriteJSON(w io.Writer, sessions []Session) error {
	out := make([]exported, 0, len(sessions))
	for _, s := range sessions {
		out = append(out, export(s))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteCSV writes a header row and one row per session. Step lists are joined
// with "; ", a skipped check-in or missing end is an empty cell, and a text
// cell that a spreadsheet would take for a formula starts with "'".
func WriteCSV(w io.Writer, sessions []Session) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, s := range sessions {
		e := export(s)
		end := ""
		if e.End != nil {
			end = *e.End
		}
		if err := cw.Write([]string{
			strconv.FormatInt(e.ID, 10), e.Start, end, inert(e.Routine),
			inert(strings.Join(e.Completed, "; ")), inert(strings.Join(e.Skipped, "; ")),
			strconv.Itoa(e.HeatMinutes), optional(e.Before), optional(e.After),
			inert(e.RedFlag), strconv.FormatBool(e.StoppedForPain), strconv.FormatBool(e.Partial),
		}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// inert keeps a text cell from being run as a formula when the export is
// opened in a spreadsheet ("=HYPERLINK(...)" as a step title): as OWASP
// advises for CSV injection, a cell that starts with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, which spreadsheets show as text.
// Only text cells are touched; numbers and times never start that way.
func inert(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

func optional(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}
