package cli

import "runtime/debug"

// buildVersion is what --version prints, from the linker's -X main.version
// (goreleaser sets it) or else from the build info Go records:
//
//   - go install github.com/supine-app/supine@v1.2.0: the module version,
//     v1.2.0; there is no commit in that build info.
//   - go build in a clone: Go's pseudo-version (v0.0.0-date-hash, "+dirty"
//     with uncommitted changes) and the commit, which fang prints as
//     "(abc1234)".
//   - no build info at all: empty, and fang prints "unknown (built from
//     source)".
//
// It returns the version and commit for fang.WithVersion and
// fang.WithCommit.
func buildVersion(linked string, info *debug.BuildInfo) (version, commit string) {
	if linked != "" {
		return linked, ""
	}
	if info == nil {
		return "", ""
	}
	version = info.Main.Version
	if info.Main.Sum != "" {
		return version, "" // a module download: the version names it exactly
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			commit = s.Value
		}
	}
	if version == "" || version == "(devel)" {
		version = "devel"
	}
	return version, commit
}
