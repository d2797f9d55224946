package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// asNobody runs supine as user 65534 (setpriv), for the faults root does not
// meet; it skips where that cannot be done. The binary is copied where that
// user can run it.
func asNobody(t *testing.T, home string, args ...string) result {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root, to run supine as another user")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("no setpriv here")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "supine")
	data, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, setpriv, append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
	cmd.Env = envFor(home)
	r, err := resultOf(cmd)
	if err != nil {
		t.Fatalf("supine %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// openUp lets every user into path and each folder above it up to the root
// of the test's temporary folders.
func openUp(t *testing.T, path string) {
	t.Helper()
	for p := path; p != "/" && p != os.TempDir(); p = filepath.Dir(p) {
		os.Chmod(p, 0o777)
	}
}

// A history folder supine may write in but cannot make private (another
// user's, open to all) is said once, on stderr, and every export and the
// report go on; it made every export fail ("Nothing was exported").
func TestAFolderThatCannotBeMadePrivateDoesNotStopTheExports(t *testing.T) {
	home := newHome(t)
	folder := filepath.Dir(dbPath(home))
	if err := os.MkdirAll(folder, 0o777); err != nil {
		t.Fatal(err)
	}
	openUp(t, folder)
	for _, args := range [][]string{
		{"history", "--json"},
		{"history", "--csv"},
		{"history", "--csv", "--what", "checks"},
		{"history", "--json", "--what", "precautions"},
		{"report", "-o", "-"},
	} {
		r := asNobody(t, home, args...)
		if r.code != 0 || r.stdout == "" {
			t.Errorf("supine %s: exit %d\nstdout %q\nstderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
		if n := strings.Count(r.stderr, "could not be made private"); n != 1 {
			t.Errorf("supine %s said %d times that the folder could not be made private, want once:\n%s", strings.Join(args, " "), n, r.stderr)
		}
		if strings.Contains(r.stderr, "Nothing was exported") || strings.Contains(r.stderr, "No report was written") {
			t.Errorf("supine %s gave up: %s", strings.Join(args, " "), r.stderr)
		}
	}
}

// Three `supine history --json` started at once on one damaged history, as
// a backup script and two windows would: the history is moved aside once,
// each run that met the damage fails and names the files kept aside, and
// the next export has every session that could be read.
func TestThreeExportsAtOnceOnADamagedHistory(t *testing.T) {
	for round := range 4 {
		home := newHome(t)
		path := dbPath(home)
		st, _, err := history.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 300 {
			s := history.Session{Start: time.Unix(1.7e9, 0).Add(time.Duration(i) * time.Hour), Routine: strings.Repeat("routine ", 20), RedFlag: history.TierNone}
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
		f.WriteAt(bytes.Repeat([]byte{0xA5}, 4096), fi.Size()/4096/2*4096)
		f.Close()

		results := make(chan result, 3)
		for range 3 {
			go func() { results <- runCmdQuiet(home, "history", "--json") }()
		}
		var moved string
		for range 3 {
			r := <-results
			switch {
			case r.code == 0 && r.stdout != "":
			case r.code == 1 && r.stdout == "" && strings.Contains(r.stderr, ".corrupt-") && strings.Contains(r.stderr, "Nothing was exported"):
				name := r.stderr[strings.Index(r.stderr, path+".corrupt-"):]
				name = name[:len(path)+len(".corrupt-20060102T150405")]
				if moved != "" && name != moved {
					t.Errorf("round %d: one run names %s, another %s", round, moved, name)
				}
				moved = name
			default:
				t.Fatalf("round %d: exit %d\nstdout %.200q\nstderr %q", round, r.code, r.stdout, r.stderr)
			}
		}
		m, _ := filepath.Glob(path + ".corrupt-*")
		mains := slices.DeleteFunc(slices.Clone(m), func(f string) bool {
			return strings.HasSuffix(f, "-wal") || strings.HasSuffix(f, "-shm") || strings.HasSuffix(f, "-journal")
		})
		if len(mains) != 1 {
			t.Errorf("round %d: moved aside %v, want one database", round, m)
		}
		r := runCmd(t, home, "", "history", "--json")
		var got []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &got); r.code != 0 || err != nil || len(got) < 200 {
			t.Errorf("round %d: the export after: exit %d, %d sessions, %v\n%s", round, r.code, len(got), err, r.stderr)
		}
	}
}

// runCmdQuiet is runCmd for another goroutine: it reports a failure to
// run in the result instead of failing the test.
func runCmdQuiet(home string, args ...string) result {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = envFor(home)
	r, err := resultOf(cmd)
	if err != nil {
		r.code, r.stderr = -1, r.stderr+err.Error()
	}
	return r
}

// An unbroken word of 300 letters (a step title from a routine file, kept
// in the history) stays inside its column of the HTML report: it ran over
// the other column. A script added to a copy of the page measures every
// paragraph and list item in the browser.
func TestALongWordStaysInItsColumn(t *testing.T) {
	browser := findChromium()
	if browser == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium found, and CI=true: .ci/run installs it")
		}
		t.Skip("no chromium found")
	}
	home := newHome(t)
	long := "Knee" + strings.Repeat("roll", 75)
	st, _, err := history.Open(dbPath(home))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for ago := 6; ago >= 1; ago-- {
		start := now.AddDate(0, 0, -ago).Add(-time.Hour)
		s := history.Session{Start: start, End: start.Add(10 * time.Minute), Routine: long, Completed: []string{"Heat"},
			Skipped: []string{long}, Before: history.Score(6), After: history.Score(4), RedFlag: history.TierNone}
		if ago == 2 {
			s.StoppedForPain, s.PainStep = true, long
		}
		id, err := st.Begin(s)
		if err != nil {
			t.Fatal(err)
		}
		s.ID = id
		st.Finish(s)
	}
	st.Close()
	r := runCmd(t, home, "", "report", "-o", "-")
	if r.code != 0 || !strings.Contains(r.stdout, long[:40]) {
		t.Fatalf("supine report: exit %d, %s", r.code, r.stderr)
	}
	const probe = `<script>
const bad = [];
for (const el of document.querySelectorAll("p, li, h1, h2")) {
  if (el.scrollWidth > el.clientWidth + 1) bad.push(el.textContent.slice(0, 30));
}
document.body.setAttribute("data-overflow", bad.length ? bad.join(" | ") : "none");
</script>`
	page := filepath.Join(t.TempDir(), "report.html")
	os.WriteFile(page, []byte(strings.Replace(r.stdout, "</body>", probe+"</body>", 1)), 0o600)
	out := headless(t, browser, page, "--virtual-time-budget=2000", "--dump-dom")
	if !bytes.Contains(out, []byte(`data-overflow="none"`)) {
		i := bytes.Index(out, []byte("data-overflow"))
		if i < 0 {
			t.Fatalf("the probe did not run:\n%.300s", out)
		}
		t.Errorf("text runs out of its box: %.300s", out[i:])
	}
}
