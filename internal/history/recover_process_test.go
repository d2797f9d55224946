package history

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// damage is a way a history gets damaged, for the concurrent recovery test.
type damage struct {
	name string
	// withWAL leaves the newest sessions in a write-ahead log beside the
	// file, as a window killed before its checkpoint does.
	withWAL bool
	// header overwrites the file's first bytes (nothing can be read);
	// otherwise one page in the middle (most sessions can).
	header bool
}

var damages = []damage{
	{name: "a damaged page"},
	{name: "a damaged page and a log", withWAL: true},
	{name: "a damaged header", header: true},
}

// damagedHistory writes a history of 300 sessions and a red-flag check into
// dir and damages it.
func damagedHistory(t *testing.T, dir string, d damage) string {
	t.Helper()
	path := filepath.Join(dir, "supine.db")
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// One connection, so that the setting holds for every write below.
	if _, err := st.db.Exec("PRAGMA wal_autocheckpoint=0"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCheck(Check{At: time.Unix(1.7e9, 0), Tier: TierBook, Full: true}); err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if i == 250 && d.withWAL {
			if _, err := st.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				t.Fatal(err)
			}
		}
		s := sampleSession(time.Unix(1.7e9, 0).Add(time.Duration(i)*time.Hour), strings.Repeat("routine ", 20))
		if _, err := st.Begin(s); err != nil {
			t.Fatal(err)
		}
	}
	if d.withWAL {
		// The last 50 sessions are in the log only: copy the pair as a
		// killed window leaves it, then let this store go.
		snap := t.TempDir()
		for _, suffix := range []string{"", "-wal"} {
			b, err := os.ReadFile(path + suffix)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(snap, "supine.db"+suffix), b, 0o600)
		}
		st.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		for _, suffix := range []string{"", "-wal"} {
			b, _ := os.ReadFile(filepath.Join(snap, "supine.db"+suffix))
			os.WriteFile(path+suffix, b, 0o600)
		}
	} else {
		st.Close()
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	if d.header {
		f.WriteAt(bytes.Repeat([]byte{0xA5}, 100), 0)
	} else {
		f.WriteAt(bytes.Repeat([]byte{0xA5}, 4096), fi.Size()/4096/2*4096)
	}
	return path
}

// recoveredAlone is what one window alone keeps of a copy of the damaged
// history at path: the sessions every concurrent recovery must keep too.
func recoveredAlone(t *testing.T, path string) map[int64]bool {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "supine.db")
	for _, suffix := range []string{"", "-wal"} {
		if b, err := os.ReadFile(path + suffix); err == nil {
			os.WriteFile(cp+suffix, b, 0o600)
		}
	}
	st, notice, err := Open(cp)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !strings.Contains(string(notice), "could not be read") {
		t.Fatalf("the damage was not found: %q", notice)
	}
	sessions, err := st.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{}
	for _, s := range sessions {
		ids[s.ID] = true
	}
	return ids
}

