package cli

import (
	"runtime/debug"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "f1107e7d2c0e4b6a"}}
	tests := []struct {
		name        string
		linked      string
		info        *debug.BuildInfo
		wantVersion string
		wantCommit  string
	}{
		{"linker flag wins", "v1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs}, "v1.2.0", ""},
		{"go install of a tag", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0", Sum: "h1:abc="}}, "v1.2.0", ""},
		{"source build with a pseudo-version", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261130045700-f1107e7d2c0e+dirty"}, Settings: vcs},
			"v0.0.0-20261130045700-f1107e7d2c0e+dirty", "f1107e7d2c0e4b6a"},
		{"source build without a version", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs}, "devel", "f1107e7d2c0e4b6a"},
		{"no build info", "", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, c := buildVersion(tt.linked, tt.info)
			if v != tt.wantVersion || c != tt.wantCommit {
				t.Errorf("buildVersion = (%q, %q), want (%q, %q)", v, c, tt.wantVersion, tt.wantCommit)
			}
		})
	}
}
