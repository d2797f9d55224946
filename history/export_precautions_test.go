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
	wantCSV := "at,id,yes\n2026-11-01T21:00:00+01:00,osteoporosis,true\n2026-11-01T21:00:00+01:00,pregnant,false\n"
	if b.String() != wantCSV {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), wantCSV)
	}
	b.Reset()
	if err := WritePrecautionsJSON(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("no answers: %q, %v", b.String(), err)
	}
	b.Reset()
	if WritePrecautionsCSV(&b, nil); b.String() != "at,id,yes\n" {
		t.Errorf("no answers should give the header alone: %q", b.String())
	}
}

func TestWriteClinicianChecks(t *testing.T) {
	zone := time.FixedZone("CET", 3600)
	checks := []ClinicianCheck{{
		QuestionID: "fever",
		CheckedOn:  time.Date(2026, 11, 3, 0, 0, 0, 0, zone),
		Until:      time.Date(2026, 12, 1, 0, 0, 0, 0, zone),
		At:         time.Date(2026, 11, 5, 22, 10, 0, 0, zone),
	}}
	var b strings.Builder
	if err := WriteClinicianChecksJSON(&b, checks); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "at": "2026-11-05T22:10:00+01:00",
    "question_id": "fever",
    "checked_on": "2026-11-03",
    "until": "2026-12-01"
  }
]
`
	if b.String() != want {
		t.Errorf("JSON\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteClinicianChecksCSV(&b, checks); err != nil {
		t.Fatal(err)
	}
	wantCSV := "at,question_id,checked_on,until\n2026-11-05T22:10:00+01:00,fever,2026-11-03,2026-12-01\n"
	if b.String() != wantCSV {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), wantCSV)
	}
	b.Reset()
	if err := WriteClinicianChecksJSON(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("no checks: %q, %v", b.String(), err)
	}
}
