package plain

import (
	"context"
	"io"
	"time"
)

// eventKind says what arrived on the input.
type eventKind int

const (
	evKey       eventKind = iota // one key press (key mode)
	evLine                       // one line of text without its ending (line mode)
	evEOF                        // the input has ended; nothing more will come
	evInterrupt                  // Ctrl+C read as a byte (key mode without signals)
)

// event is one thing a person did. In key mode Enter is the key '\n'; in
// line mode it is an empty line.
type event struct {
	kind eventKind
	key  byte
	line string
}

// maxLine bounds a line in line mode, so junk piped in without newlines
// cannot grow memory without end. No answer supine asks for is near it.
const maxLine = 1024

// tokenizer turns raw input bytes into events. Key mode (a terminal in key
// mode) gives one event per key; line mode (a pipe, a file, or a terminal
// that still edits lines itself) gives one event per line.
type tokenizer struct {
	keys   bool
	line   []byte
	lastCR bool // a '\r' just ended a line or key: a '\n' right after belongs to it
	esc    int  // 0, 1 after ESC, 2 inside an escape sequence (arrow keys)
}

func (t *tokenizer) feed(data []byte) []event {
	var out []event
	for _, b := range data {
		if b == '\n' && t.lastCR {
			t.lastCR = false
			continue
		}
		t.lastCR = b == '\r'
		if t.keys {
			out = t.key(out, b)
			continue
		}
		switch b {
		case '\r', '\n':
			out = append(out, event{kind: evLine, line: string(t.line)})
			t.line = t.line[:0]
		default:
			if len(t.line) < maxLine {
				t.line = append(t.line, b)
			}
		}
	}
	return out
}

// key reads one byte in key mode. Arrow keys come as escape sequences
// (ESC [ C); right and left mean next and back, as in the full-screen
// player. Every other sequence is dropped whole, so its bytes are never
// taken for keys.
func (t *tokenizer) key(out []event, b byte) []event {
	switch t.esc {
	case 1:
		if b == '[' || b == 'O' {
			t.esc = 2
			return out
		}
		t.esc = 0 // a lone Esc, or Alt with a key: take the key alone
	case 2:
		if b < 0x40 || b > 0x7e {
			return out // parameter bytes
		}
		t.esc = 0
		switch b {
		case 'C':
			return append(out, event{kind: evKey, key: 'n'})
		case 'D':
			return append(out, event{kind: evKey, key: 'b'})
		}
		return out
	}
	switch b {
	case 0x1b:
		t.esc = 1
	case 0x03:
		out = append(out, event{kind: evInterrupt})
	case '\r', '\n':
		out = append(out, event{kind: evKey, key: '\n'})
	default:
		out = append(out, event{kind: evKey, key: b})
	}
	return out
}

// flush ends the input: a last line without its newline still counts.
func (t *tokenizer) flush() []event {
	var out []event
	if !t.keys && len(t.line) > 0 {
		out = append(out, event{kind: evLine, line: string(t.line)})
		t.line = t.line[:0]
	}
	return append(out, event{kind: evEOF})
}

// waiter is where Run waits: for the next input event, or until d has
// passed, whichever comes first. It is the seam tests replace with a
// script on a fake clock, so a whole routine runs at once and in a fixed
// order.
type waiter interface {
	// next returns the next event, or ok false when d passed first. A
	// negative d waits for input alone. Once the input has ended, next
	// returns an evEOF event at once when d is negative, and otherwise
	// waits out d. The error is ctx's, when it ends first.
	next(ctx context.Context, d time.Duration) (ev event, ok bool, err error)
}

// inputWaiter waits on real input and real timers.
type inputWaiter struct {
	events <-chan event
	ended  bool
}

// newInputWaiter starts reading r in the background. A goroutine blocked
// in a read of a terminal cannot be woken, so it may outlive Run; it
// stops at the next read once ctx is done, and a program exits past it.
func newInputWaiter(ctx context.Context, r io.Reader, keys bool) *inputWaiter {
	ch := make(chan event)
	go func() {
		defer close(ch)
		tok := tokenizer{keys: keys}
		buf := make([]byte, 256)
		for {
			n, err := r.Read(buf)
			evs := tok.feed(buf[:n])
			if err != nil {
				// Any read error ends the input like EOF: a closed
				// terminal gives EIO, and there is nothing more to read.
				evs = append(evs, tok.flush()...)
			}
			for _, ev := range evs {
				select {
				case ch <- ev:
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return &inputWaiter{events: ch}
}

func (w *inputWaiter) next(ctx context.Context, d time.Duration) (event, bool, error) {
	if w.ended && d < 0 {
		return event{kind: evEOF}, true, nil
	}
	var timeout <-chan time.Time
	if d >= 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	events := w.events
	if w.ended {
		events = nil // closed: would be ready forever
	}
	select {
	case ev, open := <-events:
		if !open || ev.kind == evEOF {
			w.ended = true
			return event{kind: evEOF}, true, nil
		}
		return ev, true, nil
	case <-timeout:
		return event{}, false, nil
	case <-ctx.Done():
		return event{}, false, ctx.Err()
	}
}
