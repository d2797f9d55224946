package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// answeredBefore gives a home with no history yet the precautions answered
// no to each, a day ago: the person of most tests has been through the
// first night. A history that exists is left as it is (a test may have
// damaged it on purpose).
func answeredBefore(t *testing.T, home string) {
	t.Helper()
	if _, err := os.Stat(dbPath(home)); err == nil {
		return
	}
	st, _, err := history.Open(dbPath(home))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	answers := map[string]bool{}
	for _, id := range history.PrecautionIDs {
		answers[id] = false
	}
	if err := st.SavePrecautions(time.Now().Add(-24*time.Hour), answers); err != nil {
		t.Fatal(err)
	}
}

// answerPrecautions answers the precautions screen: "y" or "n" for each
// question in order, then enter to the summary.
func answerPrecautions(t *testing.T, tm *term, answers ...string) {
	t.Helper()
	tm.waitFor(wait, "Precautions", "Do you have osteoporosis")
	tm.press(answers...)
	tm.press("enter")
	tm.waitFor(wait, "What tonight's routine becomes")
}

// TestFirstStartAsksThePrecautions: the first start shows the disclaimer,
// then the precautions before the check; a yes to osteoporosis is saved, takes knee-to-chest
// out of tonight's plan (home, `routines show`), and a second start does
// not ask again.
func TestFirstStartAsksThePrecautions(t *testing.T) {
	home := newHome(t)
	tm := start(t, termOpts{home: home, firstUse: true})
	tm.waitFor(wait, "Start tonight's routine", "Precautions")
	tm.press("s")
	// The first night: what supine is and is not, then the precautions.
	tm.waitFor(wait, "Before your first night", "not a diagnosis")
	tm.press("enter")
	answerPrecautions(t, tm, "y", "n", "n", "n", "n")
	tm.waitFor(wait, "Adapted for osteoporosis")
	tm.press("enter")
	tm.waitFor(wait, "Red-flag check", "Press n if none")
	tm.press("esc")
	tm.waitFor(wait, "Adapted for osteoporosis: no knee-to-chest")
	tm.press("q")
	tm.wait(wait)

	show := exec.Command(binary, "routines", "show", "tonight")
	show.Env = envFor(home)
	out, err := show.CombinedOutput()
	if err != nil {
		t.Fatalf("routines show: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "Knee to chest") || !strings.Contains(string(out), "Knee rolls") ||
		!strings.Contains(string(out), "Adapted for osteoporosis") {
		t.Errorf("routines show tonight after a yes to osteoporosis:\n%s", out)
	}

	export := exec.Command(binary, "history", "--json", "--what", "precautions")
	export.Env = envFor(home)
	out, err = export.CombinedOutput()
	if err != nil || strings.Count(string(out), `"id"`) != 5 || !strings.Contains(string(out), `"id": "osteoporosis",
    "yes": true`) {
		t.Errorf("precautions export: %v\n%s", err, out)
	}

	again := start(t, termOpts{home: home, args: []string{"start"}})
	again.waitFor(wait, "Red-flag check", "Press n if none")
	if strings.Contains(again.screen(), "Do you have osteoporosis") {
		t.Error("the precautions were asked again")
	}
	again.press("q")
	again.wait(wait)
}
