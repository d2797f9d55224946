package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// run runs the CLI with args in a home of its own, returning stdout.
func runCLI(t *testing.T, args ...string) string {
	t.Helper()
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		t.Fatalf("supine %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return ansi.Strip(out.String())
}

func privateHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	return home
}

func answer(t *testing.T, answers map[string]bool) {
	t.Helper()
	st, _, err := history.Open(defaultPaths().Database)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SavePrecautions(time.Now().Add(-time.Hour), answers); err != nil {
		t.Fatal(err)
	}
}

// `routines show` prints the plan tonight runs: adapted to the precautions,
// with why.
func TestRoutinesShowPrintsTheAdaptedPlan(t *testing.T) {
	privateHome(t)
	before := runCLI(t, "routines", "show", "tonight")
	if !strings.Contains(before, "Knee to chest") || strings.Contains(before, "Adapted for") {
		t.Fatalf("with no precautions the plan is not the whole routine:\n%s", before)
	}
	answer(t, map[string]bool{safety.Osteoporosis: true, safety.HipReplacement: false,
		safety.BackSurgery: false, safety.Pregnant: false, safety.HeatCaution: false})
	after := runCLI(t, "routines", "show", "tonight")
	if strings.Contains(after, "Knee to chest") {
		t.Errorf("knee-to-chest still in the plan after a yes to osteoporosis:\n%s", after)
	}
	for _, want := range []string{"Heat", "Pelvic tilts", "Knee rolls", "Settle in", "Adapted for osteoporosis"} {
		if !strings.Contains(after, want) {
			t.Errorf("adapted plan lacks %q:\n%s", want, after)
		}
	}
	list := runCLI(t, "routines")
	if !strings.Contains(list, "Adapted for osteoporosis") {
		t.Errorf("`supine routines` does not say the lengths are adapted:\n%s", list)
	}
}

// `history --json --what precautions` exports every answer; without
// --what the export is still the sessions array.
func TestHistoryExportsPrecautions(t *testing.T) {
	privateHome(t)
	answer(t, map[string]bool{safety.Pregnant: true, safety.Osteoporosis: false})
	out := runCLI(t, "history", "--json", "--what", "precautions")
	if !strings.Contains(out, `"id": "pregnant"`) || !strings.Contains(out, `"yes": true`) {
		t.Errorf("precautions export:\n%s", out)
	}
	csv := runCLI(t, "history", "--csv", "--what", "precautions")
	if !strings.HasPrefix(csv, "at,id,yes,cleared_heat,cleared_stretches,cleared_on\n") || strings.Count(csv, "\n") != 3 {
		t.Errorf("precautions CSV:\n%s", csv)
	}
	if sessions := strings.TrimSpace(runCLI(t, "history", "--json")); sessions != "[]" {
		t.Errorf("sessions export changed: %s", sessions)
	}
}
