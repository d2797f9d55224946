package report

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
)

// now is a fixed evening: Thursday 10 December 2026, 21:30 UTC.
var now = time.Date(2026, 12, 10, 21, 30, 0, 0, time.UTC)

func tonightRoutine(t *testing.T) routines.Routine {
	t.Helper()
	for _, r := range routines.Builtins() {
		if r.Name == "tonight" {
			return r
		}
	}
	t.Fatal("no built-in routine called tonight")
	return routines.Routine{}
}

func evening(daysAgo int) time.Time {
	return time.Date(2026, 12, 10-daysAgo, 22, 15, 0, 0, time.UTC)
}

func session(daysAgo, before, after int) history.Session {
	start := evening(daysAgo)
	return history.Session{
		Start: start, End: start.Add(12 * time.Minute), Routine: "tonight",
		Completed:   []string{"Heat", "Knee to chest", "Pelvic tilts", "Knee rolls", "Settle in"},
		HeatMinutes: 15, HeatStart: start.Add(time.Minute), HeatSeconds: 900, HeatKnown: true,
		Before: history.Score(before), After: history.Score(after), Woke: history.Answer(false),
	}
}

// sixWeeks is six weeks that ease, then relapse: a pain stop, a rise after
// the stretches, pain that woke them twice, an URGENT check with a
// clinician's check recorded since, and osteoporosis declared.
func sixWeeks(t *testing.T) Input {
	before := []int{6, 6, 7, 6, 5, 6, 6, 5, 5, 6, 5, 4, 5, 4, 4, 4, 3, 4, 3, 3, 4, 3, 3, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 3, 3, 5, 6, 6, 7, 6, 7, 6}
	var in Input
	for i, b := range before {
		ago := 41 - i
		if ago == 0 || ago == 9 || ago == 10 || ago == 20 {
			continue // missed nights (and tonight, not yet)
		}
		s := session(ago, b, max(b-2, 0))
		switch ago {
		case 3:
			s.StoppedForPain, s.PainStep, s.After, s.Partial = true, "Knee to chest (left)", nil, true
			s.Completed = []string{"Heat"}
			s.Skipped = nil
		case 2, 1:
			s.Woke = history.Answer(true)
		case 15:
			s.After = history.Score(b + 2) // tighter after
		case 30, 29, 28:
			s.Skipped = []string{"Knee rolls"}
			s.Completed = []string{"Heat", "Knee to chest", "Pelvic tilts", "Settle in"}
		}
		if ago == 1 {
			s.WokeNothingEases = history.Answer(false)
		}
		in.Sessions = append(in.Sessions, s)
	}
	in.Checks = []history.Check{
		{At: evening(41).Add(-time.Minute), Tier: history.TierNone, Full: true, Version: "2026-11"},
		{At: evening(34).Add(-time.Minute), Tier: history.TierNone, Full: false, Version: "2026-11"},
		{At: evening(20).Add(-time.Minute), Tier: history.TierUrgent, Yes: []string{"fever-unwell"}, Full: true, Version: "2026-11"},
		{At: evening(3).Add(10 * time.Minute), Tier: history.TierBook, Yes: []string{ExercisePainID}, Full: true, Version: "2026-10"},
	}
	in.ClinicianChecks = []history.ClinicianCheck{{QuestionID: "fever-unwell",
		CheckedOn: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 12, 19, 0, 0, 0, 0, time.UTC),
		At: time.Date(2026, 11, 21, 20, 0, 0, 0, time.UTC)}}
	in.Precautions = []history.Precaution{
		{At: evening(41).Add(-2 * time.Minute), ID: history.PrecautionOsteoporosis, Yes: true},
		{At: evening(41).Add(-2 * time.Minute), ID: history.PrecautionPregnant, Yes: false},
	}
	in.Routine, in.Now, in.RolloverHour, in.Library = tonightRoutine(t), now, 4, routines.Builtins()
	return in
}

const ExercisePainID = "exercise-pain"

