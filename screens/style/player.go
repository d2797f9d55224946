package style

// PlayerStyles are the player's and summary's styles.
type PlayerStyles struct{}

func newPlayerStyles(p Palette) PlayerStyles { return PlayerStyles{} }
