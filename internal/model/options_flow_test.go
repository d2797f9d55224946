package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/supine-app/supine/internal/routines"
	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
)

func TestTheRoutinePickedOnHomeIsTheOneThatRuns(t *testing.T) {
	st := &fakeStore{}
	d := newDriver(t, testOptions(st), 80, 24)
	d.press("r")
	d.expectText("Quick")
	d.press("s", "n", "4")
	d.expect(ScreenPlayer)
	d.expectText("Knee to chest", "step 1 of 4")
	if s := onlySession(t, st); s.Routine != "quick" || s.HeatMinutes != 0 {
		t.Errorf("session = %+v, want the quick routine without heat", s)
	}
}

func TestOptionsShapeThePlan(t *testing.T) {
	opts := testOptions(&fakeStore{})
	opts.HeatMinutes = 18
	opts.Osteoporosis = true
	d := newDriver(t, opts, 80, 24)
	r, _ := opts.Library.Find("tonight")
	total := r.Total(routines.Options{HeatMinutes: 18, Osteoporosis: true})
	if plain := r.Total(routines.Options{}); total.Round(time.Minute) == plain.Round(time.Minute) {
		t.Fatalf("the options do not change the length (%v)", total)
	}
	d.expectText(fmt.Sprintf("Tonight · %d min", int(total.Round(time.Minute)/time.Minute)))
	d.press("s", "n", "4")
	d.expectText("18 min", "step 1 of 4")
	d.press("n")
	d.expectText("Pelvic tilts") // knee to chest is left out
}

func TestAnUnknownRoutineFallsBackToTheFirst(t *testing.T) {
	opts := testOptions(&fakeStore{})
	opts.Routine = "gone"
	d := newDriver(t, opts, 80, 24)
	if d.m.routineName != "tonight" {
		t.Fatalf("routine = %q, want tonight", d.m.routineName)
	}
}

// TestAStepChangeSavesProgress: a step that ends writes the session, and
// so does the pad going on, so that a crash loses at most the step under
// way and never forgets that heat was used tonight.
func TestAStepChangeSavesProgress(t *testing.T) {
	st := &fakeStore{}
	d := atPlayer(t, testOptions(st))
	updates := st.updates
	d.press("enter") // the pad goes on
	if st.updates != updates+1 {
		t.Fatalf("the pad going on saved %d times, want once", st.updates-updates)
	}
	if s := onlySession(t, st); s.HeatStart.IsZero() || s.HeatMinutes != 15 {
		t.Errorf("session = %+v, want the heat's start and minutes", s)
	}
	updates = st.updates
	d.press("n") // heat ended early: a step ended
	if st.updates != updates+1 {
		t.Fatalf("a step ending saved %d times, want once", st.updates-updates)
	}
	if s := onlySession(t, st); !slices.Equal(s.Skipped, []string{"Heat"}) || !s.Partial {
		t.Errorf("session = %+v, want partial with the heat skipped", s)
	}
	updates = st.updates
	d.send(screens.CueMsg{Kind: screens.CueSwitchSides})
	if st.updates != updates {
		t.Errorf("a cue alone saved the session")
	}
}

func TestBellsFollowTheSettings(t *testing.T) {
	for _, bell := range []bool{true, false} {
		opts := testOptions(&fakeStore{})
		opts.Bell = bell
		d := atPlayer(t, opts)
		d.raw = nil
		d.send(screens.CueMsg{Kind: screens.CueNextStep})
		rang := slices.Contains(d.raw, "\a")
		if rang != bell {
			t.Errorf("bell setting %v: the cue rang = %v (%q)", bell, rang, d.raw)
		}
	}
}

func TestASaveThatFailsIsToldOnHome(t *testing.T) {
	st := &fakeStore{failSaves: errors.New("the disk is full")}
	d := atPlayer(t, testOptions(st))
	d.press("x", "esc")
	d.expect(ScreenHome)
	d.expectText("Tonight's session could not be saved", "the disk is full")
}

func TestAHistoryThatCannotBeReadIsToldOnHome(t *testing.T) {
	st := &fakeStore{failReads: errors.New("the database is locked")}
	d := newDriver(t, testOptions(st), 80, 24)
	d.expectText("The history could not be read", "the database is locked")
	d.press("s")
	// Tonight cannot be read: the two questions of failing closed, then
	// the disclaimer and the precautions (not known either), then the
	// full check, never the shortcut.
	d.expectText(safety.UnknownHelpOrPain)
	d.press("n")
	d.expectText(safety.UnknownHeatRecently)
	d.press("n")
	d.expect(ScreenAsk) // the disclaimer: the precautions were never read
	d.press("enter")
	d.expect(ScreenPrecautions)
	d.press("esc", "h")
	d.expect(ScreenHistory)
	d.expectText("The history could not be read")
}

func TestAWarningShowsOnTopUntilTheNextKey(t *testing.T) {
	d := atPlayer(t, testOptions(&fakeStore{}))
	d.send(warnMsg{err: errors.New("The sound command paplay was not found; install it or set sound = bell.")})
	first := flatten(strings.SplitN(d.view(), "\n", 2)[0])
	if !strings.HasPrefix(first, "! The sound command paplay") {
		t.Fatalf("top line = %q, want the warning with its ! mark", first)
	}
	requireFits(t, "warning", d.view(), 80, 24)
	d.press("z")
	if strings.Contains(d.text(), "paplay") {
		t.Errorf("the warning stayed after a key")
	}
	d.send(warnMsg{}) // a command that ran fine
	if d.m.warning != "" {
		t.Errorf("a nil error set warning %q", d.m.warning)
	}
}

func TestFocusIsTracked(t *testing.T) {
	d := newDriver(t, testOptions(nil), 80, 24)
	d.send(tea.BlurMsg{})
	if d.m.focused {
		t.Errorf("still focused after a blur")
	}
	d.send(tea.FocusMsg{})
	if !d.m.focused {
		t.Errorf("not focused after a focus")
	}
	v := d.m.View()
	if !v.AltScreen || !v.ReportFocus || v.WindowTitle != "supine" {
		t.Errorf("view = alt %v, focus %v, title %q", v.AltScreen, v.ReportFocus, v.WindowTitle)
	}
}

func TestThePlayerNamesTheWindow(t *testing.T) {
	d := atPlayer(t, testOptions(&fakeStore{}))
	d.press("n")
	if title := d.m.View().WindowTitle; !strings.Contains(title, "Knee to chest") || !strings.Contains(title, "0:20") {
		t.Errorf("window title %q, want the step and its time left", title)
	}
}
