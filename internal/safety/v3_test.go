package safety

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEmergencyRoute is CONTENT.md section 4 v3's "how to get there", item
// by item: what each EMERGENCY question ticked says, and that the
// ambulance wins when both kinds are ticked.
func TestEmergencyRoute(t *testing.T) {
	tests := []struct {
		yes  []string
		want Route
	}{
		{nil, RouteNone},
		{[]string{"fever-unwell", "no-better"}, RouteNone},
		{[]string{"saddle-numbness"}, RouteDepartment},
		{[]string{"bladder-bowel"}, RouteDepartment},
		{[]string{"both-legs-new"}, RouteDepartment},
		{[]string{"walking"}, RouteDepartment},
		{[]string{"sexual-function"}, RouteDepartment},
		{[]string{"serious-accident"}, RouteDepartment},
		{[]string{"chest-pain"}, RouteAmbulance},
		{[]string{"sudden-severe"}, RouteAmbulance},
		{[]string{"saddle-numbness", "chest-pain"}, RouteAmbulance},
		{[]string{"sudden-severe", "walking", "fever-unwell"}, RouteAmbulance},
		{[]string{"both-legs", "accident-unchecked", "accident-fall"}, RouteDepartment}, // retired answers still route
		{[]string{"nope"}, RouteNone},
	}
	for _, tt := range tests {
		if got := EmergencyRoute(tt.yes); got != tt.want {
			t.Errorf("EmergencyRoute(%q) = %v, want %v", tt.yes, got, tt.want)
		}
	}
	for _, q := range QuestionsIn(Emergency) {
		if q.Route == RouteNone {
			t.Errorf("%s: an EMERGENCY question with no route", q.ID)
		}
	}
	for _, q := range append(QuestionsIn(Urgent), QuestionsIn(Book)...) {
		if q.Route != RouteNone {
			t.Errorf("%s: a %v question with a route", q.ID, q.Tier)
		}
	}
}

// TestTiersOfVersion3 holds the v3 moves: new difficulty walking is
// EMERGENCY, a minor fall with osteoporosis or steroids is URGENT, and the
// pattern is BOOK only when its parts add up.
func TestTiersOfVersion3(t *testing.T) {
	tests := []struct {
		yes  []string
		want Tier
	}{
		{[]string{"walking"}, Emergency},
		{[]string{"one-leg-foot"}, Urgent},
		{[]string{"minor-fall"}, Urgent},
		{[]string{"serious-accident"}, Emergency},
		{[]string{"both-legs-new"}, Emergency},
		{[]string{PatternLong}, None},
		{[]string{PatternLong, PatternYoung}, None},
		{[]string{PatternLong, PatternMorning, PatternNightEnd}, None}, // started at 45 or later
		{[]string{PatternMorning, PatternNightEnd, PatternYoung}, None},
		{[]string{PatternLong, PatternYoung, PatternMorning}, Book},
		{[]string{PatternLong, PatternYoung, PatternNightEnd}, Book},
		{[]string{PatternLong, PatternYoung, PatternMorning, "minor-fall"}, Urgent},
		{[]string{InflammatoryPattern}, Book},
	}
	for _, tt := range tests {
		if got := Triage(tt.yes); got != tt.want {
			t.Errorf("Triage(%q) = %v, want %v", tt.yes, got, tt.want)
		}
	}
}

func TestCompleteAddsThePatternOnce(t *testing.T) {
	in := []string{PatternLong, PatternYoung, PatternMorning}
	got := Complete(in)
	if !slices.Equal(got, append(slices.Clone(in), InflammatoryPattern)) {
		t.Errorf("Complete = %q", got)
	}
	if len(in) != 3 {
		t.Error("Complete changed its argument")
	}
	if again := Complete(got); len(again) != 4 {
		t.Errorf("Complete twice = %q", again)
	}
	if got := Complete([]string{PatternLong, PatternMorning}); slices.Contains(got, InflammatoryPattern) {
		t.Errorf("no age at start, yet %q", got)
	}
	// The outcome lists the pattern, not its parts; the confirm step reads
	// back the parts marked.
	if r := Reported(got); len(r) != 1 || !strings.Contains(r[0], "more than 3 months") {
		t.Errorf("Reported = %q", r)
	}
	if m := Marked(got); len(m) != 3 {
		t.Errorf("Marked = %q", m)
	}
}

