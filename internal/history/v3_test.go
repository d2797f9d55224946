package history

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestNudgeRuleTable is CONTENT.md section 7 v3 as a table over eight
// weeks of "before" check-ins: which nudges speak. Day 0 is Saturday 3
// October 2026; now is the evening of day 55, 27 November.
func TestNudgeRuleTable(t *testing.T) {
	ldn := london(t)
	base := time.Date(2026, 10, 3, 12, 0, 0, 0, ldn)
	now := time.Date(2026, 11, 27, 23, 0, 0, 0, ldn)
	// slide is one check-in a night from day 0 to day 55 going from a to b
	// in whole steps, a week at a time.
	slide := func(a, b int) checkins {
		var c checkins
		for d := 0; d <= 55; d++ {
			c = append(c, struct{ day, before int }{d, a + (b-a)*(d/7)/7})
		}
		return c
	}
	for _, tc := range []struct {
		name    string
		history checkins
		want    []Rule
	}{
		{"9 falling to 8 over 8 weeks: still severe, nothing else", slide(9, 8), []Rule{RuleStillSevere}},
		{"a steady 3 out of 10: nothing", slide(3, 3), nil},
		{"a steady 4: no better", slide(4, 4), []Rule{RuleNoBetter}},
		{"a steady 7: still severe and no better", slide(7, 7), []Rule{RuleStillSevere, RuleNoBetter}},
		{"6.86 this week is not severe", join(everyNight(0, 54, 7), one(55, 6)), []Rule{RuleNoBetter}},
		{"severe this week only: not still severe", join(everyNight(0, 41, 3), everyNight(42, 48, 6), everyNight(49, 55, 9)),
			[]Rule{RuleGettingWorse, RuleNoBetter}},
		{"severe, with 2 check-ins the week before: not enough", join(everyNight(40, 40, 9), everyNight(44, 44, 9), everyNight(49, 55, 9)), nil},
		{"falling from 9 to 4: quiet", slide(9, 4), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Rules(tc.history.sessions(base), now, DefaultRolloverHour)
			if !reflect.DeepEqual(rulesOf(got), tc.want) {
				t.Fatalf("rules %v, want %v", rulesOf(got), tc.want)
			}
			for _, n := range got {
				if !strings.Contains(n.Text, "structured exercise plan") || !strings.Contains(n.Text, "GP or physiotherapist") {
					t.Errorf("%s does not point to a physiotherapist for a structured plan:\n%s", n.Rule, n.Text)
				}
			}
		})
	}
}

func TestStillSevereFiguresAndWords(t *testing.T) {
	ldn := london(t)
	base := time.Date(2026, 11, 1, 12, 0, 0, 0, ldn)
	now := time.Date(2026, 11, 28, 23, 0, 0, 0, ldn)
	h := join(one(15, 8), one(17, 8), one(19, 7), one(22, 9), one(24, 8), one(26, 7), one(27, 8))
	n, ok := StillSevere(h.sessions(base), now, DefaultRolloverHour)
	if !ok {
		t.Fatal("no nudge")
	}
	want := "Your tightness before the routine averaged 8.0 over the last 7 nights (22–28 Nov, 4 check-ins) " +
		"and 7.7 the week before (15–21 Nov, 3 check-ins): it is still severe. " +
		"Pain that stays severe is worth a proper look: book an appointment with a GP or physiotherapist. " + physioPlan
	if n.Text != want {
		t.Errorf("text\n%s\nwant\n%s", n.Text, want)
	}
	if n.Short != "Still severe (8.0 this week, 7.7 the week before): worth booking a GP or physio." {
		t.Errorf("short %q", n.Short)
	}
}

// TestUsedNights: a night with a check-in, a check or a step done.
func TestUsedNights(t *testing.T) {
	ldn := london(t)
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, ldn) }
	sessions := []Session{
		{Start: at(20, 22), Before: Score(4), Partial: true},            // a check-in
		{Start: at(21, 22), Completed: []string{"Heat"}, Partial: true}, // a step
		{Start: at(22, 22), RedFlag: TierNone, Partial: true},           // a check, then quit
		{Start: at(23, 22), Partial: true},                              // nothing known
		{Start: at(28, 22), RedFlag: TierNone},                          // after now
	}
	checks := []Check{{At: at(24, 21), Tier: TierBook, Full: true}, {At: at(26, 2), Tier: TierNone}}
	now := at(26, 23)
	used := UsedNights(sessions, checks, now, DefaultRolloverHour)
	night := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, ldn) }
	want := map[time.Time]bool{night(20): true, night(21): true, night(22): true, night(24): true, night(25): true}
	if !reflect.DeepEqual(used, want) {
		t.Errorf("used %v, want %v", used, want)
	}
	if got := UsedIn(sessions, checks, now, DefaultRolloverHour, 7); got != 5 {
		t.Errorf("UsedIn 7 nights = %d, want 5", got)
	}
	if got := StreakOf(sessions, checks, now, DefaultRolloverHour); got != 2 {
		t.Errorf("StreakOf = %d, want 2 (24 and 25 Nov)", got)
	}
	if got := Streak(sessions, now, DefaultRolloverHour); got != 0 {
		t.Errorf("Streak without the checks = %d, want 0", got)
	}
}

