//go:build unix

package cli

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A routine title of 100,000 characters is cut with an ellipsis in
// `supine routines` and `supine routines show`; it was printed whole.
func TestALongTitleIsCut(t *testing.T) {
	dir := home(t)
	title := strings.Repeat("Stretch ", 12500)
	os.MkdirAll(dir+"/config/supine/routines", 0o700)
	os.WriteFile(dir+"/config/supine/routines/long.toml", []byte(`title = "`+title+`"
[[steps]]
kind = "hold"
title = "`+title+`"
hold = "20s"
`), 0o600)
	for _, args := range [][]string{{"routines"}, {"routines", "show", "long"}} {
		out, errOut, code := run(t, args...)
		if code != 0 || !strings.Contains(out, "Stretch Stretch") || !strings.Contains(out, "…") {
			t.Fatalf("supine %s: exit %d\n%.300s\n%s", strings.Join(args, " "), code, out, errOut)
		}
		for _, l := range strings.Split(out, "\n") {
			if n := strings.Count(l, "Stretch"); n > 8 || ansi.StringWidth(l) > 250 {
				t.Errorf("supine %s prints a line of %d cells with %d words of the title: %.100s…", strings.Join(args, " "), ansi.StringWidth(l), n, l)
			}
		}
	}
}

// `report -o` onto something that is not a regular file is refused in one
// sentence pointing to -o -, and the thing is left as it was: a FIFO, a
// device node, a symbolic link and a folder each became a private regular
// file (or, for the folder, "file exists").
func TestReportRefusesATargetThatIsNotAFile(t *testing.T) {
	dir := home(t)
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(dir, "link")
	os.WriteFile(filepath.Join(dir, "target"), []byte("mine"), 0o600)
	os.Symlink(filepath.Join(dir, "target"), link)
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o700)
	targets := map[string]string{fifo: "a named pipe (FIFO)", link: "a symbolic link", folder: "a folder"}
	if os.Geteuid() == 0 {
		// A device of its own, so that no system node is ever at risk.
		dev := filepath.Join(dir, "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o600, 1<<8|3); err == nil {
			targets[dev] = "a device"
		}
	}
	for target, kind := range targets {
		before, _ := os.Lstat(target)
		_, errOut, code := run(t, "report", "-o", target)
		want := "is " + kind + ", not an ordinary file, and would be replaced; give -o a file name, or -o - to print the report"
		if code == 0 || !strings.Contains(errOut, want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("report -o %s (%s): exit %d, said %q; want one line with %q", filepath.Base(target), kind, code, errOut, want)
		}
		after, err := os.Lstat(target)
		if err != nil || after.Mode() != before.Mode() {
			t.Errorf("report -o %s changed it: %v, %v", filepath.Base(target), after.Mode(), err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "target")); string(b) != "mine" {
		t.Errorf("the link's target changed: %q", b)
	}
	// A regular file is still replaced, and -o - prints.
	file := filepath.Join(dir, "report.html")
	os.WriteFile(file, []byte("old"), 0o600)
	if _, errOut, code := run(t, "report", "-o", file); code != 0 {
		t.Fatalf("report -o a file: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "<html") {
		t.Errorf("the regular file was not replaced: %.50q", b)
	}
	if out, _, code := run(t, "report", "-o", "-", "--format", "txt"); code != 0 || out == "" {
		t.Errorf("report -o -: exit %d, %d bytes", code, len(out))
	}
}

// A socket named config.toml is said to be a socket, not a problem of
// permissions ("no such device or address; check its permissions").
func TestASocketAsTheSettingsFileIsNamed(t *testing.T) {
	dir := home(t)
	os.MkdirAll(dir+"/config/supine", 0o700)
	l, err := net.Listen("unix", dir+"/config/supine/config.toml")
	if err != nil {
		t.Skip("no Unix sockets here:", err)
	}
	defer l.Close()
	out, errOut, code := run(t, "config")
	all := out + errOut
	if code == 0 || !strings.Contains(all, "this is a socket, not an ordinary file") || strings.Contains(all, "permissions") {
		t.Errorf("supine config with a socket: exit %d\n%s", code, all)
	}
}
