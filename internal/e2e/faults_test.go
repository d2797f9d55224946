package e2e

import (
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

func dbPath(home string) string { return filepath.Join(home, "data", "supine", "supine.db") }

// An export of a history that had to be moved aside prints nothing, says
// why on stderr and fails, so a backup script never puts an empty export
// over a good one. The next export has what was kept.
func TestExportOfADamagedHistoryFails(t *testing.T) {
	for _, format := range []string{"--json", "--csv"} {
		home := newHome(t)
		garbage := make([]byte, 8192)
		rand.Read(garbage)
		writeFile(t, dbPath(home), string(garbage))
		r := runCmd(t, home, "", "history", format)
		if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "it was moved to") || !strings.Contains(r.stderr, "Nothing was exported") {
			t.Fatalf("history %s on a damaged database: exit %d\nstdout %q\nstderr %q", format, r.code, r.stdout, r.stderr)
		}
		if r := runCmd(t, home, "", "history", format); r.code != 0 {
			t.Fatalf("the export after recovery: exit %d\n%s", r.code, r.stderr)
		}
	}
}

// A history SQLite cannot open for a reason other than damage is left
// alone: the export fails naming the file, and nothing is moved aside.
func TestExportOfAnUnopenableHistoryFailsAndMovesNothing(t *testing.T) {
	home := newHome(t)
	st, _, err := history.Open(dbPath(home))
	if err != nil {
		t.Fatal(err)
	}
	st.Begin(history.Session{Start: time.Now(), Routine: "tonight", RedFlag: history.TierNone})
	st.Close()
	os.Mkdir(dbPath(home)+"-wal", 0o700)
	r := runCmd(t, home, "", "history", "--json")
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "supine.db-wal is a folder") {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	if m, _ := filepath.Glob(dbPath(home) + ".corrupt-*"); len(m) > 0 {
		t.Fatalf("a healthy history was moved aside: %v", m)
	}
}

// Plain mode ends on SIGTERM with status 143, after saving what was done.
func TestPlainSignalSavesAndEndsWith128PlusN(t *testing.T) {
	home := newHome(t)
	answeredBefore(t, home)
	writeFile(t, filepath.Join(home, "config", "supine", "config.toml"), "checkins = false\n")
	p := startPiped(t, home, "start", "quick", "--plain")
	p.noneOfThese()
	p.waitFor(wait, "Step 1 of ") // the routine runs
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	out, err := p.wait(wait)
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 143 {
		t.Fatalf("plain mode after SIGTERM: %v, want exit status 143\n%s", err, out)
	}
	if sessions := exportJSON(t, home); len(sessions) != 1 || sessions[0]["partial"] != true {
		t.Fatalf("history %v, want one partial session", sessions)
	}
}

// supine opens no socket: not under tmux (no `tmux info`), and not for the
// colour detection's user lookup (nscd). A fake tmux on PATH notes any
// call; strace, where there is one, sees every socket.
func TestStartOpensNoSocket(t *testing.T) {
	home := newHome(t)
	bin := filepath.Join(home, "bin")
	called := filepath.Join(home, "tmux-was-called")
	writeFile(t, filepath.Join(bin, "tmux"), "#!/bin/sh\ntouch "+called+"\n")
	os.Chmod(filepath.Join(bin, "tmux"), 0o755)
	strace, _ := exec.LookPath("strace")
	for _, args := range [][]string{{"routines"}, {"config"}, {"start", "nosuch"}, {}} {
		trace := filepath.Join(home, "trace")
		os.Remove(trace)
		var wrap []string
		if strace != "" {
			wrap = []string{strace, "-f", "-e", "trace=socket,connect", "-o", trace}
		}
		tm := start(t, termOpts{args: args, home: home, wrap: wrap, env: []string{
			"TMUX=/tmp/tmux-1000/default,1,0", "PATH=" + bin + ":" + os.Getenv("PATH"),
			"COLORTERM=", // Detect stops early on truecolor
		}})
		if len(args) == 0 {
			tm.waitFor(wait, "Start tonight's routine")
			tm.press("q")
		}
		tm.wait(wait)
		if _, err := os.Stat(called); err == nil {
			t.Fatalf("supine %v ran tmux", args)
		}
		if strace != "" {
			log, _ := os.ReadFile(trace)
			for _, line := range strings.Split(string(log), "\n") {
				if strings.Contains(line, "socket(") || strings.Contains(line, "connect(") {
					t.Errorf("supine %v opened a socket: %s", args, line)
				}
			}
		}
	}
	if strace == "" {
		t.Log("no strace here: only the tmux probe was checked")
	}
}
