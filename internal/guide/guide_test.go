package guide

import (
	"strings"
	"testing"
)

func TestEveryPositionHasASetup(t *testing.T) {
	want := []Position{Side, Back, Stomach}
	got := Setups()
	if len(got) != len(want) {
		t.Fatalf("got %d setups, want %d", len(got), len(want))
	}
	for i, p := range want {
		s := got[i]
		if s.Position != p {
			t.Errorf("setup %d is %q, want %q (order side, back, stomach)", i, s.Position, p)
		}
		if s.Title == "" || s.Head == "" || s.Body == "" || s.BodyPart == "" {
			t.Errorf("%s setup lacks title, head or knees advice: %+v", p, s)
		}
		if For(p).Position != p {
			t.Errorf("For(%q) = %q", p, For(p).Position)
		}
		if !strings.Contains(strings.Join(s.Extra, " "), "not been tested") {
			t.Errorf("%s setup should say pillow advice is comfort guidance", p)
		}
	}
}

func TestSetupContent(t *testing.T) {
	tests := []struct {
		pos  Position
		want []string
	}{
		{Side, []string{"thicker", "firmer", "shoulder", "between your knees", "stacked"}},
		{Back, []string{"under your knees", "rolled towel"}},
		{Stomach, []string{"best avoided", "turns your head", "arches your lower back", "hips and lower belly"}},
	}
	for _, tt := range tests {
		s := For(tt.pos)
		all := strings.ToLower(s.Head + " " + s.Body + " " + strings.Join(s.Extra, " "))
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s setup lacks %q", tt.pos, w)
			}
		}
	}
}

func TestForUnknownIsSide(t *testing.T) {
	for _, p := range []Position{"", "upside-down", "SIDE"} {
		if got := For(p).Position; got != Side {
			t.Errorf("For(%q) = %q, want side", p, got)
		}
	}
}

func TestParsePosition(t *testing.T) {
	tests := []struct {
		in   string
		want Position
		ok   bool
	}{
		{"side", Side, true},
		{"back", Back, true},
		{"stomach", Stomach, true},
		{" Back ", Back, true},
		{"STOMACH", Stomach, true},
		{"", "", false},
		{"front", "", false},
		{"sides", "", false},
	}
	for _, tt := range tests {
		got, ok := ParsePosition(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParsePosition(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMattressAndAlignment(t *testing.T) {
	all := strings.ToLower(strings.Join(Mattress(), " "))
	for _, w := range []string{"medium-firm", "313", "39 studies", "orthopaedic", "hips sink", "pressure points", "flattens"} {
		if !strings.Contains(all, w) {
			t.Errorf("Mattress lacks %q", w)
		}
	}
	if a := strings.ToLower(Alignment()); !strings.Contains(a, "ears, shoulders and hips") {
		t.Errorf("Alignment = %q", a)
	}
}

func TestCausesAreShortAndHedged(t *testing.T) {
	causes := Causes()
	if len(causes) == 0 || WhyIntro() == "" {
		t.Fatal("no causes or intro")
	}
	body := map[string]string{}
	for _, c := range causes {
		if c.Title == "" || c.Body == "" {
			t.Errorf("empty cause: %+v", c)
		}
		if n := strings.Count(c.Body, ". ") + 1; n > 3 {
			t.Errorf("%s: %d sentences, want at most 3", c.Title, n)
		}
		body[c.Title] = strings.ToLower(c.Body)
	}
	hedged := map[string][]string{
		"Hamstrings":      {"may", "very low quality"},
		"Water and salts": {"may play a part", "weak"},
	}
	for title, words := range hedged {
		b, ok := body[title]
		if !ok {
			t.Errorf("no %q cause", title)
			continue
		}
		for _, w := range words {
			if !strings.Contains(b, w) {
				t.Errorf("%s should say %q: %q", title, w, b)
			}
		}
	}
	all := strings.ToLower(strings.Join(func() []string {
		var s []string
		for _, c := range causes {
			s = append(s, c.Body)
		}
		return s
	}(), " "))
	for _, w := range []string{"lying still", "hip", "anterior", "relax", "spasm", "pillow", "medium-firm"} {
		if !strings.Contains(all, w) {
			t.Errorf("causes lack %q", w)
		}
	}
}

func TestNoTextSaysYouAreFine(t *testing.T) {
	var texts []string
	for _, s := range Setups() {
		texts = append(texts, s.Title, s.Head, s.Body)
		texts = append(texts, s.Extra...)
	}
	texts = append(texts, Mattress()...)
	texts = append(texts, Alignment(), WhyIntro())
	for _, c := range Causes() {
		texts = append(texts, c.Title, c.Body)
	}
	for _, s := range texts {
		low := strings.ToLower(s)
		for _, b := range []string{"you are fine", "you're fine", "safe to"} {
			if strings.Contains(low, b) {
				t.Errorf("text says %q: %q", b, s)
			}
		}
	}
}

// TestEachPillowIsFiledUnderItsPart: the stomach set-up's pillow goes under
// the hips, so it is not labelled "Knees", and the head has advice of its
// own in every position.
func TestEachPillowIsFiledUnderItsPart(t *testing.T) {
	for _, s := range Setups() {
		part := strings.ToLower(s.BodyPart)
		if part == "knees" {
			part = "knee"
		}
		if !strings.Contains(strings.ToLower(s.Body), part) {
			t.Errorf("%s: %q is filed under %q", s.Position, s.Body, s.BodyPart)
		}
		if !strings.Contains(strings.ToLower(s.Head), "head") {
			t.Errorf("%s: the head advice %q does not speak of the head", s.Position, s.Head)
		}
	}
	if got := For(Stomach).BodyPart; got != "Hips" {
		t.Errorf("stomach: the pillow is under %q, want Hips", got)
	}
}
