package recheck

import "charm.land/bubbles/v2/key"

// keyMap is every key the screen answers to. Enter is not among them: the
// answer must be a y, an n or a u, never a key pressed out of habit.
type keyMap struct {
	Yes, No, Unsure key.Binding
	Up, Down        key.Binding
	Back, Quit      key.Binding
	Help            key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Unsure: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "not sure")),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Yes, k.No, k.Unsure},
		{k.Up, k.Down},
		{k.Back, k.Quit, k.Help},
	}
}
