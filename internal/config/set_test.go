package config

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestSetPosition(t *testing.T) {
	tests := []struct {
		name, file, want string // file "": no file yet
	}{
		{"no file: the starter, with the line set", "", `position = "back"`},
		{"a set line is replaced", "bell = false\nposition = \"side\"\n", "bell = false\nposition = \"back\"\n"},
		{"a commented line is set", "# Your sleep position\n# position = \"side\"\nbell = false\n", "# Your sleep position\nposition = \"back\"\nbell = false\n"},
		{"added at the end, with no blank line before it", "bell = false\n", "bell = false\nposition = \"back\"\n"},
		{"added before the first table", "bell = false\n[sound_commands]\ndone = \"x\"\n", "bell = false\nposition = \"back\"\n[sound_commands]\ndone = \"x\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "supine", "config.toml")
			if tt.file != "" {
				if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := SetPosition(path, "back"); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if tt.file == "" {
				if !strings.Contains(string(data), "\n"+tt.want+"\n") {
					t.Errorf("new file lacks %q:\n%s", tt.want, data)
				}
			} else if string(data) != tt.want {
				t.Errorf("file =\n%s\nwant\n%s", data, tt.want)
			}
			s, problems := Load(path, nil)
			if len(problems) > 0 || s.Position != "back" {
				t.Errorf("read back: position %q, problems %v", s.Position, problems)
			}
			if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("file mode = %v (%v), want 0600", info.Mode().Perm(), err)
			}
		})
	}
	if err := SetPosition(filepath.Join(t.TempDir(), "c.toml"), "upside"); err == nil {
		t.Error("an unknown position was written")
	}
}

// TestSetReminder: remind writes its line as the position is written: only
// that line changes, and it reads back.
func TestSetReminder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supine", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	file := "# mine\nbell = false\n# reminder = \"off\"\n[sound_commands]\ndone = \"x\"\n"
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ set, line, want string }{
		{"22:30", `reminder = "22:30"`, "22:30"},
		{"7:05", `reminder = "07:05"`, "07:05"},
		{ReminderOff, `reminder = "off"`, ""},
	} {
		if err := SetReminder(path, tc.set); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		want := strings.Replace(file, `# reminder = "off"`, tc.line, 1)
		if string(data) != want {
			t.Errorf("after %s:\n%s\nwant\n%s", tc.set, data, want)
		}
		if s, problems := Load(path, nil); len(problems) > 0 || s.Reminder != tc.want {
			t.Errorf("read back %q, problems %v", s.Reminder, problems)
		}
	}
	if err := SetReminder(path, "25:00"); err == nil {
		t.Error("25:00 was written")
	}
}

// A settings file linked from the person's dotfiles stays a link when the
// app keeps a sleep position: the dotfile gets the new line (issue 20).
func TestSetPositionWritesThroughALinkedFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows")
	}
	dotfile := filepath.Join(t.TempDir(), "supine.toml")
	os.WriteFile(dotfile, []byte("# mine\nposition = \"back\"\n"), 0o600)
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.Symlink(dotfile, path); err != nil {
		t.Fatal(err)
	}
	if err := SetPosition(path, "side"); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(path); info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("config.toml is no longer a link: %v", info.Mode())
	}
	if data, _ := os.ReadFile(dotfile); string(data) != "# mine\nposition = \"side\"\n" {
		t.Errorf("the dotfile holds %q", data)
	}
}
