package sound

import (
	"math"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

// SampleRate is the rate of every generated tone. 22050 Hz is plenty for
// notes below 1 kHz and every player named here accepts it.
const SampleRate = 22050

// Peak amplitudes as a fraction of int16 full scale. Far below 1: the
// tones are meant for one person in a dark room, with someone asleep
// beside them, on speakers whose volume may be set for a film.
const (
	PeakNormal = 0.25
	PeakSoft   = 0.12
)

// fade is the length of the raised-cosine ramp at each end of a note; a
// note that starts or stops at full amplitude clicks.
const fade = 12 * time.Millisecond

// Note is one sine tone followed by silence.
type Note struct {
	Freq float64       // Hz
	Dur  time.Duration // how long the tone sounds, fades included
	Gap  time.Duration // silence after it
}

// Pattern is the tune of one cue. Name is unique per pattern and is used
// as the cache file name. Gain is its level as a fraction of the volume's
// peak: every cue but heat done plays below it (Quieter), so that heat
// done, at the peak itself, is the loudest thing supine plays.
type Pattern struct {
	Name  string
	Notes []Note
	Gain  float64
}

// Quieter is the level of every tone but heat done, a fraction of the
// volume's peak: about 3 dB under it.
const Quieter = 0.7

// Length is how long the pattern lasts, gaps included.
func (p Pattern) Length() time.Duration {
	var d time.Duration
	for _, n := range p.Notes {
		d += n.Dur + n.Gap
	}
	return d
}

// Pitches, all between E4 and E5: low enough to be gentle, high enough
// for a laptop speaker to reproduce.
const (
	e4 = 329.63
	g4 = 392.00
	a4 = 440.00
	b4 = 493.88
	c5 = 523.25
	d5 = 587.33
	e5 = 659.26
)

const ms = time.Millisecond

// patterns are told apart by shape, not just pitch, so that they can be
// learnt by ear: one note (a new step), two equal notes (switch sides), a
// short tick (a hold begins, a rest), a rising pair (tilt), a long
// alternating call (heat done), a slow descent (done). Only these sound:
// a paced step cues at its first phase alone (night.Run), so no tone marks
// the relax, and no tone counts the last seconds of a hold.
var patterns = map[string]Pattern{
	"next_step":    {"next_step", []Note{{a4, 380 * ms, 60 * ms}}, Quieter},
	"switch_sides": {"switch_sides", []Note{{g4, 170 * ms, 130 * ms}, {g4, 170 * ms, 60 * ms}}, Quieter},
	"phase":        {"phase", []Note{{b4, 160 * ms, 60 * ms}}, Quieter},
	"phase-tilt":   {"phase-tilt", []Note{{e4, 150 * ms, 40 * ms}, {a4, 190 * ms, 60 * ms}}, Quieter},
	// Heat done is a burn-safety cue that repeats until acknowledged: the
	// longest and the loudest, at the volume's peak (the others play at
	// Quieter), still within the same soft ceiling.
	"heat_done": {"heat_done", []Note{
		{d5, 240 * ms, 70 * ms}, {b4, 240 * ms, 70 * ms},
		{d5, 240 * ms, 70 * ms}, {b4, 240 * ms, 70 * ms},
		{d5, 240 * ms, 70 * ms}, {b4, 420 * ms, 100 * ms},
	}, 1},
	"done": {"done", []Note{{e5, 300 * ms, 120 * ms}, {c5, 300 * ms, 120 * ms}, {a4, 520 * ms, 80 * ms}}, Quieter},
}

// PatternFor returns the tune of a cue. phase is the paced phase's name
// for cues.Phase ("tilt" rises; any other name gets the neutral tick) and
// is ignored for other kinds.
func PatternFor(k cues.Kind, phase string) Pattern {
	if k == cues.Phase && phase == "tilt" {
		return patterns["phase-tilt"]
	}
	if p, ok := patterns[k.String()]; ok {
		return p
	}
	return patterns["next_step"]
}

// AllPatterns lists every pattern, for writing the cache in one go.
func AllPatterns() []Pattern {
	names := []string{"next_step", "switch_sides", "phase", "phase-tilt", "heat_done", "done"}
	out := make([]Pattern, len(names))
	for i, n := range names {
		out[i] = patterns[n]
	}
	return out
}

// Render turns a pattern into 16-bit mono samples at SampleRate whose
// absolute value never exceeds peak times the pattern's Gain (peak is a
// fraction of full scale, clamped to PeakNormal so no caller can make it
// loud; Gain is clamped to 0..1).
func Render(p Pattern, peak float64) []int16 {
	peak = math.Min(math.Max(peak, 0), PeakNormal)
	amp := peak * math.Min(math.Max(p.Gain, 0), 1) * math.MaxInt16
	var out []int16
	for _, n := range p.Notes {
		count := samplesIn(n.Dur)
		ramp := samplesIn(fade)
		if 2*ramp > count {
			ramp = count / 2
		}
		for i := 0; i < count; i++ {
			env := 1.0
			switch {
			case i < ramp:
				env = rampUp(i, ramp)
			case i >= count-ramp:
				env = rampUp(count-1-i, ramp)
			}
			v := amp * env * math.Sin(2*math.Pi*n.Freq*float64(i)/SampleRate)
			out = append(out, int16(v)) // truncation keeps |v| <= amp
		}
		out = append(out, make([]int16, samplesIn(n.Gap))...)
	}
	return out
}

// rampUp is a raised cosine from 0 at i = 0 towards 1 at i = n.
func rampUp(i, n int) float64 {
	return 0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(n))
}

func samplesIn(d time.Duration) int {
	return int(d * SampleRate / time.Second)
}
