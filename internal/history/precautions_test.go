package history

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestPrecautionsRoundTrip(t *testing.T) {
	st, _ := openTemp(t)
	first := time.Date(2026, 8, 1, 21, 0, 0, 0, time.Local)
	if p, err := st.Precautions(); err != nil || !p.Asked.IsZero() || len(p.Latest) != 0 || !p.Due(first) {
		t.Fatalf("never asked: %+v, %v; due %v", p, err, p.Due(first))
	}
	all := map[string]bool{}
	for _, id := range PrecautionIDs {
		all[id] = false
	}
	all[PrecautionOsteoporosis] = true
	if err := st.SavePrecautions(first, all); err != nil {
		t.Fatal(err)
	}
	// Asked again from the menu: now pregnant, and only that answer given.
	second := first.AddDate(0, 1, 0)
	if err := st.SavePrecautions(second, map[string]bool{PrecautionPregnant: true}); err != nil {
		t.Fatal(err)
	}
	p, err := st.Precautions()
	if err != nil {
		t.Fatal(err)
	}
	if !p.Asked.Equal(second) {
		t.Errorf("asked %v, want %v", p.Asked, second)
	}
	want := map[string]Precaution{
		PrecautionOsteoporosis:   {At: first, ID: PrecautionOsteoporosis, Yes: true},
		PrecautionHipReplacement: {At: first, ID: PrecautionHipReplacement},
		PrecautionBackSurgery:    {At: first, ID: PrecautionBackSurgery},
		PrecautionPregnant:       {At: second, ID: PrecautionPregnant, Yes: true},
		PrecautionHeatCaution:    {At: first, ID: PrecautionHeatCaution},
	}
	if !reflect.DeepEqual(p.Latest, want) {
		t.Errorf("latest\n%+v\nwant\n%+v", p.Latest, want)
	}
	if !p.Has(PrecautionPregnant) || !p.Has(PrecautionOsteoporosis) || p.Has(PrecautionBackSurgery) || p.Has("unknown") {
		t.Errorf("Has: pregnant %v, osteoporosis %v, back surgery %v",
			p.Has(PrecautionPregnant), p.Has(PrecautionOsteoporosis), p.Has(PrecautionBackSurgery))
	}
	hist, err := st.PrecautionHistory()
	if err != nil || len(hist) != len(PrecautionIDs)+1 || hist[len(hist)-1] != want[PrecautionPregnant] {
		t.Errorf("history %+v, %v", hist, err)
	}
	// Asked again after three months; a clock that moved back asks too.
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{
		{second.Add(PrecautionsEvery - time.Minute), false},
		{second.Add(PrecautionsEvery), true},
		{second.Add(-time.Hour), true},
	} {
		if got := p.Due(tc.now); got != tc.want {
			t.Errorf("due at %v = %v, want %v", tc.now, got, tc.want)
		}
	}
}

func TestBadPrecautionsAreRefusedWhole(t *testing.T) {
	st, _ := openTemp(t)
	at := time.Date(2026, 8, 1, 21, 0, 0, 0, time.Local)
	for _, tc := range []struct {
		name    string
		at      time.Time
		answers map[string]bool
		want    string
	}{
		{"unknown ID", at, map[string]bool{PrecautionPregnant: true, "hip-replacement": true}, `"hip-replacement" is not one of`},
		{"no answers", at, nil, "there are no answers"},
		{"no time", time.Time{}, map[string]bool{PrecautionPregnant: true}, "they have no time"},
	} {
		err := st.SavePrecautions(tc.at, tc.answers)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "the precautions could not be saved") {
			t.Errorf("%s: error %v, want one about %q", tc.name, err, tc.want)
		}
	}
	if hist, err := st.PrecautionHistory(); err != nil || len(hist) != 0 {
		t.Errorf("a refused screen left answers behind: %+v, %v", hist, err)
	}
}
