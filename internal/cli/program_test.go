package cli

import (
	"runtime/debug"
	"testing"
)

// A go install from the proxy must get the frame rate that stays cheap on
// bubbletea's ticker; a build from a clone (go.work) keeps frames on demand.
func TestFrameRateForBuild(t *testing.T) {
	dep := func(version string, replace *debug.Module) *debug.BuildInfo {
		return &debug.BuildInfo{Deps: []*debug.Module{
			{Path: "charm.land/lipgloss/v2", Version: "v2.1.1"},
			{Path: bubbleteaPath, Version: version, Replace: replace},
		}}
	}
	for _, tc := range []struct {
		name  string
		info  *debug.BuildInfo
		bench string
		want  int
	}{
		{"go install from the proxy: the release", dep("v2.1.1", nil), "", tickerFrameRate},
		{"a clone with go.work: the workspace copy", dep("(devel)", nil), "", frameRate},
		{"a replace line to a folder", dep("v2.1.1", &debug.Module{Path: "./third_party/bubbletea"}), "", frameRate},
		{"a replace line to another release", dep("v2.1.1", &debug.Module{Path: "example.com/fork", Version: "v2.1.2"}), "", tickerFrameRate},
		{"no build info", nil, "", tickerFrameRate},
		{"no bubbletea in the build info", &debug.BuildInfo{}, "", tickerFrameRate},
		{"bench/run --sweep sets the rate", dep("v2.1.1", nil), "12", 12},
		{"a bad sweep value is ignored", dep("(devel)", nil), "x", frameRate},
	} {
		if got := frameRateFor(tc.info, tc.bench); got != tc.want {
			t.Errorf("%s: %d fps, want %d", tc.name, got, tc.want)
		}
	}
}
