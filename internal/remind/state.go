package remind

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/supine-app/supine/internal/textsafe"
	"github.com/supine-app/supine/internal/userfile"
)

// State is what the reminder remembers between runs: the night a nudge
// last spoke, and the last night the person said "not tonight". It lives in
// a small file of its own (StatePath), not in the history: a nudge writes
// nothing to the health record, and the history stays the record of what
// the person did, not of what supine said.
type State struct {
	Nudged  string `json:"nudged,omitempty"`  // the night, "2006-01-02"
	Skipped string `json:"skipped,omitempty"` // the night, "2006-01-02"
}

const dateFormat = "2006-01-02"

// StateFile is the state file's name inside supine's state folder.
const StateFile = "reminder.json"

// StatePath is where the state lives: supine's folder in the XDG state
// home (~/.local/state/supine on Linux).
func StatePath(stateHome string) string {
	return filepath.Join(stateHome, "supine", StateFile)
}

func nightKey(night time.Time) string { return night.Format(dateFormat) }

// Skips reports whether the person said "not tonight" for night (a
// history.Night).
func (s State) Skips(night time.Time) bool { return s.Skipped == nightKey(night) }

// NudgedOn reports whether a nudge spoke on night.
func (s State) NudgedOn(night time.Time) bool { return s.Nudged == nightKey(night) }

// maxState bounds the state file: it holds two dates.
const maxState = 4 << 10

// LoadState reads the state at path. A missing file is an empty state; a
// file that cannot be read or parsed is an error (the nudge then stays
// silent: it cannot tell whether it spoke tonight).
func LoadState(path string) (State, error) {
	var s State
	data, err := userfile.Read(path, maxState)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s, nil
	case err != nil:
		return s, fmt.Errorf("the reminder's state %s could not be read (%v); remove it and the reminder starts afresh", textsafe.Quote(path), userfile.Cause(err))
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return State{}, fmt.Errorf("the reminder's state %s is damaged; remove it and the reminder starts afresh", textsafe.Quote(path))
	}
	return s, nil
}

// MarkNudged records that a nudge spoke on night.
func MarkNudged(path string, night time.Time) error {
	return update(path, func(s *State) { s.Nudged = nightKey(night) })
}

// MarkSkipped records "not tonight" for night.
func MarkSkipped(path string, night time.Time) error {
	return update(path, func(s *State) { s.Skipped = nightKey(night) })
}

// update changes the state file in one rename, readable only by the
// person (0600, folder 0700). A damaged file is replaced.
func update(path string, change func(*State)) error {
	s, _ := LoadState(path)
	change(&s)
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("the folder %s could not be created (%v); check that you can write there", textsafe.Quote(dir), userfile.Cause(err))
	}
	if err := userfile.WriteAtomic(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("the reminder's state %s could not be written (%v); check that you can write there", textsafe.Quote(path), userfile.Cause(err))
	}
	return nil
}
