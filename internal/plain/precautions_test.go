package plain

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
)

// askPrecautions runs AskPrecautions on scripted input and returns what it
// kept and the transcript.
func askPrecautions(t *testing.T, keys bool, script ...typed) ([]history.Precaution, string) {
	t.Helper()
	var out bytes.Buffer
	clock := routines.NewFakeClock(0)
	got, err := AskPrecautions(context.Background(), PrecautionsOptions{Out: &out, Keys: keys,
		Now:  func() time.Time { return tonightAt },
		wait: &scriptWaiter{t: t, clock: clock, script: script, tok: tokenizer{keys: keys}}})
	if err != nil {
		t.Fatalf("AskPrecautions: %v\n%s", err, out.String())
	}
	assertClean(t, out.String())
	return got, out.String()
}

func TestPrecautionsTranscript(t *testing.T) {
	// Osteoporosis: no. Hip: yes. Back surgery: "maybe", then no. Pregnant:
	// cleared for heat, on a day typed wrong and then right. Diabetes:
	// cleared (heat is all it takes), yesterday. Kept with enter.
	got, out := askPrecautions(t, false, now("n\nyes\nmaybe\nn\nc\nh\n3 Nov\n2026-11-01\nc\ny\n\n"))
	golden.RequireEqual(t, out)
	nov1 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local)
	nov2 := time.Date(2026, 11, 2, 0, 0, 0, 0, time.Local)
	want := []history.Precaution{
		{ID: "osteoporosis"},
		{ID: "hip_replacement", Yes: true},
		{ID: "back_surgery"},
		{ID: "pregnant", Yes: true, ClearedHeat: true, ClearedOn: nov1},
		{ID: "heat_caution", Yes: true, ClearedHeat: true, ClearedOn: nov2},
	}
	if !slices.EqualFunc(got, want, func(a, b history.Precaution) bool {
		return a.ID == b.ID && a.Yes == b.Yes && a.ClearedHeat == b.ClearedHeat && a.ClearedStretches == b.ClearedStretches && a.ClearedOn.Equal(b.ClearedOn)
	}) {
		t.Errorf("kept %+v\nwant %+v", got, want)
	}
}

func TestPrecautionsInKeyModeAndAgain(t *testing.T) {
	// Keys: all no, then c at the end to answer again: back surgery
	// cleared for both, today.
	got, out := askPrecautions(t, true, now("nnnnnc"), now("nncbt\nnn\n"))
	if len(got) != 5 || !got[2].Yes || !got[2].ClearedHeat || !got[2].ClearedStretches || got[2].ClearedOn.Day() != 3 {
		t.Fatalf("kept %+v:\n%s", got, out)
	}
	if !has(out, "Answering them again.") || !has(out, "- For back surgery, your clinician cleared heat and the stretches on 3 Nov 2026.") {
		t.Errorf("transcript:\n%s", out)
	}
}

func TestPrecautionsNothingKeptWhenTheInputEnds(t *testing.T) {
	got, _ := askPrecautions(t, false, now("n\ny\n"))
	if got != nil {
		t.Errorf("kept %+v from half the answers", got)
	}
	got, _ = askPrecautions(t, false, now("n\nn\nn\nn\nn\n"))
	if got != nil {
		t.Errorf("kept %+v without enter on the summary", got)
	}
}
