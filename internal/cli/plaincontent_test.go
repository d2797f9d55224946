package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPrecautionsInPlainModeAskAndKeepAClearance: `supine precautions
// --plain` asks the questions with the third answer, keeps a clearance with
// its day, and the export and `routines show` follow it.
func TestPrecautionsInPlainModeAskAndKeepAClearance(t *testing.T) {
	privateHome(t)
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetIn(strings.NewReader("n\nn\nn\nc\nh\n2026-11-01\nn\n\n"))
	root.SetArgs([]string{"precautions", "--plain"})
	if err := root.Execute(); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	said := ansi.Strip(out.String())
	for _, want := range []string{"Question 4 of 5. Are you pregnant?", "Kept.", "For pregnancy, your clinician cleared heat on 1 Nov 2026"} {
		if !strings.Contains(said, want) {
			t.Errorf("lacks %q:\n%s", want, said)
		}
	}
	export := runCLI(t, "history", "--json", "--what", "precautions")
	if !strings.Contains(export, `"cleared_heat": true`) || !strings.Contains(export, `"cleared_on": "2026-11-01"`) {
		t.Errorf("export:\n%s", export)
	}
	plan := runCLI(t, "routines", "show", "tonight")
	if !strings.Contains(plan, "Heat") || strings.Contains(plan, "Knee to chest") {
		t.Errorf("tonight for pregnancy cleared for heat is heat and the sleep set-up:\n%s", plan)
	}
}
