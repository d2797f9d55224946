package style

// Styles is everything a screen draws with, built from one Palette.
// Owned by the screens helper: common styles and the groups of the simple
// screens live here; the player and history groups live in their own files.
type Styles struct {
	Palette Palette
	Player  PlayerStyles
	History HistoryStyles
}

// New builds the styles for a palette.
func New(p Palette) Styles {
	return Styles{
		Palette: p,
		Player:  newPlayerStyles(p),
		History: newHistoryStyles(p),
	}
}