func TestPatternAskedIsKept(t *testing.T) {
	st, _ := openTemp(t)
	now := time.Date(2026, 11, 26, 22, 0, 0, 0, time.Local)
	for _, c := range []Check{
		{At: now.AddDate(0, 0, -40), Tier: TierNone, Full: true, PatternAsked: true},
		{At: now.AddDate(0, 0, -10), Tier: TierBook, Full: true, PatternAsked: true, Yes: []string{"pattern-3-months"}},
		{At: now.AddDate(0, 0, -2), Tier: TierNone, Full: true},
		{At: now.AddDate(0, 0, 3), Tier: TierNone, Full: true, PatternAsked: true}, // the clock moved
	} {
		if err := st.SaveCheck(c); err != nil {
			t.Fatal(err)
		}
	}
	checks, err := st.Checks(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !checks[1].PatternAsked || checks[2].PatternAsked {
		t.Errorf("pattern_asked read back as %v, %v", checks[1].PatternAsked, checks[2].PatternAsked)
	}
	if got := PatternLastAsked(checks, now); !got.Equal(now.AddDate(0, 0, -10)) {
		t.Errorf("PatternLastAsked = %v, want 10 days ago", got)
	}
	if got := PatternLastAsked(nil, now); !got.IsZero() {
		t.Errorf("PatternLastAsked of nothing = %v", got)
	}
	// The evening's read says the same, from every check, not only the
	// last days' it reads in full.
	r, err := st.Recent(now.Add(-24*time.Hour), now.Add(-24*time.Hour), now, DefaultRolloverHour)
	if err != nil {
		t.Fatal(err)
	}
	if !r.PatternAsked.Equal(now.AddDate(0, 0, -10)) {
		t.Errorf("Recent.PatternAsked = %v, want 10 days ago", r.PatternAsked)
	}
}

func TestAClinicianClearanceIsKept(t *testing.T) {
	st, _ := openTemp(t)
	at := time.Date(2026, 11, 26, 22, 0, 0, 0, time.Local)
	on := time.Date(2026, 11, 3, 0, 0, 0, 0, time.Local)
	answers := []Precaution{
		{ID: PrecautionPregnant, Yes: true, ClearedHeat: true, ClearedOn: on},
		{ID: PrecautionHeatCaution, Yes: true},
		{ID: PrecautionOsteoporosis},
	}
	if err := st.SavePrecautionAnswers(at, answers); err != nil {
		t.Fatal(err)
	}
	p, err := st.Precautions()
	if err != nil {
		t.Fatal(err)
	}
	preg := p.Latest[PrecautionPregnant]
	if !preg.Yes || !preg.ClearedHeat || preg.ClearedStretches || !preg.ClearedOn.Equal(on) || !preg.Cleared() {
		t.Errorf("pregnancy read back as %+v", preg)
	}
	if hc := p.Latest[PrecautionHeatCaution]; !hc.Yes || hc.Cleared() || !hc.ClearedOn.IsZero() {
		t.Errorf("heat caution read back as %+v", hc)
	}
	for _, bad := range []struct {
		name string
		p    Precaution
	}{
		{"cleared without a yes", Precaution{ID: PrecautionPregnant, ClearedHeat: true, ClearedOn: on}},
		{"cleared without a day", Precaution{ID: PrecautionPregnant, Yes: true, ClearedHeat: true}},
		{"cleared after today", Precaution{ID: PrecautionPregnant, Yes: true, ClearedHeat: true, ClearedOn: at.AddDate(0, 0, 1)}},
		{"unknown", Precaution{ID: "nope", Yes: true}},
	} {
		if err := st.SavePrecautionAnswers(at, []Precaution{bad.p}); err == nil {
			t.Errorf("%s was saved", bad.name)
		}
	}
	// The yes/no form still saves, with nothing cleared.
	if err := st.SavePrecautions(at.Add(time.Hour), map[string]bool{PrecautionPregnant: true}); err != nil {
		t.Fatal(err)
	}
	if p, _ := st.Precautions(); p.Latest[PrecautionPregnant].Cleared() {
		t.Error("a later plain yes kept the clearance")
	}
	// A clearance day that is not a date (a file written by something
	// else) clears nothing, and the history is still read.
	if _, err := st.db.Exec(`INSERT INTO precautions (at_ms, id, yes, cleared_heat, cleared_stretches, cleared_on)
		VALUES (?, ?, 1, 1, 1, 'next week')`, at.Add(2*time.Hour).UnixMilli(), PrecautionPregnant); err != nil {
		t.Fatal(err)
	}
	p, err = st.Precautions()
	if err != nil {
		t.Fatalf("a doctored clearance day made the precautions unreadable: %v", err)
	}
	if preg := p.Latest[PrecautionPregnant]; !preg.Yes || preg.Cleared() || preg.ClearedHeat || preg.ClearedStretches {
		t.Errorf("a clearance without a date read back as %+v, want the precaution standing", preg)
	}
}

// PeekPrecautions reads a history from before schema 7 as it is: it never
// migrates, so it must not ask for the new columns.
func TestPeekPrecautionsReadsAnOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine.db")
	db := rawOpen(t, path)
	mustExec(t, db, versionTable)
	for i, m := range migrations[:6] {
		mustExec(t, db, m)
		mustExec(t, db, `INSERT INTO schema_version VALUES (?, 0)`, i+1)
	}
	mustExec(t, db, `INSERT INTO precautions (at_ms, id, yes) VALUES (1000, 'pregnant', 1)`)
	db.Close()
	p, err := PeekPrecautions(path)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Latest[PrecautionPregnant].Yes || p.Latest[PrecautionPregnant].Cleared() {
		t.Errorf("read %+v", p.Latest)
	}
}
