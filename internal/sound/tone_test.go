package sound

import (
	"bytes"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/cues"
)

// cueTones is every cue the night engine sounds, with the phase names of
// the built-in paced steps (only the first phase of a rep cues, "tilt").
var cueTones = []struct {
	kind  cues.Kind
	phase string
}{
	{cues.NextStep, ""}, {cues.SwitchSides, ""}, {cues.Phase, "tilt"}, {cues.Phase, ""},
	{cues.HeatDone, ""}, {cues.Done, ""},
}

// crossingsFreq estimates the frequency of a pure sine from its upward
// zero crossings.
func crossingsFreq(s []int16) float64 {
	n := 0
	for i := 1; i < len(s); i++ {
		if s[i-1] < 0 && s[i] >= 0 {
			n++
		}
	}
	return float64(n) * SampleRate / float64(len(s))
}

// goertzel is the power of s at freq, normalised by length.
func goertzel(s []int16, freq float64) float64 {
	w := 2 * math.Pi * freq / SampleRate
	c := 2 * math.Cos(w)
	var s1, s2 float64
	for _, v := range s {
		s0 := float64(v) + c*s1 - s2
		s2, s1 = s1, s0
	}
	return (s1*s1 + s2*s2 - c*s1*s2) / float64(len(s)*len(s))
}

func TestEachPatternSoundsItsNotes(t *testing.T) {
	for _, c := range cueTones {
		p := PatternFor(c.kind, c.phase)
		s := Render(p, PeakNormal)
		want := 0
		for _, n := range p.Notes {
			want += samplesIn(n.Dur) + samplesIn(n.Gap)
		}
		if len(s) != want || len(s) < samplesIn(p.Length())-len(p.Notes) {
			t.Errorf("%s: %d samples, want %d (%v)", p.Name, len(s), want, p.Length())
		}
		// Heat done may be longer: it repeats every 10 s, and nothing
		// else sounds until the pad is off.
		if most := 1500 * time.Millisecond; p.Length() > most && p.Name != "heat_done" || p.Length() > 2500*time.Millisecond {
			t.Errorf("%s lasts %v; a cue longer than 1.5 s runs into the next", p.Name, p.Length())
		}
		at := 0
		for i, n := range p.Notes {
			if n.Freq < 320 || n.Freq > 670 {
				t.Errorf("%s note %d: %.0f Hz is outside the soft range 330-660 Hz", p.Name, i, n.Freq)
			}
			tone := s[at : at+samplesIn(n.Dur)]
			gap := s[at+samplesIn(n.Dur) : at+samplesIn(n.Dur)+samplesIn(n.Gap)]
			at += samplesIn(n.Dur) + samplesIn(n.Gap)
			// The steady middle, away from the fades.
			mid := tone[samplesIn(fade) : len(tone)-samplesIn(fade)]
			if got := crossingsFreq(mid); math.Abs(got-n.Freq) > 0.05*n.Freq+1000/float64(n.Dur.Milliseconds()) {
				t.Errorf("%s note %d: zero crossings say %.0f Hz, want %.0f", p.Name, i, got, n.Freq)
			}
			// Goertzel: the note's own pitch dominates a whole tone
			// either side, so the pitch is right, not just close.
			own := goertzel(mid, n.Freq)
			for _, other := range []float64{n.Freq * 0.89, n.Freq * 1.12} {
				if g := goertzel(mid, other); g*20 > own {
					t.Errorf("%s note %d: %.0f Hz is as strong as its own %.0f Hz", p.Name, i, other, n.Freq)
				}
			}
			if peakOf(tone[:10]) > 0.02*PeakNormal*math.MaxInt16 {
				t.Errorf("%s note %d starts at %.0f: no fade-in, it clicks", p.Name, i, peakOf(tone[:10]))
			}
			if peakOf(tone[len(tone)-10:]) > 0.02*PeakNormal*math.MaxInt16 {
				t.Errorf("%s note %d ends at %.0f: no fade-out, it clicks", p.Name, i, peakOf(tone[len(tone)-10:]))
			}
			if peakOf(gap) != 0 {
				t.Errorf("%s note %d: the gap after it is not silent", p.Name, i)
			}
		}
	}
}

func peakOf(s []int16) float64 {
	m := 0.0
	for _, v := range s {
		m = math.Max(m, math.Abs(float64(v)))
	}
	return m
}

