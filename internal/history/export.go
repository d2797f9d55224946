package history

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// exported is a session in its export form. The field order here is the
// JSON key order and matches the CSV columns; keep both stable, people script
// against them: new fields go at the end.
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
	HeatStarted    *string  `json:"heat_started"` // null: heat never started, or not recorded
	HeatSeconds    *int     `json:"heat_seconds"` // null: not recorded (sessions from before schema 3)
	PainStep       string   `json:"pain_step"`
	Woke           *bool    `json:"woke"`               // null: not asked
	WokeNothing    *bool    `json:"woke_nothing_eases"` // null: not asked
	HeatQuestion   *string  `json:"heat_question"`      // "no", "yes" or "not sure"; null: not asked
	SkinStop       *string  `json:"skin_stop"`          // when heat ended for the skin; null: it did not
}

var csvHeader = []string{"id", "start", "end", "routine", "completed", "skipped", "heat_minutes",
	"before", "after", "red_flag", "stopped_for_pain", "partial",
	"heat_started", "heat_seconds", "pain_step", "woke", "woke_nothing_eases",
	"heat_question", "skin_stop"}

// export is a session in its export form. Every text goes through
// textsafe.Clean here, whatever the caller did: a session may come from
// anywhere (a test, a salvaged row), and an export is printed to terminals.
func export(s Session) exported {
	e := exported{
		ID: s.ID, Start: s.Start.Format(time.RFC3339), Routine: textsafe.Clean(s.Routine),
		Completed: cleanAll(s.Completed), Skipped: cleanAll(s.Skipped), HeatMinutes: s.HeatMinutes,
		Before: s.Before, After: s.After, RedFlag: textsafe.Clean(s.RedFlag),
		StoppedForPain: s.StoppedForPain, Partial: s.Partial, PainStep: textsafe.Clean(s.PainStep),
		Woke: s.Woke, WokeNothing: s.WokeNothingEases,
	}
	if !s.End.IsZero() {
		end := s.End.Format(time.RFC3339)
		e.End = &end
	}
	if !s.HeatStart.IsZero() {
		started := s.HeatStart.Format(time.RFC3339)
		e.HeatStarted = &started
	}
	if s.HeatKnown {
		e.HeatSeconds = &s.HeatSeconds
	}
	if s.HeatQuestion != "" {
		answer := textsafe.Clean(s.HeatQuestion)
		e.HeatQuestion = &answer
	}
	if !s.SkinStop.IsZero() {
		stopped := s.SkinStop.Format(time.RFC3339)
		e.SkinStop = &stopped
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
	return writeIndented(w, out)
}

// WriteCSV writes a header row and one row per session. Step lists are joined
// with "; ", a skipped check-in or missing end is an empty cell, and a text
// cell that a spreadsheet would take for a formula starts with "'".
func WriteCSV(w io.Writer, sessions []Session) error {
	rows := make([][]string, 0, len(sessions))
	for _, s := range sessions {
		e := export(s)
		rows = append(rows, []string{
			strconv.FormatInt(e.ID, 10), e.Start, optionalText(e.End), e.Routine,
			strings.Join(e.Completed, "; "), strings.Join(e.Skipped, "; "),
			strconv.Itoa(e.HeatMinutes), optional(e.Before), optional(e.After),
			e.RedFlag, strconv.FormatBool(e.StoppedForPain), strconv.FormatBool(e.Partial),
			optionalText(e.HeatStarted), optional(e.HeatSeconds), e.PainStep,
			optionalBool(e.Woke), optionalBool(e.WokeNothing),
			optionalText(e.HeatQuestion), optionalText(e.SkinStop),
		})
	}
	return writeCSV(w, csvHeader, rows)
}

// cleanAll is textsafe.Clean on each text of a list, in a new list.
func cleanAll(list []string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = textsafe.Clean(s)
	}
	return out
}

func optional(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

func optionalBool(v *bool) string {
	if v == nil {
		return ""
	}
	return strconv.FormatBool(*v)
}

func optionalText(v *string) string {
	if v == nil {
		return ""
	}
	return *v
}

// exportedCheck is a red-flag check in its export form; as for sessions, the
// field order is the JSON key order and the CSV columns.
type exportedCheck struct {
	At   string   `json:"at"`
	Tier string   `json:"tier"`
	Full bool     `json:"full"`
	Yes  []string `json:"yes"`
	// Version is the version of the questions the check answered.
	Version string `json:"content_version"`
	// PatternAsked: the check asked the long-standing pattern's questions.
	PatternAsked bool `json:"pattern_asked"`
}

var checksCSVHeader = []string{"at", "tier", "full", "yes", "content_version", "pattern_asked"}

func exportCheck(c Check) exportedCheck {
	e := exportedCheck{At: c.At.Format(time.RFC3339), Tier: textsafe.Clean(c.Tier), Full: c.Full, Yes: cleanAll(c.Yes), Version: textsafe.Clean(c.Version), PatternAsked: c.PatternAsked}
	if e.Tier == "" {
		e.Tier = TierNone
	}
	if e.Yes == nil {
		e.Yes = []string{}
	}
	return e
}

// WriteChecksJSON writes red-flag checks as an indented JSON array, in the
// order given. Checks are exported on their own rather than inside WriteJSON's
// output so that its top level stays the array of sessions scripts already
// read; a caller wanting both writes the two.
func WriteChecksJSON(w io.Writer, checks []Check) error {
	out := make([]exportedCheck, 0, len(checks))
	for _, c := range checks {
		out = append(out, exportCheck(c))
	}
	return writeIndented(w, out)
}

// WriteChecksCSV writes a header row and one row per red-flag check. The
// question IDs answered yes are joined with "; ".
func WriteChecksCSV(w io.Writer, checks []Check) error {
	rows := make([][]string, 0, len(checks))
	for _, c := range checks {
		e := exportCheck(c)
		rows = append(rows, []string{e.At, e.Tier, strconv.FormatBool(e.Full), strings.Join(e.Yes, "; "), e.Version,
			strconv.FormatBool(e.PatternAsked)})
	}
	return writeCSV(w, checksCSVHeader, rows)
}
