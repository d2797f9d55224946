package outcome

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/safety"
	"github.com/supine-app/supine/internal/screens"
)

func TestParseCheckedOn(t *testing.T) {
	now := bedtime // Thursday 26 November 2026, 22:15
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in      string
		want    time.Time
		wantErr string
	}{
		{"t", day(2026, 11, 26), ""},
		{"today", day(2026, 11, 26), ""},
		{"y", day(2026, 11, 25), ""},
		{"Yesterday", day(2026, 11, 25), ""},
		{"2026-11-03", day(2026, 11, 3), ""},
		{" 2026-11-26 ", day(2026, 11, 26), ""},
		{"2026-10-30", day(2026, 10, 30), ""}, // 27 days back: the oldest that still stands
		{"2026-10-29", time.Time{}, "more than 4 weeks ago"},
		{"2025-11-03", time.Time{}, "more than 4 weeks ago"},
		{"2026-11-27", time.Time{}, "after today"},
		{"2027-01-01", time.Time{}, "after today"},
		{"2026-13-01", time.Time{}, "year-month-day"},
		{"3 Nov", time.Time{}, "year-month-day"},
		{"2026-11-3", time.Time{}, "year-month-day"},
		{"", time.Time{}, "Press t for today"},
	}
	for _, tt := range tests {
		got, err := parseCheckedOn(tt.in, now)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: got %v, %v; want an error saying %q", tt.in, got, err, tt.wantErr)
			}
			if err != nil && strings.Count(err.Error(), ".") != 1 {
				t.Errorf("%q: %q is not one sentence", tt.in, err)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestClinicianOfferedOnlyForUrgentAndBook: d opens the step on URGENT and
// BOOK outcomes that name an URGENT or BOOK question, and never on
// EMERGENCY, tonight's void outcome, the all-clear or the pain stop.
func TestClinicianOfferedOnlyForUrgentAndBook(t *testing.T) {
	check := func(tier safety.Tier, yes ...string) Model {
		return ForCheck(st, screens.CheckDone{Tier: tier, Yes: yes}, bedtime)
	}
	offered := []named{
		{"urgent", check(safety.Urgent, "pain-constant")},
		{"urgent with a book item", check(safety.Urgent, "fever-unwell", "no-better")},
		{"book", check(safety.Book, "no-better")},
		{"book for exercise pain", check(safety.Book, safety.ExercisePain)},
		{"book standalone", check(safety.Book, "not-coping").Standalone()},
	}
	never := []named{
		{"emergency", check(safety.Emergency, "saddle-numbness")},
		{"emergency with urgent and book items too", check(safety.Emergency, "chest-pain", "fever-unwell", "no-better")},
		{"urgent tonight again", ForTier(st, safety.Urgent).Reported(bedtime, []string{"pain-constant"}).Closed(bedtime.Add(12 * time.Hour)).Standalone()},
		{"book tonight again", ForTier(st, safety.Book).Reported(bedtime, []string{"no-better"}).Closed(bedtime.Add(12 * time.Hour))},
		{"urgent with nothing reported", ForTier(st, safety.Urgent)},
		{"all clear", check(safety.None)},
		{"pain stop", StoppedForPain(st)},
	}
	for _, o := range offered {
		m, act := press(o.m.SetSize(80, 24), "d")
		if !m.Recording() || act != nil {
			t.Errorf("%s: d did not open the step (action %#v)", o.name, act)
		}
		if !strings.Contains(words(o.m.SetSize(80, 24).View()), "a clinician has checked this") {
			t.Errorf("%s: the key is not shown:\n%s", o.name, o.m.SetSize(80, 24).View())
		}
	}
	for _, o := range never {
		m, _ := press(o.m.SetSize(80, 24), "d")
		if m.Recording() {
			t.Errorf("%s: d opened the clinician step", o.name)
		}
		if strings.Contains(words(fullText(o.m)), "clinician has checked") {
			t.Errorf("%s: offers a clinician's check:\n%s", o.name, words(fullText(o.m)))
		}
	}
}

// TestClinicianStepReturnsTheAction: t, y and a typed date return the
// picked URGENT and BOOK questions (never an EMERGENCY one) with the day.
func TestClinicianStepReturnsTheAction(t *testing.T) {
	base := ForCheck(st, screens.CheckDone{Tier: safety.Urgent, Yes: []string{"fever-unwell", "one-leg", "no-better"}}, bedtime).SetSize(80, 24)
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		keys []string
		want screens.Action
	}{
		{"today, first picked", []string{"d", "space", "t"}, screens.ClinicianChecked{IDs: []string{"fever-unwell"}, On: today}},
		{"yesterday, two picked", []string{"d", "space", "down", "down", "space", "y"}, screens.ClinicianChecked{IDs: []string{"fever-unwell", "no-better"}, On: today.AddDate(0, 0, -1)}},
		{"typed", []string{"d", "down", "space", "2", "0", "2", "6", "-", "1", "1", "-", "0", "3", "enter"}, screens.ClinicianChecked{IDs: []string{"one-leg"}, On: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)}},
		{"typed with a slip corrected", []string{"d", "space", "2", "0", "2", "7", "backspace", "6", "-", "1", "1", "-", "2", "0", "enter"}, screens.ClinicianChecked{IDs: []string{"fever-unwell"}, On: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}},
		{"nothing picked", []string{"d", "t"}, nil},
		{"future", []string{"d", "space", "2", "0", "2", "6", "-", "1", "2", "-", "0", "1", "enter"}, nil},
		{"too old", []string{"d", "space", "2", "0", "2", "6", "-", "1", "0", "-", "0", "1", "enter"}, nil},
		{"cancelled", []string{"d", "space", "esc", "t"}, nil},
		{"today after a refused date", []string{"d", "space", "2", "0", "2", "0", "-", "0", "1", "-", "0", "1", "enter", "t"}, screens.ClinicianChecked{IDs: []string{"fever-unwell"}, On: today}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, act := press(base, tt.keys...)
			got, _ := act.(screens.ClinicianChecked)
			want, _ := tt.want.(screens.ClinicianChecked)
			if (act == nil) != (tt.want == nil) || strings.Join(got.IDs, ",") != strings.Join(want.IDs, ",") || !got.On.Equal(want.On) {
				t.Fatalf("got %#v, want %#v\n%s", act, tt.want, m.View())
			}
			if tt.want != nil && m.Recording() {
				t.Error("the step is still open after the action")
			}
		})
	}
}

