package userfile

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.toml")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Read(fifo, 1<<10); done <- err }()
	select {
	case err := <-done:
		var nr *NotRegularError
		if !errors.As(err, &nr) || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("FIFO: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO hung")
	}
	if _, err := Read(dir, 1<<10); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
	if _, err := Read("/dev/null", 1<<10); err == nil || !strings.Contains(err.Error(), "device") {
		t.Errorf("device: %v", err)
	}
	// A socket cannot even be opened; it was "no such device or address",
	// which callers put as a problem of permissions.
	sock := filepath.Join(dir, "config.toml")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("no Unix sockets here:", err)
	}
	defer l.Close()
	if _, err := Read(sock, 1<<10); err == nil || err.Error() != "this is a socket, not an ordinary file" {
		t.Errorf("socket: %v", err)
	}
}

func TestReadFollowsALinkToARegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real")
	os.WriteFile(target, []byte("title = \"x\""), 0o600)
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if data, err := Read(link, 100); err != nil || string(data) != `title = "x"` {
		t.Errorf("%q %v", data, err)
	}
}

func TestReadStopsAtTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.toml")
	os.WriteFile(path, make([]byte, 101), 0o600)
	var tb *TooBigError
	if _, err := Read(path, 100); !errors.As(err, &tb) {
		t.Errorf("got %v", err)
	}
	if _, err := Read(path, 101); err != nil {
		t.Error(err)
	}
}

func TestListUsesTheLoaderRule(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.toml", "a.toml", ".hidden.toml", "notes.txt", "a.toml~"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o600)
	}
	os.Symlink("user@host.1234", filepath.Join(dir, ".#a.toml")) // an Emacs lock link
	got, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v", got, want)
	}
	if got, err := List(filepath.Join(dir, "missing")); err != nil || got != nil {
		t.Errorf("missing folder: %v %v", got, err)
	}
}

func TestCauseDropsThePath(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "secret-name"))
	if got := Cause(err); !errors.Is(got, fs.ErrNotExist) || strings.Contains(got.Error(), "secret-name") {
		t.Errorf("got %v", got)
	}
	plain := errors.New("plain")
	if got := Cause(plain); got != plain {
		t.Errorf("an error without a path changed: %v", got)
	}
}

func TestWriteAtomicReplacesTheFileWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, []byte("old"), 0o644)
	if err := WriteAtomic(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("file = %q, want %q", data, "new")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	// A rename onto a folder fails after the temporary file is written:
	// the temporary file must not be left behind.
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	os.WriteFile(filepath.Join(dir, "sub", "x"), nil, 0o600)
	var te *TempFileError
	if err := WriteAtomic(filepath.Join(dir, "sub"), []byte("x"), 0o600); err == nil || errors.As(err, &te) {
		t.Errorf("rename over a full folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteAtomic(filepath.Join(dir, "missing", "f"), nil, 0o600); !errors.As(err, &te) {
		t.Errorf("no folder: %v, want a TempFileError", err)
	}
}

// A settings file kept with the person's dotfiles is a link: writing it
// replaces the file the link names, with the temporary file beside that
// file, and the link stays a link. The link's own folder need not be
// writable.
func TestWriteAtomicWritesThroughALink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows")
	}
	dotfiles, config := t.TempDir(), t.TempDir()
	target := filepath.Join(dotfiles, "supine.toml")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(config, "config.toml")
	rel, _ := filepath.Rel(config, target)
	if err := os.Symlink(rel, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(config, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(config, 0o700) })
	if err := WriteAtomic(link, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v, %v", info.Mode(), err)
	}
	if data, _ := os.ReadFile(target); string(data) != "new" {
		t.Errorf("the file the link names holds %q, want %q", data, "new")
	}
	if entries, _ := os.ReadDir(dotfiles); len(entries) != 1 {
		t.Errorf("left beside the file: %v", entries)
	}

	// A dangling link is written through too: the file it names is made.
	dangling := filepath.Join(dotfiles, "new.toml")
	os.Chmod(config, 0o700)
	os.Symlink(dangling, filepath.Join(config, "other.toml"))
	if err := WriteAtomic(filepath.Join(config, "other.toml"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(dangling); string(data) != "x" {
		t.Errorf("through a dangling link: %q", data)
	}
	// A loop of links is an error, not a hang.
	loop := filepath.Join(config, "loop.toml")
	os.Symlink(loop, loop)
	if err := WriteAtomic(loop, nil, 0o600); !errors.Is(err, syscall.ELOOP) {
		t.Errorf("a link to itself: %v, want ELOOP", err)
	}
}

// An error names the file the person asked for, never the temporary file
// (a report once said it could not write ".report.html.tmp-1234").
func TestWriteAtomicErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full") // a folder with a file in it: the rename fails
	os.Mkdir(full, 0o700)
	os.WriteFile(filepath.Join(full, "x"), nil, 0o600)
	for _, path := range []string{full, filepath.Join(dir, "missing", "report.html")} {
		err := WriteAtomic(path, []byte("x"), 0o600)
		if err == nil || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("error = %v, want one that names %s and no temporary file", err, path)
		}
	}
}
