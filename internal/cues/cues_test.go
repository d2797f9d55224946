package cues

import (
	"slices"
	"testing"
	"time"
)

func TestAudible(t *testing.T) {
	tests := []struct {
		set  Settings
		want []Kind
	}{
		{Settings{}, Kinds()},
		{Settings{Sound: SoundBell, Volume: VolumeNormal}, Kinds()},
		{Settings{Sound: SoundCommand}, Kinds()},
		{Settings{Sound: SoundBell, Volume: VolumeSoft}, []Kind{NextStep, HeatDone, Done}},
		{Settings{Sound: SoundCommand, Volume: VolumeSoft}, []Kind{NextStep, HeatDone, Done}},
		{Settings{Sound: SoundOff}, nil},
	}
	for _, tt := range tests {
		var got []Kind
		for _, k := range Kinds() {
			if tt.set.Audible(k) {
				got = append(got, k)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v: audible %v, want %v", tt.set, got, tt.want)
		}
	}
}

func TestPattern(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		kind Kind
		want []time.Duration
	}{
		{NextStep, []time.Duration{0}},
		{SwitchSides, []time.Duration{0, 250 * ms}},
		{Phase, []time.Duration{0}},
		{LastSeconds, []time.Duration{0}},
		{HeatDone, []time.Duration{0, 250 * ms, 500 * ms}},
		{Done, []time.Duration{0, 900 * ms}},
	}
	for _, tt := range tests {
		if got := Pattern(tt.kind); !slices.Equal(got, tt.want) {
			t.Errorf("Pattern(%v) = %v, want %v", tt.kind, got, tt.want)
		}
	}
	// Heat done repeats every HeatDoneRepeat: its pattern must end well
	// before that, or the repeats would run together.
	if p := Pattern(HeatDone); p[len(p)-1] >= HeatDoneRepeat {
		t.Errorf("heat-done pattern %v is longer than its repeat %v", p, HeatDoneRepeat)
	}
}

func TestKindNames(t *testing.T) {
	for _, k := range Kinds() {
		got, ok := ParseKind(k.String())
		if !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", k.String(), got, ok, k)
		}
	}
	if _, ok := ParseKind("bell"); ok {
		t.Error("ParseKind accepted an unknown name")
	}
	if got := Kind(99).String(); got != "unknown" {
		t.Errorf("Kind(99).String() = %q", got)
	}
}
