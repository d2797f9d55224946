package safety

import (
	"strings"
	"testing"
)

// allText gathers every string the package can show a person.
func allText() []string {
	var out []string
	for _, q := range Questions() {
		out = append(out, q.Text, q.Hint)
	}
	for _, q := range retired {
		out = append(out, q.Text, q.Hint, q.Report)
	}
	for _, q := range Questions() {
		out = append(out, q.Report)
	}
	for _, g := range Groups() {
		out = append(out, g.Heading)
	}
	var every []string
	for _, q := range Questions() {
		every = append(every, q.ID)
	}
	for _, t := range []Tier{None, Book, Urgent, Emergency} {
		out = append(out, TierName(t), TierLabel(t))
		for _, s := range []Situation{{}, {Standalone: true}, {Yes: every}, {At: bedtime}, {At: noon}} {
			a := AdviceIn(t, s)
			out = append(out, a.Headline)
			out = append(out, a.Lines...)
		}
	}
	for _, p := range Precautions() {
		out = append(out, p.Text, p.Hint, p.Does)
	}
	all := map[string]bool{}
	for _, p := range Precautions() {
		all[p.ID] = true
	}
	out = append(out, Adapt(all).Reasons...)
	for _, q := range Shortcut() {
		out = append(out, q.Text)
		out = append(out, q.Items...)
	}
	p := PainStop()
	out = append(out, p.Headline)
	out = append(out, p.Lines...)
	out = append(out, HeatSafety()...)
	out = append(out, HeatDoneCue(), HeatEvidence(), HeatWhy, DisclaimerLine())
	out = append(out, StopRules()...)
	out = append(out, StretchRules()...)
	out = append(out, Disclaimer()...)
	for _, s := range Sources() {
		out = append(out, s.Title, s.Where)
	}
	return out
}

// The app never tells a person they are fine; "no red flags reported" is the
// strongest all-clear.
func TestNoTextSaysYouAreFine(t *testing.T) {
	banned := []string{"you are fine", "you're fine", "you’re fine", "safe to", "nothing to worry"}
	for _, s := range allText() {
		low := strings.ToLower(s)
		for _, b := range banned {
			if strings.Contains(low, b) {
				t.Errorf("text says %q: %q", b, s)
			}
		}
	}
}

func TestHeatSafetyCoversSectionThree(t *testing.T) {
	all := strings.ToLower(strings.Join(HeatSafety(), " "))
	for _, w := range []string{"15 to 20 minutes", "2 hours", "fabric", "medium", "cord",
		"never fall asleep", "numb", "tingling", "burns", "diabetes", "circulation", "reduced feeling",
		"alcohol", "sleeping tablet", "nerve-pain painkiller", "pregnant", "fever", "broken skin"} {
		if !strings.Contains(all, w) {
			t.Errorf("HeatSafety lacks %q", w)
		}
	}
	cue := strings.ToLower(HeatDoneCue())
	for _, w := range []string{"switch the pad off", "out of the bed"} {
		if !strings.Contains(cue, w) {
			t.Errorf("HeatDoneCue lacks %q: %q", w, cue)
		}
	}
	ev := strings.ToLower(HeatEvidence())
	// Heat is optional comfort ([32]): nothing says it treats or loosens.
	for _, s := range append(HeatSafety(), HeatEvidence(), HeatWhy) {
		for _, claim := range []string{"loosen", "treat", "eases", "relief", "heals", "cures", "blood"} {
			if strings.Contains(strings.ToLower(s), claim) {
				t.Errorf("heat text claims %q: %q", claim, s)
			}
		}
	}
	for _, w := range []string{"optional", "many people find warmth helps them relax before the stretches", "small", "sham", "burns", "not a tested dose"} {
		if !strings.Contains(ev, w) {
			t.Errorf("HeatEvidence lacks %q: %q", w, ev)
		}
	}
}

func TestStretchRulesSayBreathe(t *testing.T) {
	all := strings.ToLower(strings.Join(StretchRules(), " "))
	for _, w := range []string{"slowly", "comfortable", "breathe normally", "never hold your breath", "fewer reps"} {
		if !strings.Contains(all, w) {
			t.Errorf("StretchRules lacks %q", w)
		}
	}
}

func TestDisclaimer(t *testing.T) {
	all := strings.ToLower(strings.Join(Disclaimer(), " "))
	for _, w := range []string{"self-care", "not a diagnosis", "clinician", "pregnant", "surgery",
		"osteoporosis", "cancer", "diabetes", "neuropathy", "staying active", "fewer reps"} {
		if !strings.Contains(all, w) {
			t.Errorf("Disclaimer lacks %q", w)
		}
	}
	if !strings.Contains(strings.ToLower(DisclaimerLine()), "not a diagnosis") {
		t.Errorf("DisclaimerLine = %q", DisclaimerLine())
	}
}

func TestSourcesKeepContentNumbering(t *testing.T) {
	src := Sources()
	if len(src) != 30 {
		t.Errorf("got %d sources, want the 30 of CONTENT.md", len(src))
	}
	for i, s := range src {
		if s.N != i+1 || s.Title == "" {
			t.Errorf("source %+v: want number %d and a title", s, i+1)
		}
	}
	for n, word := range map[int]string{25: "Cauda equina", 26: "aneurysm", 27: "NICE CKS", 28: "NG65", 29: "Hip replacement", 30: "pregnancy"} {
		if !strings.Contains(src[n-1].Title, word) {
			t.Errorf("source %d = %q, want %q in it", n, src[n-1].Title, word)
		}
	}
}

func TestContentVersion(t *testing.T) {
	if ContentVersion != "2026-11" {
		t.Errorf("ContentVersion = %q: CONTENT.md says reviewed 2026-11", ContentVersion)
	}
}

// Three heat lines never leave the screen (CONTENT.md section 3, v3): the
// pad off at the end and never asleep on it, not on numb skin and the
// skin stop with its key (s in both front ends), tonight's heat question.
// They come first.
func TestThreeHeatLinesAreKept(t *testing.T) {
	lines := HeatSafetyLines()
	var kept []string
	for i, l := range lines {
		if l.Kept {
			if i != len(kept) {
				t.Errorf("kept line %q comes after a line that is not kept", l.Text)
			}
			kept = append(kept, strings.ToLower(l.Text))
		}
	}
	if len(kept) != 3 {
		t.Fatalf("%d kept lines, want 3", len(kept))
	}
	for i, words := range [][]string{{"off", "never fall asleep"}, {"numb", "tingl", "burns", "press s", "pad off now"}, {"not tonight", "alcohol", "sleeping tablet", "strong or nerve-pain painkiller"}} {
		for _, w := range words {
			if !strings.Contains(kept[i], w) {
				t.Errorf("kept line %d %q lacks %q", i+1, kept[i], w)
			}
		}
	}
}
