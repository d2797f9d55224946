package routines

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/supine-app/supine/internal/textsafe"
)

// FuzzParse feeds the routine parser arbitrary bytes. It must never panic,
// every problem must be a well-formed message, and any file it accepts must
// survive the Starter round trip to the same plan.
func FuzzParse(f *testing.F) {
	for _, r := range Builtins() {
		data, _ := BuiltinData(r.Name)
		f.Add(data)
	}
	f.Add([]byte(header))
	// Seeds that got escape sequences to the terminal (issue 14): a quoted
	// key echoed raw in its problem, and a bidi override in a title.
	f.Add([]byte("title = \"T\"\n\"\\u001b]0;pwned\\u0007\" = 1\n[[steps]]\nkind = \"settle\"\ntitle = \"S\"\n"))
	f.Add([]byte("title = \"\\u202eevil\"\n[[steps]]\nkind = \"settle\"\ntitle = \"S\\u009b2J\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, problems := Parse("fuzz.toml", data)
		for _, p := range problems {
			msg := p.Error()
			if p.File != "fuzz.toml" || p.Msg == "" || p.Line < 0 || p.Col < 0 || (p.Line > 0 && p.Col == 0) {
				t.Fatalf("malformed problem %#v", p)
			}
			if !utf8.ValidString(msg) || !textsafe.Safe(msg) {
				t.Fatalf("problem message not one clean line: %q", msg)
			}
		}
		if len(problems) > 0 {
			return
		}
		for _, text := range shownText(r) {
			if !textsafe.Safe(text) {
				t.Fatalf("an accepted routine shows text that is not plain: %q", text)
			}
		}
		back, again := Parse("fuzz.toml", Starter(r))
		if len(again) > 0 {
			t.Fatalf("the starter of an accepted file has problems: %v\n%s", again, Starter(r))
		}
		r.Source, back.Source = "", ""
		if !reflect.DeepEqual(r, back) {
			t.Fatalf("round trip changed the routine:\n%+v\n%+v", r, back)
		}
		if a, b := Expand(r, Options{}), Expand(back, Options{}); a.Total != b.Total || len(a.Segments) != len(b.Segments) {
			t.Fatal("round trip changed the plan")
		}
	})
}

// shownText is every string of a routine that reaches a screen.
func shownText(r Routine) []string {
	out := []string{r.Name, r.Title, r.Description}
	for _, st := range r.Steps {
		out = append(out, st.Title, st.Why)
		out = append(out, st.Cues...)
		out = append(out, st.StopIf...)
		for _, ph := range st.Phases {
			out = append(out, ph.Name, ph.Cue)
		}
	}
	return out
}
