package history

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	hist "github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/screens"
	"github.com/supine-app/supine/internal/screens/style"
)

// withPrecautions is the sample with two precautions (one a clinician
// cleared) and a clinician's check that stands, at the top of the page.
func withPrecautions() Data {
	d := sample()
	d.Sessions = d.Sessions[:3]
	d.Precautions = []string{
		"For pregnancy, your clinician cleared heat on 3 Nov 2026; still no stretches (they are done lying flat on your back); the sleep set-up on your side.",
		"Adapted for osteoporosis: no knee-to-chest; knee rolls small and slow.",
	}
	d.Clinician = []string{"Pain all the time that no position, rest or movement eases: checked 20 Nov; asked as \u201cworse, or different?\u201d until 26 Nov."}
	return d
}

func TestDRecordsAClinicianCheck(t *testing.T) {
	m := New(style.New(style.Night()), sample()).SetSize(80, 24)
	if _, act := press(m, "d"); act != (screens.OpenClinician{}) {
		t.Errorf("d returned %#v", act)
	}
}

// TestNightsUsedCountChecksToo: a night with a check alone counts as used
// (CONTENT.md section 7), in the line and the streak.
func TestNightsUsedCountChecksToo(t *testing.T) {
	night := func(d int) time.Time { return time.Date(2026, 11, d, 21, 0, 0, 0, now.Location()) }
	d := Data{Now: now, RolloverHour: hist.DefaultRolloverHour,
		Sessions: []hist.Session{{Start: night(24), Before: hist.Score(3), RedFlag: hist.TierNone}},
		Checks:   []hist.Check{{At: night(23), Tier: hist.TierNone, Full: true}, {At: night(22), Tier: hist.TierBook, Full: true}},
	}
	v := strings.Join(strings.Fields(ansi.Strip(New(style.New(style.Night()), d).SetSize(80, 40).View())), " ")
	for _, want := range []string{"3 nights in a row.", "Used on 3 of the last 28 nights (a night with a check-in, a check or a step done)."} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
}

func TestPrecautionsAndClinicianChecksShow(t *testing.T) {
	d := withPrecautions()
	v := strings.Join(strings.Fields(ansi.Strip(New(style.New(style.Night()), d).SetSize(80, 60).View())), " ")
	for _, want := range append(d.Precautions, d.Clinician...) {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q", want)
		}
	}
}
