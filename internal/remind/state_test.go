package remind

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestStateRoundTrip(t *testing.T) {
	path := StatePath(filepath.Join(t.TempDir(), "state"))
	night := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	if s, err := LoadState(path); err != nil || s.Skips(night) || s.NudgedOn(night) {
		t.Fatalf("a missing file: %+v %v", s, err)
	}
	if err := MarkSkipped(path, night); err != nil {
		t.Fatal(err)
	}
	if err := MarkNudged(path, night.AddDate(0, 0, -1)); err != nil {
		t.Fatal(err)
	}
	s, err := LoadState(path)
	if err != nil || !s.Skips(night) || s.NudgedOn(night) || !s.NudgedOn(night.AddDate(0, 0, -1)) {
		t.Errorf("read back %+v %v", s, err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the state file has mode %v (%v), want 0600", info.Mode(), err)
	}
	if dir, _ := os.Stat(filepath.Dir(path)); dir.Mode().Perm() != 0o700 {
		t.Errorf("the state folder has mode %v, want 0700", dir.Mode())
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadState(path); err == nil {
		t.Errorf("a damaged state read as fine")
	}
	if err := MarkSkipped(path, night); err != nil {
		t.Errorf("a damaged state is not replaced: %v", err)
	}
}
