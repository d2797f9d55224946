package recheck

import "charm.land/bubbles/v2/key"

// keyMap is every key the screen answers to. Enter is not among them: the
// answer must be a y or an n, never a key pressed out of habit.
type keyMap struct {
	Yes, No    key.Binding
	Back, Quit key.Binding
	Help       key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Yes:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.Back, k.Help}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Yes, k.No},
		{k.Back, k.Quit, k.Help},
	}
}