// TestVolumeCeilings: no tone passes its volume's peak, whatever the
// caller asks; heat done reaches it, the others stay Quieter below it.
func TestVolumeCeilings(t *testing.T) {
	for _, c := range cueTones {
		p := PatternFor(c.kind, c.phase)
		normal, soft := peakOf(Render(p, PeakNormal)), peakOf(Render(p, PeakSoft))
		top := PeakNormal * math.MaxInt16
		if p.Name != "heat_done" {
			top *= Quieter
		}
		if normal > top || normal < 0.9*top {
			t.Errorf("%s peaks at %.0f, want just under %.0f", p.Name, normal, top)
		}
		if soft > PeakSoft*math.MaxInt16 || soft >= normal/1.5 {
			t.Errorf("%s soft peaks at %.0f, want at most %.0f and well under normal (%.0f)", p.Name, soft, PeakSoft*math.MaxInt16, normal)
		}
		if loud := peakOf(Render(p, 1)); loud > PeakNormal*math.MaxInt16 {
			t.Errorf("%s at peak 1 reaches %.0f: the ceiling must hold whatever the caller asks", p.Name, loud)
		}
	}
	if PeakNormal > 0.3 {
		t.Errorf("PeakNormal %.2f is above 0.3 of full scale", PeakNormal)
	}
}

// rms is the loudness of the sounding part of s (its gaps left out).
func rms(s []int16) float64 {
	var sum float64
	n := 0
	for _, v := range s {
		if v != 0 {
			sum += float64(v) * float64(v)
			n++
		}
	}
	return math.Sqrt(sum / math.Max(1, float64(n)))
}

// TestHeatDoneIsTheOneYouNotice: on the rendered samples, at both volumes,
// heat done is longer, peaks higher and is louder on average than every
// other tone (issue 22: it played at the level of all the others).
func TestHeatDoneIsTheOneYouNotice(t *testing.T) {
	for _, peak := range []float64{PeakNormal, PeakSoft} {
		heat := Render(PatternFor(cues.HeatDone, ""), peak)
		for _, c := range cueTones {
			p := PatternFor(c.kind, c.phase)
			if p.Name == "heat_done" {
				continue
			}
			other := Render(p, peak)
			if len(heat) <= len(other) {
				t.Errorf("peak %.2f: heat done lasts %d samples, %s %d", peak, len(heat), p.Name, len(other))
			}
			if peakOf(heat) <= peakOf(other) {
				t.Errorf("peak %.2f: heat done peaks at %.0f, %s at %.0f", peak, peakOf(heat), p.Name, peakOf(other))
			}
			if rms(heat) <= rms(other)*1.2 {
				t.Errorf("peak %.2f: heat done is %.0f RMS, %s %.0f: not clearly louder", peak, rms(heat), p.Name, rms(other))
			}
		}
	}
}

func TestPatternsAreTellableApart(t *testing.T) {
	seen := map[string]string{}
	for _, c := range cueTones {
		p := PatternFor(c.kind, c.phase)
		key := ""
		for _, n := range p.Notes {
			key += fmt.Sprintf("%v@%.0fHz+%v,", n.Dur, n.Freq, n.Gap)
		}
		if other, dup := seen[key]; dup && other != p.Name {
			t.Errorf("%s sounds the same as %s", p.Name, other)
		}
		seen[key] = p.Name
	}
	if tilt := PatternFor(cues.Phase, "tilt").Notes; !(tilt[0].Freq < tilt[len(tilt)-1].Freq) {
		t.Errorf("tilt should rise: %v", tilt)
	}
	if got := PatternFor(cues.Phase, "relax").Name; got != "phase" {
		t.Errorf("an unknown phase got %q, want the neutral phase tone", got)
	}
	if len(AllPatterns()) != len(patterns) {
		t.Errorf("AllPatterns lists %d of %d patterns", len(AllPatterns()), len(patterns))
	}
}

func TestWAVHeaderParsesBack(t *testing.T) {
	p := PatternFor(cues.HeatDone, "")
	samples := Render(p, PeakNormal)
	var buf bytes.Buffer
	if err := WriteWAV(&buf, samples, SampleRate); err != nil {
		t.Fatal(err)
	}
	if int64(buf.Len()) != wavSize(len(samples)) {
		t.Errorf("file is %d bytes, want %d", buf.Len(), wavSize(len(samples)))
	}
	w, err := readWAV(buf.Bytes())
	if err != nil {
		t.Fatalf("the WAV does not parse: %v", err)
	}
	if w.format != 1 || w.channels != 1 || w.bits != 16 || w.rate != SampleRate {
		t.Errorf("format %d, %d channels, %d bits, %d Hz; want PCM (1), 1, 16, %d", w.format, w.channels, w.bits, w.rate, SampleRate)
	}
	if !equalSamples(w.samples, samples) {
		t.Errorf("the samples read back differ from those written")
	}
}

func equalSamples(a, b []int16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
