package history

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSaveAndLoad(t *testing.T) {
	st, _ := openTemp(t)
	start := time.Date(2026, 11, 23, 22, 5, 0, 123e6, time.Local)
	want := Session{
		Start:          start,
		End:            start.Add(19 * time.Minute),
		Routine:        "tonight",
		Completed:      []string{"Heat", "Knee-to-chest", "Pelvic tilts"},
		Skipped:        []string{"Knee rolls"},
		HeatMinutes:    17,
		Before:         Score(7),
		After:          Score(4),
		RedFlag:        TierBook,
		StoppedForPain: true,
		HeatStart:      start.Add(35*time.Second + 250*time.Millisecond),
		HeatSeconds:    1020,
		HeatKnown:      true,
		PainStep:       "Knee to chest (left)",
	}
	id, err := st.Begin(want)
	if err != nil {
		t.Fatal(err)
	}
	want.ID = id
	// Begin alone saves every field (as partial): Finish must not be
	// what writes them.
	begun := want
	begun.Partial = true
	if got, err := st.Sessions(time.Time{}); err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], begun) {
		t.Errorf("after Begin\n%+v (%v)\nwant\n%+v", got, err, begun)
	}
	if err := st.Finish(want); err != nil {
		t.Fatal(err)
	}
	got, err := st.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d sessions, want 1", len(got))
	}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("loaded\n%+v\nwant\n%+v", got[0], want)
	}
}

