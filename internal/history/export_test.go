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
			ID: 3, Start: start, End: start.Add(18 * time.Minute), Routine: "tonight",
			Completed: []string{"Heat", "Knee-to-chest, gently"}, Skipped: []string{"Knee rolls"},
			HeatMinutes: 17, Before: Score(6), After: Score(3), RedFlag: TierBook,
			HeatStart: start.Add(40 * time.Second), HeatSeconds: 1033, HeatKnown: true,
			Woke: Answer(true), WokeNothingEases: Answer(false),
			HeatQuestion: "no", SkinStop: start.Add(40*time.Second + 1033*time.Second),
		},
		{
			ID: 2, Start: start.AddDate(0, 0, -1), Routine: "quick", RedFlag: "",
			StoppedForPain: true, Partial: true, PainStep: "Knee to chest (left)",
			HeatKnown: true, // heat never started: 0 seconds, known
			Woke:      Answer(false),
		},
		{
			// A session saved before schema 3: how long the pad was on is unknown.
			ID: 1, Start: start.AddDate(0, 0, -2), End: start.AddDate(0, 0, -2).Add(20 * time.Minute),
			Routine: "tonight", Completed: []string{"Heat"}, HeatMinutes: 15, RedFlag: TierNone,
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
    "id": 3,
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
    "partial": false,
    "heat_started": "2026-11-24T22:05:49+01:00",
    "heat_seconds": 1033,
    "pain_step": "",
    "woke": true,
    "woke_nothing_eases": false,
    "heat_question": "no",
    "skin_stop": "2026-11-24T22:23:02+01:00"
  },
  {
    "id": 2,
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
    "partial": true,
    "heat_started": null,
    "heat_seconds": 0,
    "pain_step": "Knee to chest (left)",
    "woke": false,
    "woke_nothing_eases": null,
    "heat_question": null,
    "skin_stop": null
  },
  {
    "id": 1,
    "start": "2026-11-22T22:05:09+01:00",
    "end": "2026-11-22T22:25:09+01:00",
    "routine": "tonight",
    "completed": [
      "Heat"
    ],
    "skipped": [],
    "heat_minutes": 15,
    "before": null,
    "after": null,
    "red_flag": "none",
    "stopped_for_pain": false,
    "partial": false,
    "heat_started": null,
    "heat_seconds": null,
    "pain_step": "",
    "woke": null,
    "woke_nothing_eases": null,
    "heat_question": null,
    "skin_stop": null
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
	want := "id,start,end,routine,completed,skipped,heat_minutes,before,after,red_flag,stopped_for_pain,partial,heat_started,heat_seconds,pain_step,woke,woke_nothing_eases,heat_question,skin_stop\n" +
		`3,2026-11-24T22:05:09+01:00,2026-11-24T22:23:09+01:00,tonight,"Heat; Knee-to-chest, gently",Knee rolls,17,6,3,BOOK,false,false,2026-11-24T22:05:49+01:00,1033,,true,false,no,2026-11-24T22:23:02+01:00` + "\n" +
		"2,2026-11-23T22:05:09+01:00,,quick,,,0,,,none,true,true,,0,Knee to chest (left),false,,,\n" +
		"1,2026-11-22T22:05:09+01:00,2026-11-22T22:25:09+01:00,tonight,Heat,,15,,,none,false,false,,,,,,,\n"
	if b.String() != want {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	WriteCSV(&b, nil)
	if strings.Count(b.String(), "\n") != 1 {
		t.Errorf("no sessions should give the header alone: %q", b.String())
	}
}

func checksSample() []Check {
	zone := time.FixedZone("CET", 3600)
	at := time.Date(2026, 11, 24, 21, 50, 0, 0, zone)
	return []Check{
		{At: at, Tier: TierUrgent, Yes: []string{"fever", "night-pain"}, Full: true, Version: "2026-11", PatternAsked: true},
		{At: at.Add(time.Hour), Tier: "", Full: false},
	}
}

func TestWriteChecksJSON(t *testing.T) {
	var b strings.Builder
	if err := WriteChecksJSON(&b, checksSample()); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "at": "2026-11-24T21:50:00+01:00",
    "tier": "URGENT",
    "full": true,
    "yes": [
      "fever",
      "night-pain"
    ],
    "content_version": "2026-11",
    "pattern_asked": true
  },
  {
    "at": "2026-11-24T22:50:00+01:00",
    "tier": "none",
    "full": false,
    "yes": [],
    "content_version": "",
    "pattern_asked": false
  }
]
`
	if b.String() != want {
		t.Errorf("JSON\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteChecksJSON(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("no checks: %q, %v", b.String(), err)
	}
}

func TestWriteChecksCSV(t *testing.T) {
	var b strings.Builder
	if err := WriteChecksCSV(&b, checksSample()); err != nil {
		t.Fatal(err)
	}
	want := "at,tier,full,yes,content_version,pattern_asked\n" +
		"2026-11-24T21:50:00+01:00,URGENT,true,fever; night-pain,2026-11,true\n" +
		"2026-11-24T22:50:00+01:00,none,false,,,false\n"
	if b.String() != want {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	WriteChecksCSV(&b, nil)
	if b.String() != "at,tier,full,yes,content_version,pattern_asked\n" {
		t.Errorf("no checks should give the header alone: %q", b.String())
	}
}
