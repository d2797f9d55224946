package history

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
)

// recoverExclusive is Open's way on for a database that failed its check
// as damaged: it takes the lock exclusive and checks again, since another
// window may have recovered it while this one waited, and only a database
// still damaged is recovered. started is when this Open began: files moved
// aside since then were moved by another window for the same damage.
func recoverExclusive(path string, cause error, started time.Time, now func() time.Time) (*Store, string, error) {
	unlock, err := lockExclusive(path)
	if err != nil {
		return nil, "", err
	}
	defer unlock()
	removeStaleWork(path)
	if err := prepareFile(path); err != nil {
		return nil, "", err
	}
	st, err := openChecked(path)
	switch {
	case err == nil:
		if err := st.setUp(); err != nil {
			st.db.Close()
			return nil, "", describe(path, err)
		}
		st.recovered = true
		return st, recoveredElsewhere(path, started), nil
	case !isCorrupt(err):
		if aerr := accessProblem(path); aerr != nil {
			return nil, "", aerr
		}
		return nil, "", describe(path, err)
	}
	return recoverFrom(path, err, now())
}

// recoverFrom handles a database that failed its check with a corruption
// error, with the lock held exclusive: it confirms the damage with a full
// integrity check on a copy, builds a fresh database beside it with every
// session and red-flag check that can still be read, then moves the damaged
// one aside (with its -wal, -shm and -journal files) and puts the fresh one
// in its place.
//
// The work is done on a copy so that the file moved aside stays byte for
// byte what it was (opening the original would let SQLite write to it), and
// the fresh database is whole before it takes the database's name: a
// window killed midway leaves the damaged file where it was, to be
// recovered next time, never a half-filled history in its place.
func recoverFrom(path string, cause error, now time.Time) (*Store, string, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(path), workPrefix(path))
	if err != nil {
		return nil, "", fmt.Errorf("the history database %s looks damaged (%v), and no room could be made to check it: %v; free some space and start supine again",
			textsafe.Quote(path), cause, err)
	}
	defer os.RemoveAll(tmp)
	cp := filepath.Join(tmp, "copy.db")
	if err := copySet(path, cp); err != nil {
		return nil, "", fmt.Errorf("the history database %s looks damaged (%v), and copying it to check it failed: %v; free some space and start supine again",
			textsafe.Quote(path), cause, err)
	}
	if intact(cp) {
		// Nothing that passes the integrity check is ever moved aside.
		return nil, "", fmt.Errorf("the history database %s could not be opened (%v), but it passes its integrity check, so it is left as it is; close other supine windows and try again",
			textsafe.Quote(path), cause)
	}
	saved := salvage(cp)
	fresh := filepath.Join(tmp, "fresh.db")
	kept, restoreErr, err := build(fresh, saved)
	if err != nil {
		return nil, "", fmt.Errorf("the history database %s could not be read, and a fresh one could not be made beside it (%v), so it was left as it is; free some space and start supine again",
			textsafe.Quote(path), err)
	}

	moved, err := moveAside(path, now)
	if err != nil {
		return nil, "", fmt.Errorf("the history database %s could not be read, and moving it aside failed: %v; move it away by hand to start fresh",
			textsafe.Quote(path), err)
	}
	if err := os.Rename(fresh, path); err != nil {
		return nil, "", fmt.Errorf("the history database %s could not be read and was moved to %s, but the fresh one could not take its place (%v); start supine again",
			textsafe.Quote(path), keptAside(moved), err)
	}
	st, err := openChecked(path)
	if err != nil {
		return nil, "", describe(path, err)
	}
	if err := st.setUp(); err != nil {
		st.db.Close()
		return nil, "", describe(path, err)
	}
	st.recovered = true
	notice := "Your history database could not be read; it was moved to " + keptAside(moved) + " and a fresh one started"
	switch {
	case restoreErr != nil:
		notice += fmt.Sprintf(", but copying what could be read into it failed (%v).", restoreErr)
	case len(saved.sessions) == 0:
		notice += "; none of its sessions could be read."
	default:
		notice += fmt.Sprintf(" with the %d of its sessions that could be read.", kept)
	}
	return st, notice, nil
}

