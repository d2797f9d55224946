package routines

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/supine-app/supine/internal/userfile"
)

// Library is every routine supine can run: the built-ins and the person's
// own files, and the files that could not be loaded.
//
// Routines lists the built-ins first in their fixed order (tonight, quick,
// heat), a user file that overrides one taking its place, then the user's
// other routines by file name.
type Library struct {
	Routines []Routine
	Skipped  []FileError
}

// Find returns the routine called name, ignoring case.
func (l Library) Find(name string) (Routine, bool) {
	for _, r := range l.Routines {
		if strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return Routine{}, false
}

// Load builds the library from the built-ins and every *.toml file in
// userDir. A missing userDir is fine. A bad file never stops the good ones
// loading: it goes to Skipped with all its problems. A user file named like
// a built-in (ignoring case) replaces it and is marked Overrides; two user
// files whose names differ only in case are a problem, and the second one
// (by file name) is skipped. Which files count is userfile's rule, the one
// `supine routines validate` uses too: hidden files (".name.toml", editor
// leftovers and lock links) are ignored.
func Load(userDir string) Library {
	var lib Library
	lib.Routines = Builtins()
	if userDir == "" {
		return lib
	}
	files, err := userfile.List(userDir)
	if err != nil {
		lib.Skipped = append(lib.Skipped, FileError{Path: userDir, Problems: []Problem{{
			File: filepath.Base(userDir),
			Msg:  fmt.Sprintf("the routines folder could not be read (%v); check its permissions", userfile.Cause(err)),
		}}})
		return lib
	}
	seen := map[string]string{} // lower-case name -> path of the user file
	for _, path := range files {
		name := filepath.Base(path)
		r, problems := ReadFile(path)
		if len(problems) == 0 {
			key := strings.ToLower(r.Name)
			if other, dup := seen[key]; dup {
				problems = []Problem{{File: name, Msg: fmt.Sprintf(
					"the name %q is already taken by %s (names ignore case); rename one of the two files",
					r.Name, filepath.Base(other))}}
			} else {
				seen[key] = path
			}
		}
		if len(problems) > 0 {
			lib.Skipped = append(lib.Skipped, FileError{Path: path, Problems: problems})
			continue
		}
		lib.add(r)
	}
	return lib
}

// add puts a user routine in the library, replacing a built-in of the same
// name in place.
func (l *Library) add(r Routine) {
	i := slices.IndexFunc(l.Routines, func(b Routine) bool {
		return b.Source == BuiltinSource && strings.EqualFold(b.Name, r.Name)
	})
	if i >= 0 {
		r.Overrides = true
		l.Routines[i] = r
		return
	}
	l.Routines = append(l.Routines, r)
}

// ReadFile reads and parses one routine file. Only a regular file is read (a
// named pipe is reported, not waited on), and one over MaxFileSize is
// refused without reading it all. Source is set to path.
func ReadFile(path string) (Routine, []Problem) {
	base := filepath.Base(path)
	fail := func(msg string) (Routine, []Problem) {
		return Routine{Name: strings.TrimSuffix(base, ".toml"), Source: path}, []Problem{{File: base, Msg: msg}}
	}
	data, err := userfile.Read(path, MaxFileSize)
	var notRegular *userfile.NotRegularError
	var tooBig *userfile.TooBigError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail("there is no such file; check the name and folder")
	case errors.As(err, &notRegular) && notRegular.Kind == "a folder":
		return fail("this is a folder, not a routine file; routine files end in .toml")
	case errors.As(err, &notRegular):
		return fail(fmt.Sprintf("%v; a routine file must be an ordinary text file, so remove or rename this one", notRegular))
	case errors.As(err, &tooBig):
		return fail(fmt.Sprintf("the file is %s, far bigger than a routine file (at most 1 MiB); check that it is the right file",
			sizeString(int(min(tooBig.Size, 1<<40)))))
	case err != nil:
		return fail(fmt.Sprintf("the file could not be read (%v); check its permissions", userfile.Cause(err)))
	}
	return Parse(path, data)
}

// cloneRoutine copies a routine deeply enough that changing the copy's
// steps, cues or phases leaves the original alone.
func cloneRoutine(r Routine) Routine {
	r.Steps = slices.Clone(r.Steps)
	for i := range r.Steps {
		s := &r.Steps[i]
		s.Cues = slices.Clone(s.Cues)
		s.StopIf = slices.Clone(s.StopIf)
		s.Phases = slices.Clone(s.Phases)
	}
	return r
}
