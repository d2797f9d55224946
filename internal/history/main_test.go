package history

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Some tests re-run this test binary as a child process (a second supine
// window, or a process to kill). The child's job comes in the environment.
const (
	envChild = "SUPINE_HISTORY_CHILD"
	envDB    = "SUPINE_HISTORY_DB"
	envN     = "SUPINE_HISTORY_N"
	envName  = "SUPINE_HISTORY_NAME"
	envLate  = "SUPINE_HISTORY_OPEN_LATE" // open only after "go"
)

func TestMain(m *testing.M) {
	switch os.Getenv(envChild) {
	case "":
		os.Exit(m.Run())
	case "writer":
		os.Exit(childWriter())
	case "saver":
		os.Exit(childSaver())
	case "opener":
		os.Exit(childOpener())
	case "claimer":
		os.Exit(childClaimer())
	default:
		fmt.Fprintln(os.Stderr, "unknown child job", os.Getenv(envChild))
		os.Exit(2)
	}
}

// childWriter opens the store, says "ready", waits for "go" on stdin, then
// saves N sessions named after it, each begun, updated and finished. With
// envLate it opens the store only after "go", so that two children open a
// fresh database at the same moment.
func childWriter() int {
	late := os.Getenv(envLate) != ""
	wait := func() bool {
		fmt.Println("ready")
		_, err := bufio.NewReader(os.Stdin).ReadString('\n')
		return err == nil
	}
	if late && !wait() {
		return 1
	}
	st, _, err := Open(os.Getenv(envDB))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	if !late && !wait() {
		return 1
	}
	n, _ := strconv.Atoi(os.Getenv(envN))
	for i := range n {
		s := sampleSession(time.Now(), os.Getenv(envName))
		id, err := st.Begin(s)
		if err != nil {
			fmt.Fprintln(os.Stderr, "begin", i, err)
			return 1
		}
		s.ID = id
		s.Completed = []string{"Heat"}
		if err := st.Update(s); err != nil {
			fmt.Fprintln(os.Stderr, "update", i, err)
			return 1
		}
		s.Completed = append(s.Completed, "Knee rolls")
		if err := st.Finish(s); err != nil {
			fmt.Fprintln(os.Stderr, "finish", i, err)
			return 1
		}
	}
	fmt.Println("done")
	return 0
}

// childOpener waits for "go", opens the store, says what Open said
// ("notice ..." and "recovered true|false"), saves one session named after
// it and says "done".
func childOpener() int {
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		return 1
	}
	st, notice, err := Open(os.Getenv(envDB))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	fmt.Printf("notice %s\nrecovered %v\n", notice, st.Recovered())
	id, err := st.Begin(sampleSession(time.Now(), os.Getenv(envName)))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("saved %d\n", id)
	fmt.Println("done")
	return 0
}

// childSaver saves sessions until it is killed, printing "begun ID" once a
// partial row is committed and "saved ID" once it is finished.
func childSaver() int {
	st, _, err := Open(os.Getenv(envDB))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	for {
		s := sampleSession(time.Now(), "saver")
		id, err := st.Begin(s)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Printf("begun %d\n", id)
		s.ID = id
		s.Completed = []string{"Heat"}
		if err := st.Update(s); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		s.Completed = append(s.Completed, "Knee-to-chest")
		if err := st.Finish(s); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Printf("saved %d\n", id)
	}
}

func sampleSession(start time.Time, routine string) Session {
	return Session{
		Start:       start,
		End:         start.Add(17 * time.Minute),
		Routine:     routine,
		HeatMinutes: 15,
		Before:      Score(6),
		RedFlag:     TierNone,
	}
}

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "supine", "supine.db")
	st, notice, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if notice != "" {
		t.Fatalf("fresh database gave a notice: %s", notice)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

// lastFull is the latest full red-flag check in st, picked as night picks
// the one the short check relies on (the later of two at the same time).
func lastFull(t testing.TB, st *Store) (Check, bool) {
	t.Helper()
	checks, err := st.Checks(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var last Check
	found := false
	for _, c := range checks {
		if c.Full {
			last, found = c, true
		}
	}
	return last, found
}
