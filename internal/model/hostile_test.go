package model

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/textsafe/hostile"
)

// The app's screens over hostile inputs: routine files with escape payloads
// in their names, a database whose text holds them, a notice and a failed
// save that quote them. Only supine's own colours may reach the frame.
func TestHostileTextNeverReachesTheScreen(t *testing.T) {
	dir := t.TempDir()
	for _, p := range hostile.Payloads {
		os.WriteFile(filepath.Join(dir, "r"+p+".toml"), []byte("title = \"T\"\n[[steps]]\nkind = \"settle\"\ntitle = \"S\"\n"), 0o600)
	}
	st, _, err := history.Open(filepath.Join(t.TempDir(), "supine.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, p := range hostile.Payloads {
		if _, err := st.Begin(history.Session{Start: tonightAt.AddDate(0, 0, -1), Routine: "r" + p,
			Completed: []string{"S" + p}, RedFlag: history.TierNone}); err != nil {
			t.Fatal(err)
		}
	}
	opts := testOptions(st)
	opts.Library = routines.Load(dir)
	opts.Notice = "moved to " + hostile.All()
	d := newDriver(t, opts, 100, 40)
	check := func(where string) {
		t.Helper()
		if m := hostile.Foreign(d.view()); m != "" {
			t.Errorf("%s: the frame holds %s", where, m)
		}
	}
	check("home with a notice")
	d.m.saveErr = errors.New("could not be saved to " + hostile.All())
	d.press("esc") // redraw home
	check("home with a failed save")
	d.press("h")
	d.expect(ScreenHistory)
	check("history")
}
