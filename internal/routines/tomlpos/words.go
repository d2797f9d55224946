package tomlpos

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Describe names a value the way the person wrote it, with its type:
// `"20" is a string`, `20 is a number`.
func Describe(v *Value) string {
	switch v.Kind {
	case String:
		return Quote(v.Str) + " is a string"
	case Int, Float:
		return v.Raw + " is a number"
	case Bool:
		return v.Raw + " is true/false"
	case Date:
		return v.Raw + " is a date"
	case List:
		return "this is a list"
	}
	return "this is a table"
}

// Quote shows a string in double quotes, shortened so a runaway value does
// not flood the message.
func Quote(s string) string {
	const limit = 40
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit]) + "…"
	}
	return strconv.Quote(s)
}

// Closest suggests the allowed word nearest to got, when one is near enough
// to be a typo.
func Closest(got string, allowed []string) string {
	best, bestDist := "", 3
	for _, a := range allowed {
		if d := editDistance(strings.ToLower(got), a); d < bestDist {
			best, bestDist = a, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance, bounded in cost by the short
// words it is used on (keys are capped before they get here).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 64
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// OrList joins words as "a, b or c".
func OrList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// FormatDuration writes a duration the way a person would in a routine or
// settings file ("20s", "5m", "1m30s", "1h"), so a message suggests a value
// that can be pasted back in.
func FormatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
