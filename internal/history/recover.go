package history

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

// recoverFrom handles a database that failed its check with a corruption
// error: it confirms the damage with a full integrity check on a copy, moves
// the file aside, starts a fresh database and copies into it every session
// and red-flag check that can still be read.
//
// The work is done on a copy so that the file moved aside stays byte for
// byte what it was (opening the original would let SQLite write to it).
func recoverFrom(path string, cause error, now time.Time) (*Store, string, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(path), ".supine-recover-")
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

	moved, err := moveAside(path, now)
	if err != nil {
		return nil, "", fmt.Errorf("the history database %s could not be read, and moving it aside failed: %v; move it away by hand to start fresh",
			textsafe.Quote(path), err)
	}
	if err := prepareFile(path); err != nil {
		return nil, "", err
	}
	st, err := openChecked(path)
	if err != nil {
		return nil, "", describe(path, err)
	}
	if err := st.setUp(); err != nil {
		st.db.Close()
		return nil, "", describe(path, err)
	}
	kept, err := st.restore(saved)
	notice := fmt.Sprintf("Your history database could not be read; it was moved to %s and a fresh one started", textsafe.Quote(moved))
	switch {
	case err != nil:
		notice += fmt.Sprintf(", but copying what could be read into it failed (%v).", err)
	case len(saved.sessions) == 0:
		notice += "; none of its sessions could be read."
	default:
		notice += fmt.Sprintf(" with the %d of its sessions that could be read.", kept)
	}
	return st, notice, nil
}

// copySet copies the database and its write-ahead log (which holds the
// newest sessions until a checkpoint) to dst.
func copySet(src, dst string) error {
	for _, suffix := range []string{"", "-wal"} {
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

// accessProblem looks for the reasons SQLite cannot open a sound database:
// the folder cannot be written (SQLite makes -wal and -shm files beside the
// database), or the database or one of its companions cannot be read and
// written. It returns nil when there is none; otherwise an error that names
// the file and what to change. Nothing is changed.
func accessProblem(path string) error {
	dir := filepath.Dir(path)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		p := path + suffix
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil && info.IsDir() {
			return fmt.Errorf("the history file %s is a folder, so SQLite cannot use it; the history was left as it is. Move that folder away and start supine again",
				textsafe.Quote(p))
		}
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("the history file %s is on a read-only file system; the history was left as it is. Remount it read-write, or point XDG_DATA_HOME at a writable folder",
				textsafe.Quote(p))
		}
		if err != nil {
			return fmt.Errorf("the history file %s cannot be read and written (%v); the history was left as it is. Make it yours and writable (chown $USER and chmod 600 %s) and start supine again",
				textsafe.Quote(p), userfile.Cause(err), textsafe.Quote(p))
		}
		f.Close()
	}
	probe, err := os.CreateTemp(dir, ".supine-probe-")
	if err != nil {
		return fmt.Errorf("the history folder %s cannot be written (%v), and SQLite needs to create its -wal and -shm files there; the history was left as it is. Make the folder writable (chmod 700 %s) and start supine again",
			textsafe.Quote(dir), userfile.Cause(err), textsafe.Quote(dir))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// tightenFolder makes an existing history folder private (0700): a folder
// made by hand or by an older version may let others list it. It returns a
// notice when the folder cannot be made private, and "" otherwise.
func tightenFolder(dir string) string {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() || info.Mode().Perm()&0o077 == 0 {
		return ""
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Sprintf("The history folder %s can be opened by other users and could not be made private (%v); run chmod 700 %s.",
			textsafe.Quote(dir), userfile.Cause(err), textsafe.Quote(dir))
	}
	return ""
}
