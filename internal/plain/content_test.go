package plain

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/supine-app/supine/internal/night"
	"github.com/supine-app/supine/internal/safety"
)

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
		_, out := play(t, Options{Routine: tonightLike(), CheckOnly: true}, typed{10 * time.Minute, answers(tt.yes...)})
		want := adviceLines(safety.AdviceIn(tt.tier, safety.Situation{At: evening.Add(10 * time.Minute), Yes: safety.Complete(tt.yes), Standalone: true}), "")
		ls := lines(out)
		if got := ls[len(ls)-len(want):]; !slices.Equal(got, want) {
			t.Errorf("%q: transcript ends with\n%s\nwant\n%s", tt.yes, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if !has(out, tt.has) {
			t.Errorf("%q: no line %q", tt.yes, tt.has)
		}
	}
}

// TestThePatternInPlainMode: asked as its own group when due, stored as
// asked, and its parts add up to the BOOK line.
func TestThePatternInPlainMode(t *testing.T) {
	var checks []night.Check
	a := safety.Asking{Pattern: true}
	groups := safety.CheckGroups(a)
	script := strings.Repeat("\n", len(groups)-1) + "1 2 4\n\n"
	res, out := play(t, Options{Routine: tonightLike(), CheckOnly: true, Ask: a,
		SaveCheck: func(c night.Check) error { checks = append(checks, c); return nil }}, now(script))
	for _, l := range []string{"Group 5 of 5: Your back over time.", "1. Has your back pain lasted more than 3 months?",
		"- The back pain started before age 45", safety.PatternLine} {
		if !has(out, l) {
			t.Errorf("no line %q:\n%s", l, out)
		}
	}
	if res.Tier != safety.Book || !slices.Contains(res.Yes, safety.InflammatoryPattern) {
		t.Errorf("result %s", show(res))
	}
	if len(checks) != 1 || !checks[0].PatternAsked {
		t.Errorf("stored %+v, want the pattern asked", checks)
	}
	// Not due: four groups, and stored as not asked.
	checks = nil
	play(t, Options{Routine: tonightLike(), CheckOnly: true,
		SaveCheck: func(c night.Check) error { checks = append(checks, c); return nil }}, now(noneApply))
	if len(checks) != 1 || checks[0].PatternAsked {
		t.Errorf("stored %+v, want the pattern not asked", checks)
	}
}

// TestAClinicianCheckInPlainMode is asked in its own words, from the same
// source as the full-screen check.
func TestAClinicianCheckInPlainMode(t *testing.T) {
	a := safety.Asking{Tonight: evening, Checked: map[string]time.Time{"no-better": evening.AddDate(0, 0, -3)}}
	_, out := play(t, Options{Routine: tonightLike(), CheckOnly: true, Ask: a}, now(noneApply))
	if !has(out, "1. A clinician checked this on 31 Oct. Is it worse, or different, since then? No better after several weeks of self-care, or getting worse.") {
		t.Errorf("not asked in its own words:\n%s", out)
	}
}

// TestTheFirstNightsDisclaimer comes first, in the About screen's words.
func TestTheFirstNightsDisclaimer(t *testing.T) {
	_, out := play(t, Options{Routine: tonightLike(), CheckOnly: true, Disclaimer: true}, now(noneApply))
	ls := lines(out)
	want := append([]string{"About supine:"}, safety.Disclaimer()...)
	want = append(want, safety.ReviewedLine()+" Sources: supine about.")
	if got := ls[:len(want)]; !slices.Equal(got, want) {
		t.Errorf("starts with\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, out = play(t, Options{Routine: tonightLike(), CheckOnly: true}, now(noneApply))
	if strings.Contains(out, "About supine") {
		t.Error("the disclaimer on a night that is not the first")
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
	_, out := play(t, Options{Routine: tonightLike(), Ask: a, Disclaimer: true}, typed{5 * time.Minute, b.String() + "\n"})
	golden.RequireEqual(t, out)
}
