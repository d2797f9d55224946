package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakes puts shell scripts named like the scheduler and notification
// programs first on PATH; each logs its name and arguments, one line a
// call, to the returned log. The fake schtasks keeps its one task as a
// file, so that /Query fails when there is none, as the real one does.
func fakes(t *testing.T) (log func() []string) {
	t.Helper()
	dir := t.TempDir()
	logPath := filepath.Join(dir, "calls.log")
	script := func(name, body string) {
		s := "#!/bin/sh\necho \"" + name + " $*\" >> '" + logPath + "'\n" + body
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"systemctl", "launchctl", "notify-send", "osascript", "powershell"} {
		script(name, "")
	}
	task := filepath.Join(dir, "task")
	script("schtasks", `case "$1" in
/Create) echo "$*" > '`+task+`' ;;
/Query) [ -f '`+task+`' ] || { echo "ERROR: The system cannot find the file specified." >&2; exit 1; } ;;
/Delete) rm -f '`+task+`' ;;
esac
`)
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return func() []string {
		data, _ := os.ReadFile(logPath)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(lines) == 1 && lines[0] == "" {
			return nil
		}
		os.Remove(logPath)
		return lines
	}
}

// useGOOS picks the scheduler of goos. The test binary lives in a go-build
// folder under the temporary folder, which remind refuses as a go run
// build: the temporary folder is moved elsewhere.
func useGOOS(t *testing.T, goos string) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "tmp"))
	old := remindGOOS
	remindGOOS = goos
	t.Cleanup(func() { remindGOOS = old })
}

