package history

import (
	"strings"
	"testing"
	"time"
)

func exportSample() []Session {
	zone := time.FixedZone("CET", 3600)
	start := time.Date(2026, 11, 24, 22, 5, 9, 0, zone)
	return []Session{
		{
			ID: 2, Start: start, End: start.Add(18 * time.Minute), Routine: "tonight",
			Completed: []string{"Heat", "Knee-to-chest, gently"}, Skipped: []string{"Knee rolls"},
			HeatMinutes: 17, Before: Score(6), After: Score(3), RedFlag: TierBook,
		},
		{
			ID: 1, Start: start.AddDate(0, 0, -1), Routine: "quick", RedFlag: "",
			StoppedForPain: true, Partial: true,
		},
	}
}

func TestWriteJSON(t *testing.T) {
	var b strings.Builder
	if err := WriteJSON(&b, exportSample()); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "id": 2,
    "start": "2026-11-24T22:05:09+01:00",
    "end": "2026-11-24T22:23:09+01:00",
    "routine": "tonight",
    "completed": [
      "Heat",
      "Knee-to-chest, gently"
    ],
    "skipped": [
      "Knee rolls"
    ],
    "heat_minutes": 17,
    "before": 6,
    "after": 3,
    "red_flag": "BOOK",
    "stopped_for_pain": false,
    "partial": false
  },
  {
    "id": 1,
    "start": "2026-11-23T22:05:09+01:00",
    "end": null,
    "routine": "quick",
    "completed": [],
    "skipped": [],
    "heat_minutes": 0,
    "before": null,
    "after": null,
    "red_flag": "none",
    "stopped_for_pain": true,
    "partial": true
  }
]
`
	if b.String() != want {
		t.Errorf("JSON\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteJSONEmpty(t *testing.T) {
	var b strings.Builder
	if err := WriteJSON(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("%q, %v", b.String(), err)
	}
}

func TestWriteCSV(t *testing.T) {
	var b strings.Builder
	if err := WriteCSV(&b, exportSample()); err != nil {
		t.Fatal(err)
	}
	want := "id,start,end,routine,completed,skipped,heat_minutes,before,after,red_flag,stopped_for_pain,partial\n" +
		`2,2026-11-24T22:05:09+01:00,2026-11-24T22:23:09+01:00,tonight,"Heat; Knee-to-chest, gently",Knee rolls,17,6,3,BOOK,false,false` + "\n" +
		"1,2026-11-23T22:05:09+01:00,,quick,,,0,,,none,true,true\n"
	if b.String() != want {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	WriteCSV(&b, nil)
	if strings.Count(b.String(), "\n") != 1 {
		t.Errorf("no sessions should give the header alone: %q", b.String())
	}
}
