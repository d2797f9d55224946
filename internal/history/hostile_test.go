package history

import (
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/textsafe/hostile"
)

// Text written into the database by something other than supine comes back
// clean, so no screen, plain line or export can print an escape sequence.
func TestSessionsFromAHostileDatabaseAreClean(t *testing.T) {
	st, _ := openTemp(t)
	for name, p := range hostile.Payloads {
		_, err := st.db.Exec(`INSERT INTO sessions (start_ms, routine, completed, skipped, red_flag)
			VALUES (?, ?, ?, ?, 'none')`, time.Now().UnixMilli(), "r"+p,
			`["step`+strings.ReplaceAll(p, `\`, `\\`)+`"]`, `[]`)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// The red-flag column is free text to SQLite: a hand-edited row can hold anything.
	if _, err := st.db.Exec(`UPDATE sessions SET red_flag = ? WHERE id = 1`, "none"+hostile.Payloads["OSC 52 clipboard"]); err != nil {
		t.Fatal(err)
	}
	got, err := st.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		for _, text := range append([]string{s.Routine, s.RedFlag}, append(s.Completed, s.Skipped...)...) {
			if m := hostile.Found(text); m != "" {
				t.Errorf("session %d: %q still holds %s", s.ID, text, m)
			}
		}
	}
	for _, write := range []func(*strings.Builder) error{
		func(b *strings.Builder) error { return WriteJSON(b, got) },
		func(b *strings.Builder) error { return WriteCSV(b, got) },
	} {
		var b strings.Builder
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if m := hostile.Found(strings.ReplaceAll(b.String(), "\r\n", "\n")); m != "" {
			t.Errorf("export holds %s", m)
		}
	}
}

// A spreadsheet runs a cell that starts with =, +, -, @, tab or CR as a
// formula; the export makes every such text cell start with ' instead.
func TestCSVCellsAreNeverFormulas(t *testing.T) {
	hostileCells := []string{`=HYPERLINK("http://x","click")`, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}
	var sessions []Session
	for i, c := range hostileCells {
		sessions = append(sessions, Session{ID: int64(i + 1), Start: time.Unix(1e9, 0), Routine: c,
			Completed: []string{c}, Skipped: []string{c}, RedFlag: c})
	}
	var b strings.Builder
	if err := WriteCSV(&b, sessions); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		for _, col := range []int{3, 4, 5, 9} { // routine, completed, skipped, red_flag
			if c := row[col]; c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("column %s is a formula: %q", csvHeader[col], c)
			}
			if c := row[col]; !strings.HasPrefix(c, "'") {
				t.Errorf("column %s lost its apostrophe: %q", csvHeader[col], c)
			}
		}
	}
	// Ordinary text and numbers are left alone.
	b.Reset()
	WriteCSV(&b, exportSample())
	if strings.Contains(b.String(), "'") {
		t.Errorf("an ordinary export changed:\n%s", b.String())
	}
}
