package night

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
)

// TestAdaptWithAClinicianClearance: a stored "yes, and my clinician has
// cleared me" brings back only what was cleared, on the built-in
// "tonight", and the osteoporosis setting is never cleared by a stored
// answer.
func TestAdaptWithAClinicianClearance(t *testing.T) {
	on := time.Date(2026, 11, 3, 0, 0, 0, 0, time.Local)
	pr := func(ps ...history.Precaution) history.Precautions {
		out := history.Precautions{Asked: on, Latest: map[string]history.Precaution{}}
		for _, p := range ps {
			out.Latest[p.ID] = p
		}
		return out
	}
	r := builtinRoutine(t, "tonight")
	tests := []struct {
		name  string
		pr    history.Precautions
		osteo bool
		steps string
		says  string
	}{
		{"pregnant, nothing cleared", pr(history.Precaution{ID: "pregnant", Yes: true}), false,
			"Settle in", "Adapted for pregnancy"},
		{"pregnant, heat cleared", pr(history.Precaution{ID: "pregnant", Yes: true, ClearedHeat: true, ClearedOn: on}), false,
			"Heat, Settle in", "your clinician cleared heat on 3 Nov 2026"},
		{"pregnant, the stretches cleared", pr(history.Precaution{ID: "pregnant", Yes: true, ClearedStretches: true, ClearedOn: on}), false,
			"Knee to chest, Pelvic tilts, Knee rolls, Settle in", "cleared the stretches"},
		{"heat caution cleared, back surgery not", pr(
			history.Precaution{ID: "heat_caution", Yes: true, ClearedHeat: true, ClearedOn: on},
			history.Precaution{ID: "back_surgery", Yes: true}), false,
			"Settle in", "cleared heat"},
		{"osteoporosis cleared in the history, but the setting says osteoporosis",
			pr(history.Precaution{ID: "osteoporosis", Yes: true, ClearedStretches: true, ClearedOn: on}), true,
			"Heat, Pelvic tilts, Knee rolls, Settle in", "Adapted for osteoporosis"},
		{"a clearance stored with a no is no clearance", pr(history.Precaution{ID: "pregnant", ClearedHeat: true, ClearedOn: on}), false,
			"Heat, Knee to chest, Pelvic tilts, Knee rolls, Settle in", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := AdaptationFor(tt.pr, tt.osteo)
			if got := titles(Adapt(r, a)); got != tt.steps {
				t.Errorf("steps %q, want %q", got, tt.steps)
			}
			if reasons := strings.Join(a.Reasons, " "); !strings.Contains(reasons, tt.says) || (tt.says == "" && reasons != "") {
				t.Errorf("reasons %q, want %q in them", reasons, tt.says)
			}
		})
	}
}
