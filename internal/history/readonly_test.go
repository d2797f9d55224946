package history

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// folderState is every file in dir with its bytes and mode: what a reader
// must leave exactly as it found.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, _ := e.Info()
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = info.Mode().String() + " " + string(data)
	}
	return out
}

func names(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestReadOnlyChangesNothing: the nudge's read reads what is there and
// writes nothing: no byte, no mode, no new file in the history's folder,
// and a write through it fails.
func TestReadOnlyChangesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "supine")
	path := filepath.Join(dir, "supine.db")
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 23, 22, 5, 0, 0, time.Local)
	if _, err := st.Begin(Session{Start: start, Routine: "quick"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCheck(Check{At: start, Tier: TierNone, Full: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Wider than Open leaves it: a read-only open must not tighten it.
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	before := folderState(t, dir)

	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	sessions, err := ro.Sessions(time.Time{})
	if err != nil || len(sessions) != 1 || !sessions[0].Start.Equal(start) {
		t.Errorf("read %+v (%v), want the one session", sessions, err)
	}
	if checks, err := ro.Checks(time.Time{}); err != nil || len(checks) != 1 {
		t.Errorf("read %d checks (%v), want 1", len(checks), err)
	}
	if _, err := ro.Begin(Session{Start: start.Add(time.Hour), Routine: "quick"}); err == nil {
		t.Errorf("a write through the read-only store worked")
	}
	ro.Close()

	after := folderState(t, dir)
	for _, name := range names(after) {
		if b, ok := before[name]; !ok || b != after[name] {
			if name == "supine.db-shm" || name == "supine.db-wal" {
				// SQLite makes these to read a WAL database; they hold no
				// history of their own, and take the database's own mode.
				info, _ := os.Stat(filepath.Join(dir, name))
				if db, _ := os.Stat(path); info.Mode() != db.Mode() {
					t.Errorf("%s was made with mode %v, the database has %v", name, info.Mode(), db.Mode())
				}
				if ok && !bytes.Equal([]byte(b), []byte(after[name])) && name == "supine.db-wal" {
					t.Errorf("the write-ahead log changed")
				}
				continue
			}
			t.Errorf("%s changed or appeared", name)
		}
	}
	for _, name := range names(before) {
		if _, ok := after[name]; !ok {
			t.Errorf("%s disappeared", name)
		}
	}
}

// TestReadOnlyWithoutAHistory: no file is no history, and nothing is made.
func TestReadOnlyWithoutAHistory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "supine")
	if _, err := OpenReadOnly(filepath.Join(dir, "supine.db")); !errors.Is(err, ErrNoHistory) {
		t.Errorf("got %v, want ErrNoHistory", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("the folder was created")
	}
}
