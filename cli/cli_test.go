package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// home gives a test its own config and data folders.
func home(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir+"/config")
	t.Setenv("XDG_DATA_HOME", dir+"/data")
	t.Setenv("XDG_STATE_HOME", dir+"/state")
	return dir
}

// run runs the command line as a person would type it and returns what it
// printed and its exit code.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	err := execute(context.Background(), root, "v9.9.9")
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
	default:
		code = 1
	}
	return ansi.Strip(out.String()), ansi.Strip(errb.String()), code
}

// TestHelpFitsEightyColumns: a description longer than its column wraps
// mid-word in an 80-column terminal (fang does not wrap them).
func TestHelpFitsEightyColumns(t *testing.T) {
	t.Setenv("__FANG_TEST_WIDTH", "80")
	home(t)
	for _, args := range [][]string{
		{}, {"start"}, {"check"}, {"tips"}, {"why"}, {"about"}, {"history"}, {"routines"},
		{"routines", "show"}, {"routines", "new"}, {"routines", "validate"}, {"config"}, {"config", "init"},
		{"completion"}, {"man"},
	} {
		out, _, _ := run(t, append(args, "--help")...)
		if out == "" {
			t.Fatalf("supine %s --help printed nothing", strings.Join(args, " "))
		}
		for _, line := range strings.Split(out, "\n") {
			line = strings.TrimRight(line, " ")
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("supine %s --help: a line is %d columns wide:\n%s", strings.Join(args, " "), w, line)
			}
		}
	}
}