func TestEmptyListsAndSkippedCheckinsRoundTrip(t *testing.T) {
	st, _ := openTemp(t)
	s := Session{Start: time.Date(2026, 1, 2, 21, 0, 0, 0, time.Local), Routine: "quick"}
	id, err := st.Begin(s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	g := got[0]
	if g.ID != id || g.Before != nil || g.After != nil || !g.End.IsZero() || g.RedFlag != TierNone ||
		len(g.Completed) != 0 || len(g.Skipped) != 0 || !g.Partial ||
		!g.HeatStart.IsZero() || g.HeatKnown || g.HeatSeconds != 0 || g.PainStep != "" {
		t.Errorf("loaded %+v", g)
	}
}

// A session is saved as partial from its first moment, keeps what each
// Update adds, and is still there, partial, when the store is reopened
// without Finish (the process died).
func TestPartialSessionsSurviveWithoutFinish(t *testing.T) {
	st, path := openTemp(t)
	s := sampleSession(time.Date(2026, 11, 20, 22, 0, 0, 0, time.Local), "tonight")
	id, err := st.Begin(s)
	if err != nil {
		t.Fatal(err)
	}
	s.ID = id
	s.Completed = []string{"Heat"}
	s.After = Score(3)
	if err := st.Update(s); err != nil {
		t.Fatal(err)
	}
	st.Close()

	st2, notice, err := Open(path)
	if err != nil || notice != "" {
		t.Fatalf("reopen: %v %q", err, notice)
	}
	defer st2.Close()
	got, err := st2.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got[0].Partial || !reflect.DeepEqual(got[0].Completed, []string{"Heat"}) ||
		got[0].After == nil || *got[0].After != 3 {
		t.Fatalf("after reopen: %+v", got)
	}
	s.Completed = append(s.Completed, "Knee rolls")
	if err := st2.Finish(s); err != nil {
		t.Fatal(err)
	}
	got, _ = st2.Sessions(time.Time{})
	if got[0].Partial {
		t.Error("Finish left the session partial")
	}
}

func TestSessionsSinceNewestFirst(t *testing.T) {
	st, _ := openTemp(t)
	base := time.Date(2026, 10, 1, 22, 0, 0, 0, time.Local)
	for i := range 5 {
		if _, err := st.Begin(sampleSession(base.AddDate(0, 0, i), "tonight")); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.Sessions(base.AddDate(0, 0, 2))
	if err != nil {
		t.Fatal(err)
	}
	var days []int
	for _, s := range got {
		days = append(days, s.Start.Day())
	}
	if !reflect.DeepEqual(days, []int{5, 4, 3}) {
		t.Errorf("days %v, want [5 4 3]", days)
	}
}

func TestBadSessionsAreRefusedWithAReason(t *testing.T) {
	st, _ := openTemp(t)
	good := sampleSession(time.Date(2026, 11, 1, 22, 0, 0, 0, time.Local), "tonight")
	for _, tc := range []struct {
		name string
		save func() error
		want string
	}{
		{"before above 10", func() error { s := good; s.Before = Score(11); _, err := st.Begin(s); return err }, "outside 0 to 10"},
		{"after below 0", func() error { s := good; s.After = Score(-1); _, err := st.Begin(s); return err }, "outside 0 to 10"},
		{"no start", func() error { s := good; s.Start = time.Time{}; _, err := st.Begin(s); return err }, "no start time"},
		{"unknown tier", func() error { s := good; s.RedFlag = "MAYBE"; _, err := st.Begin(s); return err }, `"MAYBE"`},
		{"update without id", func() error { return st.Update(good) }, "call Begin first"},
		{"finish of a missing id", func() error { s := good; s.ID = 999; return st.Finish(s) }, "session 999 is not in"},
		{"heat seconds below zero", func() error {
			s := good
			s.HeatStart, s.HeatSeconds, s.HeatKnown = s.Start, -1, true
			_, err := st.Begin(s)
			return err
		}, "below zero"},
		{"heat seconds said to be unknown", func() error {
			s := good
			s.HeatStart, s.HeatSeconds = s.Start, 900
			_, err := st.Begin(s)
			return err
		}, "HeatKnown is false"},
		{"heat seconds without a start", func() error {
			s := good
			s.HeatSeconds, s.HeatKnown = 900, true
			_, err := st.Begin(s)
			return err
		}, "without the time heat started"},
		{"check of unknown tier", func() error { return st.SaveCheck(Check{At: good.Start, Tier: "SOON", Full: true}) }, `"SOON"`},
		{"short check of unknown tier", func() error { return st.SaveCheck(Check{At: good.Start, Tier: "SOON"}) }, `"SOON"`},
		{"check without a time", func() error { return st.SaveCheck(Check{Tier: TierNone, Full: true}) }, "has no time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.save()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// Every check, full or short, comes back with its answers, oldest first.
func TestSaveCheckAndChecks(t *testing.T) {
	st, _ := openTemp(t)
	night := time.Date(2026, 11, 24, 21, 40, 0, 0, time.Local)
	saved := []Check{
		{At: night.AddDate(0, 0, -1), Tier: TierNone, Full: true},
		{At: night.Add(time.Hour), Tier: TierNone},                                                                    // short: "nothing new"
		{At: night, Tier: TierEmergency, Yes: []string{"saddle-numbness", "bladder"}, Full: true, Version: "2026-11"}, // saved out of order
		{At: night.Add(2 * time.Hour), Tier: "", Yes: []string{}, Full: true},
	}
	for _, c := range saved {
		if err := st.SaveCheck(c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.Checks(night)
	if err != nil {
		t.Fatal(err)
	}
	want := []Check{
		{At: night, Tier: TierEmergency, Yes: []string{"saddle-numbness", "bladder"}, Full: true, Version: "2026-11"},
		{At: night.Add(time.Hour), Tier: TierNone},
		{At: night.Add(2 * time.Hour), Tier: TierNone, Full: true}, // "" is saved as none; no answers come back as nil
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Checks(since tonight)\n%+v\nwant\n%+v", got, want)
	}
	all, err := st.Checks(time.Time{})
	if err != nil || len(all) != 4 || !all[0].At.Equal(saved[0].At) {
		t.Errorf("Checks(zero) = %+v, %v; want all 4, oldest first", all, err)
	}
	if none, err := st.Checks(night.Add(3 * time.Hour)); err != nil || len(none) != 0 {
		t.Errorf("Checks after the last = %+v, %v", none, err)
	}
}

// The heat and pain fields follow a session through Begin, Update and
// Finish: heat starts (seconds not known yet), then the pad is off.
func TestHeatAndPainThroughASession(t *testing.T) {
	st, _ := openTemp(t)
	start := time.Date(2026, 11, 24, 22, 0, 0, 0, time.Local)
	s := Session{Start: start, Routine: "tonight", HeatMinutes: 15}
	id, err := st.Begin(s)
	if err != nil {
		t.Fatal(err)
	}
	s.ID = id
	load := func() Session {
		t.Helper()
		got, err := st.Sessions(time.Time{})
		if err != nil || len(got) != 1 {
			t.Fatalf("Sessions = %+v, %v", got, err)
		}
		return got[0]
	}
	if g := load(); !g.HeatStart.IsZero() || g.HeatKnown {
		t.Errorf("before heat: %+v", g)
	}
	s.HeatStart = start.Add(20 * time.Second)
	if err := st.Update(s); err != nil {
		t.Fatal(err)
	}
	if g := load(); !g.HeatStart.Equal(s.HeatStart) || g.HeatKnown || g.HeatSeconds != 0 {
		t.Errorf("heat running: start %v, known %v, seconds %d", g.HeatStart, g.HeatKnown, g.HeatSeconds)
	}
	s.HeatSeconds, s.HeatKnown = 0, true // a known zero is not an unknown
	if err := st.Update(s); err != nil {
		t.Fatal(err)
	}
	if g := load(); !g.HeatKnown || g.HeatSeconds != 0 {
		t.Errorf("known zero seconds came back as known %v, %d", g.HeatKnown, g.HeatSeconds)
	}
	s.HeatSeconds = 963
	s.StoppedForPain, s.PainStep = true, "Knee to chest (left)"
	if err := st.Finish(s); err != nil {
		t.Fatal(err)
	}
	g := load()
	if !g.HeatStart.Equal(s.HeatStart) || !g.HeatKnown || g.HeatSeconds != 963 ||
		g.PainStep != "Knee to chest (left)" || g.HeatMinutes != 15 || g.Partial {
		t.Errorf("finished: %+v", g)
	}
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "supine")
	path := filepath.Join(dir, "supine.db")
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// A write makes sure the WAL and shared-memory files exist.
	if _, err := st.Begin(sampleSession(time.Now(), "tonight")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		mode os.FileMode
	}{
		{dir, 0o700 | os.ModeDir},
		{filepath.Dir(dir), 0o700 | os.ModeDir},
		{path, 0o600},
		{path + "-wal", 0o600},
		{path + "-shm", 0o600},
	} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != c.mode {
			t.Errorf("%s has mode %v, want %v", c.path, fi.Mode(), c.mode)
		}
	}
}

func TestPermissionsTightenedOnAnExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if fi, _ := os.Stat(path); fi.Mode() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode())
	}
}

func TestPragmas(t *testing.T) {
	st, _ := openTemp(t)
	for _, c := range []struct{ pragma, want string }{
		{"journal_mode", "wal"},
		{"busy_timeout", "5000"},
		{"foreign_keys", "1"},
		{"synchronous", "2"}, // FULL
	} {
		var got string
		if err := st.db.QueryRow("PRAGMA " + c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
}

func TestPathWithAwkwardCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my data?#%", "supine.db")
	st, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Begin(sampleSession(time.Now(), "tonight")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not where asked: %v", err)
	}
}
