package screens

import "github.com/supine-app/supine/internal/history"

// The actions of the Patient-Specific Functional Scale (the activities
// screen) and of the heat trial's screen.
type (
	// OpenActivities opens the activities screen (home).
	OpenActivities struct{}
	// RateActivities is one sitting: each activity's score, new ones
	// with their names (history.SaveRatings keeps it whole).
	RateActivities struct{ Answers []history.Rated }
	// DropActivity stops rating an activity; its past ratings stay.
	DropActivity struct{ ID int64 }

	// OpenTrial opens the heat trial's screen (home).
	OpenTrial struct{}
	// StartTrial starts a heat trial, after the screen said what it is.
	StartTrial struct{}
	// StopTrial stops the running trial, after the screen asked.
	StopTrial struct{}
)

func (OpenActivities) action() {}
func (RateActivities) action() {}
func (DropActivity) action()   {}
func (OpenTrial) action()      {}
func (StartTrial) action()     {}
func (StopTrial) action()      {}
