package history

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

var errTaken = errors.New("heat taken")

// heatWithin2h is the rule the night engine gives ClaimHeat, written out
// here (history does not import night): no other heat within 2 hours.
func heatWithin2h(at time.Time) func([]Session, []Check) error {
	return func(others []Session, _ []Check) error {
		for _, o := range others {
			if !o.HeatStart.IsZero() && at.Sub(o.HeatStart).Abs() < 2*time.Hour {
				return errTaken
			}
		}
		return nil
	}
}

// childClaimer opens the store, says "ready", waits for "go", then claims
// heat for a new session at once and says "granted" or "refused".
func childClaimer() int {
	st, _, err := Open(os.Getenv(envDB))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		return 1
	}
	now := time.Now()
	_, err = st.ClaimHeat(Session{Start: now, Routine: os.Getenv(envName), HeatStart: now, HeatSeconds: 900, HeatKnown: true, HeatMinutes: 15},
		now.Add(-36*time.Hour), heatWithin2h(now))
	switch {
	case err == nil:
		fmt.Println("granted")
	case errors.Is(err, errTaken):
		fmt.Println("refused")
	default:
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// Three windows press "the pad is on" at the same moment on one history:
// the store grants exactly one claim, every round, and the refused ones
// write nothing.
func TestThreeProcessesClaimHeatAtOnce(t *testing.T) {
	rounds := 10
	if testing.Short() {
		rounds = 3
	}
	for round := range rounds {
		path := filepath.Join(t.TempDir(), "supine.db")
		st, _, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		type proc struct {
			cmd   *exec.Cmd
			in    io.WriteCloser
			lines <-chan string
		}
		var procs []proc
		for _, name := range []string{"a", "b", "c"} {
			cmd, in, lines := child(t, "claimer", path, envName+"="+name)
			procs = append(procs, proc{cmd, in, lines})
		}
		for _, p := range procs {
			expectLine(t, p.lines, "ready")
		}
		for _, p := range procs {
			fmt.Fprintln(p.in, "go")
		}
		granted := 0
		for _, p := range procs {
			select {
			case got := <-p.lines:
				switch got {
				case "granted":
					granted++
				case "refused":
				default:
					t.Fatalf("round %d: a claimer said %q", round, got)
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("round %d: a claimer never answered", round)
			}
			if err := p.cmd.Wait(); err != nil {
				t.Fatalf("round %d: claimer: %v", round, err)
			}
		}
		sessions, err := st.Sessions(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if granted != 1 || len(sessions) != 1 {
			t.Fatalf("round %d: %d claims granted, %d sessions stored; want exactly one of each", round, granted, len(sessions))
		}
		st.Close()
	}
}

// A claim for a session already begun writes its heat start into that
// row; a refused claim leaves the row as it was.
func TestClaimHeatUpdatesTheSessionOrNothing(t *testing.T) {
	st, _ := openTemp(t)
	now := time.Date(2026, 11, 24, 22, 0, 0, 0, time.Local)
	id, err := st.Begin(Session{Start: now, Routine: "tonight"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.ClaimHeat(Session{ID: id, Start: now, Routine: "tonight", HeatStart: now.Add(time.Minute), HeatSeconds: 900, HeatKnown: true, HeatMinutes: 15},
		now.Add(-36*time.Hour), heatWithin2h(now.Add(time.Minute)))
	if err != nil || got != id {
		t.Fatalf("claim: id %d err %v, want %d", got, err, id)
	}
	other, err := st.Begin(Session{Start: now.Add(30 * time.Minute), Routine: "second window"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ClaimHeat(Session{ID: other, Start: now.Add(30 * time.Minute), Routine: "second window", HeatStart: now.Add(31 * time.Minute),
		HeatSeconds: 900, HeatKnown: true, HeatMinutes: 15}, now.Add(-36*time.Hour), heatWithin2h(now.Add(31*time.Minute))); !errors.Is(err, errTaken) {
		t.Fatalf("a second claim within 2 hours: %v, want it refused", err)
	}
	all, _ := st.Sessions(time.Time{})
	for _, s := range all {
		switch s.ID {
		case id:
			if !s.HeatStart.Equal(now.Add(time.Minute)) || s.HeatMinutes != 15 {
				t.Errorf("the granted claim's session: %+v", s)
			}
		case other:
			if !s.HeatStart.IsZero() || s.HeatMinutes != 0 {
				t.Errorf("the refused claim wrote heat: %+v", s)
			}
		}
	}
}

// Recent reads again only when the history changed: another process's
// commit (data_version) or this one's own write; an unchanged history is
// answered from what was read.
func TestRecentReadsAgainOnlyWhenTheHistoryChanged(t *testing.T) {
	st, path := openTemp(t)
	now := time.Now()
	since := now.Add(-36 * time.Hour)
	read := func() Recent {
		t.Helper()
		r, err := st.Recent(since, since, now, 4)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	read()
	reads := st.recent.reads
	read()
	if st.recent.reads != reads {
		t.Fatal("an unchanged history was read again")
	}
	if _, err := st.Begin(Session{Start: now, Routine: "own"}); err != nil {
		t.Fatal(err)
	}
	if r := read(); len(r.Sessions) != 1 || st.recent.reads != reads+1 {
		t.Fatalf("after this process's write: %d sessions, %d reads; want 1 and a new read", len(r.Sessions), st.recent.reads-reads)
	}
	other, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SaveCheck(Check{At: now, Tier: TierEmergency, Yes: []string{"saddle-numbness"}, Full: true}); err != nil {
		t.Fatal(err)
	}
	if r := read(); len(r.Checks) != 1 || r.Checks[0].Tier != TierEmergency {
		t.Fatalf("another process's EMERGENCY was not seen: %+v", r.Checks)
	}
}
