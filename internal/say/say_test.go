package say

import (
	"errors"
	"testing"
)

func TestSentence(t *testing.T) {
	tests := []struct {
		name, heading, err, want string
	}{
		{"cause under a heading", "Tonight's session could not be saved", "the disk is full",
			"Tonight's session could not be saved: the disk is full."},
		{"an error that says what failed is not repeated", "Tonight's session could not be saved",
			"the session could not be saved to /tmp/a/supine.db: disk I/O error",
			"The session could not be saved to /tmp/a/supine.db: disk I/O error."},
		{"no heading", "", "the history is busy; close the other window", "The history is busy; close the other window."},
		{"a path first prints as it is", "", "/tmp/Ux/config.toml already exists", "/tmp/Ux/config.toml already exists."},
		{"a full stop is not doubled", "", "the file is gone.", "The file is gone."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentence(tt.heading, errors.New(tt.err)); got != tt.want {
				t.Errorf("Sentence(%q, %q) = %q, want %q", tt.heading, tt.err, got, tt.want)
			}
		})
	}
}
