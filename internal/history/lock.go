package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/gofrs/flock"

	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

// The lock file beside the database (supine.db.lock) keeps a recovery to
// itself. Every Open holds it shared while it checks and sets the file up;
// a recovery holds it exclusive from its second check to the fresh file in
// place. So no window checks, copies or opens the database while another
// moves it, and of several windows that find it damaged at the same moment
// only the first recovers it: the others, once they have the lock, check
// again and find the fresh one.
//
// flock (gofrs/flock: flock(2) on Unix, LockFileEx on Windows) rather than
// SQLite's own locks, which belong to one file and are lost when the file
// is moved aside. The lock goes when its process ends, however it ends, so
// a killed recovery never leaves the history locked. The file stays (an
// empty file, 0600): removing a lock file others may be waiting on would
// let two windows hold "the" lock on two different files.

// lockWait is how long Open waits for another window's recovery before it
// gives up: far longer than copying ten years of history takes.
const lockWait = 2 * time.Minute

// lockRetry is how often a waiting Open tries the lock again.
const lockRetry = 10 * time.Millisecond

func lockPath(db string) string { return db + ".lock" }

// lockShared takes the lock shared. It returns an unlock function; when the
// lock file cannot be made (a read-only folder, a file SQLite could not
// write beside anyway) it returns a no-op and Open goes on without it, so
// that the error the person reads names the real fault.
func lockShared(db string) (func(), error) {
	unlock, err := take(db, false)
	var unusable *unusableLock
	if errors.As(err, &unusable) {
		return func() {}, nil
	}
	return unlock, err
}

// lockExclusive takes the lock for a recovery. Unlike lockShared it has no
// way round: a recovery that cannot exclude the others is how a fresh
// history comes to be moved aside again.
func lockExclusive(db string) (func(), error) {
	unlock, err := take(db, true)
	var unusable *unusableLock
	if errors.As(err, &unusable) {
		return nil, fmt.Errorf("the history database %s looks damaged, and its lock file %s could not be used (%v), so it was left as it is; close other supine windows and start supine again",
			textsafe.Quote(db), textsafe.Quote(lockPath(db)), userfile.Cause(unusable.err))
	}
	return unlock, err
}

// unusableLock is a lock file that could not be opened or locked at all.
type unusableLock struct{ err error }

func (e *unusableLock) Error() string { return e.err.Error() }

// take takes the lock, shared or exclusive, waiting up to lockWait for
// another window's recovery.
func take(db string, exclusive bool) (func(), error) {
	if err := lockFileProblem(db); err != nil {
		return nil, err
	}
	l := flock.New(lockPath(db), flock.SetPermissions(0o600))
	try := l.TryRLockContext
	if exclusive {
		try = l.TryLockContext
	}
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := try(ctx, lockRetry)
	switch {
	case ok:
		return func() { _ = l.Unlock() }, nil
	case err == nil || errors.Is(err, context.DeadlineExceeded):
		return nil, busyRecovering(db)
	}
	return nil, &unusableLock{err}
}

func busyRecovering(db string) error {
	return fmt.Errorf("another supine window has been repairing the history database %s for over %v; wait for it to finish, or close it, and start supine again",
		textsafe.Quote(db), lockWait)
}

// lockFileProblem refuses a lock file that is not a regular file: a folder
// or a named pipe there would be opened (or fail) instead of locked.
func lockFileProblem(db string) error {
	p := lockPath(db)
	info, err := os.Lstat(p)
	if err != nil || info.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("the history's lock file %s is %s, not an ordinary file, so the history was left as it is; move it away and start supine again",
		textsafe.Quote(p), userfile.Kind(info.Mode()))
}
