package history

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/textsafe/hostile"
)

// formulas are cells a spreadsheet would run (OWASP's CSV injection list,
// and a blank before one, which an import may trim).
var formulas = []string{`=HYPERLINK("http://x","click")`, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =1", "\n@x"}

// payloads are every escape payload and every formula, by name.
func payloads() map[string]string {
	all := map[string]string{}
	for name, p := range hostile.Payloads {
		all[name] = p
		all[name+" after text"] = "step " + p
	}
	for i, f := range formulas {
		all[fmt.Sprintf("formula %d", i)] = f
	}
	return all
}

// export is one of the history's exports, by name.
type exportFunc struct {
	name  string
	write func(b *strings.Builder, sessions []Session, checks []Check, precautions []Precaution) error
	csv   bool
}

var exports = []exportFunc{
	{"history --json", func(b *strings.Builder, s []Session, _ []Check, _ []Precaution) error { return WriteJSON(b, s) }, false},
	{"history --csv", func(b *strings.Builder, s []Session, _ []Check, _ []Precaution) error { return WriteCSV(b, s) }, true},
	{"--what checks --json", func(b *strings.Builder, _ []Session, c []Check, _ []Precaution) error { return WriteChecksJSON(b, c) }, false},
	{"--what checks --csv", func(b *strings.Builder, _ []Session, c []Check, _ []Precaution) error { return WriteChecksCSV(b, c) }, true},
	{"--what precautions --json", func(b *strings.Builder, _ []Session, _ []Check, p []Precaution) error {
		return WritePrecautionsJSON(b, p)
	}, false},
	{"--what precautions --csv", func(b *strings.Builder, _ []Session, _ []Check, p []Precaution) error {
		return WritePrecautionsCSV(b, p)
	}, true},
}

// setEveryText sets every string and []string field of the struct v points
// to: so a text field added to Session, Check or Precaution later is
// walked too, without this test knowing its name.
func setEveryText(v any, text string) (fields []string) {
	rv := reflect.ValueOf(v).Elem()
	for i := range rv.NumField() {
		f := rv.Field(i)
		switch {
		case f.Kind() == reflect.String:
			f.SetString(text)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			f.Set(reflect.ValueOf([]string{text, text}))
		default:
			continue
		}
		fields = append(fields, rv.Type().Field(i).Name)
	}
	return fields
}

// requireSafeExport fails when out, an export, holds anything a terminal
// would act on, raw or once decoded, or a CSV cell a spreadsheet would run.
func requireSafeExport(t *testing.T, what string, e exportFunc, out string) {
	t.Helper()
	if m := hostile.Found(strings.ReplaceAll(out, "\r\n", "\n")); m != "" {
		t.Errorf("%s: %s prints %s", what, e.name, m)
	}
	if !e.csv {
		var rows []map[string]any
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("%s: %s: %v", what, e.name, err)
		}
		for _, r := range rows {
			for k, v := range r {
				for _, s := range texts(v) {
					if m := hostile.Found(s); m != "" {
						t.Errorf("%s: %s: %q decodes to %s", what, e.name, k, m)
					}
				}
			}
		}
		return
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %s: %v", what, e.name, err)
	}
	for _, row := range rows[1:] {
		for col, c := range row {
			if m := hostile.Found(c); m != "" {
				t.Errorf("%s: %s column %s holds %s", what, e.name, rows[0][col], m)
			}
			if t0 := strings.TrimLeft(c, " \t\r\n"); t0 != "" && strings.ContainsRune("=+-@", rune(t0[0])) || c != "" && strings.ContainsRune("\t\r", rune(c[0])) {
				t.Errorf("%s: %s column %s is a formula: %q", what, e.name, rows[0][col], c)
			}
		}
	}
}

func texts(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, texts(e)...)
		}
		return out
	}
	return nil
}

// Every column of every export, with every escape payload and formula in
// every text field: nothing a terminal acts on, no cell a spreadsheet runs.
// (pain_step and the precaution id were printed raw, and the id was not
// guarded against formulas.)
func TestEveryColumnOfEveryExportIsSafe(t *testing.T) {
	var walked []string
	for name, p := range payloads() {
		var s Session
		fields := setEveryText(&s, p)
		s.ID, s.Start, s.Before = 1, time.Unix(1.7e9, 0), Score(-3) // a hand-edited, negative score too
		var c Check
		fields = append(fields, setEveryText(&c, p)...)
		c.At = time.Unix(1.7e9, 0)
		var pr Precaution
		fields = append(fields, setEveryText(&pr, p)...)
		pr.At = time.Unix(1.7e9, 0)
		walked = fields
		for _, e := range exports {
			var b strings.Builder
			if err := e.write(&b, []Session{s}, []Check{c}, []Precaution{pr}); err != nil {
				t.Fatal(err)
			}
			requireSafeExport(t, name, e, b.String())
		}
	}
	sort.Strings(walked)
	t.Logf("text fields walked: %v", walked)
}

