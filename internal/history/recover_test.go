package history

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGarbageIsMovedAsideAndAFreshDatabaseStarted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "supine.db")
	garbage := make([]byte, 8192)
	rand.Read(garbage)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 11, 24, 14, 1, 2, 0, time.UTC)
	st, notice, err := open(path, func() time.Time { return when })
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	moved := path + ".corrupt-20261124T140102"
	want := "Your history database could not be read; it was moved to " + moved + " and a fresh one started; none of its sessions could be read."
	if string(notice) != want {
		t.Errorf("notice\n%s\nwant\n%s", notice, want)
	}
	kept, err := os.ReadFile(moved)
	if err != nil || !bytes.Equal(kept, garbage) {
		t.Errorf("the old file was not kept as it was at %s: %v", moved, err)
	}
	// The fresh database works.
	if _, err := st.Begin(sampleSession(time.Now(), "tonight")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode() != 0o600 {
		t.Errorf("fresh file mode %v", fi.Mode())
	}

	// Next time there is nothing to say.
	st.Close()
	st2, notice, err := Open(path)
	if err != nil || notice != "" {
		t.Fatalf("reopen: %v %q", err, notice)
	}
	st2.Close()
}

// A write-ahead log and shared-memory file belong to their database and
// move with it; a fresh database must never meet them.
func TestMoveAsideTakesTheCompanionFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.WriteFile(path+suffix, []byte("content"+suffix), 0o600)
	}
	moved, err := moveAside(path, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	dest := moved.main
	if dest != path+".corrupt-20260102T030405" || len(moved.companions) != 2 {
		t.Errorf("moved to %+v", moved)
	}
	if want := dest + " (with " + dest + "-wal and " + dest + "-shm)"; keptAside(moved) != want {
		t.Errorf("the notice names %q, want %q", keptAside(moved), want)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if got, err := os.ReadFile(dest + suffix); err != nil || string(got) != "content"+suffix {
			t.Errorf("%s: %q, %v", dest+suffix, got, err)
		}
		if exists(path + suffix) {
			t.Errorf("%s is still there", path+suffix)
		}
	}
}

func TestTwoRecoveriesInTheSameSecondKeepBothFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine.db")
	when := time.Date(2026, 11, 24, 14, 1, 2, 0, time.UTC)
	for i, want := range []string{".corrupt-20261124T140102", ".corrupt-20261124T140102-1"} {
		os.WriteFile(path, []byte(strings.Repeat("not sqlite ", 100)), 0o600)
		st, notice, err := open(path, func() time.Time { return when })
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		if !strings.Contains(string(notice), path+want+" ") {
			t.Errorf("recovery %d: notice %q, want it to name %s", i, notice, path+want)
		}
	}
}

