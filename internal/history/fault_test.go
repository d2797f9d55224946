//go:build unix

package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The database fault table: a healthy history is moved aside only when it
// is really damaged. Whatever else goes wrong (a companion file SQLite cannot
// open, a folder it cannot write, a full disk) leaves every file as it was
// and the error names the file and what to change.
func TestFaultsThatAreNotCorruptionLeaveTheHistoryAlone(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(t *testing.T, path string)
		want   string
		asRoot bool // the fault holds for root too
	}{
		{"-wal is a folder", func(t *testing.T, path string) { mkdir(t, path+"-wal") }, "-wal is a folder", true},
		{"-shm is a folder", func(t *testing.T, path string) { mkdir(t, path+"-shm") }, "-shm is a folder", true},
		{"-wal unreadable", func(t *testing.T, path string) {
			os.WriteFile(path+"-wal", nil, 0o600)
			os.Chmod(path+"-wal", 0)
		}, "-wal cannot be read and written (permission denied)", false},
		{"database unreadable", func(t *testing.T, path string) { os.Chmod(path, 0) }, "supine.db cannot be read and written (permission denied)", false},
		{"folder read-only", func(t *testing.T, path string) { os.Chmod(filepath.Dir(path), 0o500) }, "cannot be written (permission denied)", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.asRoot && os.Geteuid() == 0 {
				t.Skip("root ignores permissions; the folder cases are run as root on a read-only mount below")
			}
			st, path := openTemp(t)
			if _, err := st.Begin(sampleSession(time.Now(), "tonight")); err != nil {
				t.Fatal(err)
			}
			st.Close()
			before, _ := os.ReadFile(path)
			tc.break_(t, path)
			t.Cleanup(func() { os.Chmod(filepath.Dir(path), 0o700); os.Chmod(path, 0o600) })

			st2, notice, err := Open(path)
			if err == nil {
				st2.Close()
				t.Fatalf("opened with notice %q, want an error", notice)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "left as it is") {
				t.Errorf("error %q, want it to say %q and that the history was left alone", err, tc.want)
			}
			os.Chmod(filepath.Dir(path), 0o700)
			os.Chmod(path, 0o600)
			if m, _ := filepath.Glob(path + ".corrupt-*"); len(m) > 0 {
				t.Fatalf("a healthy history was moved aside: %v", m)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Error("the database file changed")
			}
		})
	}
}

// mountTmpfs mounts a small tmpfs for the test, or skips where it cannot.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func TestReadOnlyFileSystemLeavesTheHistoryAlone(t *testing.T) {
	dir := mountTmpfs(t, "1m")
	path := filepath.Join(dir, "supine", "supine.db")
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Begin(sampleSession(time.Now(), "tonight"))
	st.Close()
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("remount read-only: %v %s", err, out)
	}
	_, _, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "read-only file system; the history was left as it is") {
		t.Fatalf("got %v", err)
	}
	if m, _ := filepath.Glob(path + ".corrupt-*"); len(m) > 0 {
		t.Fatalf("moved aside: %v", m)
	}
}

// A full disk makes a save fail with an error that says so; the database
// stays sound, is never moved aside, and saves work again once there is room.
func TestFullDiskFailsTheSaveAndNothingElse(t *testing.T) {
	dir := mountTmpfs(t, "512k")
	path := filepath.Join(dir, "supine", "supine.db")
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Begin(sampleSession(time.Now(), "tonight")); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	f, _ := os.Create(filler)
	for {
		if _, err := f.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	f.Close()
	var saveErr error
	for i := 0; i < 200 && saveErr == nil; i++ { // the WAL may have room for a few
		s := sampleSession(time.Now(), strings.Repeat("a long routine name ", 50))
		_, saveErr = st.Begin(s)
	}
	if saveErr == nil || !strings.Contains(saveErr.Error(), "could not be saved") {
		t.Fatalf("a save on a full disk gave %v", saveErr)
	}
	os.Remove(filler)
	if _, err := st.Begin(sampleSession(time.Now(), "after")); err != nil {
		t.Fatalf("a save after freeing room: %v", err)
	}
	st.Close()
	st2, notice, err := Open(path)
	if err != nil || notice != "" {
		t.Fatalf("reopen: %v %q", err, notice)
	}
	st2.Close()
	if !intact(path) {
		t.Error("the database is damaged after the full disk")
	}
	if m, _ := filepath.Glob(path + ".corrupt-*"); len(m) > 0 {
		t.Fatalf("moved aside: %v", m)
	}
}

// An existing history folder anyone can open is made private.
func TestLooseFolderIsTightened(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "supine")
	mkdir(t, dir)
	os.Chmod(dir, 0o755)
	st, notice, err := Open(filepath.Join(dir, "supine.db"))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, notice %q", fi.Mode().Perm(), notice)
	}
}

// What stands where the database or a companion should be and is not an
// ordinary file is named, with what it is, and left alone: a link to a
// disk that is not mounted must not become a new, empty history where it
// points (it said "chmod 600"), and a named pipe as -shm was reported as
// "disk I/O error (4618)" without its name.
func TestWhatIsNotAFileIsNamed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		place func(t *testing.T, path string)
		want  string
	}{
		{"a link to nothing", func(t *testing.T, path string) {
			os.Remove(path)
			os.Symlink(filepath.Join(filepath.Dir(path), "unmounted", "supine.db"), path)
		}, "supine.db is a link to "},
		{"a link to a folder with no file", func(t *testing.T, path string) {
			os.Remove(path)
			os.Symlink(filepath.Join(filepath.Dir(path), "supine.db.target"), path)
		}, "which does not exist; the history was left as it is"},
		{"-shm a named pipe", func(t *testing.T, path string) { mkfifo(t, path+"-shm") }, "supine.db-shm is a named pipe (FIFO), not an ordinary file"},
		{"-wal a named pipe", func(t *testing.T, path string) { mkfifo(t, path+"-wal") }, "supine.db-wal is a named pipe (FIFO), not an ordinary file"},
		{"the database a named pipe", func(t *testing.T, path string) { os.Remove(path); mkfifo(t, path) }, "supine.db is a named pipe (FIFO), not an ordinary file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, path := openTemp(t)
			st.Close()
			tc.place(t, path)
			st2, _, err := Open(path)
			if err == nil {
				st2.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "left as it is") {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
			if m, _ := filepath.Glob(path + ".corrupt-*"); len(m) > 0 {
				t.Errorf("moved aside: %v", m)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(path), "supine.db.target")); err == nil {
				t.Error("a new history was made where the link points")
			}
		})
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	os.Remove(path)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
}