// The same through the database: every text column of every table a
// hand-edited file can hold, read back through the store and exported.
func TestEveryTextColumnOfADoctoredDatabaseExportsSafe(t *testing.T) {
	st, _ := openTemp(t)
	for name, p := range payloads() {
		list, _ := json.Marshal([]string{p})
		at := time.Unix(1.7e9, 0).UnixMilli()
		for _, q := range []struct {
			table string
			args  map[string]any
		}{
			{"sessions", map[string]any{"start_ms": at, "red_flag": p}},
			{"red_flag_checks", map[string]any{"at_ms": at, "tier": p, "full": 1}},
			{"precautions", map[string]any{"at_ms": at, "yes": 1}},
		} {
			cols := textColumns(t, st, q.table)
			for _, c := range cols {
				q.args[c] = p
				if c == "completed" || c == "skipped" || c == "yes" && q.table == "red_flag_checks" {
					q.args[c] = string(list)
				}
			}
			var names, marks []string
			var args []any
			for k, v := range q.args {
				names, marks, args = append(names, k), append(marks, "?"), append(args, v)
			}
			if _, err := st.db.Exec("INSERT INTO "+q.table+" ("+strings.Join(names, ", ")+") VALUES ("+strings.Join(marks, ", ")+")", args...); err != nil {
				t.Fatalf("%s into %s: %v", name, q.table, err)
			}
		}
	}
	sessions, err := st.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	checks, err := st.Checks(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	precautions, err := st.PrecautionHistory()
	if err != nil {
		t.Fatal(err)
	}
	if len(sessions) != len(payloads()) || len(checks) != len(payloads()) || len(precautions) != len(payloads()) {
		t.Fatalf("read back %d sessions, %d checks, %d precautions; want %d each", len(sessions), len(checks), len(precautions), len(payloads()))
	}
	for _, e := range exports {
		var b strings.Builder
		if err := e.write(&b, sessions, checks, precautions); err != nil {
			t.Fatal(err)
		}
		requireSafeExport(t, "doctored database", e, b.String())
	}
}

// textColumns lists a table's TEXT columns.
func textColumns(t *testing.T, st *Store, table string) []string {
	t.Helper()
	rows, err := st.db.Query("SELECT name FROM pragma_table_info(?) WHERE type = 'TEXT'", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		out = append(out, c)
	}
	if len(out) == 0 {
		t.Fatalf("%s has no text columns", table)
	}
	return out
}

// sessionColumns names the export column that carries each field of a
// Session. A field added to Session and missing here fails the test below:
// decide its column (at the end: people script against the order), so that
// the walk above reaches it too.
var sessionColumns = map[string]string{
	"ID": "id", "Start": "start", "End": "end", "Routine": "routine",
	"Completed": "completed", "Skipped": "skipped", "HeatMinutes": "heat_minutes",
	"Before": "before", "After": "after", "RedFlag": "red_flag",
	"StoppedForPain": "stopped_for_pain", "Partial": "partial",
	"HeatStart": "heat_started", "HeatSeconds": "heat_seconds", "HeatKnown": "heat_seconds",
	"PainStep": "pain_step", "Woke": "woke", "WokeNothingEases": "woke_nothing_eases",
	"HeatQuestion": "heat_question", "SkinStop": "skin_stop",
}

// Every field of a Session reaches its own column of both session exports:
// set alone, it changes that column and no other.
func TestEveryFieldOfASessionIsExported(t *testing.T) {
	base := Session{ID: 1, Start: time.Unix(1.7e9, 0), Routine: "r", RedFlag: TierNone}
	at := time.Unix(1.7e9+600, 0)
	rt := reflect.TypeOf(base)
	for i := range rt.NumField() {
		name := rt.Field(i).Name
		col, ok := sessionColumns[name]
		if !ok {
			t.Errorf("Session.%s has no export column: add it to the exports and to sessionColumns", name)
			continue
		}
		s := base
		f := reflect.ValueOf(&s).Elem().Field(i)
		switch v := f.Addr().Interface().(type) {
		case *int64:
			*v = 2
		case *int:
			*v = 7
		case *bool:
			*v = true
		case *string:
			*v = "yes"
		case *[]string:
			*v = []string{"x"}
		case **int:
			*v = Score(4)
		case **bool:
			*v = Answer(true)
		case *time.Time:
			*v = at
		default:
			t.Fatalf("Session.%s: a %s the test cannot set", name, f.Type())
		}
		if name == "HeatSeconds" {
			s.HeatKnown = true // seconds without HeatKnown are not exported, as unknown
		}
		changedCSV := changedCells(t, func(b *strings.Builder, ss []Session) error { return WriteCSV(b, ss) }, base, s, true)
		changedJSON := changedCells(t, func(b *strings.Builder, ss []Session) error { return WriteJSON(b, ss) }, base, s, false)
		for form, changed := range map[string][]string{"CSV": changedCSV, "JSON": changedJSON} {
			if len(changed) != 1 || changed[0] != col {
				t.Errorf("Session.%s set alone changes the %s columns %v; want just %s", name, form, changed, col)
			}
		}
	}
}

// changedCells exports a and b and names the columns (CSV) or keys (JSON)
// whose values differ.
func changedCells(t *testing.T, write func(*strings.Builder, []Session) error, a, b Session, isCSV bool) []string {
	t.Helper()
	cells := func(s Session) map[string]string {
		var out strings.Builder
		if err := write(&out, []Session{s}); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if isCSV {
			rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
			if err != nil || len(rows) != 2 || len(rows[0]) != len(rows[1]) {
				t.Fatalf("CSV %q: %v", out.String(), err)
			}
			for i, h := range rows[0] {
				m[h] = rows[1][i]
			}
			return m
		}
		var rows []map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out.String()), &rows); err != nil || len(rows) != 1 {
			t.Fatalf("JSON %q: %v", out.String(), err)
		}
		for k, v := range rows[0] {
			m[k] = string(v)
		}
		return m
	}
	ca, cb := cells(a), cells(b)
	var changed []string
	for k := range cb {
		if ca[k] != cb[k] {
			changed = append(changed, k)
		}
	}
	sort.Strings(changed)
	return changed
}
