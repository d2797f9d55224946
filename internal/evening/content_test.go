package evening

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// A precaution answered "yes, and my clinician has cleared me" brings back
// only what was cleared, tonight (the heat question comes, heat is in the
// plan), and the store keeps the clearance with its day; a plain yes keeps
// heat out.
func TestAClinicianClearanceIsKeptAndBringsBackWhatItCleared(t *testing.T) {
	on := time.Date(2026, 3, 2, 0, 0, 0, 0, time.Local)
	for _, tc := range []struct {
		name     string
		cleared  map[string]safety.Answer
		wantHeat bool
	}{
		{"a plain yes", nil, false},
		{"heat cleared", map[string]safety.Answer{safety.HeatCaution: {Yes: true, Cleared: safety.Clearance{Heat: true}, ClearedOn: on}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := evtest.New()
			p := start(t, w, config(), at(10, 22, 0))
			p.do(Seen{})
			p.mustBe(Precautions)
			p.do(AnsweredPrecautions{Answers: map[string]bool{safety.HeatCaution: true, safety.Pregnant: false}, Cleared: tc.cleared})
			got := w.Precautions().Latest[safety.HeatCaution]
			if !got.Yes || got.ClearedHeat != tc.wantHeat || got.ClearedStretches {
				t.Fatalf("stored %+v, want yes with heat cleared %v", got, tc.wantHeat)
			}
			if tc.wantHeat && !got.ClearedOn.Equal(on) {
				t.Fatalf("cleared on %v, want %v", got.ClearedOn, on)
			}
			if w.Precautions().Latest[safety.Pregnant].Cleared() {
				t.Fatal("a no was stored as cleared")
			}
			p.mustBe(Check)
			p.do(AnsweredCheck{Tier: safety.None})
			p.do(AnsweredBefore{Tightness: score(5), Woke: no()})
			if asked := p.stage() == HeatQuestion; asked != tc.wantHeat {
				t.Fatalf("stage %v: heat question asked %v, want %v", p.stage(), asked, tc.wantHeat)
			}
		})
	}
}

// The full check asks the long-standing pattern at most once a month:
// when no check ever asked it, when the last one that did is a month old,
// and when the history cannot be read; not after a check that asked it
// in the store or earlier this evening. The check keeps whether it asked.
func TestThePatternIsAskedAtMostOnceAMonth(t *testing.T) {
	now := at(10, 22, 0)
	asked := func(ago time.Duration) *evtest.Store {
		w := evtest.Answered(now.Add(-24 * time.Hour))
		w.AddCheck(history.Check{At: now.Add(-ago), Tier: "none", Full: true, PatternAsked: true})
		return w
	}
	for _, tc := range []struct {
		name string
		w    *evtest.Store
		want bool
	}{
		{"never asked", evtest.Answered(now.Add(-24 * time.Hour)), true},
		{"asked 10 days ago", asked(10 * 24 * time.Hour), false},
		{"asked 40 days ago", asked(40 * 24 * time.Hour), true},
		{"asked in the future", asked(-2 * time.Hour), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config()
			cfg.Entry = ForCheck
			p := start(t, tc.w, cfg, now)
			p.mustBe(Check)
			if got := p.e.Asking(now).Pattern; got != tc.want {
				t.Fatalf("pattern asked %v, want %v", got, tc.want)
			}
		})
	}

	t.Run("kept with the check, then not asked again", func(t *testing.T) {
		w := evtest.Answered(now.Add(-24 * time.Hour))
		cfg := config()
		cfg.Entry = ForCheck
		p := start(t, w, cfg, now)
		p.do(AnsweredCheck{Tier: safety.None, PatternAsked: true})
		if cs := w.Checks(); len(cs) != 1 || !cs[0].PatternAsked {
			t.Fatalf("stored %+v, want one check that asked the pattern", cs)
		}
		if p.e.Asking(now).Pattern {
			t.Fatal("asked again in the same evening")
		}
		q := start(t, w, cfg, now.Add(24*time.Hour))
		if q.e.Asking(now.Add(24 * time.Hour)).Pattern {
			t.Fatal("asked again the next night")
		}
	})

	t.Run("an unreadable history asks it", func(t *testing.T) {
		w := asked(10 * 24 * time.Hour)
		w.ReadErr = errors.New("disk I/O error")
		p := start(t, w, config(), now)
		p.mustBe(Unknown)
		if !p.e.Asking(now).Pattern {
			t.Fatal("not asked with the history unreadable")
		}
	})
}

// A clinician's check the store holds is asked in its own words while it
// stands: the evening hands it to safety.CheckGroups.
func TestAClinicianCheckInTheStoreShapesTheCheck(t *testing.T) {
	now := at(10, 22, 0)
	w := evtest.Answered(now.Add(-24 * time.Hour))
	w.AddClinician("no-better", time.Date(2026, 3, 3, 0, 0, 0, 0, time.Local))
	p := start(t, w, config(), now)
	p.mustBe(Check)
	found := false
	for _, g := range safety.CheckGroups(p.e.Asking(now)) {
		for _, q := range g.Questions {
			if q.ID == "no-better" {
				found = true
				if q.Text != safety.ClinicianQuestion(time.Date(2026, 3, 3, 0, 0, 0, 0, time.Local)) {
					t.Fatalf("asked %q, want the clinician's check in its own words", q.Text)
				}
			}
		}
	}
	if !found {
		t.Fatal("no-better not asked")
	}
}

// The pattern's parts answered yes add up to its BOOK answer in the
// evening itself, whatever tier a front end sent: the check is kept as
// BOOK with the pattern among its answers, and the outcome asks to go on.
func TestThePatternsPartsAddUpInTheEvening(t *testing.T) {
	now := at(10, 22, 0)
	w := evtest.Answered(now.Add(-24 * time.Hour))
	p := start(t, w, config(), now)
	p.mustBe(Check)
	p.do(AnsweredCheck{Tier: safety.None, Yes: []string{safety.PatternYoung, safety.PatternLong, safety.PatternMorning}, PatternAsked: true})
	p.mustBe(Outcome)
	cs := w.Checks()
	if len(cs) != 1 || cs[0].Tier != history.TierBook || !slices.Contains(cs[0].Yes, safety.InflammatoryPattern) {
		t.Fatalf("stored %+v, want a BOOK with the pattern", cs)
	}
}
