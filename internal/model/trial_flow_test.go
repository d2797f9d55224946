package model

import (
	"strings"
	"testing"
	"time"

	"github.com/supine-app/supine/internal/history"
	"github.com/supine-app/supine/internal/trial"
)

// TestATrialNightWithoutHeatSaysSoOnThePlayer: on a heat trial's night
// without heat the routine starts at the first stretch, tonight's heat
// question unasked, and the player says why (trial.TonightLine, the
// evening's reason) until the first key.
func TestATrialNightWithoutHeatSaysSoOnThePlayer(t *testing.T) {
	order := []bool{false, true, true, true, true, true, true, true}
	st := &fakeStore{trial: &history.Trial{ID: 1, Kind: trial.KindHeat, Started: tonightAt.AddDate(0, 0, -1),
		FirstNight: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), Seed: 1, HeatFirst: order, Outcome: trial.Outcome}}
	d := newDriver(t, testOptions(st), 80, 24)
	d.askHeat = true // the question must not come
	d.press("s", "n", "3")
	d.expect(ScreenPlayer)
	d.expectText("Heat trial, night 1 of 16: a night without heat.", "Knee to chest", "step 1 of 4")
	if strings.Contains(d.text(), "Ready") {
		t.Error("heat offered on the trial's night without heat")
	}
}
