package history

import (
	"charm.land/bubbles/v2/key"

	"github.com/supine-app/supine/internal/screens/scroll"
)

// keyMap is every key the history screen answers to.
type keyMap struct {
	scroll.Keys
	Clinician        key.Binding // record that a clinician checked an answer
	Back, Quit, Help key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Keys:      scroll.NewKeys(),
		Clinician: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "a clinician checked an answer")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// scrolling shows the scroll keys only when there is something to scroll.
func (k keyMap) scrolling(on bool) keyMap {
	k.Keys = k.Keys.Enabled(on)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Clinician, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down},
		{k.PageUp, k.PageDown},
		{k.Top, k.Bottom},
		{k.Clinician},
		{k.Back, k.Quit, k.Help},
	}
}
