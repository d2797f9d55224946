package model

import (
	"strings"
	"testing"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
)

func planHas(p routines.Plan, title string) bool {
	for _, seg := range p.Segments {
		if p.Routine.Steps[seg.Step].Title == title {
			return true
		}
	}
	return false
}

// The first start shows the disclaimer (CONTENT.md section 5, v3), then
// asks the precautions before tonight's check; a yes to
// osteoporosis takes knee-to-chest out of tonight's plan, keeps knee rolls
// small, home says why, and a second start that night does not ask again.
func TestFirstStartAsksThePrecautionsThenTheCheck(t *testing.T) {
	st := &fakeStore{firstUse: true}
	d := newDriver(t, testOptions(st), 80, 24)
	d.expect(ScreenHome)
	d.press("s")
	d.expect(ScreenAsk)
	d.expectText("Before your first night", "not a diagnosis")
	d.press("enter")
	d.expect(ScreenPrecautions)
	d.expectText("Do you have osteoporosis")
	d.press("y", "n", "n", "n", "n", "enter")
	d.expectText("What tonight's routine becomes", "Adapted for osteoporosis")
	d.press("enter")
	d.expect(ScreenCheck)

	saved := st.precautionsSaved()
	if len(saved) != len(safety.Precautions()) {
		t.Fatalf("saved %d answers, want one for each of %d precautions: %+v", len(saved), len(safety.Precautions()), saved)
	}
	for _, p := range saved {
		if p.Yes != (p.ID == safety.Osteoporosis) || !p.At.Equal(tonightAt) {
			t.Errorf("saved %+v, want yes only for osteoporosis, at %v", p, tonightAt)
		}
	}

	d.press("n") // none on every page of the check
	d.expect(ScreenCheckin)
	plan := routines.Expand(d.m.ev.Routine(), routines.Options{})
	if planHas(plan, "Knee to chest") {
		t.Error("tonight's plan still has knee-to-chest after a yes to osteoporosis")
	}
	if !planHas(plan, "Knee rolls") || !planHas(plan, "Pelvic tilts") {
		t.Error("tonight's plan lost knee rolls or pelvic tilts, which osteoporosis keeps")
	}
	for _, s := range plan.Routine.Steps {
		if s.Title == "Knee rolls" && !strings.Contains(strings.Join(s.Cues, " "), night.SmallKneeRollsCue) {
			t.Errorf("knee rolls lack %q: %q", night.SmallKneeRollsCue, s.Cues)
		}
	}

	home, cmd := d.m.goHome() // as after the session
	d.m = home
	d.run(cmd)
	d.expect(ScreenHome)
	d.expectText("Adapted for osteoporosis: no knee-to-chest")

	// The same night, a second start: no precautions again.
	d.press("s")
	if d.m.screen == ScreenPrecautions {
		t.Fatal("the precautions were asked again the same night")
	}
}

// A new run reads the answers from the store: no screen, tonight adapted.
func TestStoredPrecautionsAdaptWithoutAsking(t *testing.T) {
	st := &fakeStore{firstUse: true}
	if err := st.SavePrecautions(tonightAt.Add(-24*60*60*1e9), map[string]bool{
		safety.Osteoporosis: false, safety.HipReplacement: true, safety.BackSurgery: false,
		safety.Pregnant: false, safety.HeatCaution: false,
	}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, testOptions(st), 80, 24)
	d.expectText("Adapted for your hip")
	d.press("s")
	d.expect(ScreenCheck)
	d.press("n")
	plan := routines.Expand(d.m.ev.Routine(), routines.Options{})
	if planHas(plan, "Knee to chest") || planHas(plan, "Knee rolls") || !planHas(plan, "Pelvic tilts") {
		t.Errorf("hip replacement plan has the wrong steps: %+v", plan.Routine.Steps)
	}
}

// The menu asks them at any time, and esc leaves without saving.
func TestPrecautionsFromTheMenu(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("p")
	d.expect(ScreenPrecautions)
	d.press("esc")
	d.expect(ScreenHome)
	if n := len(st.precautionsSaved()); n != 0 {
		t.Fatalf("esc saved %d answers", n)
	}
	d.press("p", "n", "n", "n", "y", "n", "enter", "enter")
	d.expect(ScreenHome)
	d.expectText("Adapted for pregnancy")
	if len(st.precautionsSaved()) != 5 {
		t.Fatalf("saved %+v", st.precautionsSaved())
	}
}

// Answers older than history.PrecautionsEvery are asked again on start.
func TestOldPrecautionsAreAskedAgain(t *testing.T) {
	st := &fakeStore{firstUse: true}
	old := tonightAt.AddDate(0, -4, 0)
	if err := st.SavePrecautions(old, map[string]bool{safety.Osteoporosis: false}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("s")
	d.expect(ScreenPrecautions)
}

func TestEntryPrecautions(t *testing.T) {
	opts := testOptions(&fakeStore{})
	opts.Entry = EntryPrecautions
	d := newDriver(t, opts, 80, 24)
	d.expect(ScreenPrecautions)
}
