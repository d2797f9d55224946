package safety

import "time"

// "A clinician has checked this" (CONTENT.md section 4, app policy, v3):
// for a persistent URGENT or BOOK item the person may record that a
// clinician assessed it, and when, from the history or the menu: never
// from the outcome that has just told them to see someone. For that time
// the check asks "A clinician checked this on 3 Nov. Is it worse, or
// different, since then?" in place of the question: no does not stop the
// session, yes counts as a yes. Never for EMERGENCY items, nor for the
// acute or progressive ones: fever or feeling unwell, one leg, the immune
// risk, a minor fall.

// clinicianDays is how many days, from the day of the assessment, a
// clinician's check of each question stands. Questions not listed cannot
// be vouched for.
var clinicianDays = map[string]int{
	"pain-constant":     7, // pain that nothing eases: at most a week
	"cancer-new-pain":   28,
	"upper-back":        28,
	"no-better":         28,
	"not-coping":        28,
	ExercisePain:        28,
	InflammatoryPattern: 28,
}

// ClinicianCheckDays is how many days a clinician's check of question id
// stands, counted from the day of the assessment; 0 when the question
// cannot be vouched for by one (every EMERGENCY question among them).
func ClinicianCheckDays(id string) int {
	if q, ok := QuestionByID(id); !ok || q.Tier == Emergency || q.Tier == None {
		return 0
	}
	return clinicianDays[id]
}

// ClinicianCheckable returns the questions whose yes a clinician's check
// may cover, among the IDs given, in the order given, each once.
func ClinicianCheckable(ids []string) []Question {
	var out []Question
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] || ClinicianCheckDays(id) == 0 {
			continue
		}
		seen[id] = true
		q, _ := QuestionByID(id)
		out = append(out, q)
	}
	return out
}

// ClinicianCheckStands reports whether a clinician's check of id on the
// day checkedOn still stands on the night tonight (both midnights of a
// calendar day): from that day, for ClinicianCheckDays days. A day after
// tonight (the clock moved back) does not stand.
func ClinicianCheckStands(id string, checkedOn, tonight time.Time) bool {
	days := ClinicianCheckDays(id)
	d := DaysBetween(checkedOn, tonight)
	return days > 0 && d >= 0 && d < days
}

// ClinicianQuestion is how a question is asked while a clinician's check
// of it, on the day on, stands.
func ClinicianQuestion(on time.Time) string {
	return "A clinician checked this on " + on.Format("2 Jan") + ". Is it worse, or different, since then?"
}

// DaysBetween counts calendar days from a's date to b's; noon in UTC keeps
// a daylight-saving change from shortening or lengthening a day.
func DaysBetween(a, b time.Time) int {
	noon := func(t time.Time) time.Time {
		y, m, d := t.Date()
		return time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	}
	return int(noon(b).Sub(noon(a)).Round(24*time.Hour) / (24 * time.Hour))
}
