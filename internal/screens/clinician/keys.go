package clinician

import (
	"charm.land/bubbles/v2/key"

	"github.com/supine-app/supine/internal/screens/scroll"
)

// keyMap is every key the screen answers to. The date keys (t, y, digits,
// enter) are the dateinput field's; they are named here for the help.
type keyMap struct {
	scroll.Keys
	Pick             key.Binding
	Today, Yesterday key.Binding
	Set              key.Binding
	Back, Quit, Help key.Binding
}

func newKeyMap(items int) keyMap {
	k := keyMap{
		Keys:      scroll.NewKeys(),
		Pick:      key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pick")),
		Today:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "today")),
		Yesterday: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yesterday")),
		Set:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save the date typed")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
	k.Pick.SetEnabled(items > 1)
	k.Today.SetEnabled(items > 0)
	k.Yesterday.SetEnabled(items > 0)
	k.Set.SetEnabled(items > 0)
	// With more than one item the arrows move between them; the page keys
	// still scroll.
	if items > 1 {
		k.Up.SetHelp("↑/k", "up")
		k.Down.SetHelp("↓/j", "down")
	}
	return k
}

// scrolling shows the scroll keys only when there is something to scroll;
// the arrows stay on with more than one item to move between.
func (k keyMap) scrolling(on bool, items int) keyMap {
	up, down := k.Up, k.Down
	k.Keys = k.Keys.Enabled(on)
	if items > 1 {
		k.Up, k.Down = up, down
	}
	return k
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Pick, k.Today, k.Yesterday, k.Set, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Pick},
		{k.Today, k.Yesterday, k.Set},
		{k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Back, k.Quit, k.Help},
	}
}
