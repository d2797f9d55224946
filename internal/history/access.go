package history

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

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
		if err == nil {
			if err := notAFile(p, info); err != nil {
				return err
			}
		}
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if errors.Is(err, fs.ErrNotExist) {
			continue // another window closing the database removed it just now
		}
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

// notAFile refuses what SQLite cannot use as the database or a companion
// of it: a link to nothing (opening it would make a new, empty history
// where it points), a folder, a named pipe, a socket or a device (which
// SQLite reports only as "disk I/O error", without a name). info is from
// Lstat.
func notAFile(p string, info fs.FileInfo) error {
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			dest, _ := os.Readlink(p)
			return fmt.Errorf("the history file %s is a link to %s, which does not exist; the history was left as it is. Bring back what it points to (a disk to mount?), or remove the link to start a fresh history",
				textsafe.Quote(p), textsafe.Quote(dest))
		}
		if err != nil {
			return nil // the open that follows names the fault
		}
		info = target
	}
	if info.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("the history file %s is %s, not an ordinary file, so SQLite cannot use it; the history was left as it is. Move it away and start supine again",
		textsafe.Quote(p), userfile.Kind(info.Mode()))
}
