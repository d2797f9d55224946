// Package guide holds the sleep set-up advice by sleep position and the
// "why is it tight" explainer, written from CONTENT.md section 1.
//
// It imports no UI package.
package guide

// Position is a sleep position.
type Position string

const (
	Side    Position = "side"
	Back    Position = "back"
	Stomach Position = "stomach"
)

// Setup is the pillow set-up for one position.
type Setup struct {
	Position Position
	Title    string   // "On your side"
	Head     string   // head pillow advice
	Knees    string   // knee / hip pillow advice
	Extra    []string // further lines (e.g. stomach sleeping is discouraged)
}

// Cause is one contributor to tightness when lying down.
type Cause struct {
	Title string
	Body  string
}
