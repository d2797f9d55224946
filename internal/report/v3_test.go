package report

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// TestTheCardSaysTheOutcomesWords: the card says what the outcome screen
// and plain mode say (safety.AdviceIn), by what was ticked: the ambulance
// for chest pain, the emergency department for walking.
func TestTheCardSaysTheOutcomesWords(t *testing.T) {
	for _, tt := range []struct {
		yes  []string
		says string
		not  string
	}{
		{[]string{"walking", "chest-pain"}, "Call for an ambulance now: 999 in the UK, 112 in the EU, 911 in the US.", "emergency department"},
		{[]string{"walking"}, "Do not drive yourself: your legs may be weak.", "ambulance"},
	} {
		at := now.Add(-10 * time.Minute)
		c, ok := BuildCard(Input{Now: now, RolloverHour: 4,
			Checks: []history.Check{{At: at, Tier: history.TierEmergency, Yes: tt.yes, Full: true}}})
		if !ok {
			t.Fatal("no card")
		}
		text := strings.Join(strings.Fields(c.Text()), " ")
		a := safety.AdviceIn(safety.Emergency, safety.Situation{At: at, Yes: tt.yes, Standalone: true})
		for _, l := range append([]string{a.Headline, tt.says}, append(a.Lines, a.Reported...)...) {
			if !strings.Contains(text, l) {
				t.Errorf("%q: the card lacks %q:\n%s", tt.yes, l, text)
			}
		}
		if strings.Contains(text, tt.not) {
			t.Errorf("%q: the card says %q:\n%s", tt.yes, tt.not, text)
		}
	}
}

// TestTheReportShowsAClearanceAndTheRoutineItBringsBack.
func TestTheReportShowsAClearanceAndTheRoutineItBringsBack(t *testing.T) {
	in := Input{Now: now, RolloverHour: 4, Routine: tonightRoutine(t)}
	in.Precautions = []history.Precaution{{At: evening(3), ID: history.PrecautionPregnant, Yes: true,
		ClearedHeat: true, ClearedOn: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}}
	r := Build(in)
	text := strings.Join(strings.Fields(r.Text()), " ")
	for _, want := range []string{"Their clinician cleared heat on Tue 1 Dec 2026: that comes back.",
		"For pregnancy, your clinician cleared heat on 1 Dec 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	var steps []string
	for _, s := range r.RoutineSteps {
		steps = append(steps, s.Title)
	}
	if got := strings.Join(steps, ", "); got != "Heat, Settle in" {
		t.Errorf("routine %q, want heat and the sleep set-up", got)
	}
}

// TestAClinicianCheckWindowInTheReport: 7 days for pain nothing eases.
func TestAClinicianCheckWindowInTheReport(t *testing.T) {
	on := time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)
	r := Build(Input{Now: now, RolloverHour: 4, ClinicianChecks: []history.ClinicianCheck{
		{QuestionID: "pain-constant", CheckedOn: on, At: on.Add(20 * time.Hour)}}})
	if len(r.Clinician) != 1 || !strings.Contains(r.Clinician[0], "until Mon 14 Dec 2026 the check asks whether it is worse, or different, since then") {
		t.Errorf("clinician lines %q", r.Clinician)
	}
}
