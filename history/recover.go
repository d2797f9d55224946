package history

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/supine-app/supine/textsafe"
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
		return nil, "", fmt.Errorf("The history database %s looks damaged (%v), and no room could be made to check it: %v; free some space and start supine again.",
			textsafe.Quote(path), cause, err)
	}
	defer os.RemoveAll(tmp)
	cp := filepath.Join(tmp, "copy.db")
	if err := copySet(path, cp); err != nil {
		return nil, "", fmt.Errorf("The history database %s looks damaged (%v), and copying it to check it failed: %v; free some space and start supine again.",
			textsafe.Quote(path), cause, err)
	}
	if intact(cp) {
		// Nothing that passes the integrity check is ever moved aside.
		return nil, "", fmt.Errorf("The history database %s could not be opened (%v), but it passes its integrity check, so it is left as it is; close other supine windows and try again.",
			textsafe.Quote(path), cause)
	}
	saved := salvage(cp)

	moved, err := moveAside(path, now)
	if err != nil {
		return nil, "", fmt.Errorf("The history database %s could not be read, and moving it aside failed: %v; move it away by hand to start fresh.",
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

// salvaged is what could be read from a damaged database.
type salvaged struct {
	sessions []Session
	checks   []salvagedCheck
}

type salvagedCheck struct {
	at   int64
	tier string
}

// salvage reads whatever rows it can. A damaged page stops a scan where it
// lies, so each table is read from both ends, and the two halves joined.
func salvage(path string) salvaged {
	var out salvaged
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return out
	}
	defer db.Close()
	seen := map[int64]bool{}
	for _, order := range []string{"ASC", "DESC"} {
		scanRows(db, "SELECT * FROM sessions ORDER BY id "+order, func(r map[string]any) {
			id := asInt(r["id"])
			if seen[id] {
				return
			}
			seen[id] = true
			if sess, ok := sessionFrom(r); ok {
				out.sessions = append(out.sessions, sess)
			}
		})
	}
	seenCheck := map[int64]bool{}
	for _, order := range []string{"ASC", "DESC"} {
		scanRows(db, "SELECT id, at_ms, tier FROM red_flag_checks ORDER BY id "+order, func(r map[string]any) {
			id := asInt(r["id"])
			tier, _ := r["tier"].(string)
			if seenCheck[id] || !validTier(tier) {
				return
			}
			seenCheck[id] = true
			out.checks = append(out.checks, salvagedCheck{at: asInt(r["at_ms"]), tier: tier})
		})
	}
	return out
}

// scanRows calls f for each row a query yields until the first error.
// SELECT * with column names keeps it working on every schema version.
func scanRows(db *sql.DB, query string, f func(map[string]any)) {
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
		r := make(map[string]any, len(cols))
		for i, c := range cols {
			r[c] = vals[i]
		}
		f(r)
	}
}

// sessionFrom rebuilds a session from a salvaged row; ok is false when the
// row is too damaged to be a session.
func sessionFrom(r map[string]any) (Session, bool) {
	start := asInt(r["start_ms"])
	routine, _ := r["routine"].(string)
	if start == 0 || routine == "" {
		return Session{}, false
	}
	s := Session{Start: time.UnixMilli(start), Routine: routine, HeatMinutes: int(asInt(r["heat_minutes"]))}
	if end := asInt(r["end_ms"]); end != 0 {
		s.End = time.UnixMilli(end)
	}
	for _, l := range []struct {
		col string
		dst *[]string
	}{{"completed", &s.Completed}, {"skipped", &s.Skipped}} {
		if text, ok := r[l.col].(string); ok {
			decodeList(text, l.dst)
		}
	}
	for _, sc := range []struct {
		col string
		dst **int
	}{{"before_score", &s.Before}, {"after_score", &s.After}} {
		if v, ok := r[sc.col].(int64); ok && v >= 0 && v <= 10 {
			*sc.dst = Score(int(v))
		}
	}
	if tier, ok := r["red_flag"].(string); ok && validTier(tier) {
		s.RedFlag = tier
	}
	s.StoppedForPain = asInt(r["stopped_for_pain"]) != 0
	s.Partial = asInt(r["partial"]) != 0
	return s, true
}

func asInt(v any) int64 {
	n, _ := v.(int64)
	return n
}

// restore writes salvaged rows into a fresh database in one transaction,
// and returns how many sessions it kept.
func (s *Store) restore(saved salvaged) (int, error) {
	if len(saved.sessions) == 0 && len(saved.checks) == 0 {
		return 0, nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	for _, sess := range saved.sessions {
		r, err := toRow(sess)
		if err != nil {
			return 0, err
		}
		if _, err := tx.Exec(`INSERT INTO sessions
			(start_ms, end_ms, routine, completed, skipped, heat_minutes, before_score, after_score,
			 red_flag, stopped_for_pain, partial)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.start, r.end, sess.Routine, r.completed, r.skipped, sess.HeatMinutes,
			r.before, r.after, r.redFlag, sess.StoppedForPain, sess.Partial); err != nil {
			return 0, err
		}
	}
	for _, c := range saved.checks {
		if _, err := tx.Exec(`INSERT INTO red_flag_checks (at_ms, tier) VALUES (?, ?)`, c.at, c.tier); err != nil {
			return 0, err
		}
	}
	return len(saved.sessions), tx.Commit()
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
			return fmt.Errorf("The history file %s is a folder, so SQLite cannot use it; the history was left as it is. Move that folder away and start supine again.",
				textsafe.Quote(p))
		}
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("The history file %s is on a read-only file system; the history was left as it is. Remount it read-write, or point XDG_DATA_HOME at a writable folder.",
				textsafe.Quote(p))
		}
		if err != nil {
			return fmt.Errorf("The history file %s cannot be read and written (%v); the history was left as it is. Make it yours and writable (chown $USER and chmod 600 %s) and start supine again.",
				textsafe.Quote(p), pathless(err), textsafe.Quote(p))
		}
		f.Close()
	}
	probe, err := os.CreateTemp(dir, ".supine-probe-")
	if err != nil {
		return fmt.Errorf("The history folder %s cannot be written (%v), and SQLite needs to create its -wal and -shm files there; the history was left as it is. Make the folder writable (chmod 700 %s) and start supine again.",
			textsafe.Quote(dir), pathless(err), textsafe.Quote(dir))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
			textsafe.Quote(dir), pathless(err), textsafe.Quote(dir))
	}
	return ""
}