// A real database whose inner pages were overwritten opens (the header is
// fine) but fails its integrity check: it is moved aside too.
func TestDamagedPagesAreMovedAside(t *testing.T) {
	st, path := openTemp(t)
	for i := range 300 {
		s := sampleSession(time.Now().Add(time.Duration(i)*time.Minute), strings.Repeat("routine ", 20))
		if _, err := st.Begin(s); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	if fi.Size() < 5*4096 {
		t.Fatalf("database only %d bytes", fi.Size())
	}
	// Overwrite pages 2 to 4 (the first page holds the header and schema).
	f.WriteAt(bytes.Repeat([]byte{0xA5}, 3*4096), 4096)
	f.Close()

	st2, notice, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if !strings.Contains(string(notice), "could not be read; it was moved to "+path+".corrupt-") {
		t.Errorf("notice %q", notice)
	}
	got, err := st2.Sessions(time.Time{})
	if err != nil || len(got) != 0 {
		t.Errorf("fresh database: %d sessions, %v", len(got), err)
	}
}

// When a damaged database is moved aside, what can still be read comes
// along into the fresh one, and the notice says how many sessions were kept.
func TestSalvageKeepsTheReadableSessions(t *testing.T) {
	st, path := openTemp(t)
	for i := range 400 {
		s := sampleSession(time.Unix(1.7e9, 0).Add(time.Duration(i)*time.Hour), strings.Repeat("routine ", 20))
		if _, err := st.Begin(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveCheck(Check{At: time.Unix(1.7e9, 0), Tier: TierBook, Full: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	pages := int(fi.Size() / 4096)
	// One page in the middle of the file: a leaf of the sessions table or
	// of its index, never the first pages that hold the schema and roots.
	f.WriteAt(bytes.Repeat([]byte{0xA5}, 4096), int64(pages/2)*4096)
	f.Close()

	st2, notice, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	got, err := st2.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || len(got) > 400 {
		t.Fatalf("kept %d sessions of 400", len(got))
	}
	want := fmt.Sprintf("and a fresh one started with the %d of its sessions that could be read.", len(got))
	if !strings.Contains(string(notice), "could not be read; it was moved to "+path+".corrupt-") || !strings.HasSuffix(string(notice), want) {
		t.Errorf("notice %q, want it to end %q", notice, want)
	}
	if last, ok := lastFull(t, st2); !ok || last.Tier != TierBook {
		t.Errorf("the last red-flag check was not kept: %+v, %v", last, ok)
	}
	t.Logf("kept %d of 400 sessions", len(got))
}

// A database that passes PRAGMA integrity_check is never moved aside, even
// when opening it fails with a corruption code.
func TestAnIntactDatabaseIsNeverMovedAside(t *testing.T) {
	st, path := openTemp(t)
	if _, err := st.Begin(sampleSession(time.Now(), "tonight")); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, _ := os.ReadFile(path)
	_, _, err := recoverFrom(path, corruptError("made up"), time.Now())
	if err == nil || !strings.Contains(err.Error(), "passes its integrity check, so it is left as it is") {
		t.Fatalf("got %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	if m, _ := filepath.Glob(path + ".corrupt-*"); len(m) > 0 {
		t.Errorf("moved aside: %v", m)
	}
}

// Salvaged rows go in column by column, whatever the schema they came from:
// a row the fresh table refuses is left out without losing the others, and
// columns the fresh table does not have are dropped.
func TestRestoreKeepsEveryRowTheFreshTableTakes(t *testing.T) {
	st, _ := openTemp(t)
	start := time.Date(2026, 11, 20, 22, 0, 0, 0, time.UTC).UnixMilli()
	kept, err := st.restore(salvaged{
		sessions: []salvagedRow{
			{"id": int64(7), "start_ms": start, "routine": "tonight", "red_flag": TierUrgent, "stopped_for_pain": int64(1), "partial": int64(0), "from_a_newer_schema": "x"},
			{"id": int64(8), "start_ms": start + 1, "routine": "quick", "red_flag": TierNone, "before_score": int64(99)}, // fails its CHECK
			{"id": int64(9), "start_ms": start + 2, "routine": "heat", "red_flag": TierNone},
		},
		checks: []salvagedRow{{"id": int64(3), "at_ms": start, "tier": TierBook}},
	})
	if err != nil || kept != 2 {
		t.Fatalf("kept %d, %v; want 2", kept, err)
	}
	got, _ := st.Sessions(time.Time{})
	if len(got) != 2 || got[1].ID != 7 || got[1].RedFlag != TierUrgent || !got[1].StoppedForPain || got[1].Partial {
		t.Errorf("restored %+v", got)
	}
	if last, ok := lastFull(t, st); !ok || last.Tier != TierBook {
		t.Errorf("the check was not restored: %+v, %v", last, ok)
	}
}

// The lock file is made private beside the database, and one that is not
// an ordinary file is refused with a sentence naming it, the history left
// as it is.
func TestTheLockFile(t *testing.T) {
	_, path := openTemp(t)
	if fi, err := os.Stat(path + ".lock"); err != nil || fi.Mode() != 0o600 {
		t.Fatalf("lock file: %v, %v; want a 0600 file", fi, err)
	}
	dir := filepath.Join(t.TempDir(), "supine")
	mkdir(t, filepath.Join(dir, "supine.db.lock"))
	_, _, err := Open(filepath.Join(dir, "supine.db"))
	if err == nil || !strings.Contains(err.Error(), "supine.db.lock is a folder, not an ordinary file, so the history was left as it is; move it away") {
		t.Fatalf("got %v", err)
	}
}

// What a recovery killed midway left (its work folder) is removed by the
// next recovery, which alone may touch it.
func TestAKilledRecoveryLeavesNothingBehind(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine.db")
	stale := filepath.Join(filepath.Dir(path), ".supine.db.recover-123")
	mkdir(t, stale)
	os.WriteFile(filepath.Join(stale, "copy.db"), []byte("half"), 0o600)
	os.WriteFile(path, []byte(strings.Repeat("not sqlite ", 100)), 0o600)
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if exists(stale) {
		t.Error("the stale work folder is still there")
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		t.Fatal(err)
	}
}
