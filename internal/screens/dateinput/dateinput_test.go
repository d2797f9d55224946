package dateinput

import (
	"testing"

	"github.com/supine-app/supine/internal/screens/screentest"
)

func TestFieldKeys(t *testing.T) {
	var f Field
	var submit string
	var done bool
	for _, k := range []string{"2", "0", "2", "6", "-", "x", "1", "1", "-", "0", "4", "backspace", "3", "9"} {
		f, _, done = f.Key(screentest.Key(k))
		if done {
			t.Fatalf("done after %q", k)
		}
	}
	if f.Typed() != "2026-11-03" {
		t.Errorf("typed %q", f.Typed())
	}
	// t and y are digits' neighbours: once typing has begun they do nothing.
	if _, _, done = f.Key(screentest.Key("t")); done {
		t.Error("t submitted a half-typed date")
	}
	f, submit, done = f.Key(screentest.Key("enter"))
	if !done || submit != "2026-11-03" || f.Typed() != "" {
		t.Errorf("enter: %q %v, left %q", submit, done, f.Typed())
	}
	if _, submit, done = (Field{}).Key(screentest.Key("y")); !done || submit != "y" {
		t.Errorf("y: %q %v", submit, done)
	}
}
