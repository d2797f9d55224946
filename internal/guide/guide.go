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
	Body     string   // the pillow lower down: between or under the knees, or under the hips
	BodyPart string   // what Body is about, its label on screen: "Knees" or "Hips"
	Extra    []string // notes on the position as a whole, not on one pillow
}

// Cause is one contributor to tightness when lying down.
type Cause struct {
	Title string
	Body  string
}