func inputs(t *testing.T) map[string]Input {
	one := Input{Now: now, RolloverHour: 4, Routine: tonightRoutine(t), Library: routines.Builtins()}
	s := session(1, 5, 3)
	s.Skipped = []string{"Knee rolls"}
	one.Sessions = []history.Session{s}
	one.Checks = []history.Check{{At: evening(1).Add(-time.Minute), Tier: history.TierNone, Full: true, Version: "2026-11"}}
	return map[string]Input{
		"empty":     {Now: now, RolloverHour: 4},
		"one_night": one,
		"six_weeks": sixWeeks(t),
		"serious":   serious(t),
	}
}

func TestGolden(t *testing.T) {
	for name, in := range inputs(t) {
		r := Build(in)
		t.Run(name+"/md", func(t *testing.T) { golden.RequireEqual(t, []byte(r.Markdown())) })
		t.Run(name+"/txt", func(t *testing.T) { golden.RequireEqual(t, []byte(r.Text())) })
	}
}

// TestSixWeeksSays checks the figures a clinician reads, so that a golden
// file updated without a look cannot hide a misstated history.
func TestSixWeeksSays(t *testing.T) {
	r := Build(sixWeeks(t))
	// 38 nights with a session, and 20 nights ago a check alone: a night
	// with a check is used (CONTENT.md section 7); tonight is still to come.
	if r.Used != 39 || r.Missed != 2 {
		t.Errorf("used %d, missed %d; want 39 used and 2 missed (tonight is still to come)", r.Used, r.Missed)
	}
	if r.HeatSeconds != 38*900 || r.HeatNights != 38 {
		t.Errorf("heat %d s on %d nights, want %d s on 38", r.HeatSeconds, r.HeatNights, 38*900)
	}
	text := r.Text()
	for _, want := range []string{
		"stopped for pain, during Knee to chest (left)",
		"Knee rolls: skipped on 3 nights.",
		"URGENT. Answered yes: High temperature",
		"The app advised: Contact a doctor tonight.",
		"getting worse",
		"woken on 2",
		"Osteoporosis, or a spine fracture from it",
		"Not adapted",
	} {
		if want == "Not adapted" {
			if strings.Contains(text, want) {
				t.Errorf("the routine is adapted for osteoporosis, but the report says %q", want)
			}
			continue
		}
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q:\n%s", want, text)
		}
	}
	if got := r.Weekly[5].Before; got.N != 6 || got.Value != 6 {
		t.Errorf("last week's median before = %v over %d nights, want 6 over 6", got.Value, got.N)
	}
}

func TestBuildIsPure(t *testing.T) {
	in := sixWeeks(t)
	a, b := Build(in).HTML(), Build(in).HTML()
	if a != b {
		t.Fatal("two builds of the same history differ")
	}
}

func TestTextFromTheHistoryIsCleaned(t *testing.T) {
	in := inputs(t)["one_night"]
	in.Sessions[0].Skipped = []string{"Knee\x1b]52;c;aGk=\x07 rolls"}
	in.Sessions[0].StoppedForPain, in.Sessions[0].PainStep = true, "Tilts\x1b[2J\u202e"
	for _, out := range []string{Build(in).Text(), Build(in).Markdown(), Build(in).HTML()} {
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Fatalf("an escape or bidi character reached the report:\n%q", out)
		}
	}
}

// TestHTMLIsSelfContained parses the page (it is written well-formed, so
// encoding/xml reads it) and fails on anything that could fetch a resource.
func TestHTMLIsSelfContained(t *testing.T) {
	for name, in := range inputs(t) {
		t.Run(name, func(t *testing.T) { assertSelfContained(t, Build(in).HTML()) })
	}
	c, ok := BuildCard(urgentTonight(Input{Now: now, RolloverHour: 4}))
	if !ok {
		t.Fatal("no card for an URGENT check tonight")
	}
	t.Run("card", func(t *testing.T) { assertSelfContained(t, c.HTML()) })
}

