package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/supine-app/supine/internal/remind"
	"github.com/supine-app/supine/internal/userfile"
)

// SetPosition keeps a sleep position picked in the app ("enter: use
// tonight" on the sleep set-up) in the settings file at path, so that it
// holds for the nights after. The rest of the file, comments included, is
// left as it was; a missing file is started from StarterFile.
func SetPosition(path, position string) error {
	if !contains(Positions, position) {
		return fmt.Errorf("%q is not a sleep position; use %s", position, strings.Join(Positions, ", "))
	}
	return setTopLevel(path, "position", strconv.Quote(position))
}

// ReminderOff is the reminder setting's word for no reminder.
const ReminderOff = "off"

// SetReminder keeps the bedtime reminder's time ("22:30", or ReminderOff)
// in the settings file at path, as SetPosition keeps the position: only
// that line changes.
func SetReminder(path, at string) error {
	if at != ReminderOff {
		c, err := remind.ParseClock(at)
		if err != nil {
			return err
		}
		at = c.String()
	}
	return setTopLevel(path, "reminder", strconv.Quote(at))
}

// setTopLevel writes key = value among the top-level settings: over a line
// that sets the key, else over the starter's commented line for it, else
// before the first [table]. It replaces the file in one rename, so a crash
// never leaves half a settings file.
func setTopLevel(path, key, value string) error {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = StarterFile()
	case err != nil:
		return fmt.Errorf("the settings file %s could not be read: %v", path, userfile.Cause(err))
	}
	line := key + " = " + value
	set := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=`)
	commented := regexp.MustCompile(`^\s*#\s*` + regexp.QuoteMeta(key) + `\s*=`)
	lines := strings.Split(string(data), "\n")
	end := len(lines) // the first [table]: top-level keys must come before it
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			end = i
			break
		}
	}
	at := -1
	for i := 0; i < end && at < 0; i++ {
		if set.MatchString(lines[i]) {
			at = i
		}
	}
	for i := 0; i < end && at < 0; i++ {
		if commented.MatchString(lines[i]) {
			at = i
		}
	}
	if at < 0 && end == len(lines) && end > 0 && lines[end-1] == "" {
		end-- // the file's last line break stays last: no blank line before the new one
	}
	if at >= 0 {
		lines[at] = line
	} else {
		lines = append(lines[:end], append([]string{line}, lines[end:]...)...)
	}
	return writeAtomic(path, []byte(strings.Join(lines, "\n")))
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("the settings folder %s could not be created: %v; check that you can write there", dir, userfile.Cause(err))
	}
	err := userfile.WriteAtomic(path, data, 0o600)
	var noTemp *userfile.TempFileError
	switch {
	case errors.As(err, &noTemp):
		return fmt.Errorf("the settings file in %s could not be written: %v; check that you can write there", dir, userfile.Cause(err))
	case err != nil:
		return fmt.Errorf("the settings file %s could not be written: %v", path, userfile.Cause(err))
	}
	return nil
}