// build makes a fresh database at path holding what was saved, and closes
// it whole: one file, with no -wal beside it to be left behind when it is
// moved. err is for a database that could not be made; restoreErr for rows
// that could not be copied into one that was.
func build(path string, saved salvaged) (kept int, restoreErr, err error) {
	if err := prepareFile(path); err != nil {
		return 0, nil, err
	}
	st, err := openChecked(path)
	if err != nil {
		return 0, nil, err
	}
	if err := st.setUp(); err != nil {
		st.db.Close()
		return 0, nil, err
	}
	kept, restoreErr = st.restore(saved)
	if err := st.db.Close(); err != nil {
		return 0, nil, err
	}
	if exists(path + "-wal") {
		return 0, nil, fmt.Errorf("its write-ahead log could not be folded in")
	}
	return kept, restoreErr, nil
}

// workPrefix names the folders a recovery works in, beside the database.
func workPrefix(path string) string { return "." + filepath.Base(path) + ".recover-" }

// removeStaleWork removes what a recovery killed midway left: with the lock
// held exclusive no other recovery is at work.
func removeStaleWork(path string) {
	for _, dir := range besideWith(path, workPrefix(path)) {
		os.RemoveAll(dir)
	}
}

// besideWith lists the files in path's folder whose names start with
// prefix, sorted. (Not filepath.Glob: the name is the person's, and a [ or
// a * in it would be taken for a pattern.)
func besideWith(path, prefix string) []string {
	dir := filepath.Dir(path)
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out
}

// recoveredElsewhere is the notice of a window that found the database
// damaged while another window was recovering it: the other window's notice
// may be in a window the person has closed, so this one names the files
// kept aside too.
func recoveredElsewhere(path string, since time.Time) string {
	moved := movedSince(path, since)
	if len(moved) == 0 {
		return "Your history database could not be read; another supine window recovered it at the same moment, and its message says where the damaged file was kept."
	}
	var names []string
	for _, m := range moved {
		names = append(names, keptAside(m))
	}
	return "Your history database could not be read; another supine window moved it to " + strings.Join(names, " and ") +
		" at the same moment and started a fresh one with what could be read."
}

// movedSince lists the databases moved aside from path since the given
// time (their names carry the time they were moved, to the second), with
// the companion files that went with each.
func movedSince(path string, since time.Time) []movedSet {
	found := besideWith(path, filepath.Base(path)+".corrupt-")
	from := since.UTC().Truncate(time.Second).Format(stampLayout)
	var out []movedSet
	for _, f := range found {
		stamp := strings.TrimPrefix(f, path+".corrupt-")
		if len(stamp) < len(stampLayout) || companionOf(f) || stamp[:len(stampLayout)] < from {
			continue
		}
		set := movedSet{main: f}
		for _, suffix := range companions {
			if exists(f + suffix) {
				set.companions = append(set.companions, f+suffix)
			}
		}
		out = append(out, set)
	}
	return out
}

