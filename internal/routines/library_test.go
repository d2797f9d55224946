package routines

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const shortRoutine = "title = \"Short\"\n[[steps]]\nkind = \"hold\"\ntitle = \"Hold\"\nhold = \"3s\"\n"

func names(rs []Routine) string {
	var out []string
	for _, r := range rs {
		s := r.Name
		if r.Overrides {
			s += "*"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func skipped(l Library) string {
	var out []string
	for _, fe := range l.Skipped {
		for _, p := range fe.Problems {
			out = append(out, filepath.Base(fe.Path)+" => "+p.Error())
		}
	}
	return strings.Join(out, "\n")
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		routes  string
		skipped string
	}{
		{
			name:   "no user files",
			routes: "tonight quick heat",
		},
		{
			name:   "user routines come after the built-ins, by file name",
			files:  map[string]string{"zed.toml": shortRoutine, "abc.toml": shortRoutine, "notes.txt": "x", ".hidden.toml": "x"},
			routes: "tonight quick heat abc zed",
		},
		{
			name:   "a user file overrides a built-in of the same name, in its place",
			files:  map[string]string{"Quick.toml": shortRoutine},
			routes: "tonight Quick* heat",
		},
		{
			name:    "bad files are skipped with every problem, good ones still load",
			files:   map[string]string{"bad.toml": "title = 5\n[[steps]]\nkind = \"x\"\ntitle = \"X\"\n", "good.toml": shortRoutine},
			routes:  "tonight quick heat good",
			skipped: "bad.toml => bad.toml:1:9: title: 5 is a number, want text in quotes\nbad.toml => bad.toml:3:8: steps[1].kind: \"x\" is not a step kind; use heat, hold, paced, rest or settle",
		},
		{
			name:    "a bad file named like a built-in leaves the built-in in place",
			files:   map[string]string{"tonight.toml": "title = \"T\"\n"},
			routes:  "tonight quick heat",
			skipped: "tonight.toml => tonight.toml:1:1: the routine has no steps; add at least one [[steps]] block with a kind and a title",
		},
		{
			name:    "names that differ only in case are duplicates",
			files:   map[string]string{"Knees.toml": shortRoutine, "knees.toml": shortRoutine},
			routes:  "tonight quick heat Knees",
			skipped: "knees.toml => knees.toml: the name \"knees\" is already taken by Knees.toml (names ignore case); rename one of the two files",
		},
		{
			name:    "a huge file is refused without being read",
			files:   map[string]string{"huge.toml": strings.Repeat("#", 3<<20)},
			routes:  "tonight quick heat",
			skipped: "huge.toml => huge.toml: the file is 3.0 MiB, far bigger than a routine file (at most 1 MiB); check that it is the right file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := Load(writeFiles(t, tt.files))
			if got := names(lib.Routines); got != tt.routes {
				t.Errorf("routines = %q, want %q", got, tt.routes)
			}
			if got := skipped(lib); got != tt.skipped {
				t.Errorf("skipped:\n%s\nwant:\n%s", got, tt.skipped)
			}
		})
	}
}

func TestLoadSetsSourceAndFinds(t *testing.T) {
	dir := writeFiles(t, map[string]string{"tonight.toml": shortRoutine})
	lib := Load(dir)
	r, ok := lib.Find("TONIGHT")
	if !ok || !r.Overrides || r.Source != filepath.Join(dir, "tonight.toml") || r.Title != "Short" {
		t.Errorf("Find(TONIGHT) = %+v, %v", r, ok)
	}
	if _, ok := lib.Find("nothing"); ok {
		t.Error("Find found a routine that does not exist")
	}
}

func TestLoadMissingAndUnreadableDirs(t *testing.T) {
	if lib := Load(filepath.Join(t.TempDir(), "missing")); len(lib.Skipped) != 0 || len(lib.Routines) != 3 {
		t.Errorf("missing dir: %d routines, skipped %v", len(lib.Routines), lib.Skipped)
	}
	// A file where the folder should be cannot be read as a folder by any
	// user, root included (CI runs as root, which permissions do not stop).
	notDir := filepath.Join(t.TempDir(), "routines")
	if err := os.WriteFile(notDir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	lib := Load(notDir)
	if len(lib.Skipped) != 1 || len(lib.Routines) != 3 {
		t.Fatalf("unreadable dir: %d routines, skipped %v", len(lib.Routines), lib.Skipped)
	}
	if got := lib.Skipped[0].Error(); !strings.Contains(got, "routines: the routines folder could not be read") {
		t.Errorf("unreadable dir reported as %q", got)
	}
}

func TestReadFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"ok.toml": shortRoutine})
	tests := []struct {
		path string
		want string
	}{
		{filepath.Join(dir, "ok.toml"), ""},
		{filepath.Join(dir, "gone.toml"), "gone.toml: there is no such file; check the name and folder"},
		{dir, filepath.Base(dir) + ": this is a folder, not a routine file; routine files end in .toml"},
	}
	for _, tt := range tests {
		_, ps := ReadFile(tt.path)
		var got []string
		for _, p := range ps {
			got = append(got, p.Error())
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("ReadFile(%s) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// A file name is shown as the routine's name, so one that holds an escape
// sequence or a direction override is refused, and its problem shows the
// name with visible escapes.
func TestUnsafeFileNameIsAProblem(t *testing.T) {
	dir := t.TempDir()
	name := "knees\x1b]52;c;SGVsbG8=\a\u202e.toml"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("title = \"Knees\"\n[[steps]]\nkind = \"settle\"\ntitle = \"Settle\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lib := Load(dir)
	if len(lib.Skipped) != 1 {
		t.Fatalf("skipped %v, loaded %d", lib.Skipped, len(lib.Routines))
	}
	msg := lib.Skipped[0].Error()
	if !strings.Contains(msg, "the file name holds control or direction characters") || !strings.Contains(msg, `\x1b]52;c;SGVsbG8=\a\u202e`) {
		t.Errorf("problem %q", msg)
	}
	if strings.ContainsAny(msg, "\x1b\a\u202e") {
		t.Errorf("the problem itself holds the escape: %q", msg)
	}
}