// Three supine windows open one damaged history at the same moment, round
// after round: one recovers it, the others wait and use the fresh file.
// Every session a lone recovery keeps ends in the live database, with the
// session each window saved after; the damaged file is moved aside once,
// with its companions, and every window's notice names the files kept
// aside; no -wal, -shm or -journal is left without its database, and no
// work folder stays behind. (Before the lock, each window moved "the"
// database aside: up to 5 .corrupt files a run, orphan companions, and now
// and then a live database with none of the sessions.)
func TestThreeWindowsRecoverADamagedHistoryOnce(t *testing.T) {
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	const windows = 3
	metDamage := 0
	for round := range rounds {
		d := damages[round%len(damages)]
		dir := t.TempDir()
		path := damagedHistory(t, dir, d)
		want := recoveredAlone(t, path)
		if round < len(damages) {
			t.Logf("%s: a lone recovery keeps %d sessions of 300", d.name, len(want))
		}
		if !d.header && len(want) < 100 {
			t.Fatalf("round %d (%s): a lone recovery kept only %d sessions", round, d.name, len(want))
		}

		type window struct {
			cmd   *exec.Cmd
			in    io.WriteCloser
			lines <-chan string
			name  string
		}
		var ws []window
		for i := range windows {
			name := fmt.Sprintf("window-%d-%d", round, i)
			cmd, in, lines := child(t, "opener", path, envName+"="+name)
			ws = append(ws, window{cmd, in, lines, name})
		}
		for _, w := range ws {
			expectLine(t, w.lines, "ready")
		}
		for _, w := range ws {
			fmt.Fprintln(w.in, "go")
		}
		var notices []string
		recovered := 0
		for _, w := range ws {
			got := readUntilDone(t, w.lines)
			if err := w.cmd.Wait(); err != nil {
				t.Fatalf("round %d (%s): %s: %v", round, d.name, w.name, err)
			}
			notices = append(notices, got["notice"])
			if got["recovered"] == "true" {
				recovered++
			}
		}

		moved := movedSince(path, time.Time{})
		if len(moved) != 1 {
			t.Fatalf("round %d (%s): %d files moved aside, want 1: %+v\nnotices: %q", round, d.name, len(moved), moved, notices)
		}
		// A window that opened once the fresh file was in place has
		// nothing to say; every one that met the damage names the files.
		named, told := keptAside(moved[0]), 0
		for i, n := range notices {
			if n == "" {
				continue
			}
			told++
			if !strings.Contains(n, named) {
				t.Errorf("round %d (%s): window %d said %q, which does not name every file kept aside (%s)", round, d.name, i, n, named)
			}
		}
		if told == 0 || recovered != told {
			t.Errorf("round %d (%s): %d windows told of the damage, %d knew the history was recovered; want the same, at least 1", round, d.name, told, recovered)
		}
		metDamage += told

		live := liveSessions(t, path)
		for id := range want {
			if !live[id] {
				t.Errorf("round %d (%s): session %d was kept by a lone recovery but is not in the live database", round, d.name, id)
			}
		}
		if n := countRoutines(t, path, "window-"+strconv.Itoa(round)+"-"); n != windows {
			t.Errorf("round %d (%s): %d of the %d sessions the windows saved are in the live database", round, d.name, n, windows)
		}
		requireNoOrphans(t, dir, moved[0])
	}
	t.Logf("%d rounds of %d windows; %d windows met the damage", rounds, windows, metDamage)
}

// readUntilDone collects a window's "key value" lines until "done".
func readUntilDone(t *testing.T, lines <-chan string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("the window ended without done; it said %v", got)
			}
			if line == "done" {
				return got
			}
			k, v, _ := strings.Cut(line, " ")
			got[k] = v
		case <-time.After(2 * time.Minute):
			t.Fatalf("the window never said done; it said %v", got)
		}
	}
}

func liveSessions(t *testing.T, path string) map[int64]bool {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id FROM sessions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	ids := map[int64]bool{}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids[id] = true
	}
	return ids
}

func countRoutines(t *testing.T, path, prefix string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sessions WHERE routine LIKE ? || '%'`, prefix).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// requireNoOrphans fails on any file in dir but the live database with its
// own -wal and -shm, its lock file, and the one set moved aside.
func requireNoOrphans(t *testing.T, dir string, moved movedSet) {
	t.Helper()
	allowed := map[string]bool{"supine.db": true, "supine.db-wal": true, "supine.db-shm": true, "supine.db.lock": true,
		filepath.Base(moved.main): true}
	for _, c := range moved.companions {
		allowed[filepath.Base(c)] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !allowed[e.Name()] {
			t.Errorf("%s is left in the history folder", e.Name())
		}
	}
	// The live database's companions belong to it only while it has a log.
	if exists(filepath.Join(dir, "supine.db-journal")) {
		t.Error("supine.db-journal is left beside a database in WAL mode")
	}
}
