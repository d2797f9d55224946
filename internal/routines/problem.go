package routines

import (
	"fmt"
	"sort"
	"strings"

	"github.com/supine-app/supine/internal/routines/tomlpos"
	"github.com/supine-app/supine/internal/textsafe"
)

// Problem is one thing wrong in a routine file, placed at the line and
// column of the value (or key) at fault. Line 0 means the whole file.
type Problem struct {
	File string // base name of the file, "knees.toml"
	Line int    // 1-based; 0 when the problem is about the whole file
	Col  int    // 1-based, in characters
	Key  string // "steps[2].hold"; "" when no key is at fault
	Msg  string
}

// Error formats the problem as file:line:col: key: message, for example
// knees.toml:14:9: steps[2].hold: "20" is a string, want a duration like "20s".
// The file name and the key come from the file and are shown quoted with
// visible escapes when they hold anything a terminal would act on.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(textsafe.Quote(p.File))
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	if p.Key != "" {
		b.WriteString(textsafe.Quote(p.Key) + ": ")
	}
	b.WriteString(textsafe.Clean(p.Msg))
	return b.String()
}

// FileError is a routine file that did not load, with every problem found.
type FileError struct {
	Path     string
	Problems []Problem
}

// Error gives the first problem, and how many more there are.
func (e FileError) Error() string {
	if len(e.Problems) == 0 {
		return textsafe.Quote(e.Path) + ": could not be loaded"
	}
	msg := e.Problems[0].Error()
	if n := len(e.Problems) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more)", n)
	}
	return msg
}

// problems collects the problems of one file.
type problems struct {
	file string
	list []Problem
}

func (ps *problems) at(p tomlpos.Pos, key, format string, args ...any) {
	ps.list = append(ps.list, Problem{File: ps.file, Line: p.Line, Col: p.Col, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) fileProblem(format string, args ...any) {
	ps.list = append(ps.list, Problem{File: ps.file, Msg: fmt.Sprintf(format, args...)})
}

// sorted returns the problems in the order they appear in the file.
func (ps *problems) sorted() []Problem {
	sort.SliceStable(ps.list, func(i, j int) bool {
		a, b := ps.list[i], ps.list[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return ps.list
}