func assertSelfContained(t *testing.T, page string) {
	t.Helper()
	lower := strings.ToLower(page)
	for _, bad := range []string{"http", "//", "url(", "@import", "<script", "<link", "<iframe", "<object", "<embed", "@font-face"} {
		if strings.Contains(lower, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict, d.AutoClose, d.Entity = true, nil, xml.HTMLEntity
	elements := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the page is not well formed: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		elements++
		switch strings.ToLower(se.Name.Local) {
		case "script", "link", "iframe", "object", "embed", "image", "use", "foreignobject":
			t.Errorf("the page has a <%s> element", se.Name.Local)
		}
		for _, a := range se.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Value))
			switch strings.ToLower(a.Name.Local) {
			case "src", "href", "srcset", "action", "poster", "data", "background":
				if !strings.HasPrefix(v, "data:") {
					t.Errorf("<%s %s=%q> points outside the page", se.Name.Local, a.Name.Local, a.Value)
				}
			case "style":
				if strings.Contains(v, "url(") || strings.Contains(v, "@import") {
					t.Errorf("<%s style=%q> can fetch", se.Name.Local, a.Value)
				}
			}
			if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
				t.Errorf("<%s %s> is a script", se.Name.Local, a.Name.Local)
			}
		}
	}
	if elements < 10 {
		t.Fatalf("only %d elements parsed: the check read almost nothing", elements)
	}
}

func urgentTonight(in Input) Input {
	in.Checks = append(append([]history.Check(nil), in.Checks...),
		history.Check{At: now.Add(-20 * time.Minute), Tier: history.TierUrgent, Yes: []string{"fever-unwell", "one-leg"}, Full: true},
		history.Check{At: now.Add(-40 * time.Minute), Tier: history.TierBook, Yes: []string{"no-better"}, Full: true})
	return in
}

func TestCard(t *testing.T) {
	if _, ok := BuildCard(sixWeeks(t)); ok {
		t.Fatal("a card with no EMERGENCY or URGENT check tonight")
	}
	in := urgentTonight(Input{Now: now, RolloverHour: 4})
	// Last night's EMERGENCY is not tonight's.
	in.Checks = append(in.Checks, history.Check{At: evening(1), Tier: history.TierEmergency, Yes: []string{"chest-pain"}, Full: true})
	c, ok := BuildCard(in)
	if !ok {
		t.Fatal("no card for tonight's URGENT check")
	}
	golden.RequireEqual(t, []byte(c.Text()))
}

// A heat, a stop for pain and an EMERGENCY check dated after now (the clock
// stepped back) are reported as now: the check was left out, and the card
// for tonight's EMERGENCY was not given.
func TestInstantsAfterNowAreReportedAsNow(t *testing.T) {
	in := Input{Now: now, RolloverHour: 4, Routine: tonightRoutine(t)}
	later := now.Add(2 * time.Hour)
	s := session(0, 6, 4)
	s.Start, s.End, s.HeatStart = later, later.Add(12*time.Minute), later.Add(time.Minute)
	s.StoppedForPain, s.PainStep = true, "Knee rolls"
	in.Sessions = []history.Session{s}
	in.Checks = []history.Check{{At: later, Tier: history.TierEmergency, Yes: []string{"chest-pain"}, Full: true}}
	r := Build(in)
	if len(r.Checks) != 1 || !r.Checks[0].At.Equal(now) {
		t.Errorf("the check dated after now: %+v, want one at %v", r.Checks, now)
	}
	if len(r.PainStops) != 1 || !r.PainStops[0].At.Equal(now) || !strings.Contains(r.PainStops[0].Text, stamp(now)) {
		t.Errorf("the stop for pain dated after now: %+v", r.PainStops)
	}
	if last := r.Nights[len(r.Nights)-1]; !last.Used || r.HeatSeconds != 900 {
		t.Errorf("tonight is %+v with %d s of heat; want it used, with the heat", last, r.HeatSeconds)
	}
	if strings.Contains(r.Text(), later.Format("15:04")) {
		t.Errorf("the report names %s, a time still to come:\n%s", later.Format("15:04"), r.Text())
	}
	c, ok := BuildCard(in)
	if !ok || !c.Check.At.Equal(now) {
		t.Errorf("the card for an EMERGENCY dated after now: %+v, %v", c, ok)
	}
}
