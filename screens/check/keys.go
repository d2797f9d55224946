package check

import "charm.land/bubbles/v2/key"

// keyMap is every key the red-flag check answers to.
type keyMap struct {
	Up, Down     key.Binding
	Toggle, Done key.Binding
	None         key.Binding
	Back, Quit   key.Binding
	Help         key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Toggle: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "yes")),
		Done:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		None:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "none")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Toggle, k.Done, k.None, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down},
		{k.Toggle, k.Done, k.None},
		{k.Back, k.Quit, k.Help},
	}
}
