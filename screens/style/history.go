package style

// HistoryStyles are the history screen's styles.
type HistoryStyles struct{}

func newHistoryStyles(p Palette) HistoryStyles { return HistoryStyles{} }
