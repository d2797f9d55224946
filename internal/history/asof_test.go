package history

import (
	"testing"
	"time"
)

func TestInstantsAfterNowAreNow(t *testing.T) {
	now := time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC)
	later := now.Add(3 * time.Hour)
	got := SessionsAsOf([]Session{
		{ID: 1, Start: later, End: later.Add(time.Hour), HeatStart: later.Add(time.Minute), SkinStop: later.Add(9 * time.Minute)},
		{ID: 2, Start: now.Add(-time.Hour), HeatStart: now.Add(time.Minute)}, // the pad went on "after now"
		{ID: 3, Start: now.Add(-48 * time.Hour), End: now.Add(-47 * time.Hour)},
	}, now)
	if s := got[0]; !s.Start.Equal(now) || !s.End.Equal(now) || !s.HeatStart.Equal(now) || !s.SkinStop.Equal(now) {
		t.Errorf("a session dated after now: %+v", s)
	}
	if s := got[1]; !s.Start.Equal(now.Add(-time.Hour)) || !s.HeatStart.Equal(now) || !s.End.IsZero() || !s.SkinStop.IsZero() {
		t.Errorf("a heat started after now: %+v", s)
	}
	if s := got[2]; !s.Start.Equal(now.Add(-48*time.Hour)) || !s.End.Equal(now.Add(-47*time.Hour)) {
		t.Errorf("a session in the past changed: %+v", s)
	}
	checks := ChecksAsOf([]Check{{At: later, Tier: TierEmergency}, {At: now.Add(-time.Minute)}}, now)
	if !checks[0].At.Equal(now) || checks[0].Tier != TierEmergency || !checks[1].At.Equal(now.Add(-time.Minute)) {
		t.Errorf("checks: %+v", checks)
	}
}
