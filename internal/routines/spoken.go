package routines

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The spoken length of a line, estimated from its words alone, so that a
// plan can give a spoken line its time (Options.FitReady) without running a
// speech program. It is fitted to espeak-ng at the voice's rate (-s 140,
// package sound), the slowest of the speech programs supine uses, and
// errs long: the test that measures every built-in line with espeak-ng
// checks that it never falls short.
const (
	spokenLead     = 700 * time.Millisecond // the program starting, the first breath
	spokenPerChar  = 90 * time.Millisecond  // a letter or a space
	spokenPerPause = 400 * time.Millisecond // a comma, colon or full stop within the line
	digitChars     = 3                      // a digit is said as a word: "20", "twenty"
)

// SpokenLength estimates how long a voice takes to say words.
func SpokenLength(words string) time.Duration {
	words = strings.TrimSpace(words)
	if words == "" {
		return 0
	}
	chars, pauses := 0, 0
	for i, r := range words {
		switch {
		case unicode.IsDigit(r):
			chars += digitChars
		case strings.ContainsRune(",;:.!?", r):
			chars++
			if i+utf8.RuneLen(r) < len(words) {
				pauses++ // the last full stop ends the line: no pause after it
			}
		default:
			chars++
		}
	}
	return spokenLead + time.Duration(chars)*spokenPerChar + time.Duration(pauses)*spokenPerPause
}

// ReadyWords is what the get-ready of a step says, naming the step and the
// side the person starts on: "Get ready: knee to chest, left side." It is
// short on purpose: it must be said within the get-ready.
func (st Step) ReadyWords(side Side) string {
	name := lowerFirst(strings.TrimRight(strings.TrimSpace(st.Title), "."))
	w := "Get ready"
	if name != "" {
		w += ": " + name
	}
	if side != NoSide {
		w += ", " + side.String() + " side"
	}
	return w + "."
}

// lowerFirst lower-cases the first letter of a title, "Knee to chest" ->
// "knee to chest", but leaves an acronym ("TV stretch") as it is.
func lowerFirst(t string) string {
	r1, n := utf8.DecodeRuneInString(t)
	if r1 == utf8.RuneError {
		return t
	}
	if r2, _ := utf8.DecodeRuneInString(t[n:]); unicode.IsUpper(r2) {
		return t
	}
	return string(unicode.ToLower(r1)) + t[n:]
}

// readyFor is the get-ready of a step starting on side: o.GetReady, or with
// o.FitReady at least as long as its words take to say, rounded up to the
// second the countdown shows, within MaxGetReady.
func readyFor(st Step, side Side, o Options) time.Duration {
	d := o.GetReady
	if o.FitReady {
		said := SpokenLength(st.ReadyWords(side))
		d = max(d, (said + time.Second - 1).Truncate(time.Second))
	}
	return min(d, MaxGetReady)
}