func companionOf(name string) bool {
	for _, suffix := range companions {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// copySet copies the database, its write-ahead log (which holds the newest
// sessions until a checkpoint) and any rollback journal (which SQLite plays
// back to undo a write cut off midway) to dst.
func copySet(src, dst string) error {
	for _, suffix := range []string{"", "-wal", "-journal"} {
		if err := copyFile(src+suffix, dst+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// intact reports whether the database at path passes PRAGMA integrity_check.
func intact(path string) bool {
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return false
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil {
		return false
	}
	return result == "ok"
}

// salvagedRow is one row read from a damaged database: its values by column name.
type salvagedRow map[string]any

// salvaged is what could be read from a damaged database, table by table.
type salvaged struct {
	sessions, checks []salvagedRow
}

// salvage reads whatever rows it can. A damaged page stops a scan where it
// lies, so each table is read from both ends and the two halves joined.
// Rows are kept by column name (SELECT *), so that salvage works on every
// schema version, and restore copies every column the fresh table has.
func salvage(path string) salvaged {
	var out salvaged
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return out
	}
	defer db.Close()
	out.sessions = readBothEnds(db, "sessions", func(r salvagedRow) bool {
		// Enough to be a session: the fields every screen and export needs.
		start, _ := r["start_ms"].(int64)
		routine, _ := r["routine"].(string)
		return start != 0 && routine != "" && tierOK(r["red_flag"])
	})
	out.checks = readBothEnds(db, "red_flag_checks", func(r salvagedRow) bool {
		at, _ := r["at_ms"].(int64)
		return at != 0 && tierOK(r["tier"])
	})
	return out
}

// tierOK reports whether a stored red-flag tier can be trusted. A row whose
// tier is damaged is dropped rather than guessed: "none" could hide an
// EMERGENCY that voids the night.
func tierOK(v any) bool {
	tier, ok := v.(string)
	return ok && validTier(tier)
}

// readBothEnds reads a table by id, forwards then backwards, each scan
// until the first error, and returns the rows that pass keep, once each.
func readBothEnds(db *sql.DB, table string, keep func(salvagedRow) bool) []salvagedRow {
	var out []salvagedRow
	seen := map[int64]bool{}
	for _, order := range []string{"ASC", "DESC"} {
		scanRows(db, "SELECT * FROM "+table+" ORDER BY id "+order, func(r salvagedRow) {
			id, ok := r["id"].(int64)
			if !ok || seen[id] || !keep(r) {
				return
			}
			seen[id] = true
			out = append(out, r)
		})
	}
	return out
}

// scanRows calls f for each row a query yields until the first error.
func scanRows(db *sql.DB, query string, f func(salvagedRow)) {
	rows, err := db.Query(query)
	if err != nil {
		return
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if rows.Scan(ptrs...) != nil {
			return
		}
		r := make(salvagedRow, len(cols))
		for i, c := range cols {
			r[c] = vals[i]
		}
		f(r)
	}
}

// restore writes salvaged rows into the fresh database, keeping their ids,
// and returns how many sessions it kept. Each row goes in under its own
// savepoint: one that the fresh schema refuses (a damaged score fails its
// CHECK) is left out without losing the others.
func (s *Store) restore(saved salvaged) (int, error) {
	if len(saved.sessions) == 0 && len(saved.checks) == 0 {
		return 0, nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	kept := 0
	for _, t := range []struct {
		table string
		rows  []salvagedRow
		count bool
	}{{"sessions", saved.sessions, true}, {"red_flag_checks", saved.checks, false}} {
		cols, err := tableColumns(tx, t.table)
		if err != nil {
			return 0, err
		}
		for _, r := range t.rows {
			ok, err := insertRow(tx, t.table, cols, r)
			if err != nil {
				return 0, err
			}
			if ok && t.count {
				kept++
			}
		}
	}
	return kept, tx.Commit()
}

// tableColumns lists a table's columns in the fresh database.
func tableColumns(tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.Query("SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// insertRow inserts the columns of r that the table has. ok is false when
// the table refused the row; err is for a failure of the database itself.
func insertRow(tx *sql.Tx, table string, cols []string, r salvagedRow) (ok bool, err error) {
	var names []string
	var args []any
	for _, c := range cols {
		if v, has := r[c]; has {
			names = append(names, `"`+c+`"`)
			args = append(args, v)
		}
	}
	if _, err := tx.Exec("SAVEPOINT salvage_row"); err != nil {
		return false, err
	}
	q := "INSERT INTO " + table + " (" + strings.Join(names, ", ") + ") VALUES (?" + strings.Repeat(", ?", len(args)-1) + ")"
	if _, err := tx.Exec(q, args...); err != nil {
		if _, rerr := tx.Exec("ROLLBACK TO salvage_row"); rerr != nil {
			return false, rerr
		}
		_, rerr := tx.Exec("RELEASE salvage_row")
		return false, rerr
	}
	_, err = tx.Exec("RELEASE salvage_row")
	return err == nil, err
}