// TestClinicianStepRefusesInOneSentence: a future date, an old one and
// nothing picked each say why, on screen, and keep the step open.
func TestClinicianStepRefusesInOneSentence(t *testing.T) {
	many := ForCheck(st, screens.CheckDone{Tier: safety.Urgent, Yes: []string{"fever-unwell", "no-better"}}, bedtime)
	one := ForCheck(st, screens.CheckDone{Tier: safety.Book, Yes: []string{"no-better"}}, bedtime)
	tests := []struct {
		m    Model
		keys []string
		want string
	}{
		{many, []string{"d", "t"}, "Pick what the clinician checked with space first."},
		{one, []string{"d", "2", "0", "2", "6", "-", "1", "2", "-", "2", "5", "enter"}, "25 Dec 2026 is after today"},
		{one, []string{"d", "2", "0", "2", "6", "-", "1", "0", "-", "2", "9", "enter"}, "29 Oct 2026 is more than 4 weeks ago"},
		{one, []string{"d", "1", "1", "-", "0", "3", "enter"}, "Type the date as year-month-day"},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{40, 12}, {80, 24}} {
			m, act := press(tt.m.SetSize(size[0], size[1]), tt.keys...)
			if act != nil || !m.Recording() {
				t.Errorf("%v: returned %#v, recording %v", tt.keys, act, m.Recording())
			}
			if !strings.Contains(words(m.View()), tt.want) {
				t.Errorf("%v at %v: lacks %q:\n%s", tt.keys, size, tt.want, m.View())
			}
		}
	}
}

// TestKeptSaysSoAndKeepsTheOutcome: once kept the outcome says so, and
// still says what it said: URGENT still has no way on.
func TestKeptSaysSoAndKeepsTheOutcome(t *testing.T) {
	on := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	m := ForCheck(st, screens.CheckDone{Tier: safety.Urgent, Yes: []string{"pain-constant"}}, bedtime).Kept([]string{"pain-constant"}, on)
	v := fullText(m)
	for _, want := range []string{"Kept: a clinician checked this on 3 Nov.", "For 4 weeks the check will remind you instead of stopping", "Contact a doctor tonight."} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	for _, k := range everyKey() {
		m := m.SetSize(80, 24)
		_, _, act := m.Update(k)
		if _, on := act.(screens.GoOn); on {
			t.Errorf("key %q goes on after an URGENT with a clinician's check kept", k.String())
		}
	}
	if v := fullText(m.NotKept("The clinician's check could not be saved: disk full.")); !strings.Contains(v, "could not be saved: disk full") {
		t.Errorf("a failed save is not said:\n%s", v)
	}
}

// TestClinicianStepScrollsAtTheSmallestSize: with one item, the arrows
// scroll the step to its last line at 40x12.
func TestClinicianStepScrollsAtTheSmallestSize(t *testing.T) {
	m := ForCheck(st, screens.CheckDone{Tier: safety.Urgent, Yes: []string{"pain-constant"}}, bedtime).SetSize(40, 12)
	m, _ = press(m, "d")
	for range 10 {
		m, _ = press(m, "down")
	}
	if v := words(m.View()); !strings.Contains(v, "tonight's advice") {
		t.Errorf("scrolled to the end, the last line is not on screen:\n%s", m.View())
	}
}

// TestClinicianNeverListsAnEmergencyQuestion: even an URGENT outcome that
// was handed an EMERGENCY answer (which triage never does) lists only the
// URGENT and BOOK questions, and returns only them.
func TestClinicianNeverListsAnEmergencyQuestion(t *testing.T) {
	m := ForTier(st, safety.Urgent).Reported(bedtime, []string{"chest-pain", "fever-unwell"}).SetSize(80, 24)
	m, _ = press(m, "d")
	if v := words(m.View()); strings.Contains(v, "Chest pain") || !strings.Contains(v, "High temperature") {
		t.Errorf("the step lists the wrong questions:\n%s", m.View())
	}
	_, act := press(m, "t")
	if got, _ := act.(screens.ClinicianChecked); strings.Join(got.IDs, ",") != "fever-unwell" {
		t.Errorf("returned %#v, want fever-unwell only", act)
	}
}
