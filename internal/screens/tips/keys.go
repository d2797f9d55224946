package tips

import (
	"charm.land/bubbles/v2/key"

	"github.com/supine-app/supine/internal/screens/scroll"
)

// keyMap is every key the sleep-setup screen answers to.
type keyMap struct {
	Next, Prev key.Binding
	Jump       key.Binding
	scroll.Keys
	Use        key.Binding
	Back, Quit key.Binding
	Help       key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Next: key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→", "next")),
		Prev: key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←", "previous")),
		Jump: key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1-3", "position")),
		Keys: scroll.NewKeys(),
		Use:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use this")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

// scrolling shows the scroll keys only when there is something to scroll.
func (k keyMap) scrolling(on bool) keyMap {
	k.Keys = k.Keys.Enabled(on)
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Use, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Jump},
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Use, k.Back, k.Quit, k.Help},
	}
}
