package history

import (
	"strings"
	"testing"
	"time"
)

func TestWritePrecautions(t *testing.T) {
	zone := time.FixedZone("CET", 3600)
	at := time.Date(2026, 11, 1, 21, 0, 0, 0, zone)
	answers := []Precaution{
		{At: at, ID: PrecautionOsteoporosis, Yes: true},
		{At: at, ID: PrecautionPregnant, Yes: false},
		{At: at, ID: PrecautionHeatCaution, Yes: true, ClearedHeat: true, ClearedOn: time.Date(2026, 10, 30, 0, 0, 0, 0, zone)},
	}
	var b strings.Builder
	if err := WritePrecautionsJSON(&b, answers); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "at": "2026-11-01T21:00:00+01:00",
    "id": "osteoporosis",
    "yes": true
  },
  {
    "at": "2026-11-01T21:00:00+01:00",
    "id": "pregnant",
    "yes": false
  },
  {
    "at": "2026-11-01T21:00:00+01:00",
    "id": "heat_caution",
    "yes": true,
    "cleared_heat": true,
    "cleared_on": "2026-10-30"
  }
]
`
	if b.String() != want {
		t.Errorf("JSON\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WritePrecautionsCSV(&b, answers); err != nil {
		t.Fatal(err)
	}
	wantCSV := "at,id,yes,cleared_heat,cleared_stretches,cleared_on\n2026-11-01T21:00:00+01:00,osteoporosis,true,false,false,\n" +
		"2026-11-01T21:00:00+01:00,pregnant,false,false,false,\n2026-11-01T21:00:00+01:00,heat_caution,true,true,false,2026-10-30\n"
	if b.String() != wantCSV {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), wantCSV)
	}
	b.Reset()
	if err := WritePrecautionsJSON(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("no answers: %q, %v", b.String(), err)
	}
	b.Reset()
	if WritePrecautionsCSV(&b, nil); b.String() != "at,id,yes,cleared_heat,cleared_stretches,cleared_on\n" {
		t.Errorf("no answers should give the header alone: %q", b.String())
	}
}
