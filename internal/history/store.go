package history

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/supine-app/supine/internal/textsafe"
)

// Store is the history database. It is safe for use from several goroutines
// and, through SQLite's locking, from several supine processes at once.
type Store struct {
	db        *sql.DB
	path      string
	recovered bool // Open found the history damaged: see Recovered
	// recent caches what Recent read, until another connection commits
	// (PRAGMA data_version) or this process writes (writes).
	recent recentCache
	writes atomic.Int64
}

// wrote notes a write of this process, so that Recent reads again.
func (s *Store) wrote() { s.writes.Add(1) }

// Notice is a one-line message for the person about something Open had to
// recover from. It is empty when there is nothing to say.
type Notice string

// NewerSchemaError is returned by Open for a database written by a newer
// supine. The file is left exactly as it was.
type NewerSchemaError struct {
	Path    string
	Version int // the schema version found in the file
	Known   int // the newest schema this build knows
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("This history was written by a newer supine (schema %d); update supine, or move %s aside to start fresh.",
		e.Version, e.Path)
}

// busyTimeout is how long a write waits for another supine window holding the
// lock. Writes are tiny, so five seconds is far more than any real wait.
const busyTimeout = 5 * time.Second

// Open opens (creating it when needed) the history database at path.
//
// The folder is created 0700 (an existing one with wider permissions is
// tightened) and the file 0600: this is health data. Only a file that is not
// an SQLite database, or that fails PRAGMA integrity_check, is moved aside
// with a timestamp; what can still be read of it is copied into a fresh
// database, and the Notice says where the old one went and how many sessions
// were kept. A file SQLite cannot open or write (permissions, a read-only
// folder, a -wal or -shm file it may not touch) is left exactly as it is and
// the error names the file and what to change. A database written by a newer
// supine is refused with a *NewerSchemaError and not touched. Any error means
// the app should run without history and show the error's one line.
//
// Several windows may open the same history at once: a lock file beside it
// (see lock.go) lets only one recover a damaged file, and the others use
// the fresh one it made.
func Open(path string) (*Store, Notice, error) {
	return open(path, time.Now)
}

func open(path string, now func() time.Time) (*Store, Notice, error) {
	started := now()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, "", fmt.Errorf("the history path %s cannot be used: %v", textsafe.Quote(path), err)
	}
	var notices []string
	if n := tightenFolder(filepath.Dir(abs)); n != "" {
		notices = append(notices, n)
	}
	if err := makeFolder(filepath.Dir(abs)); err != nil {
		return nil, "", err
	}
	unlock, err := lockShared(abs)
	if err != nil {
		return nil, "", err
	}
	st, err := openShared(abs)
	unlock()
	if err != nil && isCorrupt(err) {
		var n string
		st, n, err = recoverExclusive(abs, err, started, now)
		if err != nil {
			return nil, "", err
		}
		// The recovery has set the fresh database up already: it had to,
		// before copying what could be read into it.
		return st, Notice(strings.Join(append(notices, n), " ")), nil
	}
	if err != nil {
		return nil, "", err
	}
	return st, Notice(strings.Join(notices, " ")), nil
}

// openShared is Open with the lock held shared: the file made, checked and
// set up. A damaged file is returned as the corruption error, for Open to
// recover; every other error is the sentence the person reads.
func openShared(path string) (*Store, error) {
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	st, err := openChecked(path)
	if err != nil && isCorrupt(err) {
		if aerr := accessProblem(path); aerr != nil {
			return nil, aerr // not corrupt: SQLite could not open what it needs
		}
		return nil, err
	}
	if err != nil {
		if aerr := accessProblem(path); aerr != nil {
			return nil, aerr
		}
		return nil, describe(path, err)
	}
	if err := st.setUp(); err != nil {
		st.db.Close()
		if aerr := accessProblem(path); aerr != nil {
			return nil, aerr
		}
		return nil, describe(path, err)
	}
	return st, nil
}

// makeFolder makes the history folder (0700) when there is none.
func makeFolder(dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("the history folder %s could not be created: %v; check that its parent is writable", textsafe.Quote(dir), err)
		}
	}
	return nil
}

// prepareFile makes the folder (0700) and the empty file (0600) before SQLite
// sees them, so the file never exists with the umask's wider permissions.
// What stands in the place of the file or a companion and is not a file is
// refused first: SQLite would write a log into a named pipe until it blocks.
func prepareFile(path string) error {
	if err := makeFolder(filepath.Dir(path)); err != nil {
		return err
	}
	for _, suffix := range append([]string{""}, companions...) {
		if info, err := os.Lstat(path + suffix); err == nil {
			if err := notAFile(path+suffix, info); err != nil {
				return err
			}
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if aerr := accessProblem(path); aerr != nil {
			return aerr
		}
		return fmt.Errorf("the history database %s could not be opened: %v; check its permissions", textsafe.Quote(path), err)
	}
	f.Close()
	// An existing file keeps its mode through OpenFile; tighten it.
	_ = os.Chmod(path, 0o600)
	return nil
}

// dsn builds the connection string. The path goes through a file: URI so that
// any character in it is escaped. Pragmas are set on every connection the pool
// opens; journal_mode is not among them because it changes the file, and
// Open must not change a file it is about to refuse (a newer schema).
//
// synchronous=FULL: in WAL mode NORMAL already survives a killed process, but
// not a lost power supply. supine runs at night on laptops whose batteries run
// flat, and it commits only a few times per session, so an fsync per commit
// is cheap insurance that a saved session stays saved.
func dsn(path string) string {
	u := url.URL{Scheme: "file", Path: path}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	// Write transactions take the write lock at BEGIN, so two processes never
	// deadlock upgrading read locks; the busy timeout makes the second wait.
	q.Set("_txlock", "immediate")
	return u.String() + "?" + q.Encode()
}

// openChecked opens the file and reads it enough to know it is a sound
// supine database of a schema this build can use. It changes nothing.
func openChecked(path string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, err
	}
	// One connection: every query of this process is serialised, so no two
	// connections of the same process ever wait on each other's locks.
	db.SetMaxOpenConns(1)
	st := &Store{db: db, path: path}
	if err := st.check(); err != nil {
		db.Close()
		return nil, err
	}
	return st, nil
}

