// Package userfile is the one rule for the files a person keeps for supine
// (routine files and the settings file): which files in a folder count, and
// how one is read. Only regular files are read (a symbolic link to one is
// fine), so a named pipe, device or socket given a .toml name is reported
// instead of hanging every command, and nothing is read past a size limit.
//
// It imports no UI package.
package userfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
)

// Ext is the extension of routine and settings files.
const Ext = ".toml"

// Counts reports whether a file of this name in the routines folder is
// one of the person's routines: it ends in .toml and is not hidden. Hidden
// files are editor leftovers and lock links (Emacs writes .#name.toml as a
// dangling link), never something to load.
func Counts(name string) bool {
	return strings.HasSuffix(name, Ext) && !strings.HasPrefix(name, ".")
}

// List returns the paths of the files in dir that Counts, sorted by name.
// A missing folder is no error and lists nothing.
func List(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if Counts(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// NotRegularError is a path that names something other than a regular file.
type NotRegularError struct {
	Kind string // "a folder", "a named pipe (FIFO)", ...
}

func (e *NotRegularError) Error() string {
	return "this is " + e.Kind + ", not an ordinary file"
}

// TooBigError is a file over the size limit. Size is at least Max+1: the
// file is not read to its end to find out more.
type TooBigError struct {
	Size, Max int64
}

func (e *TooBigError) Error() string {
	return fmt.Sprintf("the file is %d bytes, more than the %d allowed", e.Size, e.Max)
}

// Read returns the contents of the regular file at path, refusing anything
// else and anything over max bytes. The file is opened without blocking, so
// a named pipe with no writer is reported at once instead of waiting for
// one; the check is made on the opened file, so the path cannot be swapped
// between check and read.
func Read(path string, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		// A socket cannot be opened at all ("no such device or address"),
		// which read as a problem of permissions: say what it is.
		if info, serr := os.Stat(path); serr == nil && !info.Mode().IsRegular() {
			return nil, &NotRegularError{Kind: Kind(info.Mode())}
		}
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &NotRegularError{Kind: Kind(info.Mode())}
	}
	if info.Size() > max {
		return nil, &TooBigError{Size: info.Size(), Max: max}
	}
	// The size can change between Stat and Read; read one byte past the
	// limit to notice.
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &TooBigError{Size: int64(len(data)), Max: max}
	}
	return data, nil
}

// TempFileError is a temporary file that could not be made beside the
// target: nothing was written, and the folder, not the disk, is the usual
// fault, which callers advise on differently. It reads as the error it wraps.
type TempFileError struct {
	Err error
}

func (e *TempFileError) Error() string { return e.Err.Error() }
func (e *TempFileError) Unwrap() error { return e.Err }

// WriteAtomic replaces the file at path with data and mode perm, whole or
// not at all: it writes a hidden temporary file in the same folder, syncs
// it to the disk, renames it over the file and syncs the folder, so neither
// a crash, a power cut nor a full disk leaves half a file or an empty one.
//
// A symbolic link at path (a settings file kept with the person's
// dotfiles) stays a link: the file it points to is replaced, with the
// temporary file beside that file, so the rename never crosses a disk.
//
// The temporary file is removed when any step fails, and an error names
// path, never the temporary file. The folder must exist.
func WriteAtomic(path string, data []byte, perm os.FileMode) error {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return &TempFileError{Err: &fs.PathError{Op: "create a file beside", Path: path, Err: Cause(err)}}
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), target)
	}
	if err != nil {
		os.Remove(f.Name())
		return &fs.PathError{Op: "write", Path: path, Err: cause(err)}
	}
	if err := syncDir(dir); err != nil {
		return &fs.PathError{Op: "sync the folder of", Path: path, Err: Cause(err)}
	}
	return nil
}

// cause is Cause for the errors of the steps above, a rename's included.
func cause(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return Cause(err)
}

// maxLinks is how many symbolic links resolve follows before it gives up,
// as the kernel does (ELOOP).
const maxLinks = 40

// resolve follows the symbolic links at path to the file they name, which
// need not exist yet (a dangling link is written through, as an editor
// does). A path that is no link is itself.
func resolve(path string) (string, error) {
	p := path
	for range maxLinks {
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", &fs.PathError{Op: "follow the links of", Path: path, Err: syscall.ELOOP}
}

// syncDir makes a rename in dir last through a power cut. Windows cannot
// sync a folder (NTFS journals the rename), and some file systems refuse
// it as unsupported: neither is a failure to write.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported) {
		return nil
	}
	return err
}

// Cause is err without the path an *fs.PathError carries, for messages
// that already name the file (and quote it safely) themselves.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Kind names what m is when it is not a regular file: "a folder", "a
// symbolic link", "a named pipe (FIFO)", "a socket", "a device".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
