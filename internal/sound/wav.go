package sound

import (
	"encoding/binary"
	"io"
)

// WriteWAV writes samples as a canonical 44-byte-header PCM WAV file:
// 16-bit, mono, at the given rate, little-endian as the format requires.
func WriteWAV(w io.Writer, samples []int16, rate int) error {
	if err := writeHeader(w, len(samples), rate); err != nil {
		return err
	}
	return binary.Write(w, binary.LittleEndian, samples)
}

// writeHeader writes the 44-byte header of n samples at rate: the first
// bytes of every file WriteWAV writes, which the tone cache checks.
func writeHeader(w io.Writer, n, rate int) error {
	const channels, bits = 1, 16
	data := uint32(n * 2)
	header := struct {
		Riff       [4]byte
		Size       uint32
		Wave       [4]byte
		Fmt        [4]byte
		FmtSize    uint32
		Format     uint16
		Channels   uint16
		Rate       uint32
		ByteRate   uint32
		BlockAlign uint16
		Bits       uint16
		Data       [4]byte
		DataSize   uint32
	}{
		[4]byte{'R', 'I', 'F', 'F'}, 36 + data, [4]byte{'W', 'A', 'V', 'E'},
		[4]byte{'f', 'm', 't', ' '}, 16, 1, channels, uint32(rate),
		uint32(rate * channels * bits / 8), channels * bits / 8, bits,
		[4]byte{'d', 'a', 't', 'a'}, data,
	}
	return binary.Write(w, binary.LittleEndian, header)
}

// wavSize is the size of the file WriteWAV writes for n samples; the cache
// uses it to tell a complete file from a truncated one.
func wavSize(n int) int64 { return 44 + 2*int64(n) }