func (s *Store) check() error {
	v, err := s.version()
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return &NewerSchemaError{Path: s.path, Version: v, Known: len(migrations)}
	}
	var result string
	if err := s.db.QueryRow("PRAGMA quick_check").Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return corruptError(result)
	}
	return nil
}

// setUp switches to WAL, brings the schema up to date and tightens the
// permissions of the files SQLite made.
func (s *Store) setUp() error {
	var mode string
	err := retryBusy(func() error { return s.db.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode) })
	if err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("the database would not switch to WAL mode (it reports %q)", mode)
	}
	if err := retryBusy(s.migrate); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		_ = os.Chmod(s.path+suffix, 0o600)
	}
	return nil
}

// retryBusy runs f again while it fails with SQLITE_BUSY, up to the busy
// timeout. Switching a new file to WAL is a step SQLite does not wait on by
// itself: when a second supine opens the same new file at that instant, the
// switch fails at once instead of calling the busy handler.
func retryBusy(f func() error) error {
	deadline := time.Now().Add(busyTimeout)
	for {
		err := f()
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// corruptError is an integrity-check failure.
type corruptError string

func (e corruptError) Error() string { return "integrity check failed: " + string(e) }

// isCorrupt reports whether err says the file itself is damaged or not a
// database at all, the only case in which moving it aside can be right.
// Errors about opening, locking or writing (CANTOPEN, READONLY, PERM, IOERR,
// BUSY) are about the folder, the permissions or another process, and a
// healthy history must never be moved aside over them.
func isCorrupt(err error) bool {
	var ce corruptError
	if errors.As(err, &ce) {
		return true
	}
	var fe *foreignError
	if errors.As(err, &fe) {
		return false
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return true
	}
	return false
}

// describe turns an error from opening into one sentence for the person.
func describe(path string, err error) error {
	var ne *NewerSchemaError
	if errors.As(err, &ne) {
		return err
	}
	var fe *foreignError
	if errors.As(err, &fe) {
		return err
	}
	if isBusy(err) {
		return fmt.Errorf("the history database %s is busy in another supine window; close it and try again", textsafe.Quote(path))
	}
	return fmt.Errorf("the history database %s could not be opened: %v", textsafe.Quote(path), err)
}

// stampLayout is the time in the name of a database moved aside.
const stampLayout = "20060102T150405"

// companions are the files SQLite keeps beside a database. They belong to
// it: moved aside with it, and never to meet a fresh file.
var companions = []string{"-wal", "-shm", "-journal"}

// movedSet is a database moved aside and the companion files moved with it.
type movedSet struct {
	main       string
	companions []string
}

// keptAside names every file of a set moved aside, for the notice: nothing
// the person had may end up in a file they do not know about.
func keptAside(m movedSet) string {
	s := textsafe.Quote(m.main)
	if len(m.companions) == 0 {
		return s
	}
	names := make([]string, len(m.companions))
	for i, c := range m.companions {
		names[i] = textsafe.Quote(c)
	}
	last := len(names) - 1
	if last == 0 {
		return s + " (with " + names[0] + ")"
	}
	return s + " (with " + strings.Join(names[:last], ", ") + " and " + names[last] + ")"
}

// moveAside renames the database and its companion files to
// PATH.corrupt-TIMESTAMP (and -wal, -shm, -journal after it).
func moveAside(path string, now time.Time) (movedSet, error) {
	base := path + ".corrupt-" + now.UTC().Format(stampLayout)
	dest := base
	for i := 1; exists(dest) || companionsExist(dest); i++ {
		dest = fmt.Sprintf("%s-%d", base, i)
	}
	m := movedSet{main: dest}
	if err := os.Rename(path, dest); err != nil {
		return m, err
	}
	for _, suffix := range companions {
		if exists(path + suffix) {
			if err := os.Rename(path+suffix, dest+suffix); err != nil {
				return m, err
			}
			m.companions = append(m.companions, dest+suffix)
		}
	}
	return m, nil
}

func companionsExist(path string) bool {
	for _, suffix := range companions {
		if exists(path + suffix) {
			return true
		}
	}
	return false
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// Recovered reports whether Open found the history damaged and started a
// fresh one with what could be read, in this window or in another at the
// same moment. Its sessions are then what could be saved: an export or a
// report of them now would be short, and would not say so.
func (s *Store) Recovered() bool { return s.recovered }

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// Close closes the database. SQLite folds the write-ahead log back into the
// main file when the last connection closes.
func (s *Store) Close() error { return s.db.Close() }
