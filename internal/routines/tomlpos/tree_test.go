package tomlpos

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// dump writes every leaf as path@line:col=kind, in the order written.
func dump(v *Value, path string, out *[]string) {
	switch v.Kind {
	case Table:
		for _, k := range v.Keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			dump(v.Fields[k], p, out)
		}
	case List:
		*out = append(*out, fmt.Sprintf("%s@%d:%d=list", path, v.At.Line, v.At.Col))
		for i, e := range v.List {
			dump(e, fmt.Sprintf("%s[%d]", path, i), out)
		}
	default:
		*out = append(*out, fmt.Sprintf("%s@%d:%d=%s", path, v.At.Line, v.At.Col, v.Raw))
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"scalars", "a = 1\nb = \"x\"\nc = true\nd = 1.5\ne = 1979-05-27",
			"a@1:5=1 b@2:5=x c@3:5=true d@4:5=1.5 e@5:5=1979-05-27"},
		{"dotted keys and tables", "x.y = 2\n[t]\nz = 3\n[t.u]\nw = 4",
			"x.y@1:7=2 t.z@3:5=3 t.u.w@5:5=4"},
		{"arrays of tables", "[[s]]\na = 1\n[[s]]\na = 2\n[s.p]\nq = 3",
			"s@1:3=list s[0].a@2:5=1 s[1].a@4:5=2 s[1].p.q@6:5=3"},
		{"arrays and inline tables", "l = [1, { k = \"v\" }]\nm =  [ ]",
			"l@1:5=list l[0]@1:6=1 l[1].k@1:15=v m@2:6=list"},
		{"columns count characters", "\"é\" = \"é\"\nb = [\"é\", 2]",
			"é@1:7=é b@2:5=list b[0]@2:6=é b[1]@2:11=2"},
	}
	for _, tt := range tests {
		root, serr := Parse([]byte(tt.doc))
		if serr != nil {
			t.Errorf("%s: syntax error %+v", tt.name, serr)
			continue
		}
		var out []string
		dump(root, "", &out)
		if got := strings.Join(out, " "); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestSyntaxErrorPosition(t *testing.T) {
	_, serr := Parse([]byte("a = \"é\"\nb = \"é\" c"))
	if serr == nil || serr.At != (Pos{Line: 2, Col: 9}) {
		t.Errorf("syntax error = %+v, want at 2:9", serr)
	}
}

func TestWords(t *testing.T) {
	if got := Closest("hodl", []string{"hold", "reps"}); got != "hold" {
		t.Errorf("Closest = %q", got)
	}
	if got := Closest("colour", []string{"hold", "reps"}); got != "" {
		t.Errorf("Closest = %q, want none", got)
	}
	if got := OrList([]string{"a", "b", "c"}); got != "a, b or c" {
		t.Errorf("OrList = %q", got)
	}
	if got := Quote(strings.Repeat("x", 50)); got != `"`+strings.Repeat("x", 40)+`…"` {
		t.Errorf("Quote = %q", got)
	}
	for d, want := range map[time.Duration]string{
		20 * time.Second: "20s", 5 * time.Minute: "5m", 90 * time.Second: "1m30s",
		time.Hour: "1h", time.Hour + 30*time.Second: "1h0m30s",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
