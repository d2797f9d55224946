package routines

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		r, problems := Parse("fuzz.toml", data)
		for _, p := range problems {
			msg := p.Error()
			if p.File != "fuzz.toml" || p.Msg == "" || p.Line < 0 || p.Col < 0 || (p.Line > 0 && p.Col == 0) {
				t.Fatalf("malformed problem %#v", p)
			}
			if !utf8.ValidString(msg) || strings.ContainsAny(msg, "\n\r\x1b") {
				t.Fatalf("problem message not one clean line: %q", msg)
			}
		}
		if len(problems) > 0 {
			return
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