// TestPatternDue: at most once a month, from the last check that asked it.
func TestPatternDue(t *testing.T) {
	tests := []struct {
		name string
		last time.Time
		want bool
	}{
		{"never asked", time.Time{}, true},
		{"asked earlier tonight", bedtime.Add(-time.Hour), false},
		{"asked 29 days ago", bedtime.AddDate(0, 0, -29), false},
		{"asked a month ago to the minute", bedtime.AddDate(0, -1, 0), true},
		{"asked 40 days ago", bedtime.AddDate(0, 0, -40), true},
		{"asked tomorrow (the clock moved back)", bedtime.Add(24 * time.Hour), true},
	}
	for _, tt := range tests {
		if got := PatternDue(tt.last, bedtime); got != tt.want {
			t.Errorf("%s: PatternDue = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCheckGroups is the one question source: the pattern page only when
// due, and a clinician's check asked in its own words for its own time.
func TestCheckGroups(t *testing.T) {
	tonight := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	pages := func(gs []Group) []string {
		var out []string
		for _, g := range gs {
			out = append(out, g.ID)
		}
		return out
	}
	if got := pages(CheckGroups(Asking{Tonight: tonight})); slices.Contains(got, GroupPattern) {
		t.Errorf("pattern not due, yet pages %q", got)
	}
	due := CheckGroups(Asking{Pattern: true, Tonight: tonight})
	last := due[len(due)-1]
	if last.ID != GroupPattern || len(last.Questions) != 4 {
		t.Fatalf("pattern due: last page %+v", last)
	}
	for i, want := range []string{"3 months", "before you were 45", "stiff for more than 30 minutes", "second half of the night"} {
		if !strings.Contains(last.Questions[i].Text, want) {
			t.Errorf("pattern question %d = %q, want %q in it", i+1, last.Questions[i].Text, want)
		}
	}

	checked := map[string]time.Time{
		"pain-constant":     day(20), // 6 days: stands (7 days)
		"upper-back":        day(1),  // 25 days: stands (4 weeks)
		"no-better":         day(27), // after tonight: does not stand
		"fever-unwell":      day(25), // never vouched for
		"one-leg-foot":      day(25),
		"immune-risk":       day(25),
		"minor-fall":        day(25),
		"chest-pain":        day(25), // EMERGENCY: never
		InflammatoryPattern: day(10),
	}
	asked := map[string]Question{}
	for _, g := range CheckGroups(Asking{Pattern: true, Checked: checked, Tonight: tonight}) {
		for _, q := range g.Questions {
			asked[q.ID] = q
		}
	}
	for id, want := range map[string]bool{"pain-constant": true, "upper-back": true, "no-better": false,
		"fever-unwell": false, "one-leg-foot": false, "immune-risk": false, "minor-fall": false, "chest-pain": false, InflammatoryPattern: true} {
		q, ok := asked[id]
		if !ok {
			t.Errorf("%s is not asked", id)
			continue
		}
		got := strings.HasPrefix(q.Text, "A clinician checked this on ")
		if got != want {
			t.Errorf("%s asked as %q; clinician's wording %v, want %v", id, q.Text, got, want)
		}
	}
	if q := asked["pain-constant"]; q.Text != "A clinician checked this on 20 Nov. Is it worse, or different, since then?" || !strings.Contains(q.Hint, "no position, rest or movement eases") {
		t.Errorf("pain-constant asked as %q / %q", q.Text, q.Hint)
	}
	if _, ok := asked[PatternLong]; ok {
		t.Error("with a clinician's check of the pattern standing, its parts are asked as well")
	}
	// 7 days for pain nothing eases: the 8th day it is asked in full.
	gs := CheckGroups(Asking{Checked: map[string]time.Time{"pain-constant": day(19)}, Tonight: tonight})
	for _, g := range gs {
		for _, q := range g.Questions {
			if q.ID == "pain-constant" && strings.HasPrefix(q.Text, "A clinician") {
				t.Error("a clinician's check of pain nothing eases stands for more than 7 days")
			}
		}
	}
}

// TestClinicianCheckDays: never EMERGENCY, never the acute or progressive
// items, 7 days for pain nothing eases, 4 weeks for the others.
func TestClinicianCheckDays(t *testing.T) {
	want := map[string]int{"pain-constant": 7, "cancer-new-pain": 28, "upper-back": 28, "no-better": 28,
		"not-coping": 28, ExercisePain: 28, InflammatoryPattern: 28,
		"fever-unwell": 0, "one-leg-foot": 0, "immune-risk": 0, "minor-fall": 0, "weight-loss": 0, PatternLong: 0, "nope": 0}
	for _, q := range QuestionsIn(Emergency) {
		want[q.ID] = 0
	}
	for id, days := range want {
		if got := ClinicianCheckDays(id); got != days {
			t.Errorf("ClinicianCheckDays(%q) = %d, want %d", id, got, days)
		}
	}
	got := ClinicianCheckable([]string{"chest-pain", "fever-unwell", "no-better", "pain-constant", "no-better"})
	if len(got) != 2 || got[0].ID != "no-better" || got[1].ID != "pain-constant" {
		t.Errorf("ClinicianCheckable = %+v", got)
	}
}

// TestAdaptWithAClearance: a clinician's clearance brings back only what it
// cleared of what its own precaution takes away.
func TestAdaptWithAClearance(t *testing.T) {
	on := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	yes := func(c Clearance) Answer { return Answer{Yes: true, Cleared: c, ClearedOn: on} }
	heat, stretches, both := Clearance{Heat: true}, Clearance{Stretches: true}, Clearance{Heat: true, Stretches: true}
	tests := []struct {
		name    string
		answers map[string]Answer
		want    Adaptation // Reasons compared by the words below
		words   []string
	}{
		{"heat caution cleared for heat", map[string]Answer{HeatCaution: yes(heat)}, Adaptation{}, []string{"cleared heat on 3 Nov 2026"}},
		{"heat caution: a stretches clearance means nothing", map[string]Answer{HeatCaution: yes(stretches)}, Adaptation{HeatAfterClinician: true}, []string{"heat only after asking a clinician"}},
		{"pregnancy cleared for heat", map[string]Answer{Pregnant: yes(heat)},
			Adaptation{NoStretches: true, NoKneeToChest: true, NoKneeRolls: true, SideSleep: true}, []string{"cleared heat", "no stretches", "on your side"}},
		{"pregnancy cleared for the stretches", map[string]Answer{Pregnant: yes(stretches)},
			Adaptation{HeatAfterClinician: true, SideSleep: true}, []string{"cleared the stretches", "no heat without"}},
		{"pregnancy cleared for both", map[string]Answer{Pregnant: yes(both)}, Adaptation{SideSleep: true}, []string{"cleared heat and the stretches", "on your side"}},
		{"back surgery cleared for the stretches", map[string]Answer{BackSurgery: yes(stretches)}, Adaptation{HeatAfterClinician: true}, []string{"cleared the stretches", "heat only if"}},
		{"osteoporosis cleared", map[string]Answer{Osteoporosis: yes(stretches)}, Adaptation{}, []string{"osteoporosis", "cleared the stretches"}},
		{"hip cleared, osteoporosis not", map[string]Answer{HipReplacement: yes(both), Osteoporosis: {Yes: true}},
			Adaptation{NoKneeToChest: true, SmallKneeRolls: true}, []string{"cleared the stretches", "knee rolls small and slow"}},
		{"a clearance on a no changes nothing", map[string]Answer{BackSurgery: {Cleared: both}}, Adaptation{}, nil},
		{"pregnancy cleared for heat, diabetes not", map[string]Answer{Pregnant: yes(heat), HeatCaution: {Yes: true}},
			Adaptation{NoStretches: true, NoKneeToChest: true, NoKneeRolls: true, SideSleep: true, HeatAfterClinician: true}, []string{"cleared heat", "heat only after asking a clinician"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AdaptAnswers(tt.answers)
			reasons := strings.Join(got.Reasons, " ")
			got.Reasons, tt.want.Reasons = nil, nil
			if got.NoKneeToChest != tt.want.NoKneeToChest || got.SmallKneeRolls != tt.want.SmallKneeRolls ||
				got.NoKneeRolls != tt.want.NoKneeRolls || got.NoStretches != tt.want.NoStretches ||
				got.HeatAfterClinician != tt.want.HeatAfterClinician || got.SideSleep != tt.want.SideSleep {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			for _, w := range tt.words {
				if !strings.Contains(reasons, w) {
					t.Errorf("reasons lack %q: %s", w, reasons)
				}
			}
			if tt.words == nil && reasons != "" {
				t.Errorf("reasons %q, want none", reasons)
			}
		})
	}
	// Without a clearance, AdaptAnswers is Adapt.
	for _, p := range Precautions() {
		a, b := Adapt(map[string]bool{p.ID: true}), AdaptAnswers(map[string]Answer{p.ID: {Yes: true}})
		if strings.Join(a.Reasons, "") != strings.Join(b.Reasons, "") || a.HeatAfterClinician != b.HeatAfterClinician || a.NoStretches != b.NoStretches {
			t.Errorf("%s: Adapt %+v, AdaptAnswers %+v", p.ID, a, b)
		}
		if !p.Takes.Any() {
			t.Errorf("%s takes nothing a clinician could clear", p.ID)
		}
	}
}

// TestOutcomeSaysItsWordsOnce: every part of an outcome comes from
// AdviceIn, so the screen, plain mode and the card say the same words.
func TestOutcomeSaysItsWordsOnce(t *testing.T) {
	a := AdviceIn(Emergency, Situation{At: bedtime, Yes: []string{"walking"}})
	if a.Badge != "EMERGENCY · Go now" || a.ReportedHeading != "What you reported at 22:15 (take this with you):" || a.Card != CardLine {
		t.Errorf("advice %+v", a)
	}
	if a := AdviceIn(Book, Situation{At: bedtime, Yes: []string{"no-better"}}); a.Card != "" || a.ReportedHeading == "" {
		t.Errorf("BOOK: card %q, heading %q", a.Card, a.ReportedHeading)
	}
	if a := AdviceIn(Urgent, Situation{}); a.Card != "" || a.ReportedHeading != "" {
		t.Errorf("URGENT with nothing reported: card %q, heading %q", a.Card, a.ReportedHeading)
	}
	if a := AdviceIn(None, Situation{}); a.Badge != "" {
		t.Errorf("the all-clear has a badge: %q", a.Badge)
	}
}

// TestCompleteOrdersAsEveryFrontEndKeeps: most serious first, whatever
// page each was asked on, unknown IDs last.
func TestCompleteOrdersAsEveryFrontEndKeeps(t *testing.T) {
	got := Complete([]string{"nope", "one-leg-foot", PatternNightEnd, "chest-pain", "no-better", PatternYoung, PatternLong, "chest-pain"})
	want := []string{"chest-pain", "one-leg-foot", "no-better", PatternLong, PatternYoung, PatternNightEnd, InflammatoryPattern, "nope"}
	if !slices.Equal(got, want) {
		t.Errorf("Complete = %q, want %q", got, want)
	}
	if Complete(nil) != nil {
		t.Error("Complete(nil) is not nil")
	}
}
