package sound

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/supine-app/supine/internal/userfile"
)

// cacheVersion is part of every file name: bump it when a pattern or the
// rendering changes so that old files are not played.
const cacheVersion = "v2"

// DefaultToneDir is where tones are cached: $XDG_CACHE_HOME/supine/tones
// on Linux (~/.cache/supine/tones when unset), the platform's cache folder
// elsewhere.
func DefaultToneDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder for tones (%v); set XDG_CACHE_HOME or use sound = \"bell\"", err)
	}
	return filepath.Join(base, "supine", "tones"), nil
}

// ToneFile returns the path of pattern p's WAV file in dir at the given
// volume, writing it first when it is missing or incomplete. The folder is
// created readable only by the user, like the rest of supine's files.
// Files are reused across runs; the write goes through a temporary file
// and a rename so a player never sees half a file.
func ToneFile(dir string, p Pattern, soft bool) (string, error) {
	volume, peak := "normal", PeakNormal
	if soft {
		volume, peak = "soft", PeakSoft
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.wav", p.Name, volume, cacheVersion))
	if fi, err := os.Stat(path); err == nil && fi.Size() == wavSize(sampleCount(p)) {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot create the tone folder %s (%v); fix its permissions or use sound = \"bell\"", dir, err)
	}
	var buf bytes.Buffer
	if err := WriteWAV(&buf, Render(p, peak), SampleRate); err != nil {
		return "", err
	}
	err := userfile.WriteAtomic(path, buf.Bytes(), 0o600)
	var noTemp *userfile.TempFileError
	switch {
	case errors.As(err, &noTemp):
		return "", fmt.Errorf("cannot write tones into %s (%v); fix its permissions or use sound = \"bell\"", dir, err)
	case err != nil:
		return "", fmt.Errorf("cannot write the tone %s (%v); free some space or use sound = \"bell\"", path, err)
	}
	return path, nil
}

// sampleCount is len(Render(p, peak)) for any peak, counted the way Render
// counts so that checking a cached file costs no synthesis: every player
// checks every pattern's file when it starts.
func sampleCount(p Pattern) int {
	n := 0
	for _, note := range p.Notes {
		n += samplesIn(note.Dur) + samplesIn(note.Gap)
	}
	return n
}