func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// TestRemindOnEachScheduler sets, reads and removes the reminder with each
// system's scheduler (fake programs on PATH that log their arguments): what
// is installed, the commands run, and that off removes exactly what was
// installed, leaving another program's files and the rest of config.toml
// as they were.
func TestRemindOnEachScheduler(t *testing.T) {
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	type files map[string]bool // path under the home folder -> must exist
	tests := []struct {
		goos      string
		installed files
		others    []string // files of another program beside them
		install   []string
		remove    []string
		where     string
	}{
		{
			goos:      "linux",
			installed: files{"config/systemd/user/supine-reminder.service": true, "config/systemd/user/supine-reminder.timer": true},
			others:    []string{"config/systemd/user/backup.timer", "config/systemd/user/backup.service"},
			install:   []string{"systemctl --user daemon-reload", "systemctl --user enable --now supine-reminder.timer"},
			remove:    []string{"systemctl --user disable --now supine-reminder.timer", "systemctl --user daemon-reload"},
			where:     "the systemd user timer supine-reminder.timer",
		},
		{
			goos:      "darwin",
			installed: files{"Library/LaunchAgents/app.supine.reminder.plist": true},
			others:    []string{"Library/LaunchAgents/com.example.backup.plist"},
			install: []string{"launchctl bootout gui/" + strconv.Itoa(os.Getuid()) + "/app.supine.reminder",
				"launchctl bootstrap gui/" + strconv.Itoa(os.Getuid()) + " HOME/Library/LaunchAgents/app.supine.reminder.plist"},
			remove: []string{"launchctl bootout gui/" + strconv.Itoa(os.Getuid()) + "/app.supine.reminder"},
			where:  "the LaunchAgent app.supine.reminder",
		},
		{
			goos:    "windows",
			install: []string{`schtasks /Create /TN supine-reminder /TR "` + bin + `" nudge --at 22:30 /SC DAILY /ST 22:30 /F`},
			remove:  []string{"schtasks /Query /TN supine-reminder /FO LIST", "schtasks /Delete /TN supine-reminder /F"},
			where:   "the Task Scheduler task supine-reminder",
		},
	}
	for _, tc := range tests {
		t.Run(tc.goos, func(t *testing.T) {
			dir := home(t)
			t.Setenv("HOME", dir)
			useGOOS(t, tc.goos)
			log := fakes(t)
			cfg := filepath.Join(dir, "config", "supine", "config.toml")
			if err := os.MkdirAll(filepath.Dir(cfg), 0o700); err != nil {
				t.Fatal(err)
			}
			mine := "# my settings\nposition = \"back\"\n"
			if err := os.WriteFile(cfg, []byte(mine), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, o := range tc.others {
				p := filepath.Join(dir, o)
				os.MkdirAll(filepath.Dir(p), 0o700)
				if err := os.WriteFile(p, []byte("not supine's"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			home := func(lines []string) []string {
				var out []string
				for _, l := range lines {
					out = append(out, strings.ReplaceAll(l, dir, "HOME"))
				}
				return out
			}

			out, _, code := run(t, "remind")
			if code != 0 || !strings.Contains(out, "No reminder is set") {
				t.Errorf("before: %d %q", code, out)
			}
			log()

			out, errs, code := run(t, "remind", "at", "22:30")
			if code != 0 || !strings.Contains(out, "A reminder at 22:30 is set, in "+tc.where) {
				t.Fatalf("remind at: %d %q %q", code, out, errs)
			}
			calls := home(log())
			if tc.goos == "windows" {
				// What the real one would see as one argument, the fake's
				// echo joins with spaces.
				calls = calls[len(calls)-1:]
			}
			equalLines(t, "remind at ran", calls, tc.install)
			for f := range tc.installed {
				data, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil || !strings.Contains(string(data), bin) && strings.HasSuffix(f, ".service") {
					t.Errorf("%s: %v\n%s", f, err, data)
				}
				if info, err := os.Stat(filepath.Join(dir, f)); err == nil && info.Mode().Perm() != 0o600 {
					t.Errorf("%s has mode %v", f, info.Mode())
				}
			}
			if data, _ := os.ReadFile(cfg); string(data) != mine+"reminder = \"22:30\"\n" {
				t.Errorf("config.toml after remind at:\n%s", data)
			}

			out, _, code = run(t, "remind")
			if code != 0 || !strings.Contains(out, "A reminder at 22:30 is set, in "+tc.where+"; next:") {
				t.Errorf("status: %d %q", code, out)
			}
			log()

			out, errs, code = run(t, "remind", "off")
			if code != 0 || !strings.Contains(out, "The reminder is removed: "+tc.where) {
				t.Fatalf("remind off: %d %q %q", code, out, errs)
			}
			equalLines(t, "remind off ran", home(log()), tc.remove)
			for f := range tc.installed {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s is still there", f)
				}
			}
			for _, o := range tc.others {
				if data, err := os.ReadFile(filepath.Join(dir, o)); err != nil || string(data) != "not supine's" {
					t.Errorf("another program's %s was touched: %v", o, err)
				}
			}
			if data, _ := os.ReadFile(cfg); string(data) != mine+"reminder = \"off\"\n" {
				t.Errorf("config.toml after remind off:\n%s", data)
			}
			out, _, code = run(t, "remind", "off")
			if code != 0 || !strings.Contains(out, "nothing was removed") {
				t.Errorf("a second off: %d %q", code, out)
			}
		})
	}
}

// TestRemindLeavesAFileItDidNotWrite: a file at the reminder's path that
// supine did not write is neither replaced nor removed.
func TestRemindLeavesAFileItDidNotWrite(t *testing.T) {
	dir := home(t)
	useGOOS(t, "linux")
	log := fakes(t)
	timer := filepath.Join(dir, "config", "systemd", "user", "supine-reminder.timer")
	os.MkdirAll(filepath.Dir(timer), 0o700)
	if err := os.WriteFile(timer, []byte("[Timer]\nOnCalendar=daily\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"remind", "at", "22:30"}, {"remind", "off"}} {
		_, errs, code := run(t, args...)
		if code == 0 || !strings.Contains(errs, "was not written by supine remind") {
			t.Errorf("%v: %d %q", args, code, errs)
		}
	}
	if data, _ := os.ReadFile(timer); string(data) != "[Timer]\nOnCalendar=daily\n" {
		t.Errorf("the file was changed:\n%s", data)
	}
	if calls := log(); len(calls) != 0 {
		t.Errorf("systemctl was run: %q", calls)
	}
}

// TestRemindUndoesAFailedInstall: when systemd refuses, no file is left.
func TestRemindUndoesAFailedInstall(t *testing.T) {
	dir := home(t)
	useGOOS(t, "linux")
	log := fakes(t)
	first, _, _ := strings.Cut(os.Getenv("PATH"), string(os.PathListSeparator))
	bin := filepath.Join(first, "systemctl")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho \"Failed to connect to bus: No medium found\" >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, errs, code := run(t, "remind", "at", "22:30")
	if code == 0 || !strings.Contains(errs, "Failed to connect to bus") || !strings.Contains(errs, "nothing was installed") {
		t.Errorf("%d %q", code, errs)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "config", "systemd", "user")); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "config", "supine", "config.toml")); err == nil {
		t.Errorf("config.toml was written for a reminder that is not set")
	}
	log()
}

// TestNudgeSpeaksOnceANight: the nudge raises one notification through
// the desktop's own command, with the words as arguments, and stays silent
// for the rest of the night; "not tonight" silences it; with no command
// it says so in one line.
func TestNudgeSpeaksOnceANight(t *testing.T) {
	now := time.Now().Format("15:04")
	for goos, want := range map[string]string{
		"linux":   "notify-send --app-name=supine --urgency=low -- supine Time for your back routine? Type supine.",
		"darwin":  "osascript -e on run argv -e display notification (item 2 of argv) with title (item 1 of argv) -e end run supine Time for your back routine? Type supine.",
		"windows": "powershell -NoProfile -NonInteractive -Command",
	} {
		t.Run(goos, func(t *testing.T) {
			home(t)
			useGOOS(t, goos)
			log := fakes(t)
			out, errs, code := run(t, "nudge", "--at", now, "--why")
			if code != 0 || !strings.HasPrefix(out, "A reminder") {
				t.Fatalf("first nudge: %d %q %q", code, out, errs)
			}
			calls := log()
			// The Windows script spans lines; the fake logs each.
			if len(calls) == 0 || !strings.HasPrefix(calls[0], want) || goos != "windows" && len(calls) != 1 {
				t.Errorf("ran %q, want %q", calls, want)
			}
			out, _, code = run(t, "nudge", "--at", now, "--why")
			if code != 0 || !strings.Contains(out, "sent tonight already") || len(log()) != 0 {
				t.Errorf("second nudge: %d %q", code, out)
			}
		})
	}
	t.Run("not tonight", func(t *testing.T) {
		home(t)
		useGOOS(t, "linux")
		log := fakes(t)
		if out, _, code := run(t, "nudge", "--skip"); code != 0 || !strings.Contains(out, "No reminder tonight.") {
			t.Errorf("--skip: %d %q", code, out)
		}
		out, _, code := run(t, "nudge", "--at", now, "--why")
		if code != 0 || !strings.Contains(out, "not tonight") || len(log()) != 0 {
			t.Errorf("after --skip: %d %q", code, out)
		}
	})
	t.Run("no notification command", func(t *testing.T) {
		home(t)
		useGOOS(t, "linux")
		t.Setenv("PATH", t.TempDir())
		_, errs, code := run(t, "nudge", "--at", now)
		if code != 1 || !strings.Contains(errs, "o way to show a notification was found: install notify-send") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%d %q", code, errs)
		}
	})
}

// TestNudgeFailsClosed: a history that cannot be read keeps the nudge
// silent and says why in one line; a nudge already silent for the time
// (too late) does not open the history at all.
func TestNudgeFailsClosed(t *testing.T) {
	dir := home(t)
	useGOOS(t, "linux")
	log := fakes(t)
	// A folder where the database should be: SQLite cannot read it.
	if err := os.MkdirAll(filepath.Join(dir, "data", "supine", "supine.db"), 0o700); err != nil {
		t.Fatal(err)
	}
	late := time.Now().Add(-3 * time.Hour).Format("15:04")
	if out, errs, code := run(t, "nudge", "--at", late, "--why"); code != 0 || !strings.Contains(out, "late") {
		t.Errorf("a late nudge: %d %q %q", code, out, errs)
	}
	_, errs, code := run(t, "nudge", "--at", time.Now().Format("15:04"))
	if code != 1 || !strings.Contains(errs, "the reminder stays silent until it can read the history") {
		t.Errorf("an unreadable history: %d %q", code, errs)
	}
	if calls := log(); len(calls) != 0 {
		t.Errorf("a notification was raised: %q", calls)
	}
}
