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
func PadMayBeOnLine(minutes int) string {
	unit := " minutes"
	if minutes == 1 {
		unit = " minute"
	}
	return "The pad may still be on: it has been " + strconv.Itoa(minutes) + unit + " since it went on."
}

// SkinAdvice is the skin stop's advice in one paragraph.
func SkinAdvice() string { return strings.Join(safety.SkinStopAdvice(), " ") }
