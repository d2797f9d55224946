package plain

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/evening/evtest"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/safety"
)

// checkOnly is the check on its own (`supine check --plain`).
func checkOnly() Options {
	cfg := config(tonightLike())
	cfg.Entry = evening.ForCheck
	return Options{Evening: cfg}
}

// adviceLines is an outcome as every front end says it: safety.AdviceIn's
// parts in order.
func adviceLines(a safety.Advice, again string) []string {
	var out []string
	if a.Badge != "" {
		out = append(out, a.Badge)
	}
	out = append(out, a.Headline)
	out = append(out, a.Lines...)
	if again != "" {
		out = append(out, again)
	}
	if len(a.Reported) > 0 {
		out = append(out, a.ReportedHeading)
		for _, r := range a.Reported {
			out = append(out, "- "+r)
		}
		if a.Card != "" {
			out = append(out, a.Card)
		}
	}
	return out
}

// TestOutcomesSayAdviceInsWords: plain mode says each outcome in the words
// the full-screen outcome and the card say, and nothing else, whatever was
// ticked: the ambulance for chest pain (also with an emergency-department
// item), the emergency department for walking, the GP tonight for a minor
// fall.
func TestOutcomesSayAdviceInsWords(t *testing.T) {
	for _, tt := range []struct {
		yes  []string
		tier safety.Tier
		has  string
	}{
		{[]string{"chest-pain", "walking"}, safety.Emergency, "Call for an ambulance now: 999 in the UK, 112 in the EU, 911 in the US."},
		{[]string{"walking"}, safety.Emergency, "Do not drive yourself: your legs may be weak."},
		{[]string{"minor-fall"}, safety.Urgent, "Contact a doctor tonight."},
	} {
		_, out := play(t, checkOnly(), typed{10 * time.Minute, answers(tt.yes...)})
		want := adviceLines(safety.AdviceIn(tt.tier, safety.Situation{At: tonightAt.Add(10 * time.Minute), Yes: safety.Complete(tt.yes), Standalone: true}), "")
		ls := lines(out)
		if got := ls[len(ls)-len(want):]; !slices.Equal(got, want) {
			t.Errorf("%q: transcript ends with\n%s\nwant\n%s", tt.yes, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if !has(out, tt.has) {
			t.Errorf("%q: no line %q", tt.yes, tt.has)
		}
	}
}

// TestThePatternInPlainMode: asked as its own group when the evening says
// it is due (no check asked it in the last month), stored as asked, and
// its parts add up to the BOOK line; not asked again within the month.
func TestThePatternInPlainMode(t *testing.T) {
	st := evtest.Answered(answeredAt)
	groups := safety.CheckGroups(safety.Asking{Pattern: true})
	script := strings.Repeat("\n", len(groups)-1) + "1 2 4\n\n"
	p := playIn(t, st, checkOnly(), now(script))
	for _, l := range []string{"Group 5 of 5: Your back over time.", "1. Has your back pain lasted more than 3 months?",
		"- The back pain started before age 45", safety.PatternLine} {
		if !has(p.out, l) {
			t.Errorf("no line %q:\n%s", l, p.out)
		}
	}
	checks := st.Checks()
	if len(checks) != 1 || !checks[0].PatternAsked || checks[0].Tier != history.TierBook || !slices.Contains(checks[0].Yes, safety.InflammatoryPattern) {
		t.Errorf("stored %+v, want a BOOK with the pattern, asked", checks)
	}
	// The next night: four groups, and stored as not asked.
	o := checkOnly()
	o.Now = func() time.Time { return tonightAt.Add(24 * time.Hour) }
	p = playIn(t, st, o, now(answers()))
	if strings.Contains(p.out, "Your back over time") || !has(p.out, "Red-flag check: 4 groups of questions. Answer each group for tonight.") {
		t.Errorf("the pattern asked again the next night:\n%s", p.out)
	}
	if checks := st.Checks(); len(checks) != 2 || checks[1].PatternAsked {
		t.Errorf("stored %+v, want the second check without the pattern", checks)
	}
}

// TestAClinicianCheckInPlainMode is asked in its own words, from the same
// source as the full-screen check.
func TestAClinicianCheckInPlainMode(t *testing.T) {
	st := evtest.Answered(answeredAt)
	day := time.Date(2026, 10, 31, 0, 0, 0, 0, time.Local)
	st.AddClinician("no-better", day)
	p := playIn(t, st, checkOnly(), now(noneApply))
	out := p.out
	if !has(out, "1. A clinician checked this on 31 Oct. Is it worse, or different, since then? No better after several weeks of self-care, or getting worse.") {
		t.Errorf("not asked in its own words:\n%s", out)
	}
}

// TestTheFirstNightsDisclaimer comes first, in the About screen's words,
// then the precautions with the third answer.
func TestTheFirstNightsDisclaimer(t *testing.T) {
	p := playIn(t, evtest.New(), Options{Evening: config(tonightLike())}, now("\n"))
	ls := lines(p.out)
	want := append([]string{"About supine:"}, safety.Disclaimer()...)
	want = append(want, safety.ReviewedLine()+" Sources: supine about.", safety.DisclaimerGoOn)
	if got := ls[:min(len(want), len(ls))]; !slices.Equal(got, want) {
		t.Errorf("starts with\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !has(p.out, "Answer each with y for yes, n for no, or c for: "+safety.ClearedAnswer+".") {
		t.Errorf("the precautions without the third answer after the disclaimer:\n%s", p.out)
	}
	_, out := play(t, Options{Evening: config(tonightLike())}, now(noneApply))
	if strings.Contains(out, "About supine") {
		t.Error("the disclaimer on a night that is not the first")
	}
}

// TestAClearanceInPlainModeGoesToTheEvening: "c" on a precaution, what was
// cleared and the day are kept with the answers, and tonight's routine
// brings back what was cleared (heat: its question is asked).
func TestAClearanceInPlainModeGoesToTheEvening(t *testing.T) {
	st := evtest.New()
	p := playIn(t, st, Options{Evening: config(tonightLike())},
		now("\n"), now("n\nn\nn\nc\nh\nt\nn\n\n"), now(noneApply), now("n\n"))
	got := st.Precautions().Latest[safety.Pregnant]
	if !got.Yes || !got.ClearedHeat || got.ClearedStretches || !got.ClearedOn.Equal(time.Date(2026, 11, 3, 0, 0, 0, 0, time.Local)) {
		t.Errorf("kept %+v, want pregnancy yes with heat cleared today", got)
	}
	if !has(p.out, safety.HeatQuestionTitle+":") {
		t.Errorf("heat was not brought back:\n%s", p.out)
	}
}

// TestEmergencyAmbulanceTranscript is the plain-mode transcript of a check
// with chest pain and new difficulty walking, with the pattern due.
func TestEmergencyAmbulanceTranscript(t *testing.T) {
	a := safety.Asking{Pattern: true}
	var b strings.Builder
	for _, g := range safety.CheckGroups(a) {
		var nums []string
		for j, q := range g.Questions {
			if q.ID == "walking" || q.ID == "chest-pain" {
				nums = append(nums, string(rune('1'+j)))
			}
		}
		b.WriteString(strings.Join(nums, " ") + "\n")
	}
	p := playIn(t, evtest.New(), Options{Evening: config(tonightLike())},
		now("\n"), now("n\nn\nn\nn\nn\n\n"), typed{5 * time.Minute, b.String() + "\n"})
	golden.RequireEqual(t, p.out)
}
