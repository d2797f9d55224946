package plain

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/evening"
	"github.com/supine-app/supine/internal/guide"
	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/routines"
)

func TestSpeakDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 seconds"},
		{time.Millisecond, "1 second"},
		{time.Second, "1 second"},
		{20 * time.Second, "20 seconds"},
		{time.Minute, "1 minute"},
		{15 * time.Minute, "15 minutes"},
		{time.Minute + time.Second, "1 minute and 1 second"},
		{2*time.Minute + 30*time.Second, "2 minutes and 30 seconds"},
	}
	for _, tt := range tests {
		if got := speakDuration(tt.d); got != tt.want {
			t.Errorf("speakDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestSpeakAbout(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{38 * time.Second, "38 seconds"},
		{89 * time.Second, "1 minute and 29 seconds"},
		{90 * time.Second, "about 2 minutes"},
		{21*time.Minute + 29*time.Second, "about 21 minutes"},
	}
	for _, tt := range tests {
		if got := speakAbout(tt.d); got != tt.want {
			t.Errorf("speakAbout(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestParseNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []int
		ok   bool
	}{
		{"", nil, true},
		{"   ", nil, true},
		{"1", []int{1}, true},
		{"3 1", []int{3, 1}, true},
		{"1,2, 2", []int{1, 2}, true},
		{"0", nil, false},
		{"15", nil, false},
		{"1 x", nil, false},
		{"-1", nil, false},
	}
	for _, tt := range tests {
		got, ok := parseNumbers(tt.text, 14)
		if ok != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("parseNumbers(%q) = %v %v, want %v %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMarksFor(t *testing.T) {
	s := time.Second
	tests := []struct {
		seg  routines.Segment
		left time.Duration
		want []time.Duration
	}{
		{routines.Segment{Kind: routines.SegHold, Duration: 20 * s}, 20 * s, []time.Duration{10 * s, 3 * s}},
		{routines.Segment{Kind: routines.SegHold, Duration: 10 * s}, 10 * s, []time.Duration{3 * s}},
		{routines.Segment{Kind: routines.SegHold, Duration: 3 * s}, 3 * s, nil},
		{routines.Segment{Kind: routines.SegHold, Duration: 20 * s}, 5 * s, []time.Duration{3 * s}},
		{routines.Segment{Kind: routines.SegHeat, Duration: 3 * time.Minute}, 3 * time.Minute, []time.Duration{2 * time.Minute, time.Minute}},
		{routines.Segment{Kind: routines.SegSwitch, Duration: 5 * s}, 5 * s, nil},
		{routines.Segment{Kind: routines.SegPaced, Phase: "tilt", Duration: 5 * s}, 5 * s, nil},
		// A paced phase a routine file calls "heat" is still a paced phase.
		{routines.Segment{Kind: routines.SegPaced, Phase: routines.PhaseHeat, Duration: 3 * time.Minute}, 3 * time.Minute, nil},
	}
	for _, tt := range tests {
		if got := marksFor(tt.seg, tt.left); !slices.Equal(got, tt.want) {
			t.Errorf("marksFor(%s %v, %v) = %v, want %v", tt.seg.Phase, tt.seg.Duration, tt.left, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		rec  history.Session
		end  evening.End
		want string
	}{
		{history.Session{Completed: []string{"A", "B", "C"}}, evening.Finished, "Routine done: 3 of 3 steps done."},
		{history.Session{Completed: []string{"A", "C"}, Skipped: []string{"B"}, Before: ptr(6), After: ptr(4)}, evening.Finished,
			"Routine done: 2 of 3 steps done, 1 skipped. Tightness 6 before, 4 after."},
		{history.Session{Completed: []string{"A"}, Before: ptr(6)}, evening.Left, "Stopped for tonight: 1 of 3 steps done. Tightness 6 before."},
		{history.Session{}, evening.Pain, "Stopped for tonight: 0 of 3 steps done."},
		{history.Session{After: ptr(3)}, evening.Left, "Stopped for tonight: 0 of 3 steps done."},
		// The heat used, not the minutes set (evening.HeatUsed).
		{history.Session{Completed: []string{"A", "C"}, Skipped: []string{"Heat"}, HeatMinutes: 15, HeatSeconds: 7*60 + 5, Before: ptr(6)},
			evening.Finished, "Routine done: 2 of 3 steps done, 1 skipped. Heat: 7 of 15 minutes. Tightness 6 before."},
		{history.Session{Completed: []string{"Heat"}, HeatMinutes: 15, HeatSeconds: 15*60 + 4}, evening.Left,
			"Stopped for tonight: 1 of 3 steps done. Heat: 15 minutes."},
	}
	for _, tt := range tests {
		if got := summary(tt.rec, 3, tt.end); got != tt.want {
			t.Errorf("summary = %q, want %q", got, tt.want)
		}
	}
}

// TestTheHeatStopIsTheSkinStop: a heat step's stop-if lines name the skin
// stop and its key; a stretch's stay the stop for pain.
func TestTheHeatStopIsTheSkinStop(t *testing.T) {
	r := tonightLike()
	r.Steps[0].StopIf = []string{"the skin under the pad feels numb, tingles or burns"}
	p := routines.Expand(r, routines.Options{})
	heat := segmentLines(p, 0, 1, 5, guide.Setup{}, false)
	if want := "Skin stop: press s if the skin under the pad feels numb, tingles or burns."; !slices.Contains(heat, want) {
		t.Errorf("the heat step says\n%s\nwant %q", strings.Join(heat, "\n"), want)
	}
	i := slices.IndexFunc(p.Segments, func(s routines.Segment) bool { return s.Step == 1 })
	if hold := segmentLines(p, i, 2, 5, guide.Setup{}, false); !slices.Contains(hold, "Stop if the pain gets worse.") {
		t.Errorf("the stretch says\n%s\nwant its stop for pain", strings.Join(hold, "\n"))
	}
}
