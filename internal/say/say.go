// Package say turns an error into the one sentence a person reads. Errors
// inside supine follow Go's convention (lower case, no full stop) so they
// can be wrapped; only the place that shows one to a person makes it a
// sentence, and it must not repeat what the error already says: "could not
// be saved: The session could not be saved ..." reads as a stutter.
package say

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence shows err under a heading such as "Tonight's session could not
// be saved". When err already says what could not be done (the history
// store's errors do, with the path), the heading is left out; otherwise the
// heading leads and err gives the cause.
func Sentence(heading string, err error) string {
	if err == nil {
		return ""
	}
	msg := strings.TrimSpace(err.Error())
	if heading == "" || selfExplaining(msg) {
		return Capital(Stop(msg))
	}
	return Capital(heading) + ": " + Stop(msg)
}

// selfExplaining reports whether an error already names what failed, e.g.
// "the session could not be saved to ...".
func selfExplaining(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "could not be ") || strings.Contains(m, "cannot be ")
}

// Capital upper-cases the first letter, unless the text starts with a path
// (or anything else that is not a word), which prints as it is.
func Capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Stop ends a sentence with a full stop unless it already ends with one, a
// question mark or an exclamation mark.
func Stop(s string) string {
	s = strings.TrimRight(s, " ")
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}
