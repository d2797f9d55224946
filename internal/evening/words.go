package evening

import (
	"strconv"
	"strings"

	"github.com/supine-app/supine/internal/safety"
)

// The evening's own lines; the medical ones come from package safety.
const (
	// HeatQuestionNo is why heat is left out after a yes or a "not sure"
	// to tonight's heat question.
	HeatQuestionNo = safety.NoHeatAfterQuestion
	// UnknownHeatLine is why heat is left out when tonight could not be
	// read and the person said they had used it, or were not sure.
	UnknownHeatLine = safety.UnknownNoHeat
	// ClaimingLine answers a key while the store is asked for the pad.
	ClaimingLine = "One moment: checking your history before the pad goes on."
	// ClaimUnknownLine is why heat is left out when the store could not
	// answer the claim.
	ClaimUnknownLine = "No heat tonight: your history could not be checked for heat in the last 2 hours."
	// LightsOutByItselfLine says the "after" check-in went unanswered.
	LightsOutByItselfLine = "No answer, so lights out came by itself. The tightness after is kept unanswered."
	// ReadingLine is shown while a decision waits for the store.
	ReadingLine = "Reading your history…"
)

// PadMayBeOnLine is the first thing said when the machine wakes from a
// sleep with the pad on.
func PadMayBeOnLine(n int) string {
	return "The pad may still be on: it has been " + minutes(n) + " since it went on."
}

// minutes says n minutes: "1 minute", "7 minutes".
func minutes(n int) string {
	if n == 1 {
		return "1 minute"
	}
	return strconv.Itoa(n) + " minutes"
}

// SkinAdvice is the skin stop's advice in one paragraph.
func SkinAdvice() string { return strings.Join(safety.SkinStopAdvice(), " ") }
