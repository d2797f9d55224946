package sound

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

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
// volume, writing it first when it is missing or not what supine wrote
// (see cached). The folder is created readable only by the user, like the
// rest of supine's files. Files are reused across runs; the write goes
// through a temporary file and a rename so a player never sees half a
// file, and the file's SHA-256 is kept beside it (NAME.wav.sha256).
func ToneFile(dir string, p Pattern, soft bool) (string, error) {
	volume, peak := "normal", PeakNormal
	if soft {
		volume, peak = "soft", PeakSoft
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.wav", p.Name, volume, cacheVersion))
	if cached(path, sampleCount(p), peak) {
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
	if err == nil {
		err = userfile.WriteAtomic(path+sumSuffix, []byte(digest(buf.Bytes())+"\n"), 0o600)
	}
	var noTemp *userfile.TempFileError
	switch {
	case errors.As(err, &noTemp):
		return "", fmt.Errorf("cannot write tones into %s (%v); fix its permissions or use sound = \"bell\"", dir, err)
	case err != nil:
		return "", fmt.Errorf("cannot write the tone %s (%v); free some space or use sound = \"bell\"", path, err)
	}
	return path, nil
}

// sumSuffix names the file beside a tone that holds its SHA-256.
const sumSuffix = ".sha256"

// cached reports whether the file at path is the tone of n samples at peak
// that supine wrote: its size, its header byte for byte, its SHA-256 as
// kept beside it, and no sample above peak. The size alone let a damaged
// header, or a full-scale file of the same size, be played every night.
// It costs a read and a hash, not a synthesis: every player checks every
// pattern's file when it starts.
func cached(path string, n int, peak float64) bool {
	data, err := userfile.Read(path, wavSize(n))
	if err != nil || int64(len(data)) != wavSize(n) {
		return false
	}
	var header bytes.Buffer
	if writeHeader(&header, n, SampleRate) != nil || !bytes.Equal(data[:header.Len()], header.Bytes()) {
		return false
	}
	sum, err := userfile.Read(path+sumSuffix, 128)
	if err != nil || strings.TrimSpace(string(sum)) != digest(data) {
		return false
	}
	limit := int(math.Min(peak, PeakNormal) * math.MaxInt16)
	for i := header.Len(); i+1 < len(data); i += 2 {
		v := int(int16(binary.LittleEndian.Uint16(data[i:])))
		if v > limit || -v > limit {
			return false
		}
	}
	return true
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
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
