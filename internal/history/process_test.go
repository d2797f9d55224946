package history

import (
	"bufio"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// child starts this test binary as a child process doing job.
func child(t *testing.T, job, db string, env ...string) (*exec.Cmd, io.WriteCloser, <-chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+job, envDB+"="+db)
	cmd.Env = append(cmd.Env, env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		defer close(lines)
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return // a last line cut off by the kill has no newline: dropped
			}
			lines <- strings.TrimSuffix(line, "\n")
		}
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("%s child said: %s", job, stderr.String())
		}
	})
	return cmd, stdin, lines
}

func expectLine(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	select {
	case got, ok := <-lines:
		if !ok || got != want {
			t.Fatalf("child said %q (open %v), want %q", got, ok, want)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("child never said %q", want)
	}
}

// Two supine windows saving at the same moment both keep every session.
func TestTwoProcessesWriteAtOnce(t *testing.T) {
	n := 100
	if testing.Short() {
		n = 20
	}
	st, path := openTemp(t)
	type proc struct {
		cmd   *exec.Cmd
		in    io.WriteCloser
		lines <-chan string
	}
	var procs []proc
	for _, name := range []string{"window-a", "window-b"} {
		cmd, in, lines := child(t, "writer", path, envN+"="+strconv.Itoa(n), envName+"="+name)
		procs = append(procs, proc{cmd, in, lines})
	}
	for _, p := range procs {
		expectLine(t, p.lines, "ready")
	}
	for _, p := range procs {
		fmt.Fprintln(p.in, "go")
	}
	for _, p := range procs {
		expectLine(t, p.lines, "done")
		if err := p.cmd.Wait(); err != nil {
			t.Fatalf("writer: %v", err)
		}
	}
	got, err := st.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	ids := map[int64]bool{}
	for _, s := range got {
		if s.Partial || len(s.Completed) != 2 {
			t.Errorf("session %d not finished: %+v", s.ID, s)
		}
		count[s.Routine]++
		ids[s.ID] = true
	}
	if count["window-a"] != n || count["window-b"] != n || len(ids) != 2*n {
		t.Errorf("sessions per window %v, distinct IDs %d; want %d each", count, len(ids), n)
	}
}

// Two windows started together on a machine with no history yet: both
// create, switch to WAL and migrate the same new file; the schema is built
// once and both save.
func TestTwoProcessesOpenAFreshDatabaseAtOnce(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "supine", "supine.db")
		var cmds []*exec.Cmd
		var ins []io.WriteCloser
		var outs []<-chan string
		for _, name := range []string{"a", "b"} {
			cmd, in, lines := child(t, "writer", path, envN+"=5", envName+"="+name, envLate+"=1")
			cmds, ins, outs = append(cmds, cmd), append(ins, in), append(outs, lines)
		}
		for _, lines := range outs {
			expectLine(t, lines, "ready")
		}
		for _, in := range ins {
			fmt.Fprintln(in, "go")
		}
		for i, cmd := range cmds {
			expectLine(t, outs[i], "done")
			if err := cmd.Wait(); err != nil {
				t.Fatalf("round %d: writer: %v", round, err)
			}
		}
		st, notice, err := Open(path)
		if err != nil || notice != "" {
			t.Fatalf("round %d: %v %q", round, err, notice)
		}
		var sessions, versions int
		st.db.QueryRow(`SELECT count(*) FROM sessions`).Scan(&sessions)
		st.db.QueryRow(`SELECT count(*) FROM schema_version`).Scan(&versions)
		st.Close()
		if sessions != 10 || versions != SchemaVersion {
			t.Errorf("round %d: %d sessions (want 10), %d version rows (want %d)", round, sessions, versions, SchemaVersion)
		}
	}
}

// kill -9 at any moment never corrupts the database and never loses a
// session that was reported saved (or begun: the partial row must be there).
func TestKilledWriterLosesNothing(t *testing.T) {
	kills := 50
	if testing.Short() {
		kills = 10
	}
	path := filepath.Join(t.TempDir(), "supine.db")
	begun := map[int64]bool{}
	saved := map[int64]bool{}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 4))
	var duringOpen int
	for i := range kills {
		cmd, _, lines := child(t, "saver", path)
		// Most kills land while sessions are being written; every fifth
		// lands at a random moment from the start, possibly inside Open.
		if i%5 == 0 {
			time.Sleep(time.Duration(rng.IntN(15)) * time.Millisecond)
		} else {
			expectLine(t, lines, "ready")
			time.Sleep(time.Duration(rng.IntN(60)) * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		sawReady := false
		for line := range lines {
			kind, num, _ := strings.Cut(line, " ")
			id, _ := strconv.ParseInt(num, 10, 64)
			switch kind {
			case "ready":
				sawReady = true
			case "begun":
				begun[id] = true
			case "saved":
				saved[id] = true
			}
		}
		if i%5 == 0 && !sawReady {
			duringOpen++
		}
		cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("kill %d: the child ended by %v, not by the kill", i, cmd.ProcessState)
		}
		checkAfterKill(t, i, path, begun, saved)
	}
	t.Logf("%d kills (%d before Open finished); %d sessions begun, %d saved", kills, duringOpen, len(begun), len(saved))
	// Open itself finds nothing to recover.
	st, notice, err := Open(path)
	if err != nil || notice != "" {
		t.Fatalf("Open after the kills: %v %q", err, notice)
	}
	st.Close()
}

func checkAfterKill(t *testing.T, i int, path string, begun, saved map[int64]bool) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Fatalf("kill %d: integrity_check = %q, %v", i, result, err)
	}
	var tables int
	db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'sessions'`).Scan(&tables)
	if tables == 0 {
		if len(begun) > 0 {
			t.Fatalf("kill %d: the sessions table is gone", i)
		}
		return // killed before the first Open finished
	}
	partial := map[int64]bool{}
	rows, err := db.Query(`SELECT id, partial FROM sessions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p bool
		rows.Scan(&id, &p)
		partial[id] = p
	}
	for id := range begun {
		if _, ok := partial[id]; !ok {
			t.Fatalf("kill %d: session %d was reported begun but is missing", i, id)
		}
	}
	for id := range saved {
		if p, ok := partial[id]; !ok || p {
			t.Fatalf("kill %d: session %d was reported saved but is missing or partial", i, id)
		}
	}
}
