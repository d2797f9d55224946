package history

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// TestPeekPrecautionsReadsWithoutTouching: the newest answers come back,
// and the file is byte for byte what it was.
func TestPeekPrecautionsReadsWithoutTouching(t *testing.T) {
	st, path := openTemp(t)
	at := time.Date(2026, 11, 20, 21, 0, 0, 0, time.Local)
	if err := st.SavePrecautions(at, map[string]bool{PrecautionOsteoporosis: false, PrecautionPregnant: false}); err != nil {
		t.Fatal(err)
	}
	if err := st.SavePrecautions(at.Add(time.Hour), map[string]bool{PrecautionOsteoporosis: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, _ := os.ReadFile(path)
	p, err := PeekPrecautions(path)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Has(PrecautionOsteoporosis) || p.Has(PrecautionPregnant) || !p.Asked.Equal(at.Add(time.Hour)) {
		t.Errorf("peeked %+v, want osteoporosis yes (the newest answer), pregnant no, asked at %v", p, at.Add(time.Hour))
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("peeking changed the history file")
	}
}
