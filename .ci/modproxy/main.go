// Command modproxy writes a file-based Go module proxy that serves one
// version of the module in a git working tree, laid out as the go command
// reads GOPROXY=file://DIR:
//
//	DIR/<module>/@v/list
//	DIR/<module>/@v/<version>.info
//	DIR/<module>/@v/<version>.mod
//	DIR/<module>/@v/<version>.zip
//
// .ci/goinstall uses it to run `go install <module>@latest` the way a person
// does, against the module zip a proxy would serve (only the files git
// tracks, as they are in the working tree, nested modules left out by the
// same rules the proxy applies), so that a replace line, a file missing
// from the zip or a dependency that only a go.work brings fails CI instead
// of the README's first command.
//
// It is its own module (bench/peer is another) so that golang.org/x/mod is
// not a dependency of supine.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	"golang.org/x/mod/zip"
)

func main() {
	repo := flag.String("repo", ".", "the git working tree that holds the module's go.mod")
	version := flag.String("version", "", "the version to serve, e.g. v0.0.1-ci (required)")
	out := flag.String("out", "", "the folder to write the proxy into (required)")
	flag.Parse()
	if *version == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*repo, *version, *out); err != nil {
		fmt.Fprintln(os.Stderr, "modproxy:", err)
		os.Exit(1)
	}
}

func write(repo, version, out string) error {
	if !semver.IsValid(version) || semver.Canonical(version) != version {
		return fmt.Errorf("%q is not a canonical semantic version such as v0.0.1-ci", version)
	}
	gomod, err := os.ReadFile(filepath.Join(repo, "go.mod"))
	if err != nil {
		return err
	}
	path := modfile.ModulePath(gomod)
	if path == "" {
		return fmt.Errorf("%s has no module line", filepath.Join(repo, "go.mod"))
	}
	mv := module.Version{Path: path, Version: version}
	escaped, err := module.EscapePath(path)
	if err != nil {
		return err
	}
	dir := filepath.Join(out, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files, err := tracked(repo)
	if err != nil {
		return err
	}
	var zbuf bytes.Buffer
	if err := zip.Create(&zbuf, mv, files); err != nil {
		return fmt.Errorf("zipping %s: %w", mv, err)
	}
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, time.Now().UTC().Truncate(time.Second)})
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": info,
		version + ".mod":  gomod,
		version + ".zip":  zbuf.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("%s: %d files, %d bytes zipped\n", mv, len(files), zbuf.Len())
	return nil
}

// tracked lists the files git tracks in repo as they are in the working
// tree: what a tag would publish, without build output or editor litter
// that zip.CreateFromDir would take along. A tracked file deleted in the
// working tree is left out.
func tracked(repo string) ([]zip.File, error) {
	cmd := exec.Command("git", "-C", repo, "ls-files", "-z", "--cached")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	list, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-files in %s: %v: %s", repo, err, strings.TrimSpace(stderr.String()))
	}
	var files []zip.File
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if name == "" {
			continue
		}
		full := filepath.Join(repo, filepath.FromSlash(name))
		if _, err := os.Lstat(full); err != nil {
			continue
		}
		files = append(files, file{name: name, full: full})
	}
	return files, nil
}

// file is one working-tree file as zip.Create wants it.
type file struct{ name, full string }

func (f file) Path() string                 { return f.name }
func (f file) Lstat() (os.FileInfo, error)  { return os.Lstat(f.full) }
func (f file) Open() (io.ReadCloser, error) { return os.Open(f.full) }
