package routines

import (
	"embed"
	"path"
	"slices"
	"sync"
)

//go:embed builtin/*.toml
var builtinFiles embed.FS

// builtinOrder is the order built-ins are listed in: the default first.
var builtinOrder = []string{"tonight", "quick", "heat"}

// BuiltinSource is the Source of a routine compiled into supine.
const BuiltinSource = "builtin"

type parsedBuiltins struct {
	routines []Routine
	problems []Problem
}

var loadBuiltins = sync.OnceValue(func() parsedBuiltins {
	var out parsedBuiltins
	entries, _ := builtinFiles.ReadDir("builtin")
	for _, e := range entries {
		data, err := builtinFiles.ReadFile(path.Join("builtin", e.Name()))
		if err != nil {
			out.problems = append(out.problems, Problem{File: e.Name(), Msg: err.Error()})
			continue
		}
		r, ps := Parse(e.Name(), data)
		if len(ps) > 0 {
			out.problems = append(out.problems, ps...)
			continue
		}
		r.Source = BuiltinSource
		out.routines = append(out.routines, r)
	}
	slices.SortStableFunc(out.routines, func(a, b Routine) int {
		return builtinRank(a.Name) - builtinRank(b.Name)
	})
	return out
})

// builtinRank places listed built-ins first, in builtinOrder.
func builtinRank(name string) int {
	if i := slices.Index(builtinOrder, name); i >= 0 {
		return i
	}
	return len(builtinOrder)
}

// Builtins returns the routines compiled into supine, "tonight" first. They
// are parsed once, on first use. A built-in with problems is left out (a
// test makes sure none has any).
func Builtins() []Routine {
	var out []Routine
	for _, r := range loadBuiltins().routines {
		out = append(out, cloneRoutine(r))
	}
	return out
}

// BuiltinData returns the file text of a built-in routine, for showing or
// copying it.
func BuiltinData(name string) ([]byte, bool) {
	data, err := builtinFiles.ReadFile(path.Join("builtin", name+".toml"))
	return data, err == nil
}
